// FeminineFormFilter: feminine person nouns gain their masculine base, nothing else does.
#include <catch2/catch.hpp>

#include "common/analysis/analyzer.h"
#include "common/analysis/feminine_form_filter.h"

using namespace archivar;

TEST_CASE("feminine forms of person nouns give their masculine base", "[analyzer][feminine]") {
  const CompoundDictionary& words = CompoundDictionary::standard();
  CHECK(masculine_base("ministerin", words) == "minister");
  CHECK(masculine_base("kanzlerin", words) == "kanzler");
  CHECK(masculine_base("politikerinnen", words) == "politiker");
  CHECK(masculine_base("journalistin", words) == "journalist");
  CHECK(masculine_base("studentinnen", words) == "student");
  CHECK(masculine_base("kandidatin", words) == "kandidat");
}

TEST_CASE("words that merely end in -in stay alone", "[analyzer][feminine]") {
  const CompoundDictionary& words = CompoundDictionary::standard();
  for (const char* word : {"termin", "berlin", "medizin", "benzin", "magazin", "disziplin",
                           "vitamin", "kamin", "protein", "ruin", "innen", "minister"}) {
    INFO(word);
    CHECK(masculine_base(word, words).empty());
  }
}

TEST_CASE("the base is stacked on the feminine form and stemmed", "[analyzer][feminine]") {
  AnalyzerOptions options;
  options.feminine_forms = true;
  options.split_compounds = false;
  Analyzer analyzer(options);
  const TokenStream tokens = analyzer.analyze("Die Ministerin sprach");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1].text == "ministerin");
  CHECK(tokens[2].text == "minist");  // the base, stemmed like "Minister"
  CHECK(tokens[2].position == tokens[1].position);
  CHECK(tokens[2].start == tokens[1].start);
  CHECK(tokens[2].end == tokens[1].end);
  CHECK(tokens[2].is_compound_part);
  CHECK(analyzer.terms("Minister") == std::vector<std::string>{"minist"});
}
