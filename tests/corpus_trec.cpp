// Tests of the TREC SGML reader (corpus/formats/trec_reader.h) through open_article_reader:
// several documents per file, title and text tags, entities, markup inside the text, and
// documents left open.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "corpus/diagnostics.h"
#include "corpus/field_map.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;

namespace {

using archivar::Article;
using archivar::Diagnostics;
using archivar::InputFormat;

using TempDir = archivar::test::ScratchDir;

using archivar::test::ReadResult;

ReadResult read_all(const fs::path& file) {
  return archivar::test::read_articles(file, InputFormat::kTrec);
}

// @a text with every run of white space turned into one space, trimmed.
std::string squeeze(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

const char* const kTwoDocs =
    "<DOC>\n"
    "<DOCNO> FR940104-0-00001 </DOCNO>\n"
    "<HEADLINE>\n"
    "Regierung &amp; Opposition\n"
    "</HEADLINE>\n"
    "<DATE>24.02.2022</DATE>\n"
    "<TEXT>\n"
    "Erster Teil mit M&#252;nchen.\n"
    "<P>\n"
    "Zweiter Absatz.\n"
    "</P>\n"
    "</TEXT>\n"
    "<FILEID>nicht im Text</FILEID>\n"
    "<TEXT>\n"
    "Dritter Teil &#xFC;ber &lt;Tags&gt; &quot;zitiert&quot;.\n"
    "</TEXT>\n"
    "</DOC>\n"
    "<DOC>\n"
    "<DOCNO>B-2</DOCNO>\n"
    "<TITLE>Zweiter Titel</TITLE>\n"
    "<BODY>Kurzer Text mit <EM>Betonung</EM>.</BODY>\n"
    "<BYLINE>Anna M&#252;ller</BYLINE>\n"
    "</DOC>\n";

}  // namespace

TEST_CASE("trec: several documents with ids, titles and dates", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("two.trec", kTwoDocs);
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  const Article& first = result.articles[0];
  CHECK(first.id == "FR940104-0-00001");
  CHECK(first.title == "Regierung & Opposition");
  CHECK(first.date == "24.02.2022");
  CHECK(first.origin == file.string() + ":1");
  const Article& second = result.articles[1];
  CHECK(second.id == "B-2");
  CHECK(second.title == "Zweiter Titel");
  CHECK(second.author == "Anna Müller");
  CHECK(second.origin == file.string() + ":18");
  CHECK(result.messages.empty());
}

TEST_CASE("trec: TEXT parts are joined, <P> separates paragraphs, other tags go", "[corpus]") {
  const TempDir dir;
  const ReadResult result = read_all(dir.write("two.trec", kTwoDocs));
  REQUIRE(result.articles.size() == 2);
  const std::string& text = result.articles[0].text;
  CHECK(squeeze(text) ==
        "Erster Teil mit München. Zweiter Absatz. Dritter Teil über <Tags> \"zitiert\".");
  // Paragraphs and parts are separated by a blank line.
  const auto paragraph = text.find("München.");
  REQUIRE(paragraph != std::string::npos);
  CHECK(text.find("\n\n", paragraph) < text.find("Zweiter Absatz."));
  CHECK(text.find("\n\n", text.find("Zweiter Absatz.")) < text.find("Dritter Teil"));
  CHECK(text.find("nicht im Text") == std::string::npos);  // unknown tag outside TEXT
  CHECK(text.find("<P>") == std::string::npos);
  // Markup inside the text is dropped, its words kept.
  CHECK(result.articles[1].text == "Kurzer Text mit Betonung.");
}

TEST_CASE("trec: entities are decoded, unknown ones kept", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write(
      "ent.trec",
      "<DOC><DOCNO>e</DOCNO>\n"
      "<HEADLINE>Stra&szlig;enbahn f&uuml;r M&uuml;nchen &ndash; &bdquo;endlich&ldquo;</HEADLINE>\n"
      "<TEXT>AT&amp;T &#252;&#xfc;&#XFC; &auml;&Ouml;&szlig; a&nbsp;b &euro; &apos; "
      "Tom &amp Jerry &#8364; &unbekannt; &AUML;</TEXT>\n"
      "</DOC>\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Straßenbahn für München – „endlich“");
  // Names are case-sensitive, as in SGML's HTML entity sets: &AUML; is no entity.
  CHECK(result.articles[0].text == "AT&T üüü äÖß a\u00A0b € ' Tom &amp Jerry € &unbekannt; &AUML;");
}

TEST_CASE("trec: lower-case tags and a DOC with attributes", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("lower.sgml",
                                  "<doc id=\"1\">\n"
                                  "<docno>l1</docno>\n"
                                  "<headline>Klein</headline>\n"
                                  "<text>geschrieben</text>\n"
                                  "</doc>\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == "l1");
  CHECK(result.articles[0].title == "Klein");
  CHECK(result.articles[0].text == "geschrieben");
}

TEST_CASE("trec: one document per line", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("lines.trec",
                                  "<DOC><DOCNO>a</DOCNO><TEXT>eins</TEXT></DOC>\n"
                                  "<DOC><DOCNO>b</DOCNO><HEADLINE>zwei</HEADLINE></DOC>\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "a");
  CHECK(result.articles[0].text == "eins");
  CHECK(result.articles[1].id == "b");
  CHECK(result.articles[1].origin == file.string() + ":2");
}

TEST_CASE("trec: a <DOC> without </DOC> at the end of the file is skipped and reported",
          "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("open.trec",
                                  "<DOC>\n"
                                  "<DOCNO>ok</DOCNO>\n"
                                  "<TEXT>vollständig</TEXT>\n"
                                  "</DOC>\n"
                                  "\n"
                                  "<DOC>\n"
                                  "<DOCNO>cut</DOCNO>\n"
                                  "<TEXT>abgeschnitten\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == "ok");
  CHECK(result.skipped == 1);
  CHECK(result.messages ==
        "test: warning: " + file.string() + ":6: <DOC> without </DOC> at end of file (skipped)\n");
}

TEST_CASE("trec: a <DOC> left open before the next one is skipped, the next one read", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("reopen.trec",
                                  "<DOC>\n"
                                  "<DOCNO>broken</DOCNO>\n"
                                  "<TEXT>ohne Ende\n"
                                  "<DOC>\n"
                                  "<DOCNO>next</DOCNO>\n"
                                  "<TEXT>wieder gut</TEXT>\n"
                                  "</DOC>\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == "next");
  CHECK(result.articles[0].text == "wieder gut");
  CHECK(result.articles[0].origin == file.string() + ":4");
  CHECK(result.skipped == 1);
  CHECK(result.messages.find(file.string() + ":1: <DOC> without </DOC> before the next <DOC>") !=
        std::string::npos);
}

TEST_CASE("trec: a document without title and text is skipped, one without DOCNO gets an id",
          "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("ids.trec",
                                  "<DOC>\n<DOCNO>leer</DOCNO>\n</DOC>\n"
                                  "<DOC>\n<TEXT>ohne Nummer</TEXT>\n</DOC>\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == fs::absolute(file).string() + ":4");
  CHECK(result.skipped == 1);
  CHECK(result.messages.find(file.string() + ":1: record has neither title nor text") !=
        std::string::npos);
  CHECK(result.messages.find("note: ") != std::string::npos);
}

TEST_CASE("trec: text outside any document is ignored, Latin-1 is repaired", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("junk.trec",
                                  "Kopfzeile der Lieferung\n"
                                  "<DOC>\n"
                                  "<DOCNO>x</DOCNO>\n"
                                  "<TEXT>Stra\xdf"
                                  "e in K\xf6ln</TEXT>\n"
                                  "</DOC>\n"
                                  "Fu\xdfzeile\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].text == "Straße in Köln");
  CHECK(result.messages.find(file.string() + ":4: ") != std::string::npos);
}

// Compact SGML exports put whole documents on one line; the reader stops reading a line at
// </DOC>, so a second <DOC> after it on the same line is lost without any message.
TEST_CASE("trec: two documents on one line are both read", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("oneline.trec",
                                  "<DOC><DOCNO>a</DOCNO><TEXT>eins</TEXT></DOC>"
                                  "<DOC><DOCNO>b</DOCNO><TEXT>zwei</TEXT></DOC>\n");
  const ReadResult result = read_all(file);
  CHECK(result.articles.size() == 2);
  CHECK(result.messages.empty());
}

// detect_format skips a UTF-8 byte order mark before "<DOC", but the reader's starts_doc()
// does not, so the first document of a file saved with a BOM is passed over in silence.
TEST_CASE("trec: a file starting with a byte order mark loses no document", "[corpus]") {
  const TempDir dir;
  const fs::path file = dir.write("bom.trec",
                                  "\xEF\xBB\xBF<DOC>\n<DOCNO>first</DOCNO>\n<TEXT>eins</TEXT>\n"
                                  "</DOC>\n<DOC>\n<DOCNO>second</DOCNO>\n<TEXT>zwei</TEXT>\n"
                                  "</DOC>\n");
  const ReadResult result = read_all(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "first");
  CHECK(result.articles[1].id == "second");
}
