// Tests of the NITF reader (corpus/formats/nitf_reader.h) through open_article_reader:
// the fields of a NITF document, several documents in one file, namespaces, and broken
// XML reported with its line.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "corpus/article_reader.h"
#include "support/cli.h"
#include "support/read_articles.h"

namespace fs = std::filesystem;

namespace {

using archivar::Article;
using archivar::InputFormat;
using archivar::test::ReadResult;
using archivar::test::ScratchDir;

ReadResult read_nitf(const fs::path& file, InputFormat format = InputFormat::kNitf) {
  return archivar::test::read_articles(file, format);
}

const char* const kNitf = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd">
<nitf>
  <head>
    <title>Lawinengefahr Tirol</title>
    <docdata>
      <doc-id id-string="apn-2024-0212-017"/>
      <date.issue norm="20240212T063000+0100"/>
      <doc.copyright year="2024" holder="Alpenpresse Nachrichten"/>
    </docdata>
    <pubdata type="web" position.section="Panorama" ex-ref="https://apn.example/lawine"/>
  </head>
  <body>
    <body.head>
      <hedline>
        <hl1>Höchste Lawinenwarnstufe in Osttirol</hl1>
        <hl2>Straßen gesperrt, Skigebiete geschlossen</hl2>
      </hedline>
      <byline>Von <person>Jakob Steiner</person>, <byttl>Korrespondent</byttl></byline>
      <abstract><p>Nach starkem Schneefall gilt Stufe fünf.</p></abstract>
    </body.head>
    <body.content>
      <p>Der Lawinenwarndienst hat am Montag die höchste Warnstufe ausgerufen.</p>
      <media media-type="image"><media-caption>Schnee in Lienz</media-caption></media>
      <block><p>Mehrere Täler sind &amp; bleiben von der Außenwelt abgeschnitten.</p></block>
    </body.content>
  </body>
</nitf>
)";

}  // namespace

TEST_CASE("nitf: headline, byline, date, id, source and paragraphs", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("lawine.xml", kNitf);
  const ReadResult result = read_nitf(file, InputFormat::kAuto);  // .xml: by content
  REQUIRE(result.articles.size() == 1);
  const Article& article = result.articles[0];
  CHECK(article.id == "apn-2024-0212-017");
  CHECK(article.title == "Höchste Lawinenwarnstufe in Osttirol");
  CHECK(article.author == "Jakob Steiner");
  CHECK(article.date == "2024-02-12");
  CHECK(article.source == "Alpenpresse Nachrichten");
  CHECK(article.section == "Panorama");
  CHECK(article.url == "https://apn.example/lawine");
  CHECK(article.text ==
        "Straßen gesperrt, Skigebiete geschlossen\n\n"
        "Nach starkem Schneefall gilt Stufe fünf.\n\n"
        "Der Lawinenwarndienst hat am Montag die höchste Warnstufe ausgerufen.\n\n"
        "Mehrere Täler sind & bleiben von der Außenwelt abgeschnitten.");
  CHECK(article.origin == file.string() + ":3");
  CHECK(result.messages.empty());
}

TEST_CASE("nitf: several documents in one file, with a namespace and fallbacks", "[corpus]") {
  const ScratchDir dir;
  const fs::path file =
      dir.write("feed.nitf",
                "<?xml version=\"1.0\"?>\n"
                "<feed>\n"
                "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\">\n"
                "<head><title>Nur im Kopf</title>"
                "<pubdata name=\"Tagesspiegel Beispiel\" date.publication=\"20211103\"/></head>\n"
                "<body><body.content>Text ohne Absatzmarken.</body.content></body>\n"
                "</nitf>\n"
                "<nitf><body><body.head><hedline><hl1>Zweite Meldung</hl1></hedline>"
                "<distributor>Agentur Süd</distributor></body.head>"
                "<body.content><p>Zweiter Text.</p></body.content></body></nitf>\n"
                "</feed>\n");
  const ReadResult result = read_nitf(file);
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].title == "Nur im Kopf");
  CHECK(result.articles[0].text == "Text ohne Absatzmarken.");
  CHECK(result.articles[0].source == "Tagesspiegel Beispiel");
  CHECK(result.articles[0].date == "2021-11-03");
  CHECK(result.articles[0].origin == file.string() + ":3");
  // Without a doc-id, file and line make the id.
  CHECK(result.articles[0].id == fs::absolute(file).lexically_normal().string() + ":3");
  CHECK(result.articles[1].title == "Zweite Meldung");
  CHECK(result.articles[1].source == "Agentur Süd");
  CHECK(result.articles[1].origin == file.string() + ":7");
}

TEST_CASE("nitf: broken XML is reported with its line and skipped", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("kaputt.nitf",
                                  "<?xml version=\"1.0\"?>\n"
                                  "<nitf><head><title>Kaputt</title></head>\n"
                                  "<body><body.content><p>Absatz</body.content>\n"
                                  "</body></nitf>\n");
  const ReadResult result = read_nitf(file);
  CHECK(result.articles.empty());
  CHECK(result.skipped == 1);
  CHECK(result.messages.find(file.string() + ":3: malformed XML: Opening and ending tag "
                                             "mismatch: p line 3 and body.content") !=
        std::string::npos);
}

TEST_CASE("nitf: XML that is not NITF is reported and skipped", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("rss.nitf", "<?xml version=\"1.0\"?>\n<rss><item/></rss>\n");
  const ReadResult result = read_nitf(file);
  CHECK(result.articles.empty());
  CHECK(result.messages.find(file.string() + ": XML without a <nitf> element") !=
        std::string::npos);
}

TEST_CASE("nitf: a Latin-1 file with its XML declaration is converted", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("latin1.nitf",
                                  "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                                  "<nitf><body><body.head><hedline><hl1>Gr\xfc\xdf"
                                  "e aus K\xf6ln</hl1></hedline></body.head>"
                                  "<body.content><p>Der Dom ist ge\xf6"
                                  "ffnet.</p></body.content></body></nitf>\n");
  const ReadResult result = read_nitf(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Grüße aus Köln");
  CHECK(result.articles[0].text == "Der Dom ist geöffnet.");
}

TEST_CASE("nitf: no external entity or DTD is fetched", "[corpus]") {
  const ScratchDir dir;
  const fs::path secret = dir.write("geheim.txt", "GEHEIMNIS");
  const fs::path file = dir.write(
      "xxe.nitf", "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [<!ENTITY x SYSTEM \"file://" +
                      secret.string() +
                      "\">]>\n<nitf><body><body.content><p>A &x; B</p></body.content></body>"
                      "</nitf>\n");
  const ReadResult result = read_nitf(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].text.find("GEHEIMNIS") == std::string::npos);
}
