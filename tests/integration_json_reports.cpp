// Integration tests of archivar-index --json and --info --json: one JSON object on stdout
// whose counts agree with the database and with the text summary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.h"

using namespace archivar::test;

TEST_CASE("index --json: the run summary and --info as JSON objects", "[integration]") {
  const ScratchDir dir;
  const std::string db = dir / "news.db";
  const CommandResult first = run(binary("archivar-index") + " --json --threads 2 --db " +
                                  shell_quote(db) + " " + shell_quote(source_path("corpus/demo")));
  REQUIRE(first.status == 0);
  const auto summary = nlohmann::json::parse(first.out);  // one object, nothing else
  CHECK(summary["articles"]["added"] == 61);
  CHECK(summary["articles"]["indexed"] == 61);
  CHECK(summary["documents_in_database"] == 61);
  CHECK(summary["warnings"]["skipped"] == 0);
  // The Latin-1 TREC file's lines are repaired, as the text summary counts them too.
  CHECK(summary["warnings"]["repaired"].get<int>() > 0);
  CHECK(summary["bytes_read"].get<long>() > 60000);
  CHECK(summary["peak_memory_bytes"].get<long>() > 0);
  CHECK(summary["compaction"]["compacted"] == true);
  CHECK(summary["compaction"]["bytes_after"].get<long>() <
        summary["compaction"]["bytes_before"].get<long>());
  CHECK(summary["shards"]["written_at_once"] == 2);
  CHECK(summary["shards"]["merged"] == true);
  const auto& cache = summary["analysis_cache"];
  // Words repeat, so the cache hits; how often depends on how the two threads share the
  // articles (each has its own cache), so only that it hits and misses is certain here.
  CHECK(cache["hits"].get<long>() > 0);
  CHECK(cache["misses"].get<long>() > 0);
  CHECK(cache["hit_rate"].get<double>() ==
        Approx(cache["hits"].get<double>() /
               (cache["hits"].get<double>() + cache["misses"].get<double>())));

  // Again: unchanged, and a malformed file is counted under its warning kind.
  dir.write("bad.jsonl", "{\"id\": \"x\", \"title\": \"T\"\n");
  const CommandResult second =
      run(binary("archivar-index") + " --json --quiet --db " + shell_quote(db) + " " +
          shell_quote(source_path("corpus/demo")) + " " + shell_quote(dir / "bad.jsonl"));
  CHECK(second.status == 3);
  const auto again = nlohmann::json::parse(second.out);
  CHECK(again["articles"]["unchanged"] == 61);
  CHECK(again["articles"]["added"] == 0);
  CHECK(again["warnings"]["skipped"] == 1);
  CHECK(again["compaction"]["compacted"] == false);

  const CommandResult info =
      run(binary("archivar-index") + " --info --json --db " + shell_quote(db));
  REQUIRE(info.status == 0);
  const auto held = nlohmann::ordered_json::parse(info.out);
  CHECK(held["articles"] == 61);
  CHECK(held["first_date"] == "2019-01-10");
  CHECK(held["sources"]["tagesblick"] == 18);
  // Sources most frequent first, as --info prints them.
  CHECK(held["sources"].begin().key() == "tagesblick");
  CHECK(held["analyzer"].get<std::string>().find("stem") != std::string::npos);
}
