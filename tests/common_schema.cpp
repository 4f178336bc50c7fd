// Tests of the index schema's term spellings and stored document data
// (common/index_schema.h): encode_stored / decode_stored and the prefixed boolean terms.
#include <catch2/catch.hpp>
#include <string>

#include "common/article.h"
#include "common/index_schema.h"

namespace schema = archivar::schema;
using archivar::Article;

TEST_CASE("schema: stored fields round trip", "[schema]") {
  const Article article{.id = "spiegel-2022-0042",
                        .title = "Ukraine-Krise: \"Wir stehen zusammen\"",
                        .text = "Erster Absatz über München.\n\nZweiter Absatz mit € und \\.",
                        .date = "24.02.2022",
                        .source = "Der Spiegel",
                        .section = "Politik",
                        .url = "https://www.spiegel.de/a?x=1&y=2",
                        .author = "Anna Müller, Bernd Schulz",
                        .origin = "/data/spiegel.jsonl:42"};
  const std::string data = schema::encode_stored(article, "2022-02-24");
  const Article back = schema::decode_stored(data);
  CHECK(back.id == article.id);
  CHECK(back.title == article.title);
  CHECK(back.text == article.text);
  CHECK(back.date == "2022-02-24");  // the ISO date given, not the date as written
  CHECK(back.source == article.source);
  CHECK(back.section == article.section);
  CHECK(back.url == article.url);
  CHECK(back.author == article.author);
  CHECK(back.origin == article.origin);
}

TEST_CASE("schema: empty optional fields are left out of the stored data", "[schema]") {
  Article article;
  article.id = "a1";
  article.title = "Titel";
  article.origin = "f.jsonl:1";
  const std::string data = schema::encode_stored(article, "");
  CHECK(data.find("\"source\"") == std::string::npos);
  CHECK(data.find("\"date\"") == std::string::npos);
  CHECK(data.find("\"author\"") == std::string::npos);
  const Article back = schema::decode_stored(data);
  CHECK(back.id == "a1");
  CHECK(back.title == "Titel");
  CHECK(back.text.empty());
  CHECK(back.date.empty());
  CHECK(back.source.empty());
  CHECK(back.origin == "f.jsonl:1");
}

TEST_CASE("schema: stored data that is not a JSON object decodes to an empty article", "[schema]") {
  for (const char* data : {"", "not json", "[1,2]", "\"text\"", "{\"id\": "}) {
    INFO(data);
    const Article article = schema::decode_stored(data);
    CHECK(article.id.empty());
    CHECK(article.title.empty());
    CHECK(article.text.empty());
  }
}

TEST_CASE("schema: non-string stored values are read as empty", "[schema]") {
  const Article article = schema::decode_stored(R"({"id": 7, "title": "T", "text": ["a"]})");
  CHECK(article.id.empty());
  CHECK(article.title == "T");
  CHECK(article.text.empty());
}

TEST_CASE("schema: prefixed terms", "[schema]") {
  CHECK(schema::id_term("spiegel-42") == "Qspiegel-42");
  CHECK(schema::source_term("  Der  SPIEGEL ") == "XSRCder spiegel");
  CHECK(schema::section_term("Politik") == "XSECpolitik");
  CHECK(schema::source_term("Süddeutsche Zeitung") == "XSRCsüddeutsche zeitung");
}
