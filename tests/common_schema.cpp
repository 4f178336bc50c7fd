// Tests of the index schema's term spellings and stored document data
// (common/index_schema.h): encode_stored / decode_stored and the prefixed boolean terms,
// which never exceed Xapian's term limit.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "common/article.h"
#include "common/index_schema.h"

namespace schema = archivar::schema;
using archivar::Article;

TEST_CASE("schema: stored fields round trip", "[schema]") {
  const Article article{.id = "spiegel-2022-0042",
                        .title = "Ukraine-Krise: \"Wir stehen zusammen\"",
                        // A field's key inside another's value is text, not a key.
                        .text =
                            "Erster Absatz über München.\n\nZweiter Absatz mit € und \\, "
                            "\x01 und \",\"title\":\"Falsch\".",
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

TEST_CASE("schema: a field term too long for Xapian is shortened to its limit, one per value",
          "[schema]") {
  CHECK(schema::source_term("Agentur DPN") == "XSRCagentur dpn");
  CHECK_FALSE(schema::term_shortened(schema::kSourcePrefix, std::string(241, 's')));
  CHECK(schema::source_term(std::string(241, 'S')) == "XSRC" + std::string(241, 's'));

  const std::string long_source(300, 'S');
  const std::string term = schema::source_term(long_source);
  CHECK(term.size() == schema::kXapianMaxTermBytes);
  CHECK(term.starts_with("XSRCsss"));
  CHECK(term == schema::source_term(long_source));  // the searcher builds the same
  CHECK(term != schema::source_term(long_source + "T"));
  // Case and spacing still do not matter, however long the value.
  CHECK(schema::source_term(std::string(300, 's')) == term);
}

TEST_CASE("schema: shortened terms count zero bytes twice and end on a whole character",
          "[schema]") {
  const std::string zeros(200, '\0');
  const std::string term = schema::field_term(schema::kGroupPrefix, zeros);
  const auto zero_count = static_cast<std::size_t>(std::count(term.begin(), term.end(), '\0'));
  CHECK(term.size() + zero_count <= schema::kXapianMaxTermBytes);
  CHECK(schema::term_shortened(schema::kGroupPrefix, zeros));

  const std::string umlauts = [] {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "ä";  // two bytes each
    return text;
  }();
  const std::string cut = schema::field_term("X", umlauts);
  CHECK(cut.size() <= schema::kXapianMaxTermBytes);
  const std::string kept = cut.substr(1, cut.size() - 1 - 16);  // without prefix and hash
  CHECK(kept.size() % 2 == 0);
  CHECK(umlauts.starts_with(kept));
}

TEST_CASE("schema: every term built from an article fits, and long fields are named", "[schema]") {
  Article article{.id = std::string(200, 'i'),
                  .title = "T",
                  .source = std::string(300, 'S'),
                  .section = "Politik"};
  const auto fields = schema::shortened_fields(article);
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].name == "source");
  CHECK(fields[0].bytes == 300);
  for (const std::string& term :
       {schema::id_term(article.id), schema::group_term(article.id + "#17"),
        schema::source_term(article.source), schema::section_term(std::string(500, 'x'))}) {
    CHECK(term.size() <= schema::kXapianMaxTermBytes);
  }
  article.section = "Ü" + std::string(250, 'x');
  CHECK(schema::shortened_fields(article).size() == 2);
}
