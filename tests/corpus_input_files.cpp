// Tests of how the indexer finds and opens its input: collect_input_files and detect_format
// (corpus/input/input_files.h), LineReader (corpus/input/line_reader.h) and FieldMap::parse
// (corpus/field_map.h).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus/diagnostics.h"
#include "corpus/field_map.h"
#include "corpus/input/byte_source.h"
#include "corpus/input/format_detection.h"
#include "corpus/input/input_files.h"
#include "corpus/input/line_reader.h"
#include "support/cli.h"

namespace fs = std::filesystem;

namespace {

using archivar::Diagnostics;
using archivar::InputFile;
using archivar::InputFormat;

using TempDir = archivar::test::ScratchDir;

const char* const kJson = "{\"id\": \"a\", \"title\": \"A\"}\n";
const char* const kTrec = "<DOC>\n<DOCNO>a</DOCNO>\n<TEXT>A</TEXT>\n</DOC>\n";

struct Collected {
  std::vector<InputFile> files;
  std::string messages;
  std::uint64_t failed = 0;
};

Collected collect(const std::vector<std::string>& arguments,
                  InputFormat forced = InputFormat::kAuto) {
  std::ostringstream out;
  Diagnostics diagnostics(out, "test", false);
  Collected result;
  result.files = archivar::collect_input_files(arguments, forced, diagnostics);
  result.messages = out.str();
  result.failed = diagnostics.failed_inputs();
  return result;
}

std::vector<std::string> relative_paths(const std::vector<InputFile>& files, const fs::path& base) {
  std::vector<std::string> result;
  for (const InputFile& file : files) result.push_back(file.path.lexically_relative(base).string());
  return result;
}

std::vector<std::string> read_lines(const TempDir& dir, const std::string& bytes) {
  archivar::LineReader lines(archivar::open_byte_source(dir.write("lines.txt", bytes)));
  std::vector<std::string> result;
  std::string line;
  while (lines.next(line)) result.push_back(line);
  return result;
}

}  // namespace

TEST_CASE("input files: a directory is walked recursively in name order", "[corpus]") {
  const TempDir dir;
  dir.write("tree/b.jsonl", kJson);
  dir.write("tree/a.trec", kTrec);
  dir.write("tree/sub/z/d.json", kJson);
  dir.write("tree/sub/c.ndjson", kJson);
  dir.write("tree/doc.txt", kTrec);    // TREC by content
  dir.write("tree/notes.txt", kJson);  // JSON Lines by content
  dir.write("tree/.hidden.jsonl", kJson);
  dir.write("tree/.git/e.jsonl", kJson);
  dir.write("tree/README.md", "# Archiv\n");
  dir.write("tree/sub/LICENSE.txt", "Alle Rechte beim Verlag.\n");
  dir.write("tree/sub/image.png", "\x89PNG\r\n");

  const Collected result = collect({(dir.path() / "tree").string()});
  CHECK(relative_paths(result.files, dir.path() / "tree") ==
        std::vector<std::string>{"a.trec", "b.jsonl", "doc.txt", "notes.txt", "sub/c.ndjson",
                                 "sub/z/d.json"});
  REQUIRE(result.files.size() == 6);
  CHECK(result.files[0].format == InputFormat::kTrec);
  CHECK(result.files[1].format == InputFormat::kJsonLines);
  CHECK(result.files[2].format == InputFormat::kTrec);
  CHECK(result.files[3].format == InputFormat::kJsonLines);
  CHECK(result.files[4].format == InputFormat::kJsonLines);
  CHECK(result.files[5].format == InputFormat::kJsonLines);
  CHECK(result.files[1].size == std::string(kJson).size());
  // Files of no known format are passed over with a note, not counted as failures.
  CHECK(result.failed == 0);
  CHECK(result.messages.find("README.md: passed over") != std::string::npos);
  CHECK(result.messages.find("image.png: passed over") != std::string::npos);
  // Plain text, but documentation: passed over too, and said so.
  CHECK(result.messages.find("LICENSE.txt: passed over, the folder's documentation") !=
        std::string::npos);
  CHECK(result.messages.find("hidden") == std::string::npos);
  CHECK(result.messages.find("warning") == std::string::npos);
}

