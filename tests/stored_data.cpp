// Stored fields compressed with a dictionary trained on the archive (common/stored_data.h):
// they read back exactly, older plain data still reads, the dictionary travels with every
// shard of an archive (merged, kept, remote), and data naming an unknown dictionary reads
// as nothing rather than as garbage.
#include "common/stored_data.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "searcher/archive.h"
#include "support/cli.h"
#include "support/tcp_server.h"

using namespace archivar;
using namespace archivar::test;
using archivar::Archive;
using nlohmann::json;

namespace {

const std::vector<std::string> kWords = {
    "Bundesregierung", "Straße",   "Maßnahmen", "Gesundheitsamt", "Ukraine-Krise", "München",
    "Abgeordnete",     "Haushalt", "Grenze",    "Impfstoff",      "Verkehrswende", "Bahn"};

// A stored-fields JSON of the shape the indexer writes, different for every @a n.
std::string article_json(int n) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += kWords[(n * 7 + i * (n % 5 + 1)) % kWords.size()] + " ";
  return json{{"id", "a-" + std::to_string(n)},
              {"title", "Meldung " + std::to_string(n)},
              {"source", n % 3 == 0 ? "Tagesblick" : "Abendpost"},
              {"text", text + std::to_string(n)}}
      .dump();
}

// @a count articles as JSON Lines with ids a-0, a-1, ...
std::string archive_of(int count) {
  std::string lines;
  for (int n = 0; n < count; ++n) {
    json article = json::parse(article_json(n));
    article["date"] = "2021-03-" + std::to_string(10 + n % 18);
    lines += article.dump() + "\n";
  }
  return lines;
}

std::vector<std::string> training_samples() {
  std::vector<std::string> samples;
  for (int n = 0; n < static_cast<int>(StoredDataDictionary::kTrainingSamples); ++n) {
    samples.push_back(article_json(n));
  }
  return samples;
}

// The stored fields of the article @a id, read through the searcher's Archive.
Article stored(const std::string& database, const std::string& id) {
  Archive archive({database});
  const Xapian::Database& all = archive.database();
  const auto posting = all.postlist_begin("Q" + id);
  REQUIRE(posting != all.postlist_end("Q" + id));
  return archive.stored_fields(all.get_document(*posting));
}

}  // namespace

TEST_CASE("stored fields compressed with a trained dictionary read back exactly", "[stored_data]") {
  const auto dictionary = StoredDataDictionary::train(training_samples());
  REQUIRE(dictionary != nullptr);
  CHECK(dictionary->bytes().size() <= 64 * 1024);
  CHECK(StoredDataDictionary::metadata_key(0x1234abcd) == "archivar.dictionary.1234abcd");

  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  database.set_metadata(StoredDataDictionary::metadata_key(dictionary->id()), dictionary->bytes());
  StoredDataCompressor compressor;
  StoredDataReader reader({database});
  std::size_t plain = 0, compressed = 0;
  for (int n = 5000; n < 5200; ++n) {  // articles the dictionary was not trained on
    const std::string original = article_json(n);
    const std::string data = compressor.compress(original, dictionary.get());
    CHECK(data != original);
    CHECK(reader.json(data) == original);
    plain += original.size();
    compressed += data.size();
  }
  CHECK(compressed * 3 < plain);  // the dictionary earns its keep

  SECTION("without a dictionary the fields are stored as they are, and read as they are") {
    const std::string original = article_json(7);
    CHECK(compressor.compress(original, nullptr) == original);
    CHECK(reader.json(original) == original);
  }
  SECTION("data naming a dictionary the database lacks, or cut short, reads as nothing") {
    Xapian::WritableDatabase other(std::string(), Xapian::DB_BACKEND_INMEMORY);
    StoredDataReader stranger({other});
    const std::string data = compressor.compress(article_json(9), dictionary.get());
    CHECK(stranger.json(data).empty());
    CHECK(reader.json(data.substr(0, 3)).empty());
    CHECK(reader.json(data.substr(0, data.size() / 2)).empty());
  }
  SECTION("a dictionary is known by the hash of its bytes") {
    const auto again = StoredDataDictionary::load(dictionary->bytes());
    REQUIRE(again != nullptr);
    CHECK(again->id() == dictionary->id());
    CHECK(StoredDataDictionary::load("") == nullptr);
  }
}

