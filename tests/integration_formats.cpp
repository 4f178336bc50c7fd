// archivar-index run on every input format it reads — CSV, TSV, HTML, NITF, plain text,
// archives, legacy encodings — and on malformed input, with archivar-search finding what
// was indexed and showing where it came from.
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/archives.h"
#include "support/cli.h"

using namespace archivar::test;
using nlohmann::json;

namespace {

CommandResult index_into(const std::string& db, const std::string& arguments) {
  return run(binary("archivar-index") + " --db " + shell_quote(db) + " " + arguments);
}

json search_json(const std::string& db, const std::string& query) {
  const CommandResult result = run(binary("archivar-search") + " --db " + shell_quote(db) +
                                   " --format json --limit 20 " + shell_quote(query));
  REQUIRE(result.status == 0);
  return json::parse(result.out);
}

std::vector<std::string> search_ids(const std::string& db, const std::string& query) {
  const json page = search_json(db, query);
  std::vector<std::string> ids;
  for (const auto& hit : page["hits"]) ids.push_back(hit["id"]);
  return ids;
}

Xapian::doccount document_count(const std::string& db) {
  return Xapian::Database(db).get_doccount();
}

const char* const kCsv =
    "id,title,text,date,section\n"
    "csv-1,Seilbahn für Koblenz,\"Die Stadt plant eine zweite Seilbahn.\n"
    "\n"
    "Der Rat stimmt im Mai ab.\",2023-03-01,Regionales\n";

const char* const kHtml =
    "<!DOCTYPE html><html><head><title>Imkerverein wächst</title>"
    "<meta property=\"article:published_time\" content=\"2022-06-01T09:00:00+02:00\">"
    "<link rel=\"canonical\" href=\"https://landbote.example/imker\"></head><body>"
    "<nav><a href=\"/\">Startseite</a></nav><article><p>Der Imkerverein zählt nun "
    "120 Mitglieder und betreut 400 Bienenvölker.</p></article></body></html>";

const char* const kNitf =
    "<?xml version=\"1.0\"?>\n<nitf><head><docdata><doc-id id-string=\"nitf-1\"/>"
    "<date.issue norm=\"20210910T120000+0200\"/><doc.copyright holder=\"Agentur Nord\"/>"
    "</docdata></head><body><body.head><hedline><hl1>Robbenzählung im Wattenmeer</hl1>"
    "</hedline></body.head><body.content><p>Die Zahl der Seehunde ist gestiegen.</p>"
    "</body.content></body></nitf>\n";

}  // namespace

TEST_CASE("CSV and TSV and HTML and NITF and text files are indexed and traced to their origin",
          "[integration][formats]") {
  const ScratchDir dir;
  dir.write("in/artikel.csv", kCsv);
  dir.write("in/kurz.tsv", "id\ttitle\ttext\ntsv-1\tFlohmarkt am Deich\tAm Sonntag ab acht.\n");
  dir.write("in/imker.html", kHtml);
  dir.write("in/robben.xml", kNitf);
  dir.write("in/notiz.txt",
            "Wanderdüne verschluckt Parkplatz\n\nAuf Sylt ist ein Parkplatz "
            "unter Sand verschwunden.\n");
  const std::string db = dir / "db";
  const CommandResult result = index_into(db, shell_quote(dir / "in"));
  CHECK(result.err.empty());
  REQUIRE(result.status == 0);
  CHECK(document_count(db) == 5);

  CHECK(search_ids(db, "Seilbahn") == std::vector<std::string>{"csv-1"});
  CHECK(search_ids(db, "Flohmarkt") == std::vector<std::string>{"tsv-1"});
  CHECK(search_ids(db, "Bienenvölker") ==
        std::vector<std::string>{"https://landbote.example/imker"});
  CHECK(search_ids(db, "Startseite").empty());  // navigation is not indexed
  CHECK(search_ids(db, "Seehunde") == std::vector<std::string>{"nitf-1"});
  CHECK(search_ids(db, "quelle:\"Agentur Nord\" date:2021") == std::vector<std::string>{"nitf-1"});
  CHECK(search_ids(db, "Wanderdüne").size() == 1);

  const json csv = search_json(db, "Seilbahn");
  CHECK(csv["hits"][0]["origin"] == dir / "in/artikel.csv" + ":2");
  CHECK(csv["hits"][0]["date"] == "2023-03-01");
  CHECK(csv["hits"][0]["section"] == "Regionales");
  const json text = search_json(db, "Wanderdüne");
  CHECK(text["hits"][0]["origin"] == dir / "in/notiz.txt" + ":1");
  CHECK(text["hits"][0]["title"] == "Wanderdüne verschluckt Parkplatz");
}

