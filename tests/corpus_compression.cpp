// Tests of compressed input (corpus/input/byte_source.h): gzip, bzip2, xz and zstd files,
// recognised by their magic bytes, read exactly like the plain file; damaged ones raise
// ReadError. gzip and zstd files are made with zlib and libzstd, bzip2 and xz ones with
// libarchive's writer (tests/support/archives.h).
#include <zlib.h>
#include <zstd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "corpus/article_reader.h"
#include "corpus/diagnostics.h"
#include "corpus/field_map.h"
#include "corpus/input/byte_source.h"
#include "corpus/input/input_files.h"
#include "corpus/input/line_reader.h"
#include "support/archives.h"
#include "support/cli.h"

namespace fs = std::filesystem;

namespace {

using archivar::Article;
using archivar::InputFormat;
using archivar::ReadError;
using archivar::test::compress;
using archivar::test::Compression;

using TempDir = archivar::test::ScratchDir;

std::string gzip(const std::string& plain) {
  z_stream stream{};
  // 15 + 16: a gzip header and trailer rather than zlib's.
  REQUIRE(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) ==
          Z_OK);
  std::string out(deflateBound(&stream, plain.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  stream.avail_in = static_cast<uInt>(plain.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string zstd(const std::string& plain) {
  std::string out(ZSTD_compressBound(plain.size()), '\0');
  const std::size_t size = ZSTD_compress(out.data(), out.size(), plain.data(), plain.size(), 3);
  REQUIRE_FALSE(ZSTD_isError(size));
  out.resize(size);
  return out;
}

// Everything a ByteSource yields for @a file, read in small pieces.
std::string read_bytes(const fs::path& file) {
  auto source = archivar::open_byte_source(file);
  std::string bytes;
  char buffer[97];
  while (const std::size_t n = source->read(buffer, sizeof buffer)) bytes.append(buffer, n);
  return bytes;
}

std::vector<Article> read_articles(const fs::path& file, InputFormat format) {
  std::ostringstream out;
  archivar::Diagnostics diagnostics(out, "test", false);
  const archivar::ReaderOptions options;
  auto reader = archivar::open_article_reader(file, format, options, diagnostics);
  std::vector<Article> articles;
  while (auto article = reader->next()) articles.push_back(std::move(*article));
  return articles;
}

// The ids of the articles read from the JSON Lines @a file, in order, and the ReadError that
// ended the reading (empty if none did).
std::pair<std::vector<std::string>, std::string> read_ids_until_error(const fs::path& file) {
  std::ostringstream messages;
  archivar::Diagnostics diagnostics(messages, "test", /*strict=*/false);
  const archivar::ReaderOptions options;  // the reader keeps a reference
  auto reader = archivar::open_article_reader(file, InputFormat::kJsonLines, options, diagnostics);
  std::vector<std::string> ids;
  std::string error;
  try {
    while (auto article = reader->next()) ids.push_back(article->id);
  } catch (const ReadError& e) {
    error = e.what();
  }
  return {ids, error};
}

// A JSON Lines archive long enough that half of its compressed form is mid-stream.
std::string jsonl_archive() {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "{\"id\": \"n" + std::to_string(i) + "\", \"title\": \"Meldung " + std::to_string(i) +
            "\", \"text\": \"Die Regierung in München beschließt Punkt " +
            std::to_string(i * 7919 % 1000) + ".\"}\n";
  }
  return text;
}

const char* const kTrecArchive =
    "<DOC>\n<DOCNO>t1</DOCNO>\n<HEADLINE>Eins</HEADLINE>\n<TEXT>Erster Text.</TEXT>\n</DOC>\n"
    "<DOC>\n<DOCNO>t2</DOCNO>\n<HEADLINE>Zwei</HEADLINE>\n<TEXT>Zweiter Text.</TEXT>\n</DOC>\n";

void check_same(const std::vector<Article>& actual, const std::vector<Article>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    CHECK(actual[i].id == expected[i].id);
    CHECK(actual[i].title == expected[i].title);
    CHECK(actual[i].text == expected[i].text);
  }
}

}  // namespace

TEST_CASE("compression: gzip and zstd bytes come out as the plain bytes", "[corpus]") {
  const TempDir dir;
  const std::string plain = jsonl_archive();
  CHECK(read_bytes(dir.write("plain.jsonl", plain)) == plain);
  CHECK(read_bytes(dir.write("a.jsonl.gz", gzip(plain))) == plain);
  CHECK(read_bytes(dir.write("a.jsonl.zst", zstd(plain))) == plain);
}

TEST_CASE("compression: recognised by content, not by name", "[corpus]") {
  const TempDir dir;
  const std::string plain = jsonl_archive();
  CHECK(read_bytes(dir.write("misnamed.jsonl", gzip(plain))) == plain);
  CHECK(read_bytes(dir.write("noext", zstd(plain))) == plain);
  // A plain file named .gz is read as it is.
  CHECK(read_bytes(dir.write("plain.gz", plain)) == plain);
}

TEST_CASE("compression: JSON Lines from gzip and zstd read like the plain file", "[corpus]") {
  const TempDir dir;
  const std::string plain = jsonl_archive();
  const auto expected = read_articles(dir.write("plain.jsonl", plain), InputFormat::kJsonLines);
  REQUIRE(expected.size() == 40);
  CHECK(expected[39].id == "n39");
  check_same(read_articles(dir.write("a.jsonl.gz", gzip(plain)), InputFormat::kJsonLines),
             expected);
  check_same(read_articles(dir.write("a.jsonl.zst", zstd(plain)), InputFormat::kJsonLines),
             expected);
}

TEST_CASE("compression: TREC from gzip and zstd reads like the plain file", "[corpus]") {
  const TempDir dir;
  const auto expected = read_articles(dir.write("plain.trec", kTrecArchive), InputFormat::kTrec);
  REQUIRE(expected.size() == 2);
  CHECK(expected[1].title == "Zwei");
  check_same(read_articles(dir.write("a.trec.gz", gzip(kTrecArchive)), InputFormat::kTrec),
             expected);
  check_same(read_articles(dir.write("a.trec.zst", zstd(kTrecArchive)), InputFormat::kTrec),
             expected);
}

TEST_CASE("compression: concatenated gzip members are read one after the other", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("two.jsonl.gz", gzip("erste Zeile\n") + gzip("zweite Zeile\n"));
  CHECK(read_bytes(file) == "erste Zeile\nzweite Zeile\n");
}

TEST_CASE("compression: zero padding after the last gzip member is ignored", "[corpus]") {
  const TempDir dir;
  const fs::path file =
      dir.write("padded.jsonl.gz", gzip("erste Zeile\n") + std::string(70000, '\0'));
  CHECK(read_bytes(file) == "erste Zeile\n");
}

TEST_CASE("compression: other bytes after the last gzip member are reported after its records",
          "[corpus]") {
  const TempDir dir;
  const std::string sound = gzip(jsonl_archive());
  std::string damaged = gzip("{\"id\": \"lost\", \"text\": \"verloren\"}\n");
  damaged[0] = 'X';  // a member whose header was damaged is no longer recognised as one
  const fs::path file = dir.write("tail.jsonl.gz", sound + damaged);
  const auto [ids, error] = read_ids_until_error(file);
  CHECK(ids.size() == 40);
  CHECK_THAT(error, Catch::Contains(file.string() + ": the bytes from byte " +
                                    std::to_string(sound.size()) + " on follow the end"));
}

TEST_CASE("compression: a truncated gzip file raises ReadError", "[corpus]") {
  const TempDir dir;
  const std::string compressed = gzip(jsonl_archive());
  const fs::path file = dir.write("cut.jsonl.gz", compressed.substr(0, compressed.size() / 2));
  CHECK_THROWS_AS(read_bytes(file), ReadError);
  CHECK_THROWS_AS(read_articles(file, InputFormat::kJsonLines), ReadError);
  try {
    read_bytes(file);
  } catch (const ReadError& error) {
    CHECK(std::string(error.what()).find(file.string()) != std::string::npos);
  }
}

TEST_CASE("compression: a truncated gzip file gives every record before the cut", "[corpus]") {
  // Small enough to fit in the bytes read ahead to recognise format and encoding, where the
  // cut is met first: those bytes must still reach the reader.
  const TempDir dir;
  const std::string compressed = gzip(jsonl_archive());
  const fs::path file = dir.write("cut.jsonl.gz", compressed.substr(0, compressed.size() / 2));
  const auto [ids, error] = read_ids_until_error(file);
  CHECK_THAT(error, Catch::Contains(file.string() + ": truncated gzip data"));
  REQUIRE_FALSE(ids.empty());
  CHECK(ids.size() < 40);
  for (std::size_t i = 0; i < ids.size(); ++i) CHECK(ids[i] == "n" + std::to_string(i));
}

TEST_CASE("compression: a gzip file missing only its trailer raises ReadError", "[corpus]") {
  const TempDir dir;
  const std::string compressed = gzip(jsonl_archive());
  const fs::path file = dir.write("notrailer.gz", compressed.substr(0, compressed.size() - 8));
  CHECK_THROWS_AS(read_bytes(file), ReadError);
}

TEST_CASE("compression: a truncated zstd file raises ReadError", "[corpus]") {
  const TempDir dir;
  const std::string compressed = zstd(jsonl_archive());
  const fs::path file = dir.write("cut.jsonl.zst", compressed.substr(0, compressed.size() / 2));
  CHECK_THROWS_AS(read_bytes(file), ReadError);
  CHECK_THROWS_AS(read_articles(file, InputFormat::kJsonLines), ReadError);
}

TEST_CASE("compression: corrupt gzip data raises ReadError", "[corpus]") {
  const TempDir dir;
  std::string compressed = gzip(jsonl_archive());
  for (std::size_t i = 12; i < compressed.size() - 8; i += 5) compressed[i] = '\xff';
  CHECK_THROWS_AS(read_bytes(dir.write("corrupt.gz", compressed)), ReadError);
}

TEST_CASE("compression: a missing file raises ReadError naming it", "[corpus]") {
  const TempDir dir;
  CHECK_THROWS_AS(archivar::open_byte_source("/nonexistent/archivar/file.jsonl"), ReadError);
  CHECK_THROWS_WITH(archivar::open_byte_source("/nonexistent/archivar/file.jsonl"),
                    Catch::Contains("/nonexistent/archivar/file.jsonl"));
}

TEST_CASE("compression: detect_format looks through compression", "[corpus]") {
  const TempDir dir;
  CHECK(archivar::detect_format(dir.write("data.gz", gzip(jsonl_archive()))) ==
        InputFormat::kJsonLines);
  CHECK(archivar::detect_format(dir.write("data.zst", zstd(kTrecArchive))) == InputFormat::kTrec);
}

TEST_CASE("compression: LineReader counts uncompressed bytes", "[corpus]") {
  const TempDir dir;
  const std::string plain = jsonl_archive();
  archivar::LineReader lines(archivar::open_byte_source(dir.write("a.zst", zstd(plain))));
  std::string line;
  std::uint64_t count = 0;
  while (lines.next(line)) ++count;
  CHECK(count == 40);
  CHECK(lines.bytes_read() == plain.size());
}

TEST_CASE("compression: bzip2 and xz bytes come out as the plain bytes", "[corpus]") {
  const TempDir dir;
  const std::string plain = jsonl_archive();
  CHECK(read_bytes(dir.write("a.jsonl.bz2", compress(plain, Compression::kBzip2))) == plain);
  CHECK(read_bytes(dir.write("a.jsonl.xz", compress(plain, Compression::kXz))) == plain);
  // By content, whatever the name.
  CHECK(read_bytes(dir.write("bz", compress(plain, Compression::kBzip2))) == plain);
  CHECK(read_bytes(dir.write("xz.jsonl", compress(plain, Compression::kXz))) == plain);
}

TEST_CASE("compression: JSON Lines from bzip2 and xz read like the plain file", "[corpus]") {
  const TempDir dir;
  const std::string plain = jsonl_archive();
  const auto expected = read_articles(dir.write("plain.jsonl", plain), InputFormat::kJsonLines);
  check_same(read_articles(dir.write("a.jsonl.bz2", compress(plain, Compression::kBzip2)),
                           InputFormat::kJsonLines),
             expected);
  check_same(read_articles(dir.write("a.jsonl.xz", compress(plain, Compression::kXz)),
                           InputFormat::kJsonLines),
             expected);
  CHECK(archivar::detect_format(dir.write("data.bz2", compress(plain, Compression::kBzip2))) ==
        InputFormat::kJsonLines);
}

TEST_CASE("compression: truncated bzip2 and xz files raise ReadError naming the file", "[corpus]") {
  const TempDir dir;
  const std::string plain = jsonl_archive() + jsonl_archive() + jsonl_archive();
  for (const Compression compression : {Compression::kBzip2, Compression::kXz}) {
    const std::string compressed = compress(plain, compression);
    const std::string name = compression == Compression::kBzip2 ? "cut.jsonl.bz2" : "cut.jsonl.xz";
    const fs::path file = dir.write(name, compressed.substr(0, compressed.size() / 2));
    CHECK_THROWS_AS(read_bytes(file), ReadError);
    CHECK_THROWS_WITH(read_bytes(file),
                      Catch::Contains(file.string()) && Catch::Contains("truncated"));
    // Missing only the last bytes (the end of stream marker and checksum) is found too.
    const fs::path tail = dir.write("tail-" + name, compressed.substr(0, compressed.size() - 4));
    CHECK_THROWS_AS(read_bytes(tail), ReadError);
  }
}

TEST_CASE("compression: a compressed empty file is an empty input", "[corpus]") {
  const TempDir dir;
  CHECK(read_bytes(dir.write("empty.gz", gzip(""))).empty());
  CHECK(read_bytes(dir.write("empty.xz", compress("", Compression::kXz))).empty());
  CHECK(read_bytes(dir.write("empty.bz2", compress("", Compression::kBzip2))).empty());
}

TEST_CASE("compression: a bare gzip header is reported, not passed on as text", "[corpus]") {
  const TempDir dir;
  const std::string compressed = gzip(jsonl_archive());
  CHECK_THROWS_WITH(read_bytes(dir.write("header.gz", compressed.substr(0, 10))),
                    Catch::Contains("gzip"));
}

TEST_CASE("compression: readers tell how far through the stored file they are", "[corpus]") {
  // Text that compresses poorly (pseudo-random letters), so that the compressed file is
  // many times the decompressor's read buffer and the first article comes from its start.
  std::string plain;
  std::uint32_t state = 12345;
  for (int i = 0; i < 400; ++i) {
    std::string text;
    for (int j = 0; j < 2000; ++j) {
      state = state * 1664525U + 1013904223U;
      text += static_cast<char>('a' + (state >> 24) % 26);
    }
    plain += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"" + text + "\"}\n";
  }
  const TempDir dir;
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"a.jsonl", plain},
           {"a.jsonl.gz", gzip(plain)},
           {"a.jsonl.zst", zstd(plain)},
           {"a.tar.gz",
            archivar::test::tar_archive({{"in/a.jsonl", plain}}, Compression::kGzip)}}) {
    INFO(name);
    const fs::path file = dir.write(name, bytes);
    const auto size = fs::file_size(file);
    REQUIRE(size > 200'000);
    std::ostringstream out;
    archivar::Diagnostics diagnostics(out, "test", false);
    const archivar::ReaderOptions options;  // the reader keeps a reference
    auto reader = archivar::open_article_reader(file, InputFormat::kAuto, options, diagnostics);
    REQUIRE(reader->next());
    const std::uint64_t after_first = reader->stored_bytes_read();
    CHECK(after_first > 0);
    CHECK(after_first < size / 2);
    std::size_t articles = 1;
    std::uint64_t previous = after_first;
    bool never_backwards = true;
    while (reader->next()) {
      ++articles;
      never_backwards = never_backwards && reader->stored_bytes_read() >= previous;
      previous = reader->stored_bytes_read();
    }
    CHECK(articles == 400);
    CHECK(never_backwards);
    CHECK(reader->stored_bytes_read() == size);
    CHECK(reader->bytes_read() >= plain.size() - 1);
  }
}
