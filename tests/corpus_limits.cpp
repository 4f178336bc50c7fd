// Tests of the limits every reader keeps, whatever an archive holds (issue 17): nesting
// depth, document size, fields per row, markup per page, terms too long for the index,
// control characters, and records before the cut of a truncated member.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "corpus/diagnostics.h"
#include "corpus/formats/csv_reader.h"
#include "corpus/formats/jsonl_reader.h"
#include "corpus/formats/markup_budget.h"
#include "corpus/input/record_limit.h"
#include "support/archives.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;

namespace {

using archivar::Article;
using archivar::InputFormat;
using archivar::test::ReadResult;
using archivar::test::ScratchDir;

std::vector<std::string> ids(const ReadResult& result) {
  std::vector<std::string> found;
  for (const Article& article : result.articles) found.push_back(article.id);
  return found;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string record(const std::string& id, const std::string& more = "") {
  return fmt::format(R"({{"id":"{}","title":"Hafen {}","text":"Der Hafen wächst."{}}})", id, id,
                     more) +
         "\n";
}

}  // namespace

TEST_CASE("limits: JSON nested deeper than the limit is skipped, the records around it read",
          "[corpus][limits]") {
  const ScratchDir dir;
  const std::size_t limit = archivar::JsonLinesReader::kMaxDepth;
  // The record's object is one level: its text array may nest limit - 1 deep.
  const std::string deepest_allowed = R"({"id":"ok","text":)" + std::string(limit - 1, '[') +
                                      "\"Tief\"" + std::string(limit - 1, ']') + "}\n";
  const std::string too_deep =
      R"({"id":"deep","text":)" + std::string(limit, '[') + std::string(limit, ']') + "}\n";
  const std::string bomb =
      R"({"id":"bomb","x":)" + std::string(10000, '[') + std::string(10000, ']') + "}\n";
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += R"({"a":)";
  objects.append("1").append(10000, '}').append("\n");
  const fs::path file = dir.write(
      "tief.jsonl", record("a") + deepest_allowed + too_deep + bomb + objects + record("z"));
  const ReadResult result = archivar::test::read_articles(file, InputFormat::kJsonLines);
  CHECK(ids(result) == std::vector<std::string>{"a", "ok", "z"});
  CHECK(result.articles[1].text == "Tief");
  CHECK(result.skipped == 3);
  CHECK(result.messages.find(fmt::format("tief.jsonl:3: JSON nested deeper than {} levels",
                                         limit)) != std::string::npos);
  CHECK(result.messages.find("tief.jsonl:4: JSON nested deeper") != std::string::npos);
  CHECK(result.messages.find("tief.jsonl:5: JSON nested deeper") != std::string::npos);
}

TEST_CASE("limits: JSON fields are read as before without a tree", "[corpus][limits]") {
  const ScratchDir dir;
  const fs::path file = dir.write(
      "felder.jsonl",
      R"({"id":7,"title":["A",["B",[]],{"x":"nicht"},null,true,1.5],"text":"erst","text":"zuletzt","author":["Lea","Max"],"date":20230415,"n":{"text":"innen"}})"
      "\n"
      R"({"id":"leer","title":{},"text":[{},{}]})"
      "\n"
      R"(["kein","Objekt"])"
      "\n"
      R"({"id":"kaputt","text":"x"} y)"
      "\n");
  const ReadResult result = archivar::test::read_articles(file, InputFormat::kJsonLines);
  REQUIRE(result.articles.size() == 1);
  const Article& article = result.articles[0];
  CHECK(article.id == "7");
  CHECK(article.title == "A\n\nB\n\ntrue\n\n1.5");
  CHECK(article.text == "zuletzt");  // the last of a repeated key, as a tree keeps it
  CHECK(article.author == "Lea, Max");
  CHECK(article.date == "20230415");
  CHECK(result.messages.find("felder.jsonl:2: record has neither title nor text") !=
        std::string::npos);
  CHECK(result.messages.find("felder.jsonl:3: expected a JSON object, found array") !=
        std::string::npos);
  CHECK(result.messages.find("felder.jsonl:4: malformed JSON: parse error") != std::string::npos);
}

TEST_CASE("limits: a TREC document longer than the record limit is skipped, not kept in memory",
          "[corpus][limits]") {
  const ScratchDir dir;
  const auto good = [](const std::string& id) {
    return "<DOC>\n<DOCNO>" + id + "</DOCNO>\n<TEXT>\nDer Hafen wächst.\n</TEXT>\n</DOC>\n";
  };
  std::string huge = "<DOC>\n<DOCNO>riesig</DOCNO>\n<TEXT>\n";
  const std::string line(999, 'x');
  while (huge.size() <= archivar::kMaxRecordBytes) huge += line + "\n";
  const fs::path closed = dir.write("zu.trec", good("a") + huge + "</TEXT></DOC>\n" + good("b"));
  const ReadResult result = archivar::test::read_articles(closed, InputFormat::kTrec);
  CHECK(ids(result) == std::vector<std::string>{"a", "b"});
  CHECK(result.skipped == 1);
  CHECK(result.messages.find("zu.trec:7: document longer than 32 MiB") != std::string::npos);

  // Left open: the reader goes on at the next <DOC>, or stops at the end of the file.
  const fs::path open = dir.write("offen.trec", good("a") + huge + good("b") + huge);
  const ReadResult unclosed = archivar::test::read_articles(open, InputFormat::kTrec);
  CHECK(ids(unclosed) == std::vector<std::string>{"a", "b"});
  CHECK(unclosed.skipped == 2);
}

TEST_CASE("limits: a CSV row with more fields than a row may have is skipped", "[corpus][limits]") {
  const ScratchDir dir;
  const std::size_t limit = archivar::CsvReader::kMaxFields;
  const fs::path file =
      dir.write("breit.csv", "id,title,text\nc1,Hafen,Text\n" + std::string(limit * 3, ',') +
                                 "\nc2,Brücke,Text\n");
  const ReadResult result = archivar::test::read_articles(file, InputFormat::kCsv);
  CHECK(ids(result) == std::vector<std::string>{"c1", "c2"});
  CHECK(result.messages.find(fmt::format("breit.csv:3: {} fields, more than the {} a row may have",
                                         limit * 3 + 1, limit)) != std::string::npos);
}

TEST_CASE("limits: the markup budget counts elements and attributes", "[corpus][limits]") {
  using archivar::markup_excess;
  const archivar::MarkupBudget budget{.max_nodes = 10, .max_attributes_per_element = 3};
  CHECK(markup_excess("<p a=1 b='x > y' c>Text</p> a < b", budget).empty());
  CHECK(markup_excess("<p a=1 b=2 c=3 d=4>", budget) ==
        "an element with 4 attributes, more than the 3 one may have");
  CHECK(markup_excess("<b>x<b>x<b>x<b>x<b>x<b>x<b>x<b>x<b>x<b>x<b>x", budget) ==
        "more than 10 elements and attributes");
  CHECK(markup_excess(std::string(100, '<'), budget).empty());  // no tags at all
}

TEST_CASE("limits: pages with too much markup or too deep nesting are skipped",
          "[corpus][limits]") {
  const ScratchDir dir;
  std::string attributes = "<html><body><p";
  for (int i = 0; i < 300; ++i) attributes += fmt::format(" a{}=1", i);
  const fs::path wide = dir.write("breit.html", attributes + ">Text</p></body></html>");
  const ReadResult wide_result = archivar::test::read_articles(wide, InputFormat::kHtml);
  CHECK(wide_result.articles.empty());
  CHECK(wide_result.messages.find("breit.html: too much markup to parse: an element with 300 "
                                  "attributes") != std::string::npos);

  std::string tiny = "<html><body>";
  for (int i = 0; i < 600000; ++i) tiny += "<b>x";
  const fs::path many = dir.write("viele.html", tiny + "</body></html>");
  const ReadResult many_result = archivar::test::read_articles(many, InputFormat::kHtml);
  CHECK(many_result.messages.find("viele.html: too much markup to parse: more than 500000 "
                                  "elements and attributes") != std::string::npos);

  std::string deep = "<html><body>";
  for (int i = 0; i < 300; ++i) deep += "<div>";
  const fs::path nested = dir.write("tief.html", deep + "Text</body></html>");
  const ReadResult nested_result = archivar::test::read_articles(nested, InputFormat::kHtml);
  CHECK(nested_result.articles.empty());
  CHECK(nested_result.messages.find("tief.html: elements nested more than 250 deep") !=
        std::string::npos);
}

TEST_CASE("limits: of nested <article>s the outermost is the article", "[corpus][limits]") {
  const ScratchDir dir;
  std::string page = "<html><head><title>Verschachtelt</title></head><body><nav>Menü</nav>";
  for (int i = 0; i < 200; ++i) page += fmt::format("<article><p>Absatz {}</p>", i);
  for (int i = 0; i < 200; ++i) page += "</article>";
  const fs::path file = dir.write("artikel.html", page + "</body></html>");
  const ReadResult result = archivar::test::read_articles(file, InputFormat::kHtml);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].text.starts_with("Absatz 0\n\nAbsatz 1\n\n"));
  CHECK(result.articles[0].text.ends_with("Absatz 199"));
  CHECK(result.articles[0].text.find("Menü") == std::string::npos);
}

