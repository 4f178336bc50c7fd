// The archive's vocabulary (common/vocabulary.h): which words count, article counts that
// add up across articles, batches and merges, and the compressed copy in the metadata.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "common/index_schema.h"
#include "common/vocabulary.h"

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

TEST_CASE("vocabulary: kept compressed in the metadata, batches added up", "[vocabulary]") {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
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
  const std::string raw = database.get_metadata(std::string(archivar::schema::kVocabularyKey));
  CHECK(raw.size() < stored.serialise().size() / 2);
  CHECK(Vocabulary::stored_text(database) == stored.serialise());

  database.set_metadata(std::string(archivar::schema::kVocabularyKey), "12\nnot zlib");
  CHECK(Vocabulary::load(database).empty());  // damaged: no suggestions, no failure
}
