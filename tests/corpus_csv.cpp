// Tests of the CSV/TSV reader (corpus/formats/csv_reader.h) through open_article_reader:
// header rows and --csv-columns, quoting as RFC 4180 and Python's csv module read it,
// dialects, the field map, and rows that are reported by file and line and skipped.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "corpus/article_reader.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;

namespace {

using archivar::Article;
using archivar::FieldMap;
using archivar::InputFormat;
using archivar::ReaderOptions;
using archivar::test::ReadResult;
using archivar::test::ScratchDir;

ReadResult read_csv(const fs::path& file, const ReaderOptions& options = {},
                    InputFormat format = InputFormat::kCsv) {
  return archivar::test::read_articles(file, format, options);
}

}  // namespace

TEST_CASE("csv: a header row names the columns, every article field is read", "[corpus]") {
  const ScratchDir dir;
  const fs::path file =
      dir.write("a.csv",
                "id,title,text,date,source,section,url,author,extra\n"
                "c1,Neue Fähre für Juist,Die Reederei stellt ein Schiff in Dienst.,2023-05-02,"
                "Inselbote,Regionales,https://inselbote.example/c1,Hanna Kröger,egal\n");
  const ReadResult result = read_csv(file);
  REQUIRE(result.articles.size() == 1);
  const Article& article = result.articles[0];
  CHECK(article.id == "c1");
  CHECK(article.title == "Neue Fähre für Juist");
  CHECK(article.text == "Die Reederei stellt ein Schiff in Dienst.");
  CHECK(article.date == "2023-05-02");
  CHECK(article.source == "Inselbote");
  CHECK(article.section == "Regionales");
  CHECK(article.url == "https://inselbote.example/c1");
  CHECK(article.author == "Hanna Kröger");
  CHECK(article.origin == file.string() + ":2");
  CHECK(result.messages.empty());
}

TEST_CASE("csv: quoted fields hold line breaks, delimiters and doubled quotes", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("q.csv",
                                  "id,title,text\n"
                                  "q1,\"Streik, Stau, Stillstand\",\"Erster Absatz.\n"
                                  "\n"
                                  "Zweiter Absatz mit \"\"Zitat\"\", sagte sie.\"\n"
                                  "q2,\"\",Nur Text\n"
                                  "q3,Titel mit \"Anführung\" mitten drin,x\n");
  const ReadResult result = read_csv(file);
  REQUIRE(result.articles.size() == 3);
  CHECK(result.articles[0].title == "Streik, Stau, Stillstand");
  CHECK(result.articles[0].text == "Erster Absatz.\n\nZweiter Absatz mit \"Zitat\", sagte sie.");
  CHECK(result.articles[0].origin == file.string() + ":2");
  CHECK(result.articles[1].id == "q2");
  CHECK(result.articles[1].title.empty());
  CHECK(result.articles[1].origin == file.string() + ":5");  // counts the lines inside quotes
  // A quote inside an unquoted field is part of the text.
  CHECK(result.articles[2].title == "Titel mit \"Anführung\" mitten drin");
  CHECK(result.messages.empty());
}

TEST_CASE("csv: TSV is split at tabs, CSV at commas, unless a delimiter is given", "[corpus]") {
  const ScratchDir dir;
  const fs::path tsv = dir.write("a.tsv", "id\ttitle\ttext\nt1\tHafen, Kiel\tText, mit Komma\n");
  const ReadResult tabs = read_csv(tsv, {}, InputFormat::kTsv);
  REQUIRE(tabs.articles.size() == 1);
  CHECK(tabs.articles[0].title == "Hafen, Kiel");

  const fs::path semicolons = dir.write("b.csv", "id;title;text\ns1;Eins, zwei;drei\n");
  ReaderOptions options;
  options.csv.delimiter = ';';
  const ReadResult result = read_csv(semicolons, options);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Eins, zwei");
}

TEST_CASE("csv: files without a header row take their column names from --csv-columns",
          "[corpus]") {
  // The dialect of the 10kGNAD export: label;text, ';' delimited, quoted with "'" only
  // where needed, a quote inside doubled.
  const ScratchDir dir;
  const fs::path file = dir.write(
      "gnad.csv",
      "Sport;'Der Trainer bleibt; der Vorstand verlängert. ''Wir sind zufrieden'', hieß es.'\n"
      "Kultur;Das Festival in Bregenz meldet einen Besucherrekord.\n");
  ReaderOptions options;
  options.csv.delimiter = ';';
  options.csv.quote = '\'';
  options.csv.columns = {"section", "text"};
  const ReadResult result = read_csv(file, options);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].section == "Sport");
  CHECK(result.articles[0].text ==
        "Der Trainer bleibt; der Vorstand verlängert. 'Wir sind zufrieden', hieß es.");
  CHECK(result.articles[1].section == "Kultur");
  // Without ids, file and line make them.
  CHECK(result.articles[1].id == fs::absolute(file).lexically_normal().string() + ":2");
}

