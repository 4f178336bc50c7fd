// Tests of archives read in place (corpus/formats/archive_reader.h): tar, compressed tar
// and zip, members of every format dispatched by name and content, origins ARCHIVE!MEMBER,
// and damaged archives and members.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "corpus/diagnostics.h"
#include "corpus/input/input_files.h"
#include "support/archives.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;

namespace {

using archivar::Article;
using archivar::InputFormat;
using archivar::test::compress;
using archivar::test::Compression;
using archivar::test::Member;
using archivar::test::ReadResult;
using archivar::test::ScratchDir;

ReadResult read_archive(const fs::path& file, const archivar::ReaderOptions& options = {}) {
  return archivar::test::read_articles(file, InputFormat::kArchive, options);
}

std::vector<std::string> ids(const ReadResult& result) {
  std::vector<std::string> found;
  for (const Article& article : result.articles) found.push_back(article.id);
  return found;
}

const std::vector<Member> kMembers = {
    {"export/", ""},  // written as a file of that name would be; directories are below
    {"export/a.jsonl", "{\"id\": \"j1\", \"title\": \"Deichbau\", \"text\": \"Elbe\"}\n"},
    {"export/b.csv", "id,title,text\nc1,Fährplan,Sylt\n"},
    {"export/c.html",
     "<html><head><title>Hafenfest</title><link rel=\"canonical\" href=\"h1\"></head>"
     "<body><p>Das Hafenfest beginnt.</p></body></html>"},
    {"export/d.xml",
     "<?xml version=\"1.0\"?><nitf><head><docdata><doc-id id-string=\"n1\"/></docdata></head>"
     "<body><body.content><p>Windpark</p></body.content></body></nitf>"},
    {"export/e.trec", "<DOC>\n<DOCNO>t1</DOCNO>\n<TEXT>Leuchtturm</TEXT>\n</DOC>\n"},
    {"export/f.txt", "Moorbrand\n\nDas Feuer ist gelöscht.\n"},
    {"export/.versteckt.jsonl", "{\"id\": \"hidden\", \"title\": \"x\"}\n"},
    {"__MACOSX/export/._a.jsonl", "binary resource fork"},
    {"export/bild.png", "\x89PNG\r\n\x1a\n"},
    {"README.txt", "Lieferung vom Mai\n\nSechs Dateien, eine je Format.\n"},
};

std::vector<Member> members_without_directory() {
  return {kMembers.begin() + 1, kMembers.end()};
}

}  // namespace

TEST_CASE("archives: a tar's members are read by their own formats", "[corpus]") {
  const ScratchDir dir;
  const fs::path file =
      dir.write("lieferung.tar", archivar::test::tar_archive(members_without_directory()));
  const ReadResult result = read_archive(file);
  CHECK(ids(result) ==
        std::vector<std::string>{"j1", "c1", "h1", "n1", "t1",
                                 fs::absolute(file).lexically_normal().string() + "!export/f.txt"});
  REQUIRE(result.articles.size() == 6);
  CHECK(result.articles[0].origin == file.string() + "!export/a.jsonl:1");
  CHECK(result.articles[1].origin == file.string() + "!export/b.csv:2");
  CHECK(result.articles[4].origin == file.string() + "!export/e.trec:1");
  CHECK(result.articles[5].title == "Moorbrand");
  // Hidden files and resource forks are passed over in silence, unknown formats with a note.
  CHECK(result.messages.find("versteckt") == std::string::npos);
  CHECK(result.messages.find("MACOSX") == std::string::npos);
  CHECK(result.messages.find(file.string() + "!export/bild.png: passed over") != std::string::npos);
  // Plain text, but the delivery's documentation: no seventh article.
  CHECK(result.messages.find(file.string() + "!README.txt: passed over, the archive's "
                                             "documentation") != std::string::npos);
  CHECK(result.skipped == 0);
}

TEST_CASE("archives: compressed tars and zips read like the plain tar", "[corpus]") {
  const ScratchDir dir;
  const auto members = members_without_directory();
  const ReadResult plain = read_archive(dir.write("a.tar", archivar::test::tar_archive(members)));
  REQUIRE(plain.articles.size() == 6);
  const std::vector<std::pair<std::string, std::string>> variants = {
      {"a.tar.gz", archivar::test::tar_archive(members, Compression::kGzip)},
      {"a.tgz", archivar::test::tar_archive(members, Compression::kGzip)},
      {"a.tar.bz2", archivar::test::tar_archive(members, Compression::kBzip2)},
      {"a.tar.xz", archivar::test::tar_archive(members, Compression::kXz)},
      {"a.tar.zst", archivar::test::tar_archive(members, Compression::kZstd)},
      {"a.zip", archivar::test::zip_archive(members)},
  };
  for (const auto& [name, bytes] : variants) {
    CAPTURE(name);
    const fs::path file = dir.write(name, bytes);
    CHECK(archivar::detect_format(file) == InputFormat::kArchive);
    const ReadResult result = read_archive(file);
    REQUIRE(result.articles.size() == plain.articles.size());
    for (std::size_t i = 0; i + 1 < result.articles.size(); ++i) {
      CHECK(result.articles[i].id == plain.articles[i].id);
      CHECK(result.articles[i].text == plain.articles[i].text);
    }
    CHECK(result.articles[0].origin == file.string() + "!export/a.jsonl:1");
  }
}