TEST_CASE(
    "an archive's stored fields are compressed once it has enough articles, in every "
    "kind of database",
    "[integration][stored_data][shards]") {
  const ScratchDir dir;
  const int count = static_cast<int>(StoredDataDictionary::kTrainingSamples) + 300;
  const auto input = dir.write("archive.jsonl", archive_of(count));
  const std::string archivar_index = binary("archivar-index") + " --quiet ";
  REQUIRE(run(archivar_index + "--threads 2 --db " + (dir / "merged.db") + " " + input.string())
              .status == 0);
  REQUIRE(
      run(archivar_index + "--shards 2 --db " + (dir / "kept.db") + " " + input.string()).status ==
      0);
  REQUIRE(
      run(archivar_index + "--threads 1 --db " + (dir / "one.db") + " " + input.string()).status ==
      0);

  // The articles after the training sample are stored compressed; the dictionary is where
  // the readers of each shard look for it.
  const Xapian::Database merged(dir / "merged.db");
  const std::string current = merged.get_metadata("archivar.dictionary");
  REQUIRE(current.size() == 8);
  CHECK_FALSE(merged.get_metadata("archivar.dictionary." + current).empty());
  std::size_t compressed = 0;
  for (auto it = merged.postlist_begin(""); it != merged.postlist_end(""); ++it) {
    compressed += merged.get_document(*it).get_data().front() == '\x01';
  }
  CHECK(compressed >= 250);
  for (const char* shard : {"shard-1", "shard-2"}) {
    const Xapian::Database kept((dir.path() / "kept.db" / shard).string());
    CHECK(kept.get_metadata("archivar.dictionary." + kept.get_metadata("archivar.dictionary"))
              .size() > 1000);
  }

  const TcpServer remote("xapian-tcpsrv", {"--interface", "127.0.0.1", "--port", "{port}",
                                           "--quiet", dir / "merged.db"});
  const auto stub =
      dir.write("remote.stub", "remote 127.0.0.1:" + std::to_string(remote.port()) + "\n");
  for (const int n : {0, 999, 1000, count - 1}) {
    const std::string id = "a-" + std::to_string(n);
    INFO(id);
    const json want = json::parse(article_json(n));
    for (const std::string& database :
         {dir / "one.db", dir / "merged.db", dir / "kept.db", stub.string()}) {
      INFO(database);
      const Article article = stored(database, id);
      CHECK(article.id == id);
      CHECK(article.title == want["title"]);
      CHECK(article.source == want["source"]);
      CHECK(article.text == want["text"]);
    }
  }
  // Searches read the same stored fields from every kind of database, for every hit.
  const auto hits = [&](const std::string& databases) {
    const CommandResult result = run(binary("archivar-search") + " " + databases +
                                     " --format json --no-collapse --limit 5000 Verkehrswende");
    REQUIRE(result.status == 0);
    std::set<std::string> fields;  // of every article that matches
    const json page = json::parse(result.out);
    for (const auto& hit : page["hits"]) {
      fields.insert(hit["id"].get<std::string>() + "|" + hit["title"].get<std::string>() + "|" +
                    hit["source"].get<std::string>() + "|" + hit["snippet"].get<std::string>());
    }
    return fields;
  };
  CHECK(hits("--db " + (dir / "merged.db")) == hits("--db " + (dir / "one.db")));
  CHECK(hits("--db " + stub.string()) == hits("--db " + (dir / "one.db")));
  CHECK(hits("--db " + (dir / "one.db")).size() > 500);

  // --show prints an article stored compressed as it came in.
  for (const int n : {0, count - 1}) {
    const std::string id = "a-" + std::to_string(n);
    const json want = json::parse(article_json(n));
    for (const std::string& database : {dir / "one.db", dir / "kept.db"}) {
      INFO(database << " " << id);
      const CommandResult shown = run(binary("archivar-search") + " --db " + shell_quote(database) +
                                      " --color never --show " + id);
      REQUIRE(shown.status == 0);
      CHECK(shown.out.find(want["title"].get<std::string>()) != std::string::npos);
      CHECK(shown.out.find("id " + id) != std::string::npos);
      CHECK(shown.out.find(want["text"].get<std::string>()) != std::string::npos);
    }
  }

  // Phrases and hyphenated words are checked as typed in every article's stored text,
  // compressed or not: the counts are those of the text itself.
  for (const std::string typed : {"Ukraine-Krise", "Straße Maßnahmen"}) {
    int expected = 0, stored_compressed = 0;
    for (int n = 0; n < count; ++n) {
      const bool holds =
          json::parse(article_json(n))["text"].get<std::string>().find(typed) != std::string::npos;
      expected += holds;
      stored_compressed += holds && n >= static_cast<int>(StoredDataDictionary::kTrainingSamples);
    }
    INFO(typed);
    REQUIRE(stored_compressed > 20);
    // A remote shard reads the phrase's articles before matching, the others as it goes.
    for (const std::string& database :
         {dir / "one.db", dir / "merged.db", dir / "kept.db", stub.string()}) {
      INFO(database);
      const CommandResult counted =
          run(binary("archivar-search") + " --db " + shell_quote(database) +
              " --count --no-collapse " + shell_quote("\"" + typed + "\""));
      REQUIRE(counted.status == 0);
      CHECK(std::stoi(counted.out) == expected);
    }
  }
}
