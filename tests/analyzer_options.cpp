// Tests of AnalyzerOptions (common/analysis/analyzer.h): the spelling stored in an index,
// parsing it back, and what switching each step off does to the terms.
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"

namespace {

using archivar::Analyzer;
using archivar::AnalyzerOptions;
using Terms = std::vector<std::string>;

AnalyzerOptions make(bool hyphens, bool fold, bool stem) {
  return AnalyzerOptions{.split_hyphens = hyphens,
                         .fold_letters = fold,
                         .stem = stem,
                         .split_compounds = false,
                         .weak_verbs = false,
                         .particle_verbs = false,
                         .strong_verbs = false,
                         .apostrophes = false,
                         .sentence_dots = false,
                         .sharp_s = false};
}

// The message of the std::invalid_argument parse() throws, or "(no error)".
std::string parse_error(std::string_view spec) {
  try {
    AnalyzerOptions::parse(spec);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("analyzer options: spellings of the product default and of none", "[analyzer]") {
  CHECK(AnalyzerOptions{}.to_string() ==
        "hyphens,fold,stem,compounds,verbs,strong,particles,apostrophes,dots,eszett");
  CHECK(make(false, false, false).to_string() == "plain");
  CHECK(make(false, true, false).to_string() == "fold");
  CHECK(make(true, false, true).to_string() == "hyphens,stem");
}

TEST_CASE("analyzer options: parse reads back what to_string wrote", "[analyzer]") {
  for (const bool hyphens : {false, true}) {
    for (const bool fold : {false, true}) {
      for (const bool stem : {false, true}) {
        const AnalyzerOptions options = make(hyphens, fold, stem);
        const std::string spec = options.to_string();
        INFO("spec: " << spec);
        const AnalyzerOptions parsed = AnalyzerOptions::parse(spec);
        CHECK(parsed.split_hyphens == hyphens);
        CHECK(parsed.fold_letters == fold);
        CHECK(parsed.stem == stem);
      }
    }
  }
}

TEST_CASE("analyzer options: parse takes the words in any order", "[analyzer]") {
  const AnalyzerOptions options = AnalyzerOptions::parse("stem,hyphens");
  CHECK(options.split_hyphens);
  CHECK_FALSE(options.fold_letters);
  CHECK(options.stem);
  CHECK(options.to_string() == "hyphens,stem");

  const AnalyzerOptions plain = AnalyzerOptions::parse("plain");
  CHECK_FALSE(plain.split_hyphens);
  CHECK_FALSE(plain.fold_letters);
  CHECK_FALSE(plain.stem);
}

TEST_CASE("analyzer options: unknown words are rejected and named", "[analyzer]") {
  CHECK(parse_error("stemming").find("stemming") != std::string::npos);
  CHECK(parse_error("hyphens,fold,snowball").find("snowball") != std::string::npos);
  CHECK(parse_error("Stem") != "(no error)");  // case matters: the index stores lower case
  CHECK(parse_error(" stem") != "(no error)");
  CHECK_THROWS_AS(AnalyzerOptions::parse("hyphens;stem"), std::invalid_argument);
}

TEST_CASE("analyzer options: the analyzer keeps the options it was made with", "[analyzer]") {
  const Analyzer analyzer(make(true, false, true));
  CHECK(analyzer.options().to_string() == "hyphens,stem");
}

TEST_CASE("analyzer options: without stemming the folded word is the term", "[analyzer]") {
  Analyzer analyzer(make(true, true, false));
  CHECK(analyzer.terms("Botschaften") == Terms{"botschaften"});
  CHECK(analyzer.terms("Müller") == Terms{"mueller"});
  CHECK(analyzer.terms("Mueller") == Terms{"mueller"});
  CHECK(analyzer.terms("Straße") == Terms{"strasse"});
  CHECK(analyzer.terms("Café") == Terms{"cafe"});
  CHECK(analyzer.terms("Ukraine-Krise") == Terms{"ukraine", "ukrainekrise", "krise"});
  CHECK(analyzer.terms("U.S. z.B. 1.200") == Terms{"us", "zb", "1200"});
}

TEST_CASE("analyzer options: without folding (and stemming) umlauts and accents stay",
          "[analyzer]") {
  Analyzer analyzer(make(true, false, false));
  CHECK(analyzer.terms("München") == Terms{"münchen"});
  CHECK(analyzer.terms("MÜNCHEN") == Terms{"münchen"});  // case folding still runs
  CHECK(analyzer.terms("Muenchen") == Terms{"muenchen"});
  CHECK(analyzer.terms("Café") == Terms{"café"});
  CHECK(analyzer.terms("Straße") == Terms{"strasse"});   // ß → ss is case folding, not this step
  CHECK(analyzer.terms("Pro\uFB01") == Terms{"profi"});  // NFKC too
}

TEST_CASE("analyzer options: without folding german2 still joins ü and ue", "[analyzer]") {
  // Snowball's german2 reads "ue" as "ü" and writes stems without umlauts, so stemming alone
  // already makes München and Muenchen meet; accents other than umlauts are kept.
  Analyzer analyzer(make(true, false, true));
  CHECK(analyzer.terms("München") == Terms{"munch"});
  CHECK(analyzer.terms("Muenchen") == Terms{"munch"});
  CHECK(analyzer.terms("Café") == Terms{"café"});
}

TEST_CASE("analyzer options: without hyphen splitting a hyphenated word is one term",
          "[analyzer]") {
  Analyzer analyzer(make(false, true, true));
  const auto tokens = analyzer.analyze("Die Ukraine-Krise");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[1].text == "ukraine-kris");
  CHECK_FALSE(tokens[1].is_part);
  CHECK(tokens[1].position == 1);
  CHECK(analyzer.terms("COVID-19") == Terms{"covid-19"});
}

TEST_CASE("analyzer options: plain analysis only case-folds", "[analyzer]") {
  Analyzer analyzer(AnalyzerOptions::parse("plain"));
  CHECK(analyzer.terms("Die Botschaften Münchens, Ukraine-Krise") ==
        Terms{"die", "botschaften", "münchens", "ukraine-krise"});
}

// StopWordFilter's list is written in folded spelling ("fuer", "ueber"); with letter folding
// switched off the token is "für", so an ablation without folding also loses these stop words.
TEST_CASE("analyzer options: stop words with umlauts are marked without letter folding",
          "[analyzer]") {
  Analyzer analyzer(make(true, false, true));
  const auto tokens = analyzer.analyze("für über während");
  REQUIRE(tokens.size() == 3);
  for (const auto& token : tokens) {
    INFO(token.text);
    CHECK(token.is_stop_word);
  }
}

TEST_CASE("analyzer options: apostrophes go, whichever character writes them", "[analyzer]") {
  Analyzer analyzer;
  // Typewriter, typographic, left quote used as one, modifier letter: one term.
  const Terms kudamm = analyzer.terms("Kudamm");
  for (const char* written : {"Ku'damm", "Ku\u2019damm", "Ku\u2018damm", "Ku\u02bcdamm"}) {
    INFO(written);
    CHECK(analyzer.terms(written) == kudamm);
  }
  // A genitive or clitic -s behind an apostrophe stems as without it.
  CHECK(analyzer.terms("Söder's") == analyzer.terms("Söders"));
  CHECK(analyzer.terms("Söder’s") == analyzer.terms("Söder"));
  CHECK(analyzer.terms("gibt's") == analyzer.terms("gibt’s"));
  CHECK(analyzer.terms("McDonald's") == analyzer.terms("McDonald’s"));
  // Quotation marks around a word are not part of it.
  CHECK(analyzer.terms("‚Krise‘") == analyzer.terms("Krise"));
  // The modifier letter apostrophe is a word of its own to ICU: without it nothing is
  // left, and an empty term would fail the whole commit (FANG-COVID: "anzuzweifeln?ʼ […]").
  CHECK(analyzer.terms("anzuzweifeln?\u02bc Heute") == analyzer.terms("anzuzweifeln? Heute"));
}

TEST_CASE("analyzer options: an analysis without the apostrophe step keeps them", "[analyzer]") {
  AnalyzerOptions options;
  options.apostrophes = false;
  Analyzer analyzer(options);
  CHECK(analyzer.terms("Ku'damm") == Terms{"ku'damm"});
  CHECK(AnalyzerOptions::parse(options.to_string()).apostrophes == false);
  CHECK(AnalyzerOptions::parse("hyphens,apostrophes").apostrophes);
}
