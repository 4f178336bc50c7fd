// Tests of the HTML reader (corpus/formats/html_reader.h) through open_article_reader:
// metadata from <meta> tags, the article text without page furniture, fallbacks, encodings,
// and pages without a body.

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

ReadResult read_html(const fs::path& file, InputFormat format = InputFormat::kHtml) {
  return archivar::test::read_articles(file, format);
}

const char* const kNewsPage = R"(<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>Seilbahn auf den Kahlenberg genehmigt</title>
  <meta property="og:title" content="Seilbahn genehmigt">
  <meta property="og:site_name" content="Donaukurier Online">
  <meta property="article:published_time" content="2023-09-14T08:15:00+02:00">
  <meta property="article:section" content="Regionales">
  <meta name="author" content="Von Lea Hofbauer">
  <meta name="description" content="Die Landesregierung gibt grünes Licht für die Bahn.">
  <link rel="canonical" href="https://donaukurier.example/seilbahn-kahlenberg">
  <style>p { color: red }</style>
  <script>var tracking = "Seilbahn-Werbung";</script>
</head>
<body>
  <header><a href="/">Startseite</a> Donaukurier</header>
  <nav><ul><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <main>
    <article>
      <h1>Seilbahn auf den Kahlenberg genehmigt</h1>
      <p>Nach drei Jahren Planung hat die Landesregierung am Mittwoch den Bau der
         Seilbahn&nbsp;genehmigt. Die Gondeln sollen ab 2026 fahren.</p>
      <div class="social-share"><a href="#">Teilen</a> auf Mastodon</div>
      <figure><img src="bahn.jpg"><figcaption>Foto: Archiv</figcaption></figure>
      <p>Anwohner hatten gegen das Projekt geklagt. Das Gericht wies die Klage ab; die
         Kosten von 18 Millionen Euro tr&auml;gt die Stadt.</p>
      <p><a href="/a">Mehr zum Thema</a> <a href="/b">Seilbahnen in Tirol</a> und</p>
      <form><input name="q"><button>Suchen</button></form>
    </article>
    <aside><article><h2>Auch interessant</h2><p>Ein kurzer Teaser.</p></article></aside>
  </main>
  <footer>Impressum · Datenschutz</footer>
</body>
</html>
)";

}  // namespace

TEST_CASE("html: metadata comes from the head, the text from the article", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write("seilbahn.html", kNewsPage);
  const ReadResult result = read_html(file);
  REQUIRE(result.articles.size() == 1);
  const Article& article = result.articles[0];
  CHECK(article.id == "https://donaukurier.example/seilbahn-kahlenberg");
  CHECK(article.url == article.id);
  CHECK(article.title == "Seilbahn auf den Kahlenberg genehmigt");
  CHECK(article.date == "2023-09-14");
  CHECK(article.source == "Donaukurier Online");
  CHECK(article.section == "Regionales");
  CHECK(article.author == "Lea Hofbauer");
  CHECK(article.text ==
        "Die Landesregierung gibt grünes Licht für die Bahn.\n\n"
        "Nach drei Jahren Planung hat die Landesregierung am Mittwoch den Bau der Seilbahn "
        "genehmigt. Die Gondeln sollen ab 2026 fahren.\n\n"
        "Anwohner hatten gegen das Projekt geklagt. Das Gericht wies die Klage ab; die Kosten "
        "von 18 Millionen Euro trägt die Stadt.");
  CHECK(article.origin.starts_with(file.string() + ":"));
  CHECK(result.messages.empty());
}

TEST_CASE("html: navigation, scripts, forms, sharing and link lists are left out", "[corpus]") {
  const ScratchDir dir;
  const ReadResult result = read_html(dir.write("seilbahn.html", kNewsPage));
  REQUIRE(result.articles.size() == 1);
  const std::string& text = result.articles[0].text;
  for (const char* furniture :
       {"Startseite", "Politik", "tracking", "color", "Teilen", "Foto: Archiv", "Mehr zum Thema",
        "Suchen", "Auch interessant", "Impressum"}) {
    CAPTURE(furniture);
    CHECK(text.find(furniture) == std::string::npos);
  }
}

TEST_CASE("html: title falls back to og:title, then the first h1, id to the file path",
          "[corpus]") {
  const ScratchDir dir;
  const fs::path og =
      dir.write("og.html",
                "<html><head><meta property=\"og:title\" content=\"Rathaus wird Museum\">"
                "<meta property=\"og:url\" content=\"https://stadtblatt.example/museum\"></head>"
                "<body><p>Das alte Rathaus wird zum Stadtmuseum umgebaut.</p></body></html>");
  const fs::path h1 =
      dir.write("h1.htm",
                "<html><body><h1>Brunnen saniert</h1><p>Der Marktbrunnen sprudelt wieder.</p>"
                "<time datetime=\"2022-07-01\">1. Juli</time></body></html>");
  const ReadResult by_og = read_html(og);
  REQUIRE(by_og.articles.size() == 1);
  CHECK(by_og.articles[0].title == "Rathaus wird Museum");
  CHECK(by_og.articles[0].id == "https://stadtblatt.example/museum");
  const ReadResult by_h1 = read_html(h1);
  REQUIRE(by_h1.articles.size() == 1);
  CHECK(by_h1.articles[0].title == "Brunnen saniert");
  CHECK(by_h1.articles[0].text == "Der Marktbrunnen sprudelt wieder.\n\n1. Juli");
  CHECK(by_h1.articles[0].date == "2022-07-01");
  CHECK(by_h1.articles[0].id == fs::absolute(h1).lexically_normal().string());
}

