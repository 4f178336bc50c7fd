// Tests of how input becomes UTF-8: choose_encoding (corpus/input/encoding_choice.h), the
// TranscodingSource, ICU's charset guess (common/text/charset_guess.h) and the repair of
// double-encoded UTF-8 (common/text/double_encoding.h), alone and through the readers.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "common/text/charset_guess.h"
#include "common/text/double_encoding.h"
#include "corpus/article_reader.h"
#include "corpus/input/byte_source.h"
#include "corpus/input/encoding_choice.h"
#include "corpus/input/transcoding_source.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;

namespace {

using archivar::choose_encoding;
using archivar::EncodingChoice;
using archivar::InputFormat;
using archivar::ReaderOptions;
using archivar::repair_double_encoding;
using archivar::test::ReadResult;
using archivar::test::ScratchDir;

// A ByteSource over a string that hands out at most @a step bytes per read.
class StringSource final : public archivar::ByteSource {
 public:
  StringSource(std::string bytes, std::size_t step) : bytes_(std::move(bytes)), step_(step) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t n = std::min({size, step_, bytes_.size() - at_});
    std::copy_n(bytes_.data() + at_, n, buffer);
    at_ += n;
    return n;
  }
  std::uint64_t stored_bytes_read() const override { return at_; }

 private:
  std::string bytes_;
  std::size_t step_;
  std::size_t at_ = 0;
};

std::string transcode(const std::string& bytes, const std::string& charset, std::size_t step,
                      std::size_t buffer_size) {
  archivar::TranscodingSource source(std::make_unique<StringSource>(bytes, step), charset, "t");
  std::string out;
  std::string buffer(buffer_size, '\0');
  while (const std::size_t n = source.read(buffer.data(), buffer.size())) out.append(buffer, 0, n);
  return out;
}

std::string repaired(std::string text, std::size_t expected_count) {
  CHECK(repair_double_encoding(text) == expected_count);
  return text;
}

// German text in UTF-16 little endian, without a byte order mark.
std::string utf16le(std::string_view ascii_and_latin1) {
  std::string out;
  for (const char c : ascii_and_latin1) {
    out += c;
    out += '\0';
  }
  return out;
}

}  // namespace

TEST_CASE("encoding: UTF-8, mixed and Latin-1 input stay with per-line repair", "[corpus]") {
  CHECK(choose_encoding("Grüße aus Köln\n", true, "").convert_from.empty());
  CHECK(choose_encoding("nur ASCII\n", true, "").convert_from.empty());
  // Valid UTF-8 lines and a Latin-1 line: each line is repaired on its own.
  CHECK(choose_encoding("Köln\nM\xfcnchen\n", true, "").convert_from.empty());
  // Latin-1 and Windows-1252 are what the per-line repair reads anyway.
  CHECK(choose_encoding("Die Stra\xdf"
                        "e in M\xfcnchen wird f\xfcr den Verkehr gesperrt.\n",
                        true, "")
            .convert_from.empty());
  // A head cut inside a character is still UTF-8.
  const std::string cut = std::string(100, 'a') + "\xC3";
  CHECK(choose_encoding(cut, false, "").convert_from.empty());
}

TEST_CASE("encoding: byte order marks, UTF-16 without one, and forced encodings", "[corpus]") {
  CHECK(choose_encoding("\xFF\xFE" + utf16le("Hallo"), true, "").convert_from == "UTF-16");
  CHECK(choose_encoding(std::string("\x00\x00\xFE\xFF", 4), true, "").convert_from == "UTF-32");
  const EncodingChoice le = choose_encoding(utf16le("Gr\xfc\xdf"
                                                    "e aus K\xf6ln, sagt der Sprecher."),
                                            true, "");
  CHECK(le.convert_from == "UTF-16LE");
  CHECK(le.reason.find("every other byte is zero") != std::string::npos);
  // Binary data with zeros is no UTF-16.
  std::string binary;
  for (int i = 0; i < 64; ++i) binary += std::string{static_cast<char>(i % 7), '\0'};
  CHECK(choose_encoding(binary, true, "").convert_from.empty());

  CHECK(choose_encoding("Köln", true, "ISO-8859-15").convert_from == "ISO-8859-15");
  CHECK(choose_encoding("K\xf6ln", true, "utf-8").convert_from.empty());
}

