// Tests of UTF-8 validation and repair (common/text/utf8.h): valid text passes unchanged,
// Latin-1 / Windows-1252 text is converted, anything else has its bad bytes replaced; and
// characters counted as a reader counts them.
#include <catch2/catch.hpp>
#include <string>

#include "common/text/utf8.h"

namespace {

using archivar::is_utf8_continuation;
using archivar::repair_utf8;
using archivar::utf8_length;
using archivar::Utf8Repair;

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

}  // namespace

TEST_CASE("utf8: valid text passes unchanged", "[utf8]") {
  for (const std::string& text :
       {std::string(), std::string("plain ASCII"), std::string("Grüße aus München – „Zitat“ €"),
        std::string("\xF0\x9F\x98\x80 emoji"), std::string("a\0b", 3)}) {
    INFO(text);
    const auto repaired = repair_utf8(text);
    CHECK(repaired.repair == Utf8Repair::kNone);
    CHECK(repaired.text == text);
  }
}

TEST_CASE("utf8: Latin-1 bytes are read as Windows-1252", "[utf8]") {
  const auto repaired = repair_utf8("M\xfcnchen");
  CHECK(repaired.repair == Utf8Repair::kFromWindows1252);
  CHECK(repaired.text == "München");

  CHECK(repair_utf8("Gr\xfc\xdf"
                    "e")
            .text == "Grüße");
  CHECK(repair_utf8("\xc4rger \xd6l \xdc"
                    "bel")
            .text == "Ärger Öl Übel");
  CHECK(repair_utf8("Caf\xe9").text == "Café");
}

TEST_CASE("utf8: Windows-1252's 0x80-0x9F block", "[utf8]") {
  const auto euro = repair_utf8("5 \x80");
  CHECK(euro.repair == Utf8Repair::kFromWindows1252);
  CHECK(euro.text == "5 €");
  CHECK(repair_utf8("\x84Zitat\x93").text == "„Zitat“");
  CHECK(repair_utf8("\x96 \x97 \x85").text == "– — …");
  CHECK(repair_utf8("\x8a\x9a\x9f").text == "ŠšŸ");
}

TEST_CASE("utf8: bytes undefined in Windows-1252 force replacement of invalid bytes", "[utf8]") {
  SECTION("an undefined byte alone") {
    const auto repaired = repair_utf8(
        "a\x81"
        "b");
    CHECK(repaired.repair == Utf8Repair::kReplacedBytes);
    CHECK(repaired.text == "a" + kReplacement + "b");
  }
  SECTION("with Latin-1 bytes, every invalid byte becomes U+FFFD") {
    const auto repaired = repair_utf8("M\xfcnchen\x8d");
    CHECK(repaired.repair == Utf8Repair::kReplacedBytes);
    CHECK(repaired.text == "M" + kReplacement + "nchen" + kReplacement);
  }
  SECTION("valid multibyte characters around them are kept") {
    const auto repaired = repair_utf8("Grüße \x90 aus München");
    CHECK(repaired.repair == Utf8Repair::kReplacedBytes);
    CHECK(repaired.text == "Grüße " + kReplacement + " aus München");
  }
  SECTION("a truncated sequence at the end") {
    const auto repaired = repair_utf8("Preis \x9d \xE2\x82");
    CHECK(repaired.repair == Utf8Repair::kReplacedBytes);
    CHECK(archivar::is_valid_utf8(repaired.text));
    CHECK(repaired.text.starts_with("Preis " + kReplacement + " "));
    CHECK(repaired.text.find("\xE2\x82") == std::string::npos);
  }
}

TEST_CASE("utf8: repaired text is always valid", "[utf8]") {
  for (const std::string& bytes :
       {std::string("M\xfcnchen"), std::string("\x81\x8d\x8f\x90\x9d"),
        std::string("\xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \x81"), std::string("\xff\xfe")}) {
    CHECK(archivar::is_valid_utf8(repair_utf8(bytes).text));
  }
}

TEST_CASE("utf8: is_valid_utf8", "[utf8]") {
  CHECK(archivar::is_valid_utf8(""));
  CHECK(archivar::is_valid_utf8("ASCII"));
  CHECK(archivar::is_valid_utf8("München"));
  CHECK(archivar::is_valid_utf8("\xE2\x82\xAC"));            // €
  CHECK(archivar::is_valid_utf8("\xF0\x9F\x98\x80"));        // U+1F600
  CHECK(archivar::is_valid_utf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF, the last one
  CHECK(archivar::is_valid_utf8("\xED\x9F\xBF"));            // U+D7FF, just below surrogates
  CHECK_FALSE(archivar::is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(archivar::is_valid_utf8("\xC1\xBF"));          // overlong U+007F
  CHECK_FALSE(archivar::is_valid_utf8("\xE0\x80\xAF"));      // overlong, three bytes
  CHECK_FALSE(archivar::is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong, four bytes
  CHECK_FALSE(archivar::is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(archivar::is_valid_utf8("\xED\xBF\xBF"));      // surrogate U+DFFF
  CHECK_FALSE(archivar::is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(archivar::is_valid_utf8("\xE2\x82"));          // truncated
  CHECK_FALSE(archivar::is_valid_utf8("\x80"));              // lone continuation byte
  CHECK_FALSE(archivar::is_valid_utf8("M\xfcnchen"));
  CHECK_FALSE(archivar::is_valid_utf8("\xFF"));
}

TEST_CASE("utf8: windows1252_to_utf8 maps the whole byte range", "[utf8]") {
  CHECK(archivar::windows1252_to_utf8("abc") == "abc");
  CHECK(archivar::windows1252_to_utf8("\xA0") == "\xC2\xA0");  // no-break space
  CHECK(archivar::windows1252_to_utf8("\xFF") == "ÿ");
  CHECK(archivar::windows1252_to_utf8("\x80") == "€");
  CHECK(archivar::windows1252_to_utf8("\x81") == kReplacement);  // undefined
}

TEST_CASE("utf8: describe names each repair differently", "[utf8]") {
  const auto none = archivar::describe(Utf8Repair::kNone);
  const auto cp1252 = archivar::describe(Utf8Repair::kFromWindows1252);
  const auto replaced = archivar::describe(Utf8Repair::kReplacedBytes);
  CHECK_FALSE(cp1252.empty());
  CHECK_FALSE(replaced.empty());
  CHECK(none != cp1252);
  CHECK(cp1252 != replaced);
  CHECK(cp1252.find("1252") != std::string_view::npos);
  CHECK(replaced.find("FFFD") != std::string_view::npos);
}

TEST_CASE("utf8: utf8_length counts characters, not bytes", "[utf8]") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("Bahn") == 4);
  CHECK(utf8_length("Straße") == 6);
  CHECK(utf8_length("Đồng €") == 6);
  const std::string_view e_acute = "é";
  REQUIRE(e_acute.size() == 2);
  CHECK_FALSE(is_utf8_continuation(e_acute[0]));
  CHECK(is_utf8_continuation(e_acute[1]));
  CHECK_FALSE(is_utf8_continuation('a'));
}
