// Tests of the JSON Lines reader (corpus/formats/jsonl_reader.h) through open_article_reader,
// with the record checks and Diagnostics it reports to: fields, field map, bad lines named
// by file and line, derived ids, encoding repair, strict mode.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/text/utf8.h"
#include "corpus/article_reader.h"
#include "corpus/diagnostics.h"
#include "corpus/field_map.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;

namespace {

using archivar::Article;
using archivar::Diagnostics;
using archivar::FieldMap;
using archivar::InputFormat;

using TempDir = archivar::test::ScratchDir;

using archivar::test::ReadResult;

ReadResult read_all(const fs::path& file, const FieldMap& field_map = {}) {
  return archivar::test::read_articles(file, InputFormat::kJsonLines, field_map);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("jsonl: every article field is read", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write(
      "a.jsonl",
      R"({"id": "a1", "title": "Titel", "text": "Text über München", "date": "2022-02-24", )"
      R"("source": "Der Spiegel", "section": "Politik", "url": "https://example.org/a1", )"
      R"("author": "Anna Müller", "ignored": {"x": 1}})"
      "\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  const Article& article = result.articles[0];
  CHECK(article.id == "a1");
  CHECK(article.title == "Titel");
  CHECK(article.text == "Text über München");
  CHECK(article.date == "2022-02-24");
  CHECK(article.source == "Der Spiegel");
  CHECK(article.section == "Politik");
  CHECK(article.url == "https://example.org/a1");
  CHECK(article.author == "Anna Müller");
  CHECK(article.origin == file.string() + ":1");
  CHECK(result.messages.empty());
  CHECK(result.skipped == 0);
}

TEST_CASE("jsonl: numbers are accepted as ids", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("n.jsonl",
                                  "{\"id\": 42, \"title\": \"A\"}\n"
                                  "{\"id\": 1234567890123, \"title\": \"B\"}\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "42");
  CHECK(result.articles[1].id == "1234567890123");
}

TEST_CASE("jsonl: arrays of strings are joined", "[corpus]") {
  const TempDir dir;
  const fs::path file =
      dir.write("arr.jsonl",
                R"({"id": "x", "title": "T", "text": ["Erster Absatz.", "", "Zweiter Absatz."], )"
                R"("author": ["Anna Müller", "Bernd Schulz"]})"
                "\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].text == "Erster Absatz.\n\nZweiter Absatz.");
  CHECK(result.articles[0].author == "Anna Müller, Bernd Schulz");
}

TEST_CASE("jsonl: a field map reads other keys into the article fields", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write(
      "m.jsonl",
      R"({"docid": "d7", "headline": "Schlagzeile", "title": "nicht dies", "body": "Inhalt"})"
      "\n");
  const FieldMap map = FieldMap::parse("title=headline,text=body,id=docid");
  const ReadResult result = read_all(file, map);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == "d7");
  CHECK(result.articles[0].title == "Schlagzeile");
  CHECK(result.articles[0].text == "Inhalt");
}

TEST_CASE("jsonl: blank lines are passed over but counted", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("b.jsonl",
                                  "\n"
                                  "{\"id\": \"a\", \"title\": \"A\"}\n"
                                  "   \t \n"
                                  "\r\n"
                                  "{\"id\": \"b\", \"text\": \"B\"}\n"
                                  "\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].origin == file.string() + ":2");
  CHECK(result.articles[1].origin == file.string() + ":5");
  CHECK(result.messages.empty());
  CHECK(result.skipped == 0);
}

TEST_CASE("jsonl: a byte order mark before the first record is allowed", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("bom.jsonl",
                                  "\xEF\xBB\xBF{\"id\": \"a\", \"title\": \"A\"}\n"
                                  "{\"id\": \"b\", \"title\": \"B\"}\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "a");
  CHECK(result.messages.empty());
}

TEST_CASE("jsonl: CRLF line ends are read like LF", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write(
      "crlf.jsonl", "{\"id\": \"a\", \"title\": \"A\"}\r\n{\"id\": \"b\", \"title\": \"B\"}\r\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[1].id == "b");
  CHECK(result.messages.empty());
}

TEST_CASE("jsonl: a malformed line is skipped and reported with file and line", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("bad.jsonl",
                                  "{\"id\": \"a\", \"title\": \"A\"}\n"
                                  "{\"id\": \"b\", \"title\": \n"
                                  "{\"id\": \"c\", \"title\": \"C\"}\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "a");
  CHECK(result.articles[1].id == "c");
  CHECK(result.articles[1].origin == file.string() + ":3");
  CHECK(result.skipped == 1);
  CHECK(result.messages.starts_with("test: warning: " + file.string() + ":2: malformed JSON"));
  CHECK(result.messages.find("(skipped)") != std::string::npos);
  CHECK(count(result.messages, "\n") == 1);
}

TEST_CASE("jsonl: a line that is not a JSON object is skipped", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("arr.jsonl",
                                  "[1, 2]\n"
                                  "\"Text\"\n"
                                  "{\"id\": \"a\", \"title\": \"A\"}\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.skipped == 2);
  CHECK(result.messages.find(file.string() + ":1: expected a JSON object, found array") !=
        std::string::npos);
  CHECK(result.messages.find(file.string() + ":2: expected a JSON object, found string") !=
        std::string::npos);
}

TEST_CASE("jsonl: a record with neither title nor text is skipped", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("empty.jsonl",
                                  "{\"id\": \"a\", \"date\": \"2022-02-24\"}\n"
                                  "{\"id\": \"b\", \"title\": \"\", \"text\": []}\n"
                                  "{\"id\": \"c\", \"title\": \"nur Titel\"}\n"
                                  "{\"id\": \"d\", \"text\": \"nur Text\"}\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "c");
  CHECK(result.articles[1].id == "d");
  CHECK(result.skipped == 2);
  CHECK(result.messages.find(file.string() + ":1: record has neither title nor text") !=
        std::string::npos);
  CHECK(result.messages.find(file.string() + ":2: record has neither title nor text") !=
        std::string::npos);
}

TEST_CASE("jsonl: a missing id is made from file and line, and said once per file", "[corpus]") {
  const TempDir dir;
  const fs::path first = dir.write("noid.jsonl",
                                   "{\"title\": \"A\"}\n"
                                   "{\"id\": \"\", \"title\": \"B\"}\n"
                                   "{\"id\": \"c\", \"title\": \"C\"}\n");
  const fs::path second = dir.write("noid2.jsonl", "\n{\"title\": \"D\"}\n");

  std::ostringstream out;
  Diagnostics diagnostics(out, "test", false);
  const archivar::ReaderOptions options;
  std::vector<Article> articles;
  for (const fs::path& file : {first, second}) {
    auto reader =
        archivar::open_article_reader(file, InputFormat::kJsonLines, options, diagnostics);
    while (auto article = reader->next()) articles.push_back(std::move(*article));
  }
  REQUIRE(articles.size() == 4);
  const std::string absolute_first = fs::absolute(first).string();
  CHECK(articles[0].id == absolute_first + ":1");
  CHECK(articles[1].id == absolute_first + ":2");
  CHECK(articles[2].id == "c");
  CHECK(articles[3].id == fs::absolute(second).string() + ":2");
  const std::string messages = out.str();
  CHECK(count(messages, "test: note: ") == 2);  // once for each file
  CHECK(count(messages, first.string() + ": records without an id") == 1);
  CHECK(diagnostics.skipped_count() == 0);

  // A file named with a control character and a byte that is not UTF-8 (as an archive
  // member may be) gives an id of valid UTF-8 on one line.
  const fs::path odd = dir.write("odd\x17name\xfc.jsonl", "{\"title\": \"E\"}\n");
  auto reader = archivar::open_article_reader(odd, InputFormat::kJsonLines, options, diagnostics);
  const auto article = reader->next();
  REQUIRE(article);
  CHECK(article->id.find('\x17') == std::string::npos);
  CHECK(archivar::is_valid_utf8(article->id));
  CHECK(article->id.ends_with("/oddname\xC3\xBC.jsonl:1"));
}

TEST_CASE("jsonl: Latin-1 lines are repaired to UTF-8 and counted", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("latin1.jsonl",
                                  "{\"id\": \"a\", \"title\": \"M\xfcnchen\"}\n"
                                  "{\"id\": \"b\", \"title\": \"Gr\xfc\xdf"
                                  "e\"}\n"
                                  "{\"id\": \"c\", \"title\": \"schon UTF-8: Köln\"}\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 3);
  CHECK(result.articles[0].title == "München");
  CHECK(result.articles[1].title == "Grüße");
  CHECK(result.articles[2].title == "schon UTF-8: Köln");
  CHECK(result.repaired == 2);
  CHECK(result.skipped == 0);
  // The first repair is shown with its line, the second only counted.
  CHECK(result.messages.find(file.string() + ":1: ") != std::string::npos);
  CHECK(result.messages.find("Windows-1252") != std::string::npos);
  CHECK(result.messages.find(file.string() + ":2: ") == std::string::npos);
  CHECK(result.messages.find("1 more repaired") != std::string::npos);
}

TEST_CASE("jsonl: bytes that are no encoding at all become U+FFFD", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("bytes.jsonl", "{\"id\": \"a\", \"title\": \"A\x81Z\"}\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "A\xEF\xBF\xBDZ");
  CHECK(result.repaired == 1);
}

TEST_CASE("jsonl: strict mode throws InputError at the first bad record", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("strict.jsonl",
                                  "{\"id\": \"a\", \"title\": \"A\"}\n"
                                  "{\"id\": \"b\"}\n"
                                  "not json\n");
  std::ostringstream out;
  Diagnostics diagnostics(out, "test", /*strict=*/true);
  const archivar::ReaderOptions options;
  auto reader = archivar::open_article_reader(file, InputFormat::kJsonLines, options, diagnostics);
  const auto first = reader->next();
  REQUIRE(first);
  CHECK(first->id == "a");
  try {
    reader->next();
    FAIL("no InputError for the record without title and text");
  } catch (const archivar::InputError& error) {
    CHECK(std::string(error.what()) == file.string() + ":2: record has neither title nor text");
  }
  CHECK(out.str().empty());
}

TEST_CASE("jsonl: bytes_read counts the bytes consumed", "[corpus]") {
  const TempDir dir;
  const std::string content =
      "{\"id\": \"a\", \"title\": \"A\"}\n{\"id\": \"b\", \"title\": \"B\"}\n";
  const fs::path file = dir.write("count.jsonl", content);
  std::ostringstream out;
  Diagnostics diagnostics(out, "test", false);
  const archivar::ReaderOptions options;
  auto reader = archivar::open_article_reader(file, InputFormat::kJsonLines, options, diagnostics);
  CHECK(reader->bytes_read() == 0);
  while (reader->next()) {
  }
  CHECK(reader->bytes_read() == content.size());
}

TEST_CASE("diagnostics: message forms and counters", "[corpus]") {
  std::ostringstream out;
  Diagnostics diagnostics(out, "archivar-index", false);
  diagnostics.skipped("f.jsonl:3", "malformed JSON");
  diagnostics.repaired("f.jsonl:4", "read as Windows-1252", "f.jsonl: cp1252");
  diagnostics.repaired("f.jsonl:5", "read as Windows-1252", "f.jsonl: cp1252");
  diagnostics.repaired("f.jsonl:6", "read as Windows-1252", "f.jsonl: cp1252");
  diagnostics.input_failed("g.jsonl.gz", "truncated gzip data");
  diagnostics.note_once("k", "said once");
  diagnostics.note_once("k", "said once");
  diagnostics.print_repeated_repairs();
  CHECK(diagnostics.skipped_count() == 1);
  CHECK(diagnostics.repaired_count() == 3);
  CHECK(diagnostics.failed_inputs() == 1);
  const std::string text = out.str();
  CHECK(text.find("archivar-index: warning: f.jsonl:3: malformed JSON (skipped)\n") !=
        std::string::npos);
  CHECK(text.find("archivar-index: warning: f.jsonl:4: read as Windows-1252 (repaired") !=
        std::string::npos);
  CHECK(text.find("f.jsonl:5") == std::string::npos);
  CHECK(text.find("archivar-index: warning: g.jsonl.gz: truncated gzip data") != std::string::npos);
  CHECK(count(text, "said once") == 1);
  CHECK(text.find("archivar-index: note: f.jsonl: cp1252: 2 more repaired the same way") !=
        std::string::npos);
}

TEST_CASE("diagnostics: duplicates, kinds of repairs, read errors that name their input",
          "[corpus]") {
  std::ostringstream out;
  Diagnostics diagnostics(out, "archivar-index", false);
  diagnostics.duplicate("a.jsonl:2", "id 'x' was read before", "a.jsonl: ids read before");
  diagnostics.duplicate("a.jsonl:3", "id 'y' was read before", "a.jsonl: ids read before");
  diagnostics.repaired("a.jsonl:4", "double-encoded UTF-8", "a.jsonl: double", "double");
  diagnostics.repaired("a.jsonl:5", "read as Windows-1252");
  diagnostics.input_failed("b.xz", "b.xz: truncated xz data");
  diagnostics.print_repeated_repairs();
  CHECK(diagnostics.duplicate_count() == 2);
  CHECK(diagnostics.repaired_count() == 2);
  CHECK(diagnostics.repaired_count("double") == 1);
  CHECK(diagnostics.repaired_count("other") == 0);
  const std::string text = out.str();
  CHECK(text.find("archivar-index: warning: a.jsonl:2: id 'x' was read before (the earlier "
                  "record is replaced; further ones are counted, not shown)\n") !=
        std::string::npos);
  CHECK(text.find("a.jsonl:3") == std::string::npos);
  CHECK(text.find("archivar-index: note: a.jsonl: ids read before: 1 more\n") != std::string::npos);
  // The input is named once, not twice.
  CHECK(text.find("archivar-index: warning: b.xz: truncated xz data (rest of input skipped)\n") !=
        std::string::npos);
}

TEST_CASE("diagnostics: strict mode throws instead of writing", "[corpus]") {
  std::ostringstream out;
  Diagnostics diagnostics(out, "test", true);
  CHECK(diagnostics.strict());
  CHECK_THROWS_AS(diagnostics.skipped("f.jsonl:3", "malformed JSON"), archivar::InputError);
  CHECK_THROWS_WITH(diagnostics.input_failed("g.gz", "truncated"), "g.gz: truncated");
  CHECK(out.str().empty());
}