TEST_CASE("encoding: a declared charset, else ICU's guess for other scripts", "[corpus]") {
  const EncodingChoice declared =
      choose_encoding("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>5 \xa4</a>", true, "");
  CHECK(declared.convert_from == "ISO-8859-15");
  CHECK(declared.reason == "ISO-8859-15 (declared in the file)");
  // Russian in KOI8-R: ICU recognises it.
  const std::string koi8 =
      "\xf0\xd2\xc9\xd7\xc5\xd4 \xcd\xc9\xd2, \xcb\xc1\xcb \xc4\xc5\xcc\xc1 \xd3\xc5\xc7\xcf\xc4"
      "\xce\xd1 \xd7 \xed\xcf\xd3\xcb\xd7\xc5 \xc9 \xf0\xc5\xd4\xc5\xd2\xc2\xd5\xd2\xc7\xc5, "
      "\xc7\xc4\xc5 \xd0\xcf\xc7\xcf\xc4\xc1 \xc8\xcf\xd2\xcf\xdb\xc1\xd1\n";
  const EncodingChoice guessed = choose_encoding(koi8, true, "");
  CHECK(guessed.convert_from == "KOI8-R");
  CHECK(guessed.reason.find("ICU's guess") != std::string::npos);
}

TEST_CASE("encoding: ICU charset names, families and guesses", "[corpus]") {
  CHECK(archivar::is_known_charset("latin1"));
  CHECK(archivar::is_known_charset("cp1252"));
  CHECK_FALSE(archivar::is_known_charset("klingon-8"));
  CHECK_FALSE(archivar::is_known_charset(""));
  CHECK(archivar::is_latin1_family("ISO-8859-1"));
  CHECK(archivar::is_latin1_family("windows-1252"));
  CHECK(archivar::is_latin1_family("US-ASCII"));
  CHECK_FALSE(archivar::is_latin1_family("ISO-8859-15"));
  const auto guess = archivar::guess_charset(
      "Die Stra\xdf"
      "e in M\xfcnchen wird f\xfcr den Verkehr gesperrt.");
  REQUIRE(guess);
  CHECK(guess->name == "ISO-8859-1");
  CHECK(guess->language == "de");
}

TEST_CASE("encoding: TranscodingSource converts in pieces of any size", "[corpus]") {
  // ISO-8859-15: 0xA4 is the euro sign.
  const std::string latin9 = "Preis: 5 \xa4 f\xfcr Gro\xdf und Klein";
  CHECK(transcode(latin9, "ISO-8859-15", 1 << 16, 1 << 16) == "Preis: 5 € für Groß und Klein");
  CHECK(transcode(latin9, "ISO-8859-15", 1, 1) == "Preis: 5 € für Groß und Klein");
  CHECK(transcode(latin9, "ISO-8859-15", 3, 2) == "Preis: 5 € für Groß und Klein");
  // UTF-16 with a character outside the BMP (a surrogate pair) split across reads.
  const std::string utf16 = std::string("\xFF\xFE", 2) + utf16le("a") +
                            std::string("\x3D\xD8\x00\xDE", 4) + utf16le("b");  // a, U+1F600, b
  CHECK(transcode(utf16, "UTF-16", 1, 1) ==
        "a\xF0\x9F\x98\x80"
        "b");
  CHECK_THROWS_AS(transcode("x", "klingon-8", 1, 1), archivar::ReadError);
}