TEST_CASE("archives are read in place and their members traced as ARCHIVE!MEMBER:LINE",
          "[integration][formats]") {
  const ScratchDir dir;
  const std::vector<Member> members = {
      {"lieferung/a.csv", kCsv},
      {"lieferung/b.html", kHtml},
      {"lieferung/c.jsonl.bz2",
       compress("{\"id\": \"bz-1\", \"title\": \"Kranich\", \"text\": \"Zugvögel rasten.\"}\n",
                Compression::kBzip2)}};
  write_file(dir / "export.tar.gz", tar_archive(members, Compression::kGzip));
  write_file(dir / "nitf.zip", zip_archive({{"robben.nitf", kNitf}}));
  write_file(dir / "einzeln.jsonl.xz",
             compress("{\"id\": \"xz-1\", \"title\": \"Moorfrosch\", \"text\": \"Blau.\"}\n",
                      Compression::kXz));
  const std::string db = dir / "db";
  const CommandResult result = index_into(db, shell_quote(dir.path().string()));
  CHECK(result.err.empty());
  REQUIRE(result.status == 0);
  CHECK(document_count(db) == 5);
  const json csv = search_json(db, "Seilbahn");
  REQUIRE(csv["hits"].size() == 1);
  CHECK(csv["hits"][0]["origin"] == dir / "export.tar.gz" + "!lieferung/a.csv:2");
  CHECK(search_json(db, "Kranich")["hits"][0]["origin"] ==
        dir / "export.tar.gz" + "!lieferung/c.jsonl.bz2:1");
  CHECK(search_json(db, "Seehunde")["hits"][0]["origin"] == dir / "nitf.zip" + "!robben.nitf:2");
  CHECK(search_ids(db, "Moorfrosch") == std::vector<std::string>{"xz-1"});
}

TEST_CASE("a 10kGNAD-style export is read: semicolons, single quotes, no header row",
          "[integration][formats]") {
  const ScratchDir dir;
  write_file(dir / "gnad.csv",
             "Sport;'Der Trainer bleibt; ''wir sind zufrieden'', sagt der Präsident.'\n"
             "Kultur;Die Bregenzer Festspiele melden einen Besucherrekord.\n"
             "Wirtschaft;Die Brauerei erhöht die Preise; kaputte Zeile\n");
  const std::string db = dir / "db";
  const CommandResult result =
      index_into(db, "--csv-delimiter ';' --csv-quote \"'\" --csv-columns section,text " +
                         shell_quote(dir / "gnad.csv"));
  CHECK(result.status == 3);
  CHECK(result.err.find(dir / "gnad.csv" + ":3: 3 fields where the --csv-columns has 2") !=
        std::string::npos);
  CHECK(document_count(db) == 2);
  CHECK(search_ids(db, "rubrik:sport Trainer").size() == 1);
  CHECK(search_json(db, "Festspiele")["hits"][0]["section"] == "Kultur");
}