TEST_CASE("limits: a <nitf> inside another is part of its text, not an article",
          "[corpus][limits]") {
  const ScratchDir dir;
  const fs::path file = dir.write(
      "paket.xml",
      "<?xml version=\"1.0\"?><paket>"
      "<nitf><head><docdata><doc-id id-string=\"n1\"/></docdata></head><body><body.content>"
      "<p>Aussen</p><nitf><head><docdata><doc-id id-string=\"n2\"/></docdata></head><body>"
      "<body.content><p>Innen</p></body.content></body></nitf></body.content></body></nitf>"
      "<nitf><head><docdata><doc-id id-string=\"n3\"/></docdata></head><body><body.content>"
      "<p>Daneben</p></body.content></body></nitf></paket>");
  const ReadResult result = archivar::test::read_articles(file, InputFormat::kNitf);
  CHECK(ids(result) == std::vector<std::string>{"n1", "n3"});
}

TEST_CASE("limits: a field too long for a term is kept whole and reported once per record",
          "[corpus][limits]") {
  const ScratchDir dir;
  const std::string source(300, 'S');
  const std::string section(260, 'R');
  const fs::path jsonl =
      dir.write("lang.jsonl",
                record("a") + record("b", R"(,"source":")" + source + "\"") +
                    record("c", R"(,"source":")" + source + R"(","section":")" + section + "\"") +
                    record("d"));
  const ReadResult result = archivar::test::read_articles(jsonl, InputFormat::kJsonLines);
  CHECK(ids(result) == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(result.articles[1].source == source);  // stored whole
  CHECK(result.repaired == 2);
  CHECK(count(result.messages, "warning") == 2);
  CHECK(result.messages.find("lang.jsonl:2: source of 300 bytes longer than the index takes as "
                             "a term (245 bytes)") != std::string::npos);
  CHECK(result.messages.find("lang.jsonl:3: source of 300 bytes and section of 260 bytes") !=
        std::string::npos);

  const fs::path trec =
      dir.write("lang.trec",
                "<DOC><DOCNO>t1</DOCNO><SOURCE>" + source +
                    "</SOURCE><TEXT>x</TEXT></DOC>\n<DOC><DOCNO>t2</DOCNO><TEXT>y</TEXT></DOC>\n");
  const ReadResult trec_result = archivar::test::read_articles(trec, InputFormat::kTrec);
  CHECK(ids(trec_result) == std::vector<std::string>{"t1", "t2"});
  CHECK(trec_result.messages.find("lang.trec:1: source of 300 bytes") != std::string::npos);

  const fs::path csv =
      dir.write("lang.csv", "id,title,section\nc1,T," + section + "\nc2,U,Sport\n");
  const ReadResult csv_result = archivar::test::read_articles(csv, InputFormat::kCsv);
  CHECK(ids(csv_result) == std::vector<std::string>{"c1", "c2"});
  CHECK(csv_result.messages.find("lang.csv:2: section of 260 bytes") != std::string::npos);

  const fs::path html = dir.write(
      "lang.html", "<html><head><title>T</title><meta property=\"article:section\" content=\"" +
                       section + "\"></head><body><p>Der Hafen wächst.</p></body></html>");
  const ReadResult html_result = archivar::test::read_articles(html, InputFormat::kHtml);
  REQUIRE(html_result.articles.size() == 1);
  CHECK(html_result.articles[0].section == section);
  CHECK(html_result.messages.find("lang.html:1: section of 260 bytes") != std::string::npos);
}

