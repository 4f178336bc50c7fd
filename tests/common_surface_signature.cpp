// SurfaceSignature: the word forms an article uses, as written (case and umlaut spellings
// aside), filed as sorted 16-bit hashes; and surface_words, the one rule for which forms are
// words.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/surface_signature.h"

using namespace archivar;

namespace {

std::vector<std::string> words_of(Analyzer& analyzer, const std::string& text) {
  const TokenStream tokens = analyzer.analyze(text);
  std::vector<std::string> words;
  for (const std::string_view word : surface_words(tokens, text)) words.emplace_back(word);
  return words;
}

}  // namespace

TEST_CASE("surface words are the words as written: no stop words, digits or stacked forms",
          "[surface]") {
  Analyzer analyzer;
  CHECK(words_of(analyzer, "Die Zahlen der Infizierten steigen in München") ==
        std::vector<std::string>{"Zahlen", "Infizierten", "steigen", "München"});
  // Too short, with digits, a stop word: not words. A compound is one word as written; of
  // a hyphenated word, each part is ("19" has digits).
  CHECK(words_of(analyzer, "Am 3. Mai: Covid-19 und Botschaftspersonal, ja") ==
        std::vector<std::string>{"Mai", "Covid", "Botschaftspersonal"});
  CHECK(words_of(analyzer, "Corona-Krise") == std::vector<std::string>{"Corona", "Krise"});
}

TEST_CASE("a signature holds exactly the hashes of the forms it was made of, case aside",
          "[surface]") {
  const std::vector<std::string> forms = {"Zahlen", "steigen", "Straße", "Zahlen", "MÜNCHEN"};
  // Spelt as the analyzer spells: case, umlauts and ß aside.
  const std::string signature = surface_signature(forms);
  CHECK(signature.size() == 2 * 4);  // "Zahlen" twice
  for (const char* held :
       {"Zahlen", "zahlen", "ZAHLEN", "steigen", "straße", "Strasse", "München", "Muenchen"}) {
    CAPTURE(held);
    CHECK(signature_holds(signature, surface_hash(held)));
  }
  // Other forms of the same stems are other forms.
  for (const char* other : {"Zahl", "stieg", "Munchen", "Strassen"}) {
    CAPTURE(other);
    const std::uint16_t hash = surface_hash(other);
    bool collides = false;
    for (const std::string& form : forms) collides = collides || surface_hash(form) == hash;
    CHECK(signature_holds(signature, hash) == collides);
  }
  CHECK_FALSE(signature_holds("", surface_hash("Zahlen")));
  // Sorted, two bytes each, so that a lookup is a binary search.
  for (std::size_t i = 2; i < signature.size(); i += 2) {
    const auto at = [&](std::size_t k) {
      return (static_cast<unsigned char>(signature[k]) << 8) |
             static_cast<unsigned char>(signature[k + 1]);
    };
    CHECK(at(i - 2) < at(i));
  }
}