TEST_CASE("the format, encoding and CSV options are checked and applied",
          "[integration][formats]") {
  const ScratchDir dir;
  write_file(dir / "meldung.dat", "Fahrradstraße eröffnet\n\nDie Strecke ist 3 km lang.\n");
  const std::string db = dir / "db";
  CHECK(index_into(db, shell_quote(dir / "meldung.dat")).status == 3);  // of no known format
  REQUIRE(index_into(db, "--format txt " + shell_quote(dir / "meldung.dat")).status == 0);
  CHECK(search_ids(db, "Fahrradstraße").size() == 1);

  // ISO-8859-15 puts the euro sign at 0xA4, where Latin-1 has the currency sign.
  write_file(dir / "preis.txt", "Eintritt teurer\n\nDer Eintritt kostet nun 5 \xa4.\n");
  REQUIRE(index_into(db, "--encoding ISO-8859-15 " + shell_quote(dir / "preis.txt")).status == 0);
  const std::string snippet = search_json(db, "Eintritt")["hits"][0]["snippet"];
  CHECK(snippet.find("5 €") != std::string::npos);

  for (const std::string bad :
       {"--format xml", "--encoding klingon-8", "--csv-delimiter ';;'", "--csv-quote ab"}) {
    CAPTURE(bad);
    const CommandResult usage = index_into(db, bad + " " + shell_quote(dir / "preis.txt"));
    CHECK(usage.status == 2);
    CHECK(std::count(usage.err.begin(), usage.err.end(), '\n') == 1);
  }
}