TEST_CASE("limits: control characters are dropped as every format is read", "[corpus][limits]") {
  const ScratchDir dir;
  const auto clean = [](const Article& article) {
    for (const std::string* field : {&article.id, &article.title, &article.text, &article.source}) {
      for (const char c : *field) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f) return false;
      }
      if (field->find("\xc2\x9b") != std::string::npos) return false;
    }
    return true;
  };
  const fs::path jsonl = dir.write(
      "steuer.jsonl",
      R"({"id":"j\u001b1","title":"Alarm\u001b[2J\u0007","text":"a\u0000b\r\nc","source":"Agentur\u009b31m"})"
      "\n");
  const ReadResult json_result = archivar::test::read_articles(jsonl, InputFormat::kJsonLines);
  REQUIRE(json_result.articles.size() == 1);
  CHECK(clean(json_result.articles[0]));
  CHECK(json_result.articles[0].title == "Alarm[2J");
  CHECK(json_result.articles[0].text == "ab\nc");
  CHECK(json_result.articles[0].source == "Agentur31m");

  const fs::path trec = dir.write("steuer.trec",
                                  "<DOC><DOCNO>t1</DOCNO><HEADLINE>Titel&#27;[31m&#7;</HEADLINE>"
                                  "<TEXT>Text&#x9b;&#0;</TEXT></DOC>\n");
  const ReadResult trec_result = archivar::test::read_articles(trec, InputFormat::kTrec);
  REQUIRE(trec_result.articles.size() == 1);
  CHECK(clean(trec_result.articles[0]));
  CHECK(trec_result.articles[0].title == "Titel[31m");

  const fs::path csv = dir.write("steuer.csv", "id,title,text\nc1,\x1b]0;x\x07T,Text\n");
  const ReadResult csv_result = archivar::test::read_articles(csv, InputFormat::kCsv);
  REQUIRE(csv_result.articles.size() == 1);
  CHECK(clean(csv_result.articles[0]));

  const fs::path text = dir.write("steuer.txt", "Titel\x1b[1m\n\nText\x07 mit Glocke\n");
  const ReadResult text_result = archivar::test::read_articles(text, InputFormat::kText);
  REQUIRE(text_result.articles.size() == 1);
  CHECK(text_result.articles[0].title == "Titel[1m");
  CHECK(text_result.articles[0].text == "Text mit Glocke");
}

