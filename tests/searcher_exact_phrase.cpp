// ExactPhrase (a quoted phrase as typed, checked against stored text) and wildcard
// patterns: the pieces the query language builds exact counts and wildcards from.
#include <catch2/catch.hpp>

#include "searcher/exact_phrase.h"
#include "searcher/wildcard.h"

using archivar::ExactPhrase;

namespace {

bool holds(std::string_view phrase, std::string_view text) {
  return ExactPhrase(phrase, /*sharp_s_apart=*/true).found_in(text);
}

}  // namespace

TEST_CASE("exact phrase: capitals typed are capitals found, but for function words", "[phrase]") {
  CHECK(holds("Die Linke", "Gestern hat die Linke gewählt."));
  CHECK(holds("Die Linke", "DIE LINKE stimmt zu."));
  CHECK_FALSE(holds("Die Linke", "Die linke Szene demonstriert."));
  CHECK(holds("die linke", "Die Linke stimmt zu."));  // typed in lower case: either
  CHECK_FALSE(holds("Deutsche Bahn", "die deutsche Bahnindustrie"));
}

TEST_CASE("exact phrase: endings that inflect, not words that go on", "[phrase]") {
  CHECK(holds("Die Linke", "Die Linken stimmen zu."));
  CHECK(holds("Donald Trump", "Donald Trumps Anwalt"));
  CHECK(holds("Deutsche Bahn", "bei der Deutschen Bahn"));
  CHECK(holds("Corona-Leugner", "die Corona-Leugnerin"));
  CHECK_FALSE(holds("Die Linke", "Die Linksextremisten planten"));
  CHECK_FALSE(holds("Die Linke", "Die Links-Terroristen wurden gefasst"));
  CHECK_FALSE(holds("die Maske", "die Maskenpflicht gilt"));
  CHECK_FALSE(holds("die", "dies ist"));                 // function words take no ending
  CHECK(holds("Die Grünen", "die Grünen-Politikerin"));  // a hyphen ends the word
}

TEST_CASE("exact phrase: words apart by spaces or hyphens, or by what was typed", "[phrase]") {
  CHECK(holds("Robert Koch Institut", "das Robert-Koch-Institut meldet"));
  CHECK(holds("Robert Koch-Institut", "das Robert  Koch\u00a0Institut"));
  CHECK_FALSE(holds("Ukraine Krise", "in der Ukraine. Krise ist"));
  CHECK(holds("Merkel: Lockdown", "Merkel: Lockdown bis März"));
  CHECK_FALSE(holds("Merkel: Lockdown", "Merkel Lockdown bis März"));
  // A hyphenated word may be written as one.
  CHECK(holds("Corona-Krise", "in der Coronakrise"));
  CHECK(holds("Corona-Warn-App", "die Corona-Warnapp"));
  CHECK_FALSE(holds("Corona-Test", "auf Corona getestet"));
}

TEST_CASE("exact phrase: folding as the analyzer folds, ß kept where it tells words apart",
          "[phrase]") {
  CHECK(holds("Straße", "an der Strasse"));
  CHECK(holds("Strasse", "an der Straße"));
  CHECK(holds("Grünen", "die Gruenen"));
  CHECK(holds("Kekulé", "Alexander Kekule"));
  CHECK(holds("Söders", "Söder's Plan"));
  CHECK_FALSE(holds("Buße", "die Busse fahren"));
  CHECK_FALSE(holds("Busse", "eine Buße zahlen"));
  CHECK(holds("Maskenpflicht", "dem entgegentreten.Maskenpflicht gilt"));
  CHECK(ExactPhrase("...", true).empty());
}

TEST_CASE("exact phrase: a word begins where the text begins one, however it is looked for",
          "[phrase]") {
  CHECK_FALSE(holds("US-Amerikaner", "die BUS-Amerikaner"));  // as typed, inside a word
  CHECK(holds("US-Amerikaner", "(US-Amerikaner)"));
  CHECK(holds("US-Amerikaner", "die US-amerikanischen Truppen und US-Amerikanerinnen"));
  CHECK(holds("us-amerikaner", "die US-Amerikaner"));
  CHECK_FALSE(holds("s Plan", "Söder's Plan"));  // an apostrophe inside a word
  CHECK(holds("U.S. Army", "die U.S. Army"));
  CHECK_FALSE(holds("S. Army", "die U.S. Army"));        // a dot inside a word
  CHECK_FALSE(holds("rona", "die Co\u00ADrona-Krise"));  // a soft hyphen inside a word
  CHECK(holds("Corona-Krise", "die Co\u00ADrona-Krise"));
  CHECK(holds("Öl-Preis", "der Oel-Preis steigt"));
  CHECK(holds("Oel-Preis", "„Öl-Preis“"));
  CHECK_FALSE(holds("Öl-Preis", "der Boel-Preis"));
  CHECK(holds("2G-Regel", "die 2G-Regel gilt"));
  CHECK_FALSE(holds("2G-Regel", "die 12G-Regel gilt"));
}

TEST_CASE("wildcards: * any letters, ? one, at the end a question mark is punctuation",
          "[phrase]") {
  using archivar::is_wildcard;
  using archivar::matches_wildcard;
  CHECK(is_wildcard("Drost*"));
  CHECK(is_wildcard("Mask?npflicht"));
  CHECK_FALSE(is_wildcard("Impfstoff?"));
  CHECK_FALSE(is_wildcard("Drosten"));
  CHECK(matches_wildcard("drost*", "drost"));
  CHECK(matches_wildcard("drost*", "drostens"));
  CHECK_FALSE(matches_wildcard("drost*", "dros"));
  CHECK(matches_wildcard("mask?npflicht", "maskenpflicht"));
  CHECK_FALSE(matches_wildcard("mask?npflicht", "maskeenpflicht"));
  CHECK(matches_wildcard("m?ss", "m\xC3\xBCss"));  // ? is one character, also ü
  CHECK(matches_wildcard("*krise", "coronakrise"));
  CHECK(matches_wildcard("c*r*a", "corona"));
  CHECK_FALSE(matches_wildcard("c*r*x", "corona"));
  CHECK(archivar::literal_length("*kr?se*") == 4);
}