TEST_CASE("legacy encodings and double-encoded UTF-8 reach the index as UTF-8",
          "[integration][formats]") {
  const ScratchDir dir;
  std::string utf16 = "\xFF\xFE";
  for (const char c : std::string("Gl\xfc"
                                  "ckwunsch zum Jubil\xe4um\r\n\r\nDer Chor feiert.\r\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  dir.write("in/utf16.txt", utf16);
  dir.write("in/doppelt.jsonl",
            "{\"id\": \"d1\", \"title\": \"GrÃ¼nkohlessen in MÃ¼nster\", \"text\": \"Kohl\"}\n"
            "{\"id\": \"d2\", \"title\": \"StraÃŸenfest\", \"text\": \"Fest\"}\n");
  const std::string db = dir / "db";
  const CommandResult result = index_into(db, shell_quote(dir / "in"));
  REQUIRE(result.status == 0);
  CHECK(result.err.find("utf16.txt: not UTF-8; read as UTF-16 (byte order mark)") !=
        std::string::npos);
  CHECK(result.err.find("doppelt.jsonl:1: double-encoded UTF-8") != std::string::npos);
  CHECK(result.out.find("2 articles had double-encoded UTF-8") != std::string::npos);
  CHECK(search_ids(db, "Jubiläum").size() == 1);
  CHECK(search_ids(db, "Münster") == std::vector<std::string>{"d1"});
  CHECK(search_ids(db, "Straßenfest") == std::vector<std::string>{"d2"});
}

TEST_CASE("malformed input gets one message each with file and line and the rest is indexed",
          "[integration][formats]") {
  const ScratchDir dir;
  const auto in = [&](const std::string& name) { return dir / ("in/" + name); };
  dir.write("in/a-leer.txt", "");
  dir.write("in/b-leer.csv", "");
  dir.write("in/c-bild.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  dir.write("in/d-ohne-body.html", "<html><head><title>Nur Kopf</title></head></html>\n");
  dir.write("in/e-kaputt.nitf", "<?xml version=\"1.0\"?>\n<nitf>\n<head>\n</nitf>\n");
  const std::string bz2 = compress(std::string(200000, 'b'), Compression::kBzip2);
  dir.write("in/f-halb.jsonl.bz2", bz2.substr(0, bz2.size() / 2));
  const std::string xz = compress(std::string(200000, 'x'), Compression::kXz);
  dir.write("in/g-halb.jsonl.xz", xz.substr(0, xz.size() / 2));
  std::string long_line = "{\"id\": \"lang\", \"title\": \"";
  long_line.append(std::size_t{50} << 20, 'z');  // 50 MB, made here, not kept in the repository
  long_line += "\"}\n{\"id\": \"nach-lang\", \"title\": \"Austernbank\", \"text\": \"Sylt\"}\n";
  dir.write("in/h-lang.jsonl", long_line);
  long_line.clear();
  long_line.shrink_to_fit();
  dir.write("in/i-doppelt.jsonl",
            "{\"id\": \"dup\", \"title\": \"Erste Fassung\", \"text\": \"Ebbe\"}\n"
            "{\"id\": \"dup\", \"title\": \"Zweite Fassung\", \"text\": \"Flut\"}\n");
  dir.write("in/z-gut.csv", kCsv);

  const std::string db = dir / "db";
  const CommandResult result = index_into(db, shell_quote(dir / "in"));
  CHECK(result.status == 3);
  const std::vector<std::string> expected = {
      in("a-leer.txt") + ": empty file",
      in("b-leer.csv") + ": empty file",
      in("c-bild.txt") + ": binary data (NUL byte at offset 8), not text",
      in("d-ohne-body.html") + ":1: HTML page without a <body>",
      in("e-kaputt.nitf") +
          ":4: malformed XML: Opening and ending tag mismatch: head line 3 "
          "and nitf",
      in("f-halb.jsonl.bz2") + ": truncated bzip2 data",
      in("g-halb.jsonl.xz") + ": truncated xz data",
      in("h-lang.jsonl") + ":1: line longer than 32 MiB",
      in("i-doppelt.jsonl") + ":2: id 'dup' was read before in this batch, at " +
          in("i-doppelt.jsonl") + ":1",
  };
  for (const std::string& message : expected) {
    CAPTURE(message);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') >= 9);
    const std::size_t at = result.err.find(message);
    CHECK(at != std::string::npos);
    CHECK(result.err.find(message, at + 1) == std::string::npos);  // said once
  }
  CHECK(search_ids(db, "Austernbank") == std::vector<std::string>{"nach-lang"});
  CHECK(search_ids(db, "Flut") == std::vector<std::string>{"dup"});
  CHECK(search_ids(db, "Ebbe").empty());
  CHECK(search_ids(db, "Seilbahn") == std::vector<std::string>{"csv-1"});
  CHECK(result.out.find("1 id occurred twice within a batch") != std::string::npos);
  CHECK(result.out.find("2 inputs could not be read completely") != std::string::npos);

  // --strict stops at the first problem and leaves the database as it was.
  const Xapian::doccount before = document_count(db);
  const CommandResult strict = index_into(dir / "db", "--strict " + shell_quote(dir / "in"));
  CHECK(strict.status == 1);
  CHECK(strict.err.find(in("a-leer.txt") + ": empty file") != std::string::npos);
  CHECK(strict.err.find("b-leer.csv") == std::string::npos);
  CHECK(document_count(db) == before);
}

TEST_CASE("an unreadable file and directory are reported and the rest is indexed",
          "[integration][formats]") {
  const std::string prefix = as_unprivileged_user();
  if (prefix.empty()) {
    WARN("running as root without setpriv: permissions cannot be tested");
    return;
  }
  const ScratchDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
  dir.write("in/gut.jsonl", "{\"id\": \"ok\", \"title\": \"Kutter\", \"text\": \"Hafen\"}\n");
  dir.write("in/gesperrt.jsonl", "{\"id\": \"no\", \"title\": \"Geheim\"}\n");
  dir.write("in/zu/innen.jsonl", "{\"id\": \"no2\", \"title\": \"Geheim\"}\n");
  std::filesystem::permissions(dir / "in/gesperrt.jsonl", std::filesystem::perms::none);
  std::filesystem::permissions(dir / "in/zu", std::filesystem::perms::none);
  const std::string db = dir / "db";
  const CommandResult result = run(prefix + binary("archivar-index") + " --db " + shell_quote(db) +
                                   " " + shell_quote(dir / "in"));
  std::filesystem::permissions(dir / "in/zu", std::filesystem::perms::owner_all);
  CHECK(result.status == 3);
  CHECK(result.err.find(dir / "in/gesperrt.jsonl" + ": cannot open: Permission denied") !=
        std::string::npos);
  CHECK(result.err.find(dir / "in/zu" + ": cannot read directory: Permission denied") !=
        std::string::npos);
  CHECK(search_ids(db, "Kutter") == std::vector<std::string>{"ok"});
  CHECK(search_ids(db, "Geheim").empty());
}