TEST_CASE("double encoding: UTF-8 read as Windows-1252 and encoded again is repaired", "[corpus]") {
  CHECK(repaired("MÃ¼nchen", 1) == "München");
  CHECK(repaired("StraÃŸe und Ã„rger", 2) == "Straße und Ärger");  // 0x9F as Ÿ, 0x84 as „
  CHECK(repaired("â€žZitatâ€œ", 2) == "„Zitat“");
  CHECK(repaired("5 â‚¬ fÃ¼r Ã¶l", 3) == "5 € für öl");
  // Read as Latin-1 instead (C1 controls for 0x80..0x9F).
  CHECK(repaired("StraÃ\xC2\x9F"
                 "e",
                 1) == "Straße");
  // Correct text and mixed text.
  CHECK(repaired("München, Ärger, Straße", 0) == "München, Ärger, Straße");
  CHECK(repaired("„Das macht Spaß“, sagte er.", 0) == "„Das macht Spaß“, sagte er.");
  CHECK(repaired("Köln und KÃ¶ln", 1) == "Köln und Köln");
  // Ä, É and the like are letters of their own: a pair counts only inside a word.
  CHECK(repaired("Das „Ä“ an der Ecke", 0) == "Das „Ä“ an der Ecke");
  CHECK(repaired("„É“ steht für", 0) == "„É“ steht für");
  CHECK(repaired("ErdoÄŸan und WaÅ‚Ä™sa", 3) == "Erdoğan und Wałęsa");
  // After Ã, Â or â the pair is mojibake wherever it stands.
  CHECK(repaired("â€“ Ã„ â€“", 3) == "– Ä –");
  CHECK(repaired("Ã", 0) == "Ã");
  // Encoded three times: each call undoes one.
  std::string triple = "MÃƒÂ¼nchen";
  CHECK(repair_double_encoding(triple) == 2);
  CHECK(triple == "MÃ¼nchen");
  CHECK(repair_double_encoding(triple) == 1);
  CHECK(triple == "München");
}

TEST_CASE("double encoding: readers repair it, say so once per file and count it", "[corpus]") {
  const ScratchDir dir;
  const fs::path file =
      dir.write("doppelt.jsonl",
                "{\"id\": \"a\", \"title\": \"MÃ¼nchen\", \"text\": \"GrÃ¼ÃŸe\"}\n"
                "{\"id\": \"b\", \"title\": \"Richtig: Köln\"}\n"
                "{\"id\": \"c\", \"title\": \"K\\u00c3\\u00b6ln\"}\n");
  const ReadResult result = archivar::test::read_articles(file, InputFormat::kJsonLines);
  REQUIRE(result.articles.size() == 3);
  CHECK(result.articles[0].title == "München");
  CHECK(result.articles[0].text == "Grüße");
  CHECK(result.articles[1].title == "Richtig: Köln");
  CHECK(result.articles[2].title == "Köln");  // JSON escapes are decoded first
  CHECK(result.repaired == 2);
  CHECK(result.messages.find(file.string() + ":1: double-encoded UTF-8") != std::string::npos);
  CHECK(result.messages.find("1 more repaired the same way") != std::string::npos);
}

TEST_CASE("encoding: --encoding reads every file in the given encoding", "[corpus]") {
  const ScratchDir dir;
  // In Windows-1252 0x80 is the euro sign; ISO-8859-15 puts it at 0xA4.
  const fs::path file = dir.write("alt.txt", "Preis\n\n5 \xa4 f\xfcr alle\n");
  ReaderOptions options;
  options.encoding = "ISO-8859-15";
  const ReadResult forced = archivar::test::read_articles(file, InputFormat::kText, options);
  REQUIRE(forced.articles.size() == 1);
  CHECK(forced.articles[0].text == "5 € für alle");
  CHECK(forced.repaired == 0);
  const ReadResult detected = archivar::test::read_articles(file, InputFormat::kText);
  REQUIRE(detected.articles.size() == 1);
  CHECK(detected.articles[0].text == "5 ¤ für alle");  // Latin-1 is the guess without a hint
}