TEST_CASE("input files: a symbolic link loop does not trap the walk", "[corpus]") {
  const TempDir dir;
  dir.write("tree/a.jsonl", kJson);
  fs::create_directory_symlink(dir.path() / "tree", dir.path() / "tree" / "loop");
  const Collected result = collect({(dir.path() / "tree").string()});
  CHECK(relative_paths(result.files, dir.path() / "tree") == std::vector<std::string>{"a.jsonl"});
}

TEST_CASE("input files: arguments keep their order, named files of unknown format fail",
          "[corpus]") {
  const TempDir dir;
  const fs::path b = dir.write("b.jsonl", kJson);
  const fs::path a = dir.write("a.trec", kTrec);
  const fs::path readme = dir.write("README.md", "# Archiv\n");
  const fs::path missing = dir.path() / "missing.jsonl";

  const Collected result = collect({b.string(), readme.string(), missing.string(), a.string()});
  REQUIRE(result.files.size() == 2);
  CHECK(result.files[0].path == b);
  CHECK(result.files[1].path == a);
  CHECK(result.failed == 2);
  CHECK(result.messages.find(readme.string() + ": unknown format") != std::string::npos);
  CHECK(result.messages.find(missing.string() + ": no such file or directory") !=
        std::string::npos);
}

TEST_CASE("input files: documentation is passed over in a folder, read when named", "[corpus]") {
  const TempDir dir;
  const fs::path readme = dir.write("archiv/README.txt", "Archiv 1998\n\nLieferung des Verlags.\n");
  dir.write("archiv/news.txt", "Hochwasser an der Oder\n\nDer Pegel steigt.\n");
  dir.write("archiv/readmission.txt", "Wiederzulassung\n\nDas Gericht entscheidet.\n");

  const Collected walked = collect({(dir.path() / "archiv").string()});
  CHECK(relative_paths(walked.files, dir.path() / "archiv") ==
        std::vector<std::string>{"news.txt", "readmission.txt"});
  const Collected named = collect({readme.string()});
  REQUIRE(named.files.size() == 1);
  CHECK(named.files[0].format == InputFormat::kText);

  CHECK(archivar::is_folder_documentation("README"));
  CHECK(archivar::is_folder_documentation("/data/Copying.TXT"));
  CHECK(archivar::is_folder_documentation("lieferung.tar!export/ChangeLog.md"));
  CHECK_FALSE(archivar::is_folder_documentation("/data/readme-fall/2001.txt"));
  CHECK_FALSE(archivar::is_folder_documentation("lizenzen.txt"));
}

TEST_CASE("input files: a forced format applies to every file", "[corpus]") {
  const TempDir dir;
  const fs::path readme = dir.write("README.md", "# Archiv\n");
  const fs::path json = dir.write("a.jsonl", kJson);
  const Collected result = collect({readme.string(), json.string()}, InputFormat::kTrec);
  REQUIRE(result.files.size() == 2);
  CHECK(result.files[0].format == InputFormat::kTrec);
  CHECK(result.files[1].format == InputFormat::kTrec);
  CHECK(result.failed == 0);
}

TEST_CASE("input files: standard input is JSON Lines unless forced", "[corpus]") {
  const Collected plain = collect({"-"});
  REQUIRE(plain.files.size() == 1);
  CHECK(plain.files[0].path == "-");
  CHECK(plain.files[0].format == InputFormat::kJsonLines);
  const Collected forced = collect({"-"}, InputFormat::kTrec);
  REQUIRE(forced.files.size() == 1);
  CHECK(forced.files[0].format == InputFormat::kTrec);
}

