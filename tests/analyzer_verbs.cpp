// WeakVerbFilter: past and participle forms of weak verbs meet their infinitive; nouns,
// adjectives and other words stay as Snowball leaves them.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/analysis/weak_verb_filter.h"

using namespace archivar;

TEST_CASE("weak verb forms give their infinitive", "[analyzer][verbs]") {
  const CompoundDictionary& words = CompoundDictionary::standard();
  const std::vector<std::pair<const char*, const char*>> forms = {
      {"erhoehte", "erhoehen"},
      {"erhoehten", "erhoehen"},  // past
      {"erhoeht", "erhoehen"},    // present / participle
      {"gestartet", "starten"},
      {"startete", "starten"},  // -et- after a -t stem
      {"arbeitete", "arbeiten"},
      {"gearbeitet", "arbeiten"},
      {"redete", "reden"},
      {"aenderte", "aendern"},
      {"geaendert", "aendern"},         // -ern verbs
      {"beschuldigt", "beschuldigen"},  // inseparable prefix
      {"eingefuehrt", "einfuehren"},    // particle, then ge-
      {"festgestellten", "feststellen"},
      {"zurueckgezahlt", "zurueckzahlen"},
      {"sagten", "sagen"},
      {"gesagt", "sagen"},
  };
  for (const auto& [form, infinitive] : forms) {
    INFO(form);
    CHECK(weak_verb_infinitive(form, words) == infinitive);
  }
}

TEST_CASE("a separable verb's participle is read only where the index reads it",
          "[analyzer][verbs]") {
  const CompoundDictionary& words = CompoundDictionary::standard();
  CHECK(weak_verb_infinitive("eingefuehrt", words, true) == "einfuehren");
  CHECK(weak_verb_infinitive("eingefuehrt", words, false).empty());
  // An index built before the step records no "particles" and keeps its terms.
  const AnalyzerOptions before = AnalyzerOptions::parse("hyphens,fold,stem,compounds,verbs");
  CHECK_FALSE(before.particle_verbs);
  Analyzer old_index(before);
  Analyzer current;
  CHECK(old_index.terms("eingeführt") != old_index.terms("einführen"));
  CHECK(current.terms("eingeführt") == current.terms("einführen"));
  // The compound splitter adds parts ("fest", "gestellt"); the word itself is the verb.
  CHECK(current.terms("festgestellten").front() == current.terms("feststellen").front());
}

TEST_CASE("words that are no weak verb form stay", "[analyzer][verbs]") {
  const CompoundDictionary& words = CompoundDictionary::standard();
  // Nouns (the dictionary knows them capitalised), adverbs, adjectives, infinitives.
  for (const char* word :
       {"gebiet", "gesicht", "arbeit", "staat", "geschichte", "nacht", "zeit", "welt", "leute",
        "stadt", "heute", "letzte", "bekannt", "starten", "erhoehen", "gut"}) {
    INFO(word);
    CHECK(weak_verb_infinitive(word, words).empty());
  }
}

TEST_CASE("the analyzer stems every form of a weak verb alike, nouns apart", "[analyzer][verbs]") {
  Analyzer analyzer;  // the product's default chain
  REQUIRE(analyzer.options().weak_verbs);
  const auto stem = [&](const std::string& word) {
    const auto terms = analyzer.terms(word);
    REQUIRE(terms.size() == 1);
    return terms.front();
  };
  CHECK(stem("erhöhte") == stem("erhöhen"));
  CHECK(stem("erhöht") == stem("erhöhen"));
  CHECK(stem("gestartet") == stem("starten"));
  CHECK(stem("änderten") == stem("ändern"));
  // Capitalised, a word is taken for a noun: "Macht" (power) is not "macht" (makes).
  CHECK(stem("Macht") != stem("machen"));
  CHECK(stem("macht") == stem("machen"));

  AnalyzerOptions without;
  without.weak_verbs = false;
  Analyzer snowball_only(without);
  CHECK(snowball_only.terms("erhöhte") != snowball_only.terms("erhöhen"));
}
