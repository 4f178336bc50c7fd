// The archive's vocabulary (common/vocabulary.h): which words count, article counts that
// add up across articles, batches and merges, and the compressed copy in the metadata.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "common/index_schema.h"
#include "common/vocabulary.h"
#include "support/cli.h"

using archivar::Vocabulary;

TEST_CASE("vocabulary: words are letters only, three or more", "[vocabulary]") {
  CHECK(Vocabulary::is_word("Bundesregierung"));
  CHECK(Vocabulary::is_word("Außenministerin"));
  CHECK(Vocabulary::is_word("Öle"));
  CHECK_FALSE(Vocabulary::is_word("Öl"));  // three bytes, but two characters
  CHECK_FALSE(Vocabulary::is_word("ab"));
  CHECK_FALSE(Vocabulary::is_word("COVID-19"));
  CHECK_FALSE(Vocabulary::is_word("z.B"));
  CHECK_FALSE(Vocabulary::is_word("Selenskyj's"));
  CHECK_FALSE(Vocabulary::is_word("2022"));
}

TEST_CASE("vocabulary: article counts add up and survive serialising", "[vocabulary]") {
  Vocabulary first;
  first.add_article({"Bahn", "Streik"});
  first.add_article({"Bahn"});
  Vocabulary second;
  second.add_article({"Bahn", "Tarif"});
  first.merge(second);
  CHECK(first.articles("Bahn") == 3);
  CHECK(first.articles("Streik") == 1);
  CHECK(first.articles("Tarif") == 1);
  CHECK(first.articles("bahn") == 0);  // as written: spellings are kept apart
  CHECK(first.serialise() == "Bahn\t3\nStreik\t1\nTarif\t1\n");

  const Vocabulary back = Vocabulary::parse(first.serialise() + "kaputt\nohne\tZahl\n\t4\n");
  CHECK(back.size() == 3);
  CHECK(back.articles("Bahn") == 3);
}

namespace {

// The vocabulary's parts in @a database's metadata: key -> stored bytes.
std::map<std::string, std::string> stored_parts(const Xapian::Database& database) {
  std::map<std::string, std::string> parts;
  const std::string prefix(archivar::schema::kVocabularyKey);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    parts.emplace(*key, database.get_metadata(*key));
  }
  return parts;
}

// The stored part with the highest serial number.
std::string newest_part(const Xapian::Database& database) {
  std::string newest;
  std::uint64_t highest = 0;
  for (const auto& [key, bytes] : stored_parts(database)) {
    const std::uint64_t serial = std::stoull(key.substr(key.rfind('.') + 1));
    if (serial >= highest) highest = serial, newest = bytes;
  }
  return newest;
}

// The words of one stored part, serialised.
std::string words_in(const std::string& part) {
  const archivar::test::ScratchDir dir;
  Xapian::WritableDatabase alone(dir / "db", Xapian::DB_CREATE);
  alone.set_metadata(std::string(archivar::schema::kVocabularyKey), part);
  return Vocabulary::load(alone).serialise();
}

}  // namespace

TEST_CASE("vocabulary: kept compressed in the metadata, batches added up", "[vocabulary]") {
  const archivar::test::ScratchDir dir;
  Xapian::WritableDatabase database(dir / "db", Xapian::DB_CREATE);
  CHECK(Vocabulary::load(database).empty());
  Vocabulary batch;
  for (int i = 0; i < 200; ++i) {
    batch.add_article({"Bundesregierung", "Hochwasser", "Pegelstand" + std::to_string(i)});
  }
  batch.add_to(database);
  batch.add_to(database);
  const Vocabulary stored = Vocabulary::load(database);
  CHECK(stored.articles("Bundesregierung") == 400);
  CHECK(stored.articles("Hochwasser") == 400);
  CHECK(stored.articles("Pegelstand7") == 2);
  const auto parts = stored_parts(database);
  REQUIRE(parts.size() == 2);  // a part per batch
  for (const auto& [key, bytes] : parts) CHECK(bytes.size() < batch.serialise().size() / 2);
  CHECK(Vocabulary::stored_text(database) == stored.serialise());

  database.set_metadata(parts.begin()->first, "12\nnot zlib");
  // A damaged part is passed over: no suggestions from it, no failure.
  CHECK(Vocabulary::load(database).articles("Bundesregierung") == 200);
}

TEST_CASE("vocabulary: a commit writes its batch's words, and parts are merged by size class",
          "[vocabulary]") {
  const archivar::test::ScratchDir dir;
  Xapian::WritableDatabase database(dir / "db", Xapian::DB_CREATE);
  Vocabulary counted;
  for (int commit = 0; commit < 21; ++commit) {
    Vocabulary batch;
    batch.add_article({"Bahn", "Streik" + std::to_string(commit)});
    batch.add_to(database);
    database.commit();
    counted.merge(batch);
    // The newest part holds the batch's two words only, not the whole list again.
    if (commit % 4 != 3) CHECK(words_in(newest_part(database)) == batch.serialise());
  }
  CHECK(Vocabulary::load(database).serialise() == counted.serialise());
  // 21 batches: 16 of them in one part of size class 2, four in one of class 1, one alone.
  std::map<char, int> classes;
  for (const auto& [key, bytes] : stored_parts(database)) {
    ++classes[key[std::string(archivar::schema::kVocabularyKey).size() + 1]];
  }
  CHECK(classes == std::map<char, int>{{'0', 1}, {'1', 1}, {'2', 1}});
}

TEST_CASE("vocabulary: two parts of one name merge into one holding both", "[vocabulary]") {
  const archivar::test::ScratchDir dir;
  Xapian::WritableDatabase first(dir / "a", Xapian::DB_CREATE);
  Xapian::WritableDatabase second(dir / "b", Xapian::DB_CREATE);
  Vocabulary a, b;
  a.add_article({"Bahn", "Streik"});
  b.add_article({"Bahn", "Tarif"});
  a.add_to(first);
  b.add_to(second);
  const std::string key = stored_parts(first).begin()->first;
  REQUIRE(stored_parts(second).begin()->first == key);  // the same name in both
  second.set_metadata(key,
                      Vocabulary::merge_parts(first.get_metadata(key), second.get_metadata(key)));
  const Vocabulary merged = Vocabulary::load(second);
  CHECK(merged.articles("Bahn") == 2);
  CHECK(merged.articles("Streik") == 1);
  CHECK(merged.articles("Tarif") == 1);
}