TEST_CASE("detect_format: by extension, with or without compression", "[corpus]") {
  // The files need not exist: the name decides.
  const fs::path base = "/nonexistent/archivar";
  CHECK(archivar::detect_format(base / "a.jsonl") == InputFormat::kJsonLines);
  CHECK(archivar::detect_format(base / "a.ndjson") == InputFormat::kJsonLines);
  CHECK(archivar::detect_format(base / "a.json") == InputFormat::kJsonLines);
  CHECK(archivar::detect_format(base / "A.JSONL") == InputFormat::kJsonLines);
  CHECK(archivar::detect_format(base / "a.jsonl.gz") == InputFormat::kJsonLines);
  CHECK(archivar::detect_format(base / "a.ndjson.zst") == InputFormat::kJsonLines);
  CHECK(archivar::detect_format(base / "a.trec") == InputFormat::kTrec);
  CHECK(archivar::detect_format(base / "a.sgml") == InputFormat::kTrec);
  CHECK(archivar::detect_format(base / "a.sgm.gz") == InputFormat::kTrec);
  CHECK(archivar::detect_format(base / "a.TREC.ZST") == InputFormat::kTrec);
  CHECK(archivar::detect_format(base / "a.csv") == InputFormat::kCsv);
  CHECK(archivar::detect_format(base / "a.tsv.bz2") == InputFormat::kTsv);
  CHECK(archivar::detect_format(base / "a.htm") == InputFormat::kHtml);
  CHECK(archivar::detect_format(base / "a.nitf.xz") == InputFormat::kNitf);
  CHECK(archivar::detect_format(base / "a.tar") == InputFormat::kArchive);
  CHECK(archivar::detect_format(base / "a.tar.zst") == InputFormat::kArchive);
  CHECK(archivar::detect_format(base / "a.TGZ") == InputFormat::kArchive);
  CHECK(archivar::detect_format(base / "a.zip") == InputFormat::kArchive);
  // .txt is plain text unless the content says otherwise (it cannot here: no file).
  CHECK(archivar::detect_format(base / "a.txt") == InputFormat::kText);
  CHECK(archivar::detect_format(base / "a.xml") == InputFormat::kAuto);
  CHECK(archivar::detect_format(base / "a.gz") == InputFormat::kAuto);
}

TEST_CASE("detect_format: by the first bytes when the name does not tell", "[corpus]") {
  const TempDir dir;
  CHECK(archivar::detect_format(dir.write("a.txt", kJson)) == InputFormat::kJsonLines);
  CHECK(archivar::detect_format(dir.write("b", "\xEF\xBB\xBF{\"title\": 1}\n")) ==
        InputFormat::kJsonLines);
  CHECK(archivar::detect_format(dir.write("c.dat", kTrec)) == InputFormat::kTrec);
  CHECK(archivar::detect_format(dir.write("d", "<doc>\n")) == InputFormat::kTrec);
  CHECK(archivar::detect_format(dir.write("e", "Hallo Welt\n")) == InputFormat::kAuto);
  CHECK(archivar::detect_format(dir.write("f", "")) == InputFormat::kAuto);
  CHECK(archivar::detect_format(dir.write("g", " \n\t\n")) == InputFormat::kAuto);
  CHECK(archivar::detect_format(dir.write("h", "[1, 2]\n")) == InputFormat::kAuto);
  CHECK(archivar::detect_format(dir.path() / "missing") == InputFormat::kAuto);
  // .txt files are plain text unless their content is of a format of its own.
  CHECK(archivar::detect_format(dir.write("e.txt", "Hallo Welt\n")) == InputFormat::kText);
  CHECK(archivar::detect_format(dir.write("j.txt", "<html><body>x</body></html>")) ==
        InputFormat::kHtml);
  CHECK(archivar::detect_format(dir.write("k.xml", "<?xml version=\"1.0\"?>\n<nitf>")) ==
        InputFormat::kNitf);
  CHECK(archivar::detect_format(dir.write("l.xml", "<?xml version=\"1.0\"?>\n<rss>")) ==
        InputFormat::kAuto);
  CHECK(archivar::detect_format(dir.write("m", "<!DOCTYPE html>\n<html>")) == InputFormat::kHtml);
  CHECK(archivar::detect_format(dir.write("n.dat", std::string("PK\x03\x04", 4) + "rest")) ==
        InputFormat::kArchive);
  // The name wins over the content.
  CHECK(archivar::detect_format(dir.write("i.trec", kJson)) == InputFormat::kTrec);
}

