// ExactPhraseSource: a phrase checked as typed while Xapian matches, reading only the
// articles the rest of the query lets through, and finding what a check of all would find.
#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/index_schema.h"
#include "common/stored_data.h"
#include "searcher/exact_phrase.h"
#include "searcher/exact_phrase_source.h"
#include "support/scratch_dir.h"

using namespace archivar;

namespace {

// Article n: "Ukraine-Krise" as typed where n is even; the same index terms in a row, but
// apart by a full stop, where odd. Articles 7 and 8 also hold a rare word.
void add_articles(Xapian::WritableDatabase& database, int first, int count) {
  for (int n = first; n < first + count; ++n) {
    const std::string id = "a-" + std::to_string(n);
    const std::string text =
        n % 2 == 0 ? "Die Ukraine-Krise hält an." : "Nach Kiew in die Ukraine. Krise folgt.";
    Xapian::Document document;
    document.add_boolean_term(schema::id_term(id));
    document.add_value(schema::kIdSlot, id);
    document.add_posting("ukrain", 2);
    document.add_posting("kris", 3);
    if (n == 7 || n == 8) document.add_posting("zebra", 5);
    document.set_data(R"({"id":")" + id + R"(","title":"","text":")" + text + R"("})");
    database.add_document(document);
  }
  database.commit();
}

std::set<std::string> ids_matching(const Xapian::Database& database, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  std::set<std::string> ids;
  const Xapian::MSet matches = enquire.get_mset(0, database.get_doccount());
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    ids.insert(it.get_document().get_value(schema::kIdSlot));
  }
  return ids;
}

std::set<std::string> even_ids(int count) {
  std::set<std::string> ids;
  for (int n = 0; n < count; n += 2) ids.insert("a-" + std::to_string(n));
  return ids;
}

}  // namespace

TEST_CASE("a phrase checked while matching reads only the articles the query reaches",
          "[phrase][stored_data]") {
  const test::ScratchDir dir;
  Xapian::WritableDatabase writable(dir / "one.db", Xapian::DB_CREATE);
  add_articles(writable, 0, 40);
  const Xapian::Database database(dir / "one.db");
  StoredDataReader stored({database});
  const Xapian::Query words(Xapian::Query::OP_AND, Xapian::Query("ukrain"), Xapian::Query("kris"));
  const Xapian::Query phrase(Xapian::Query::OP_PHRASE, Xapian::Query("ukrain"),
                             Xapian::Query("kris"));
  auto shared = std::make_shared<ExactPhraseSource::Shared>(ExactPhraseSource::Shared{
      phrase, ExactPhrase("Ukraine-Krise", true), PhraseField::kTitleOrText, &stored, {}, {}});
  const Xapian::Query as_typed(Xapian::Query::OP_FILTER, words,
                               Xapian::Query((new ExactPhraseSource(shared))->release()));
  const auto articles_read = [&] {
    std::size_t read = 0;
    for (const auto& [database_key, candidates] : shared->by_database) {
      for (const std::int8_t verdict : candidates.holds) read += verdict >= 0;
    }
    return read;
  };

  // With a rare word required, only the articles holding it are read.
  const Xapian::Query with_rare_word(Xapian::Query::OP_AND, Xapian::Query("zebra"), as_typed);
  CHECK(ids_matching(database, with_rare_word) == std::set<std::string>{"a-8"});
  CHECK(articles_read() == 2);
  // Alone, every candidate is read, once however often the query runs.
  CHECK(ids_matching(database, as_typed) == even_ids(40));
  CHECK(articles_read() == 40);
  CHECK(ids_matching(database, as_typed) == even_ids(40));
  CHECK(articles_read() == 40);
}

