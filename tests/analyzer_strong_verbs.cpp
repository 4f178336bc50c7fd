// StrongVerbFilter: the irregular forms of strong and mixed verbs meet their infinitive, also
// behind verb prefixes; nouns, adjectives and words of another sense stay.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/analysis/strong_verb_filter.h"

using namespace archivar;

TEST_CASE("strong verb forms give their infinitive", "[analyzer][verbs]") {
  const CompoundDictionary& words = CompoundDictionary::standard();
  const std::vector<std::pair<const char*, const char*>> forms = {
      {"starb", "sterben"},
      {"starben", "sterben"},  // past, with its ending
      {"stirbt", "sterben"},
      {"gestorben", "sterben"},
      {"gestorbene", "sterben"},  // participle as adjective
      {"verstarb", "versterben"},
      {"verstorben", "versterben"},    // inseparable prefix
      {"ausgestorben", "aussterben"},  // particle + ge-
      {"stattgefunden", "stattfinden"},
      {"teilgenommen", "teilnehmen"},
      {"anerkannt", "anerkennen"},  // two prefixes
      {"zurueckgetreten", "zuruecktreten"},
      {"gibt", "geben"},
      {"gaebe", "geben"},  // vowel change, subjunctive
      {"brachte", "bringen"},
      {"erhielt", "erhalten"},
      {"entstand", "entstehen"},
      {"sass", "sitzen"},        // ß folded
      {"sa\xC3\x9F", "sitzen"},  // ß kept
  };
  for (const auto& [form, infinitive] : forms) {
    INFO(form);
    CHECK(strong_verb_infinitive(form, words) == infinitive);
  }
}

TEST_CASE("words that are no strong verb form stay", "[analyzer][verbs]") {
  const CompoundDictionary& words = CompoundDictionary::standard();
  // Infinitives, adjectives of another sense, nouns with a verb's letters, unrelated words.
  for (const char* word : {"sterben", "geben", "bekannt", "verschieden", "verwandt", "vergangen",
                           "weiss", "bote", "lage", "gut", "heute", "stadt", "gefallen"}) {
    INFO(word);
    CHECK(strong_verb_infinitive(word, words).empty());
  }
}

TEST_CASE("the analyzer stems every form of a strong verb alike, nouns apart",
          "[analyzer][verbs]") {
  Analyzer analyzer;  // the product's default chain
  REQUIRE(analyzer.options().strong_verbs);
  const auto terms = [&](const std::string& text) { return analyzer.terms(text); };
  CHECK(terms("starb") == terms("sterben"));
  CHECK(terms("gestorben") == terms("sterben"));
  CHECK(terms("verstorbenen") == terms("versterben"));
  CHECK(terms("gewann") == terms("gewinnen"));
  // "Stand" and "Schloss" are nouns; "stand" and "schloss" the verbs' past.
  CHECK(terms("der Stand") != terms("der stehen"));
  CHECK(terms("er stand") == terms("er stehen"));
  CHECK(terms("das Schloss") != terms("das schliessen"));

  AnalyzerOptions without;
  without.strong_verbs = false;
  Analyzer plain(without);
  CHECK(plain.terms("starb") != plain.terms("sterben"));
  CHECK(without.to_string().find("strong") == std::string::npos);
  CHECK(AnalyzerOptions::parse(AnalyzerOptions{}.to_string()).strong_verbs);
}
