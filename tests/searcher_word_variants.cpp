// WordVariants: which index terms a rare query word also stands for, and how plain text
// (QueryParser::parse_plain) matches them while the query language does not.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "searcher/query_parser.h"
#include "searcher/word_variants.h"
#include "support/memory_index.h"

using namespace archivar;

namespace {

// A database of raw index terms, one list per document.
Xapian::WritableDatabase terms_database(const std::vector<std::vector<std::string>>& documents) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& terms : documents) {
    Xapian::Document document;
    for (const std::string& term : terms) document.add_term(term);
    db.add_document(document);
  }
  return db;
}

std::set<std::string> variants_of(const Xapian::Database& db, const std::string& term,
                                  const WordVariantOptions& options = {}) {
  const std::vector<std::string> found = word_variants(db, term, options);
  return {found.begin(), found.end()};
}

}  // namespace

TEST_CASE(
    "a rare term's variants begin with all of it but its last letter, at most two "
    "letters longer",
    "[variants]") {
  const auto db =
      terms_database({{"assyr", "konig"},
                      {"assyrern", "konig"},
                      {"assyrisch", "assyrischkeit", "assyrt", "assyrzzzzzz"},
                      {"assyri", "Sassyr"},
                      {"asstyr", "kekul", "kekule", "kekulexxxxxxx", "kekuléééé", "kekulü"},
                      {"stadion"},
                      {"stadion", "stadio"},
                      {"stadion", "finnland"},
                      {"1990er", "1990"},
                      {"other"}});
  // "assyrisch" runs three letters longer, "asstyr" differs inside, "Sassyr" is a title term;
  // "assyrt" stands after longer terms in the term list.
  CHECK(variants_of(db, "assyri") == std::set<std::string>{"assyr", "assyrern", "assyrt"});
  // A term the archive does not hold at all has its variants too.
  CHECK(variants_of(db, "assyrx") ==
        std::set<std::string>{"assyr", "assyri", "assyrern", "assyrt"});
  CHECK(variants_of(db, "assyrien").empty());
  // UTF-8: the last letter is a character, not a byte, and so are the extra letters.
  CHECK(variants_of(db, "kekulé") == std::set<std::string>{"kekul", "kekule", "kekulü"});

  SECTION("a frequent term, a short one and a number have none") {
    REQUIRE(db.get_termfreq("stadion") == 3);  // above the floor of 2 in 10 articles
    CHECK(variants_of(db, "stadion").empty());
    CHECK(variants_of(db, "stadiox") == std::set<std::string>{"stadion", "stadio"});
    CHECK(variants_of(db, "finn").empty());
    CHECK(variants_of(db, "1990e").empty());
  }
  SECTION("the options set what is rare and how much longer a variant may be") {
    CHECK(variants_of(db, "assyri", {.rare_share = 0}).empty());
    CHECK(variants_of(db, "stadiox", {.rare_share = 0.001, .rare_floor = 0}).size() == 2);
    CHECK(variants_of(db, "stadion", {.rare_share = 0.5}) == std::set<std::string>{"stadio"});
    CHECK(variants_of(db, "assyri", {.max_extra_letters = 3}) ==
          std::set<std::string>{"assyr", "assyrern", "assyrisch", "assyrt"});
    CHECK(is_rare_term(db, "stadion", {.rare_share = 0.3}));
    CHECK_FALSE(is_rare_term(db, "stadion", {.rare_share = 0.2}));
  }
}

TEST_CASE(
    "plain text lets a rare word match the archive's other forms of it, a query does "
    "not",
    "[variants][query]") {
  Analyzer analyzer;
  test::MemoryIndex index{analyzer};
  const auto add = [&](std::string id, std::string text) {
    index.add({.id = std::move(id),
               .title = "Geschichte",
               .text = std::move(text),
               .date = "2021-03-01",
               .source = "zeit.de",
               .url = "https://www.zeit.de/a"});
  };
  add("adjective", "Der assyrische König regierte nach der Königsliste drei Jahre.");
  add("other", "Der König von Babylon regierte lange.");
  for (int i = 0; i < 3; ++i) add("bahn-" + std::to_string(i), "Die Bahn fährt zum Bahnhof.");
  add("bahnhofs", "Vor dem Bahnhofsgebäude warten Taxis.");
  QueryParser parser(analyzer, ProximityOptions::none(), &index.db());

  const ParsedQuery plain = parser.parse_plain("Wer war der König von Assyrien?");
  const ParsedQuery typed = parser.parse("König Assyrien");
  CHECK(plain.highlight_terms.contains("assyr"));
  CHECK_FALSE(typed.highlight_terms.contains("assyr"));
  CHECK(plain.word_variants == std::map<std::string, std::set<std::string>>{{"assyri", {"assyr"}}});
  CHECK(typed.word_variants.empty());
  // --verbose says which word was widened, and to what.
  REQUIRE(plain.details.size() == 1);
  CHECK_THAT(plain.details.front(), Catch::Contains("assyri") && Catch::Contains("Assyrien?") &&
                                        Catch::EndsWith(": assyr"));
  // Assyrien is in no article; its variant ranks the assyrian king's article first.
  Xapian::Enquire enquire(index.db());
  enquire.set_query(plain.query);
  const Xapian::MSet ranked = enquire.get_mset(0, 10);
  REQUIRE(ranked.size() == 2);
  CHECK(*ranked.begin() == 1);
  enquire.set_query(parser.parse("Assyrien").query);
  CHECK(enquire.get_mset(0, 10).empty());

  SECTION("a frequent word keeps to itself") {
    const ParsedQuery bahnhof = parser.parse_plain("Taxis am Bahnhof");
    CHECK_FALSE(bahnhof.highlight_terms.contains("bahnhofsgebaud"));
    CHECK(parser.parse_plain("Taxis am Bahnhof", {.rare_share = 0}).query.serialise() ==
          bahnhof.query.serialise());
  }
  SECTION("without variants the rare word finds nothing by itself") {
    enquire.set_query(parser.parse_plain("Assyrien", {.rare_share = 0}).query);
    CHECK(enquire.get_mset(0, 10).empty());
    enquire.set_query(parser.parse_plain("Assyrien").query);
    CHECK(enquire.get_mset(0, 10).size() == 1);
  }
}