TEST_CASE("a phrase checked while matching finds what a check before matching finds",
          "[phrase][stored_data][shards]") {
  const test::ScratchDir dir;
  Xapian::WritableDatabase first(dir / "first.db", Xapian::DB_CREATE);
  Xapian::WritableDatabase second(dir / "second.db", Xapian::DB_CREATE);
  add_articles(first, 0, 25);
  add_articles(second, 25, 16);
  Xapian::Database shards(dir / "first.db");
  shards.add_database(Xapian::Database(dir / "second.db"));
  StoredDataReader stored(
      {Xapian::Database(dir / "first.db"), Xapian::Database(dir / "second.db")});
  const Xapian::Query words(Xapian::Query::OP_AND, Xapian::Query("ukrain"), Xapian::Query("kris"));
  const Xapian::Query phrase(Xapian::Query::OP_PHRASE, Xapian::Query("ukrain"),
                             Xapian::Query("kris"));
  const ExactPhrase typed("Ukraine-Krise", true);
  for (const PhraseCheck check : {PhraseCheck::kBeforeMatching, PhraseCheck::kWhileMatching}) {
    const ExactPhraseFilter filter = filter_exact_phrase(shards, stored, phrase, words, typed,
                                                         PhraseField::kTitleOrText, 3000, check);
    CHECK(filter.checked);
    CHECK(filter.candidates == 41);
    CHECK(ids_matching(shards, filter.query) == even_ids(41));
    const Xapian::Query with_rare_word(Xapian::Query::OP_AND, Xapian::Query("zebra"), filter.query);
    CHECK(ids_matching(shards, with_rare_word) == std::set<std::string>{"a-8"});
  }
}

TEST_CASE("a phrase source moves as Xapian's posting sources must", "[phrase][stored_data]") {
  const test::ScratchDir dir;
  Xapian::WritableDatabase writable(dir / "one.db", Xapian::DB_CREATE);
  add_articles(writable, 0, 10);  // documents 1, 3, 5, 7, 9 hold the phrase (articles 0, 2, ...)
  const Xapian::Database database(dir / "one.db");
  StoredDataReader stored({database});
  const Xapian::Query phrase(Xapian::Query::OP_PHRASE, Xapian::Query("ukrain"),
                             Xapian::Query("kris"));
  ExactPhraseSource source(std::make_shared<ExactPhraseSource::Shared>(ExactPhraseSource::Shared{
      phrase, ExactPhrase("Ukraine-Krise", true), PhraseField::kTitleOrText, &stored, {}, {}}));
  source.init(database);
  CHECK(source.get_termfreq_max() == 10);
  // check() says no for an article that does not hold it; skip_to() the same article, or
  // next(), then goes on to the next that does.
  CHECK_FALSE(source.check(4, 0));
  source.skip_to(4, 0);
  REQUIRE_FALSE(source.at_end());
  CHECK(source.get_docid() == 5);
  CHECK(source.check(5, 0));
  CHECK(source.get_docid() == 5);
  CHECK_FALSE(source.check(6, 0));
  source.next(0);
  CHECK(source.get_docid() == 7);
  source.skip_to(7, 0);  // already there
  CHECK(source.get_docid() == 7);
  source.skip_to(10, 0);
  CHECK(source.at_end());

  // A check that finds the phrase settles the source there: it never moves back.
  source.init(database);
  CHECK_FALSE(source.check(4, 0));
  CHECK(source.check(5, 0));
  source.skip_to(3, 0);
  CHECK(source.get_docid() == 5);
  CHECK_FALSE(source.check(6, 0));
  source.skip_to(2, 0);  // goes on after the article checked last
  CHECK(source.get_docid() == 7);

  // From the start again (Xapian calls init() for each search).
  source.init(database);
  source.next(0);
  CHECK(source.get_docid() == 1);
  std::vector<Xapian::docid> walked{source.get_docid()};
  for (source.next(0); !source.at_end(); source.next(0)) walked.push_back(source.get_docid());
  CHECK(walked == std::vector<Xapian::docid>{1, 3, 5, 7, 9});
}
