// Tests of CSV dialect sniffing (corpus/formats/csv_dialect_sniffer.h): delimiter, quote
// and header row told from the first lines, so that German Excel exports (;) and the
// 10kGNAD export (; and ', no header) index without options, and options still override.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "corpus/formats/csv_dialect_sniffer.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;
using archivar::CsvDialect;
using archivar::FieldMap;
using archivar::InputFormat;
using archivar::ReaderOptions;
using archivar::sniff_csv_dialect;
using archivar::test::ReadResult;
using archivar::test::ScratchDir;

namespace {

// Invented articles in the form of the 10kGNAD export (test.csv of tblock/10kGNAD): no
// header, the section label, ';', the text quoted with ' (doubled inside), no title.
const std::string k10kGnadStyle =
    "Sport;'Der Tabellenführer gewinnt in Graz mit 3:1. Nach dem Ausgleich in der 60. "
    "Minute drehten die Gäste das Spiel; der Trainer sprach von einem ''verdienten'' Sieg.'\n"
    "Wirtschaft;'Die Teuerung in Österreich ist im Jänner auf 4,1 Prozent gestiegen, teilte "
    "die Statistik mit; Energie und Mieten trieben die Preise.'\n"
    "Sport;'Die Skispringerin landet bei 128 Metern und holt in Innsbruck ihren ersten "
    "Weltcupsieg; ihre Teamkollegin wird Dritte.'\n"
    "Inland;'Der Nationalrat beschließt das Budget für das kommende Jahr. Die Opposition "
    "kritisiert die Neuverschuldung; die Regierung verweist auf die Konjunktur.'\n"
    "Wissenschaft;'Forschende der Universität Wien haben in Proben aus dem Bodensee einen "
    "bisher unbekannten Bakterienstamm gefunden, der Mikroplastik zersetzt.'\n"
    "Sport;'Der Rekordmeister trennt sich vom Sportdirektor. Der Vorstand will bis Ende "
    "Jänner einen Nachfolger präsentieren, heißt es aus dem Klub.'\n";

// A German Excel export ("CSV (Trennzeichen-getrennt)"): ';', quotes only where needed
// ("" inside), decimal commas, Windows-1252, CRLF.
std::string excel_export() {
  std::string text =
      "id;title;text;date;source\r\n"
      "xl-1;Stadtwerke erhöhen Preise;\"Die Stadtwerke erhöhen den Gaspreis um 12,5 "
      "Prozent; Kunden mit \"\"Festpreis\"\" sind ausgenommen.\";03.02.2023;Kreisbote\r\n"
      "xl-2;Neue Brücke über die Saale;Der Bau beginnt im März, die Kosten liegen bei "
      "4,2 Millionen Euro.;17.02.2023;Kreisbote\r\n"
      "xl-3;\"Straßenfest; Umleitung\";Am Samstag ist die Hauptstraße gesperrt.;"
      "24.02.2023;Kreisbote\r\n";
  std::string latin1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3) {  // the two-byte UTF-8 of ä ö ü ß Ä Ö Ü: Latin-1 is the second + 0x40
      latin1 += static_cast<char>(static_cast<unsigned char>(text[++i]) + 0x40);
    } else {
      latin1 += text[i];
    }
  }
  return latin1;
}

}  // namespace

