// Tests of the plain text reader (corpus/formats/text_reader.h) through open_article_reader:
// title and text, the id from the path, binary files named .txt, and oversized files.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "corpus/article_reader.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;

namespace {

using archivar::InputFormat;
using archivar::test::ReadResult;
using archivar::test::ScratchDir;

ReadResult read_text(const fs::path& file) {
  return archivar::test::read_articles(file, InputFormat::kText);
}

}  // namespace

TEST_CASE("text: the first non-empty line is the title, the rest the text", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("meldung.txt",
                                  "\n  \nBiberdamm flutet Wanderweg\n\n"
                                  "Im Naturpark hat ein Biber den Bach gestaut.\n\n"
                                  "Der Weg bleibt bis Mai gesperrt.\n\n");
  const ReadResult result = read_text(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Biberdamm flutet Wanderweg");
  CHECK(result.articles[0].text ==
        "Im Naturpark hat ein Biber den Bach gestaut.\n\nDer Weg bleibt bis Mai gesperrt.");
  CHECK(result.articles[0].id == fs::absolute(file).lexically_normal().string());
  CHECK(result.articles[0].origin == file.string() + ":3");
  CHECK(result.messages.empty());
}

TEST_CASE("text: a title alone, CRLF and Latin-1", "[corpus]") {
  const ScratchDir dir;
  const ReadResult title_only = read_text(dir.write("t.txt", "Nur eine Zeile"));
  REQUIRE(title_only.articles.size() == 1);
  CHECK(title_only.articles[0].title == "Nur eine Zeile");
  CHECK(title_only.articles[0].text.empty());

  const ReadResult latin1 = read_text(dir.write("l.txt",
                                                "Gr\xfc\xdf"
                                                "e\r\n\r\nAus K\xf6ln.\r\n"));
  REQUIRE(latin1.articles.size() == 1);
  CHECK(latin1.articles[0].title == "Grüße");
  CHECK(latin1.articles[0].text == "Aus Köln.");
  CHECK(latin1.repaired == 2);
}

TEST_CASE("text: a binary file named .txt is reported with the offset and skipped", "[corpus]") {
  const ScratchDir dir;
  const fs::path nul = dir.write("bild.txt", std::string("GIF89a\x01\x00\x02\x00", 10));
  const ReadResult with_nul = read_text(nul);
  CHECK(with_nul.articles.empty());
  CHECK(with_nul.skipped == 1);
  CHECK(with_nul.messages.find(nul.string() + ": binary data (NUL byte at offset 7), not text") !=
        std::string::npos);

  std::string controls(200, '\x01');
  controls += "Text";
  const fs::path noise = dir.write("rauschen.txt", controls);
  const ReadResult with_controls = read_text(noise);
  CHECK(with_controls.articles.empty());
  CHECK(with_controls.messages.find(noise.string() + ": binary data (200 control characters") !=
        std::string::npos);
}

TEST_CASE("text: empty and blank files are reported and skipped", "[corpus]") {
  const ScratchDir dir;
  const fs::path empty = dir.write("leer.txt", "");
  const ReadResult nothing = read_text(empty);
  CHECK(nothing.articles.empty());
  CHECK(nothing.skipped == 1);
  CHECK(nothing.messages.find(empty.string() + ": empty file") != std::string::npos);

  const fs::path blank = dir.write("blank.txt", " \n\t\n");
  const ReadResult blank_result = read_text(blank);
  CHECK(blank_result.articles.empty());
  CHECK(blank_result.messages.find(blank.string() + ":1: record has neither title nor text") !=
        std::string::npos);
}

TEST_CASE("text: a file larger than the record limit is skipped", "[corpus]") {
  const ScratchDir dir;
  // 50 MB on one line, made here and not kept in the repository.
  const fs::path file = dir.write("gross.txt", std::string(std::size_t{50} << 20, 'a'));
  const ReadResult result = read_text(file);
  CHECK(result.articles.empty());
  CHECK(result.skipped == 1);
  CHECK(result.messages.find(file.string() + ": larger than 32 MiB") != std::string::npos);
}