TEST_CASE("html: without article or main, the body's dense paragraphs are the text", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write(
      "plain.html",
      "<html><head><title>Glasfaser für Dörfer</title></head><body>"
      "<div class=\"menu\"><a href=\"/\">Start</a> | <a href=\"/x\">Archiv</a></div>"
      "<div><a href=\"/1\">Wetter</a> <a href=\"/2\">Verkehr</a> <a href=\"/3\">Kino</a></div>"
      "<div>Im Landkreis werden 40 Dörfer an das <a href=\"/g\">Glasfasernetz</a> "
      "angeschlossen, die Arbeiten beginnen im Frühjahr.</div>"
      "<div id=\"cookie-banner\">Wir verwenden Cookies.</div>"
      "</body></html>");
  const ReadResult result = read_html(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].text ==
        "Im Landkreis werden 40 Dörfer an das Glasfasernetz angeschlossen, die Arbeiten "
        "beginnen im Frühjahr.");
}

TEST_CASE("html: a page without body text is reported and skipped", "[corpus]") {
  const ScratchDir dir;
  const fs::path head_only =
      dir.write("head.html", "<html><head><title>Nur ein Titel</title></head></html>\n");
  const fs::path nav_only =
      dir.write("nav.html",
                "<html><head><title>Menü</title></head>\n<body>\n<nav><a href=\"/\">Start</a>"
                "</nav><script>x()</script></body></html>\n");
  const ReadResult no_body = read_html(head_only);
  CHECK(no_body.articles.empty());
  CHECK(no_body.skipped == 1);
  CHECK(no_body.messages.find(head_only.string() + ":1: HTML page without a <body>") !=
        std::string::npos);
  const ReadResult no_text = read_html(nav_only);
  CHECK(no_text.articles.empty());
  CHECK(no_text.skipped == 1);
  CHECK(no_text.messages.find(nav_only.string() + ":2: HTML page whose <body> has no article "
                                                  "text") != std::string::npos);
}

TEST_CASE("html: a Latin-1 page is read as its meta tag says, found by content", "[corpus]") {
  const ScratchDir dir;
  // ISO-8859-15: 0xA4 is the euro sign (in Latin-1 it would be the currency sign).
  const fs::path file = dir.write("seite",
                                  "<!DOCTYPE html><html><head><meta charset=\"ISO-8859-15\">"
                                  "<title>Gr\xfc\xdf"
                                  "e aus M\xfcnchen</title></head><body><p>Eintritt 5 \xa4, "
                                  "erm\xe4\xdfigt 3 \xa4.</p></body></html>");
  const ReadResult result = read_html(file, InputFormat::kAuto);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Grüße aus München");
  CHECK(result.articles[0].text == "Eintritt 5 €, ermäßigt 3 €.");
  CHECK(result.messages.find("read as ISO-8859-15 (declared in the file)") != std::string::npos);
}

TEST_CASE("html: a UTF-8 page that declares Latin-1 is read as UTF-8", "[corpus]") {
  const ScratchDir dir;
  const fs::path file =
      dir.write("falsch.html",
                "<html><head><meta http-equiv=\"Content-Type\" "
                "content=\"text/html; charset=iso-8859-1\"><title>Köln</title></head>"
                "<body><p>Straße gesperrt.</p></body></html>");
  const ReadResult result = read_html(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Köln");
  CHECK(result.articles[0].text == "Straße gesperrt.");
}

TEST_CASE("html: the site name leaves the title, the article's own header stays", "[corpus]") {
  const ScratchDir dir;
  const fs::path file = dir.write(
      "kopf.html",
      "<html><head><title>Neuer Radweg am Kanal | Kanalbote</title>"
      "<meta property=\"og:site_name\" content=\"Kanalbote\"></head><body>"
      "<header class=\"site\">Kanalbote – Nachrichten vom Kanal</header>"
      "<article><header><h1>Neuer Radweg am Kanal</h1>"
      "<p class=\"lead\">Der Lückenschluss ist fertig.</p>"
      "<p class=\"byline\">Von Ole Janssen</p></header>"
      "<p>Radfahrer kommen jetzt ohne Umweg bis zur Schleuse.</p></article></body></html>");
  const ReadResult result = read_html(file);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Neuer Radweg am Kanal");
  CHECK(result.articles[0].source == "Kanalbote");
  CHECK(result.articles[0].text ==
        "Der Lückenschluss ist fertig.\n\nRadfahrer kommen jetzt ohne Umweg bis zur Schleuse.");
}
