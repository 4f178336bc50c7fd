// Two analysis steps of issue 15: ß kept apart from ss where both spellings are words
// (Maße, Masse), folded where the other is none (Straße, Strasse); and a full stop between
// a word and a capitalised word ("entgegentreten.Maskenpflicht") as a word boundary.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/analysis/compound_dictionary.h"

using archivar::Analyzer;
using archivar::AnalyzerOptions;
using Terms = std::vector<std::string>;

TEST_CASE("eszett: apart where the ss spelling is another word, folded where it is none",
          "[analyzer][eszett]") {
  Analyzer analyzer;
  CHECK(analyzer.terms("Maße") == Terms{"maß"});
  CHECK(analyzer.terms("Masse") == Terms{"mass"});
  // Every form of the kept stem, also those whose ss spelling is no word (Mass).
  CHECK(analyzer.terms("Maß") == Terms{"maß"});
  CHECK(analyzer.terms("MASSE") == Terms{"mass"});
  CHECK(analyzer.terms("Buße") == analyzer.terms("Bußen"));
  CHECK(analyzer.terms("Buße") != analyzer.terms("Busse"));
  CHECK(analyzer.terms("Straße") == analyzer.terms("Strasse"));
  CHECK(analyzer.terms("Maßnahmen") == analyzer.terms("Massnahmen"));
  CHECK(analyzer.terms("Großteil") == analyzer.terms("Grossteil"));
}

TEST_CASE("eszett: the word list decides, and an old index keeps folding", "[analyzer][eszett]") {
  const auto& dictionary = archivar::CompoundDictionary::standard();
  CHECK(dictionary.keeps_sharp_s("maße"));
  CHECK(dictionary.keeps_sharp_s("maß"));
  CHECK_FALSE(dictionary.keeps_sharp_s("straße"));
  CHECK_FALSE(dictionary.keeps_sharp_s("masse"));  // no ß: nothing to keep
  // An index written before this step records no "eszett": it folds as it did.
  Analyzer before(AnalyzerOptions::parse("hyphens,fold,stem,compounds,verbs,apostrophes"));
  CHECK(before.terms("Maße") == before.terms("Masse"));
}

TEST_CASE("dots: a sentence end without its space parts two words, abbreviations stay",
          "[analyzer][dots]") {
  Analyzer analyzer;
  CHECK(analyzer.terms("entgegentreten.Maskenpflicht") ==
        Terms{"entgegentret", "maskenpflicht", "mask", "pflicht"});
  CHECK(analyzer.terms("Hrsg.Max") == Terms{"hrsg", "max"});
  CHECK(analyzer.terms("z.B.") == Terms{"zb"});
  CHECK(analyzer.terms("U.S.Army").size() == 1);  // one letter before the dot: no split
  CHECK(analyzer.terms("zeit.de").size() == 1);
  CHECK(analyzer.terms("Spiegel.de").size() == 1);  // lower case after the dot
  // The two words take two positions, as if the space were there.
  const auto tokens = analyzer.analyze("Ende.Neu");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[1].position == tokens[0].position + 1);
  // An index written before this step reads the join as one word, as it did.
  Analyzer before(AnalyzerOptions::parse("hyphens,fold,stem,compounds,verbs,apostrophes"));
  CHECK(before.terms("Ende.Neu").size() == 1);
}
