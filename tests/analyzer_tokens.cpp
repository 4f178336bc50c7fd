// Tests of what the analyzer says about each token besides its text (common/analysis/token.h):
// word positions, byte offsets into the original UTF-8, and the stop-word and part flags.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyzer.h"

namespace {

using archivar::Analyzer;
using archivar::Token;
using archivar::TokenStream;

std::vector<std::uint32_t> positions(const TokenStream& tokens) {
  std::vector<std::uint32_t> result;
  for (const Token& token : tokens) result.push_back(token.position);
  return result;
}

std::vector<std::string> texts(const TokenStream& tokens) {
  std::vector<std::string> result;
  for (const Token& token : tokens) result.push_back(token.text);
  return result;
}

// The original bytes a token points at.
std::string source_of(std::string_view input, const Token& token) {
  REQUIRE(token.start <= token.end);
  REQUIRE(token.end <= input.size());
  return std::string(input.substr(token.start, token.end - token.start));
}

struct Span {
  std::string text;
  std::uint32_t start;
  std::uint32_t end;
  bool operator==(const Span&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Span& span) {
  return out << span.text << "[" << span.start << "," << span.end << ")";
}

std::vector<Span> spans(const TokenStream& tokens) {
  std::vector<Span> result;
  for (const Token& token : tokens) result.push_back({token.text, token.start, token.end});
  return result;
}

}  // namespace

TEST_CASE("analyzer positions: one per word, starting at 0", "[analyzer]") {
  Analyzer analyzer;
  const TokenStream tokens = analyzer.analyze("Der Kanzler, die Ministerin und 2022.");
  CHECK(texts(tokens) ==
        std::vector<std::string>{"der", "kanzl", "die", "ministerin", "und", "2022"});
  CHECK(positions(tokens) == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("analyzer positions: the joined form shares the first part's position", "[analyzer]") {
  Analyzer analyzer;
  SECTION("two parts after a word") {
    const TokenStream tokens = analyzer.analyze("Die Ukraine-Krise eskaliert");
    CHECK(texts(tokens) ==
          std::vector<std::string>{"die", "ukrain", "ukrainekris", "kris", "eskali"});
    CHECK(positions(tokens) == std::vector<std::uint32_t>{0, 1, 1, 2, 3});
  }
  SECTION("three parts at the start of the text") {
    const TokenStream tokens = analyzer.analyze("Nord-Süd-Gefälle wächst");
    CHECK(texts(tokens) ==
          std::vector<std::string>{"nord", "nordsudgefall", "sud", "gefall", "wachs"});  // wachsen
    CHECK(positions(tokens) == std::vector<std::uint32_t>{0, 0, 1, 2, 3});
  }
  SECTION("two hyphenated words in a row") {
    const TokenStream tokens = analyzer.analyze("SPD-Chef CDU-Chefin");
    CHECK(texts(tokens) ==
          std::vector<std::string>{"spd", "spdchef", "chef", "cdu", "cduchefin", "chefin"});
    CHECK(positions(tokens) == std::vector<std::uint32_t>{0, 0, 1, 2, 2, 3});
  }
  SECTION("position increments say the same") {
    const TokenStream tokens = analyzer.analyze("Die Ukraine-Krise");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[1].position_increment == 1);
    CHECK(tokens[2].position_increment == 0);
    CHECK(tokens[3].position_increment == 1);
  }
}

TEST_CASE("analyzer offsets: start and end are bytes of the original UTF-8", "[analyzer]") {
  Analyzer analyzer;
  // Byte layout: "Größe" 0-7 (ö, ß two bytes each), "München" 8-16, ':' 16,
  // "Ukraine-Krise" 18-31, ',' 31, "Café" 33-38, '.' 38.
  const std::string input = "Größe München: Ukraine-Krise, Café.";
  const TokenStream tokens = analyzer.analyze(input);
  CHECK(spans(tokens) == std::vector<Span>{{"gross", 0, 7},
                                           {"munch", 8, 16},
                                           {"ukrain", 18, 25},
                                           {"ukrainekris", 18, 31},
                                           {"kris", 26, 31},
                                           {"caf", 33, 38}});
  REQUIRE(tokens.size() == 6);
  CHECK(source_of(input, tokens[0]) == "Größe");
  CHECK(source_of(input, tokens[1]) == "München");
  CHECK(source_of(input, tokens[2]) == "Ukraine");
  CHECK(source_of(input, tokens[3]) == "Ukraine-Krise");
  CHECK(source_of(input, tokens[4]) == "Krise");
  CHECK(source_of(input, tokens[5]) == "Café");
}

TEST_CASE("analyzer offsets: after four-byte characters, invisible ones and bad bytes",
          "[analyzer]") {
  Analyzer analyzer;
  SECTION("an emoji before a word") {
    CHECK(spans(analyzer.analyze("\xF0\x9F\x98\x80 Straße")) ==
          std::vector<Span>{{"strass", 5, 12}});
  }
  SECTION("a soft hyphen inside a word stays inside its span") {
    const std::string input = "Bot\u00ADschaft ist";
    CHECK(spans(analyzer.analyze(input)) ==
          std::vector<Span>{{"botschaft", 0, 11}, {"ist", 12, 15}});
  }
  SECTION("a zero-width space before a word is outside its span") {
    CHECK(spans(analyzer.analyze("\u200BRegierung")) == std::vector<Span>{{"regier", 3, 12}});
  }
  SECTION("hyphen parts with a non-breaking hyphen U+2011 (three bytes)") {
    const std::string input = "Ukraine\u2011Krise";
    CHECK(spans(analyzer.analyze(input)) ==
          std::vector<Span>{{"ukrain", 0, 7}, {"ukrainekris", 0, 15}, {"kris", 10, 15}});
  }
  SECTION("hyphen parts after multibyte letters") {
    const std::string input = "Süd-Öl";
    const TokenStream tokens = analyzer.analyze(input);
    CHECK(spans(tokens) == std::vector<Span>{{"sud", 0, 4}, {"sudol", 0, 8}, {"ol", 5, 8}});
    REQUIRE(tokens.size() == 3);
    CHECK(source_of(input, tokens[2]) == "Öl");
  }
  SECTION("an invalid byte separates words; offsets still count it") {
    const TokenStream tokens = analyzer.analyze("M\xFCnchen liegt");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].start == 0);
    CHECK(tokens[0].end == 1);
    CHECK(tokens[1].start == 2);
    CHECK(tokens[1].end == 7);
    CHECK(tokens[2].text == "lieg");  // "liegt" as "liegen"
    CHECK(tokens[2].start == 8);
    CHECK(tokens[2].end == 13);
  }
}