TEST_CASE("csv dialect: delimiters and quotes are told from the first rows", "[corpus]") {
  const FieldMap fields;
  const auto sniff = [&](const std::string& head, CsvDialect given = {}) {
    return sniff_csv_dialect(head, true, given, ',', fields);
  };
  CHECK(sniff("id,title,text\n1,a,b\n").delimiter == ',');
  CHECK(sniff("id;title;text\n1;a, b, c;d\n").delimiter == ';');
  CHECK(sniff("id\ttitle\ttext\n1\ta;b\tc,d\n").delimiter == '\t');
  CHECK(sniff("id|title|text\n1|a;b|c,d\n").delimiter == '|');
  CHECK(sniff("id;title;text\n1;'a; b';'c'\n").quote == '\'');
  CHECK(sniff("id;title;text\n1;\"a; b\";c\n").quote == '"');
  // No quoted field: '"', the usual quote.
  CHECK(sniff("id;title;text\n1;a;b\n").quote == '"');
  // A header row keeps its names; the columns are not guessed.
  CHECK(sniff("id;title;text\n1;a;b\n").columns.empty());
  // What the options say is kept.
  const auto given = sniff("id;title;text\n1;a;b\n", {.delimiter = ',', .quote = '\0'});
  CHECK(given.delimiter == ',');
  CHECK(given.quote == '\0');
}

TEST_CASE("csv dialect: a semicolon-separated German Excel export reads without options",
          "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("Export Januar.csv", excel_export());
  const ReadResult result = archivar::test::read_articles(file, InputFormat::kCsv);
  INFO(result.messages);
  REQUIRE(result.articles.size() == 3);
  CHECK(result.skipped == 0);
  CHECK(result.articles[0].id == "xl-1");
  CHECK(result.articles[0].title == "Stadtwerke erhöhen Preise");
  CHECK(result.articles[0].text ==
        "Die Stadtwerke erhöhen den Gaspreis um 12,5 Prozent; Kunden mit \"Festpreis\" sind "
        "ausgenommen.");
  CHECK(result.articles[0].date == "03.02.2023");
  CHECK(result.articles[2].title == "Straßenfest; Umleitung");
  CHECK(result.messages.find("read with delimiter ;") != std::string::npos);
}

TEST_CASE("csv dialect: the 10kGNAD export reads without options", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("test.csv", k10kGnadStyle);
  const ReadResult result = archivar::test::read_articles(file, InputFormat::kCsv);
  INFO(result.messages);
  REQUIRE(result.articles.size() == 6);
  CHECK(result.skipped == 0);
  CHECK(result.articles[0].section == "Sport");
  CHECK(result.articles[0].text.starts_with("Der Tabellenführer gewinnt in Graz mit 3:1."));
  CHECK(result.articles[0].text.ends_with("von einem 'verdienten' Sieg."));
  CHECK(result.articles[1].section == "Wirtschaft");
  CHECK(result.articles[5].origin == file.string() + ":6");
  CHECK(result.messages.find("no header row; read column 1 as section, column 2 as text") !=
        std::string::npos);
  // --csv-columns and the dialect options read it as before.
  ReaderOptions options;
  options.csv = {.delimiter = ';', .quote = '\'', .columns = {"section", "text"}};
  const ReadResult flagged = archivar::test::read_articles(file, InputFormat::kCsv, options);
  REQUIRE(flagged.articles.size() == 6);
  CHECK(flagged.articles[0].text == result.articles[0].text);
  CHECK(flagged.messages.find("no header row") == std::string::npos);
}

TEST_CASE("csv dialect: a folder with a semicolon-separated CSV indexes without options",
          "[corpus][integration]") {
  using namespace archivar::test;
  const ScratchDir dir;
  dir.write("archiv/Export Januar.csv", excel_export());
  dir.write("archiv/10kgnad/test.csv", k10kGnadStyle);
  const CommandResult indexed =
      run(binary("archivar-index") + " --quiet --db " + shell_quote(dir / "news.db") + " " +
          shell_quote(dir / "archiv"));
  INFO(indexed.err);
  REQUIRE(indexed.status == 0);
  const CommandResult bridge = run(binary("archivar-search") + " --format ids --db " +
                                   shell_quote(dir / "news.db") + " Saale");
  CHECK(bridge.out == "xl-2\n");
  const CommandResult section = run(binary("archivar-search") + " --count --db " +
                                    shell_quote(dir / "news.db") + " rubrik:Sport");
  CHECK(section.out == "3\n");
}