TEST_CASE("limits: a truncated tar member yields its complete records", "[corpus][limits]") {
  const ScratchDir dir;
  std::string records;
  for (int i = 0; i < 40; ++i) records += record(fmt::format("r{}", i));
  const std::string tar = archivar::test::tar_archive({{"a.jsonl", records}});
  // Cut in the middle of the member's data: its header and the first half stay.
  const std::size_t data_start = tar.find("{\"id\":\"r0\"");
  REQUIRE(data_start != std::string::npos);
  const fs::path file = dir.write("kaputt.tar", tar.substr(0, data_start + records.size() / 2));
  std::ostringstream out;
  archivar::Diagnostics diagnostics(out, "test", false);
  const archivar::ReaderOptions options;
  std::vector<std::string> read;
  try {
    auto reader = archivar::open_article_reader(file, InputFormat::kArchive, options, diagnostics);
    while (auto article = reader->next()) read.push_back(article->id);
    FAIL("no ReadError for the truncated member");
  } catch (const archivar::ReadError& error) {
    CHECK(std::string(error.what())
              .find("kaputt.tar!a.jsonl: cannot read member: Truncated tar "
                    "archive") != std::string::npos);
  }
  // Every complete line before the cut (the cut one is lost with the rest).
  const std::size_t complete = static_cast<std::size_t>(
      std::count(records.begin(), records.begin() + static_cast<long>(records.size() / 2), '\n'));
  CHECK(read.size() == complete);
  CHECK(read.front() == "r0");
}