TEST_CASE("analyzer flags: stop words are marked, in every spelling", "[analyzer]") {
  Analyzer analyzer;
  const TokenStream tokens =
      analyzer.analyze("der Kanzler und die Ministerin für Bildung über Jahr fuer FÜR Über");
  REQUIRE(tokens.size() == 12);
  std::vector<bool> stop;
  for (const Token& token : tokens) stop.push_back(token.is_stop_word);
  CHECK(stop == std::vector<bool>{true, false, true, true, false, true, false, true, false, true,
                                  true, true});
  // Marked, not removed: the stop words are still terms.
  CHECK(tokens[0].text == "der");
  CHECK(tokens[5].text == "fur");
  CHECK(tokens[7].text == "uber");
}

TEST_CASE("analyzer flags: content words that are frequent in news are not stop words",
          "[analyzer]") {
  Analyzer analyzer;
  for (const Token& token : analyzer.analyze("Jahr Prozent Regierung Deutschland")) {
    INFO(token.text);
    CHECK_FALSE(token.is_stop_word);
  }
}

TEST_CASE("analyzer flags: hyphen parts are marked, the joined form and plain words not",
          "[analyzer]") {
  Analyzer analyzer;
  const TokenStream tokens = analyzer.analyze("Die Ukraine-Krise und Mund-zu-Mund");
  REQUIRE(texts(tokens) == std::vector<std::string>{"die", "ukrain", "ukrainekris", "kris", "und",
                                                    "mund", "mundzumund", "zu", "mund"});
  std::vector<bool> part;
  std::vector<bool> stop;
  for (const Token& token : tokens) {
    part.push_back(token.is_part);
    stop.push_back(token.is_stop_word);
  }
  CHECK(part == std::vector<bool>{false, true, false, true, false, true, false, true, true});
  // "zu" is a stop word also as a part; the joined "mundzumund" is not.
  CHECK(stop == std::vector<bool>{true, false, false, false, true, false, false, true, false});
  CHECK(positions(tokens) == std::vector<std::uint32_t>{0, 1, 1, 2, 3, 4, 4, 5, 6});
}

TEST_CASE("analyzer flags: has_digit follows the token's own text", "[analyzer]") {
  Analyzer analyzer;
  const TokenStream tokens = analyzer.analyze("COVID-19 Impfung 2022");
  REQUIRE(texts(tokens) == std::vector<std::string>{"covid", "covid19", "19", "impfung", "2022"});
  CHECK_FALSE(tokens[0].has_digit);
  CHECK(tokens[1].has_digit);
  CHECK(tokens[2].has_digit);
  CHECK_FALSE(tokens[3].has_digit);
  CHECK(tokens[4].has_digit);
}