// format_from_content makes one ByteSource::read() call, but a plain file's first read returns
// only the 4 bytes sniffed for compression magic; whatever follows them is never looked at.
TEST_CASE("detect_format: content after a byte order mark or leading blank lines", "[corpus]") {
  const TempDir dir;
  CHECK(archivar::detect_format(dir.write("a", "\n\n\n\n{\"title\": 1}\n")) ==
        InputFormat::kJsonLines);
  CHECK(archivar::detect_format(dir.write("b", "\xEF\xBB\xBF\n  {\"title\": 1}\n")) ==
        InputFormat::kJsonLines);
  CHECK(archivar::detect_format(dir.write("c", "\r\n<DOC>\n")) == InputFormat::kTrec);
  CHECK(archivar::detect_format(dir.write("d", "\xEF\xBB\xBF<DOC>\n")) == InputFormat::kTrec);
}

TEST_CASE("line reader: LF, CRLF and a last line without newline", "[corpus]") {
  const TempDir dir;
  CHECK(read_lines(dir, "a\nb\r\nc") == std::vector<std::string>{"a", "b", "c"});
  CHECK(read_lines(dir, "a\r\n\r\n\nb\n") == std::vector<std::string>{"a", "", "", "b"});
  CHECK(read_lines(dir, "a\rb\n\r\n") == std::vector<std::string>{"a\rb", ""});
  CHECK(read_lines(dir, "").empty());
  CHECK(read_lines(dir, "\n") == std::vector<std::string>{""});
  CHECK(read_lines(dir, "nur eine Zeile") == std::vector<std::string>{"nur eine Zeile"});
}

TEST_CASE("line reader: line numbers and bytes", "[corpus]") {
  const TempDir dir;
  archivar::LineReader lines(archivar::open_byte_source(dir.write("n.txt", "eins\r\nzwei\ndrei")));
  std::string line;
  CHECK(lines.line_number() == 0);
  REQUIRE(lines.next(line));
  CHECK(line == "eins");
  CHECK(lines.line_number() == 1);
  CHECK(lines.bytes_read() == 6);
  REQUIRE(lines.next(line));
  CHECK(lines.line_number() == 2);
  REQUIRE(lines.next(line));
  CHECK(line == "drei");
  CHECK(lines.line_number() == 3);
  CHECK(lines.bytes_read() == 15);
  CHECK_FALSE(lines.next(line));
  CHECK(lines.line_number() == 3);
}

TEST_CASE("line reader: long lines and CRLF split across read buffers", "[corpus]") {
  const TempDir dir;
  // The reader reads 64 KiB at a time (after the few bytes sniffed for compression), so
  // these lengths put the '\r' of a CRLF at the end of one read and the '\n' in the next.
  for (const std::size_t length : {65535u, 65539u, 65540u, 200000u}) {
    INFO("length " << length);
    const std::string long_line(length, 'x');
    const std::vector<std::string> lines = read_lines(dir, long_line + "\r\nnext\r\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].size() == length);
    CHECK(lines[0] == long_line);
    CHECK(lines[1] == "next");
  }
}

TEST_CASE("field map: entries and defaults", "[corpus]") {
  const auto map = archivar::FieldMap::parse("title=headline,text=body");
  CHECK(map.key_for("title") == "headline");
  CHECK(map.key_for("text") == "body");
  CHECK(map.key_for("id") == "id");
  CHECK(archivar::FieldMap{}.key_for("author") == "author");
  CHECK(archivar::FieldMap::parse("").key_for("title") == "title");
  CHECK(archivar::FieldMap::parse(",title=h,").key_for("title") == "h");
  CHECK(archivar::FieldMap::parse("title=a,title=b").key_for("title") == "b");
  CHECK(archivar::FieldMap::parse("url=link.href").key_for("url") == "link.href");
}

TEST_CASE("field map: malformed entries and unknown fields are rejected", "[corpus]") {
  using archivar::FieldMap;
  for (const char* spec : {"title", "=headline", "title=", "title=headline,text"}) {
    INFO(spec);
    CHECK_THROWS_AS(FieldMap::parse(spec), std::invalid_argument);
  }
  CHECK_THROWS_WITH(FieldMap::parse("title"), Catch::Contains("'title'"));
  CHECK_THROWS_WITH(FieldMap::parse("headline=title"), Catch::Contains("unknown field 'headline'"));
  CHECK_THROWS_WITH(FieldMap::parse("Title=x"), Catch::Contains("unknown field 'Title'"));
  CHECK_THROWS_AS(FieldMap::parse("origin=src"), std::invalid_argument);
}
