// Tests of control characters (common/text/control_characters.h): dropped from read text,
// escaped in printed text, so that an archive cannot command the reader's terminal.
#include <catch2/catch.hpp>
#include <string>

#include "common/text/control_characters.h"

using archivar::has_control_characters;
using archivar::LineBreaks;
using archivar::printable;
using archivar::without_control_characters;

TEST_CASE("control characters: dropped from text, line breaks and tabs kept", "[text]") {
  CHECK(without_control_characters("Alarm\x1b[2J\x07!", LineBreaks::kKeep) == "Alarm[2J!");
  CHECK(without_control_characters(std::string("a\0b", 3), LineBreaks::kKeep) == "ab");
  CHECK(without_control_characters("Zeile\r\nzwei\rdrei\tTab\n", LineBreaks::kKeep) ==
        "Zeile\nzwei\ndrei\tTab\n");
  CHECK(without_control_characters("Seite\fzwei\x7f", LineBreaks::kKeep) == "Seite zwei");
  // C1 controls (U+0080-U+009F, here CSI U+009B) go; the letters around them stay.
  CHECK(without_control_characters("M\xc3\xbc\xc2\x9b"
                                   "31mnchen",
                                   LineBreaks::kKeep) ==
        "M\xc3\xbc"
        "31mnchen");
  CHECK(without_control_characters("Straße – „Zitat“ €", LineBreaks::kKeep) ==
        "Straße – „Zitat“ €");
}

TEST_CASE("control characters: one-line fields get spaces for line breaks and tabs", "[text]") {
  CHECK(without_control_characters("Agentur\nDPN\t\x1b", LineBreaks::kToSpace) == "Agentur DPN ");
  CHECK(has_control_characters("a\tb", LineBreaks::kToSpace));
  CHECK_FALSE(has_control_characters("a\tb\nc", LineBreaks::kKeep));
  CHECK(has_control_characters("a\rb", LineBreaks::kKeep));
  CHECK(has_control_characters("\xc2\x85", LineBreaks::kKeep));
  CHECK_FALSE(has_control_characters("\xc2\xa0 \xc3\xa4", LineBreaks::kKeep));
}

TEST_CASE("control characters: printed as visible escapes, as are bytes that are no UTF-8",
          "[text]") {
  CHECK(printable("ok: München") == "ok: München");
  CHECK(printable("a\x1b]0;x\x07") == "a\\x1b]0;x\\x07");
  CHECK(printable(std::string("nul\0", 4)) == "nul\\x00");
  CHECK(printable("csi\xc2\x9b") == "csi\\u009b");
  CHECK(printable("raw\x9b\xff") == "raw\\x9b\\xff");
  CHECK(printable("two\nlines\t") == "two\\x0alines\\x09");
}