TEST_CASE("csv: the field map and the header's case decide which column is which", "[corpus]") {
  const ScratchDir dir;
  const fs::path file =
      dir.write("m.csv", "Kennung,Überschrift,Inhalt,TITLE\nm1,Rathaus saniert,Der Bau,nein\n");
  ReaderOptions options;
  options.field_map = FieldMap::parse("id=kennung,title=überschrift,text=INHALT");
  const ReadResult result = read_csv(file, options);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == "m1");
  CHECK(result.articles[0].text == "Der Bau");
  CHECK(result.articles[0].title == "Rathaus saniert");
}

TEST_CASE("csv: rows with the wrong number of fields are reported by line and skipped",
          "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("w.csv",
                                  "id,title,text\n"
                                  "w1,Eins,Text eins\n"
                                  "w2,Zwei\n"
                                  "w3,Drei,Text,zu viel\n"
                                  "\n"
                                  "w4,Vier,Text vier,\n");  // a trailing delimiter is tolerated
  const ReadResult result = read_csv(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "w1");
  CHECK(result.articles[1].id == "w4");
  CHECK(result.skipped == 2);
  CHECK(result.messages.find(file.string() + ":3: 2 fields where the header has 3") !=
        std::string::npos);
  CHECK(result.messages.find(file.string() + ":4: 4 fields where the header has 3") !=
        std::string::npos);
}

TEST_CASE("csv: an unclosed quote costs one row, the rows after it are read again", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("u.csv",
                                  "id,title,text\n"
                                  "u1,\"Offenes Zitat,Text eins\n"
                                  "u2,Zwei,Text zwei\n"
                                  "u3,Drei,Text drei\n");
  const ReadResult result = read_csv(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "u2");
  CHECK(result.articles[0].origin == file.string() + ":3");
  CHECK(result.articles[1].id == "u3");
  CHECK(result.skipped == 1);
  CHECK(result.messages.find(file.string() +
                             ":2: quoted field not closed before the end of the file") !=
        std::string::npos);
}

TEST_CASE("csv: a header without a title or text column stops the file with one message",
          "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("h.csv", "a;b;c\n1;2;3\n");
  const ReadResult result = read_csv(file);  // ';' is detected as the delimiter
  CHECK(result.articles.empty());
  CHECK(result.messages.find(file.string() + ":1: no title or text column among the 3 columns "
                                             "(a, b, c)") != std::string::npos);
  CHECK(result.messages.find("delimiter (now ';')") != std::string::npos);
}

TEST_CASE("csv: with quoting off a quote is text", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("n.tsv", "title\ttext\n\"Zitat\" im Titel\t\"offen\n");
  ReaderOptions options;
  options.csv.quote = '\0';
  const ReadResult result = read_csv(file, options, InputFormat::kTsv);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "\"Zitat\" im Titel");
  CHECK(result.articles[0].text == "\"offen");
}

TEST_CASE("csv: byte order mark, CRLF and Latin-1 rows", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("b.csv",
                                  "\xEF\xBB\xBFid,title,text\r\n"
                                  "b1,K\xf6ln,Stra\xdf"
                                  "e\r\n"
                                  "b2,\"Zwei\r\nZeilen\",Text über Köln\r\n");
  const ReadResult result = read_csv(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "b1");
  CHECK(result.articles[0].title == "Köln");
  CHECK(result.articles[0].text == "Straße");
  CHECK(result.articles[1].title == "Zwei\nZeilen");
  CHECK(result.repaired == 1);
}

TEST_CASE("csv: a line longer than the record limit is reported and skipped", "[corpus]") {
  const ScratchDir dir;
  std::string content = "id,title,text\nl1,Kurz,Text\nl2,Lang,";
  content.append(std::size_t{50} << 20, 'x');  // 50 MB, made here, not kept in the repository
  content += "\nl3,Danach,Text\n";
  const fs::path file = dir.write("long.csv", content);
  content.clear();
  content.shrink_to_fit();
  const ReadResult result = read_csv(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "l1");
  CHECK(result.articles[1].id == "l3");
  CHECK(result.skipped == 1);
  CHECK(result.messages.find(file.string() + ":3: line longer than 32 MiB") != std::string::npos);
}