TEST_CASE("archives: recognised by content, whatever the name", "[corpus]") {
  const ScratchDir dir;
  const auto members = members_without_directory();
  CHECK(archivar::detect_format(dir.write("lieferung", archivar::test::tar_archive(members))) ==
        InputFormat::kArchive);
  CHECK(archivar::detect_format(dir.write("lieferung.dat", archivar::test::zip_archive(members))) ==
        InputFormat::kArchive);
  CHECK(archivar::detect_format(
            dir.write("x.gz", archivar::test::tar_archive(members, Compression::kGzip))) ==
        InputFormat::kArchive);
}

TEST_CASE("archives: compressed members and archives inside archives", "[corpus]") {
  const ScratchDir dir;
  const std::string inner_zip =
      archivar::test::zip_archive({{"innen.jsonl", "{\"id\": \"z1\", \"title\": \"Zip\"}\n"}});
  const std::string tar = archivar::test::tar_archive({
      {"a.jsonl.gz",
       compress("{\"id\": \"g1\", \"title\": \"Gzip im Tar\"}\n", Compression::kGzip)},
      {"b.txt.xz", compress("Xz im Tar\n\nText\n", Compression::kXz)},
      {"c.zip", inner_zip},
  });
  const fs::path file = dir.write("aussen.tar", tar);
  const ReadResult result = read_archive(file);
  REQUIRE(result.articles.size() == 3);
  CHECK(result.articles[0].id == "g1");
  CHECK(result.articles[1].title == "Xz im Tar");
  CHECK(result.articles[2].id == "z1");
  CHECK(result.articles[2].origin == file.string() + "!c.zip!innen.jsonl:1");

  // Three levels are read, a fourth is not.
  const std::string level3 = archivar::test::tar_archive({{"l2.tar", tar}});
  const std::string level4 = archivar::test::tar_archive({{"l3.tar", level3}});
  const ReadResult three = read_archive(dir.write("drei.tar", level3));
  CHECK(three.articles.size() == 3);
  const ReadResult four = read_archive(dir.write("vier.tar", level4));
  CHECK(four.articles.size() == 2);  // the zip at depth four is left out
  CHECK(four.messages.find("c.zip: passed over, an archive nested 4 deep") != std::string::npos);
}

TEST_CASE("archives: a forced format applies to the members", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write(
      "roh.tar", archivar::test::tar_archive({{"eins.dat", "Titel eins\n\nText eins\n"},
                                              {"zwei.dat", "Titel zwei\n\nText zwei\n"}}));
  archivar::ReaderOptions options;
  options.member_format = InputFormat::kText;
  const ReadResult result = read_archive(file, options);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[1].title == "Titel zwei");
}

TEST_CASE("archives: a broken member is reported and the next one read", "[corpus]") {
  const ScratchDir dir;
  const std::string gz = compress(std::string(5000, 'x'), Compression::kGzip);
  const fs::path file =
      dir.write("teils.tar",
                archivar::test::tar_archive({{"a.jsonl.gz", gz.substr(0, gz.size() / 2)},
                                             {"b.jsonl", "{\"id\": \"b1\", \"title\": \"Heil\"}\n"},
                                             {"leer.jsonl", ""}}));
  const ReadResult result = read_archive(file);
  CHECK(ids(result) == std::vector<std::string>{"b1"});
  CHECK(result.messages.find(file.string() + "!a.jsonl.gz: truncated gzip data") !=
        std::string::npos);
  CHECK(result.messages.find(file.string() + "!leer.jsonl: empty file") != std::string::npos);
}

TEST_CASE("archives: a truncated .tar.gz yields the members before the damage, then ReadError",
          "[corpus]") {
  const ScratchDir dir;
  // Text that compresses badly enough for the damage to lie well after the first members
  // (libarchive loses the block of output it was filling when the data ends).
  std::vector<Member> members;
  std::uint32_t state = 12345;
  for (int i = 0; i < 40; ++i) {
    std::string text = fmt::format("Titel {}\n\n", i);
    for (int k = 0; k < 3000; ++k) {
      state = state * 1103515245 + 12345;
      text += static_cast<char>('a' + (state >> 16) % 26);
      if (k % 7 == 6) text += ' ';
    }
    members.emplace_back(fmt::format("m{}.txt", 100 + i), std::move(text));
  }
  const std::string whole = archivar::test::tar_archive(members, Compression::kGzip);
  const fs::path file = dir.write("kaputt.tar.gz", whole.substr(0, whole.size() / 2));
  std::ostringstream out;
  archivar::Diagnostics diagnostics(out, "test", false);
  const archivar::ReaderOptions options;
  std::size_t read = 0;
  try {
    auto reader = archivar::open_article_reader(file, InputFormat::kArchive, options, diagnostics);
    while (reader->next()) ++read;
    FAIL("no ReadError for the truncated archive");
  } catch (const archivar::ReadError& error) {
    CHECK(std::string(error.what()).find(file.string() + ": truncated gzip data") !=
          std::string::npos);
  }
  CHECK(read > 0);
  CHECK(read < members.size());
}

TEST_CASE("archives: something that is no archive is reported", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("falsch.zip", "Dies ist kein Archiv, nur Text.\n");
  std::ostringstream out;
  archivar::Diagnostics diagnostics(out, "test", false);
  const archivar::ReaderOptions options;
  CHECK_THROWS_WITH(
      archivar::open_article_reader(file, InputFormat::kArchive, options, diagnostics)->next(),
      Catch::Contains(file.string()));
}
