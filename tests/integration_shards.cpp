// An archive split into shards searches like one database: the demo corpus indexed as
// two shards and as one, searched through several --db, a stub file of local shards,
// and a stub file of remote shards served by xapian-tcpsrv on 127.0.0.1.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli.h"
#include "support/search_results.h"
#include "support/tcp_server.h"

using namespace archivar::test;
using nlohmann::json;

namespace {

// Eight files of the demo corpus split in two, and the same eight in one database; and
// two articles without a date (the demo has none), so that date order has them to place.
struct ShardedDemo {
  ScratchDir dir;
  std::string first = dir / "shard-a.db";
  std::string second = dir / "shard-b.db";
  std::string whole = dir / "whole.db";

  ShardedDemo() {
    const std::string undated =
        dir.write("undated.jsonl",
                  R"({"id":"ohne-datum-1","title":"Bahnhof ohne Fahrplan","text":"Die Bahn )"
                  R"(hält hier nicht mehr."})"
                  "\n"
                  R"({"id":"ohne-datum-2","title":"Alte Bahntrasse","text":"Ein Radweg )"
                  R"(folgt der Bahn."})"
                  "\n")
            .string();
    const auto index = [&](const std::string& db, const std::vector<std::string>& files) {
      std::string command = binary("archivar-index") + " --quiet --db " + db;
      for (const std::string& file : files) {
        command.append(" ").append(file == "undated.jsonl"
                                       ? shell_quote(undated)
                                       : shell_quote(source_path("corpus/demo/" + file)));
      }
      const CommandResult result = run(command);
      INFO(result.err);
      REQUIRE(result.status == 0);
    };
    const std::vector<std::string> first_files = {"politik.jsonl", "wirtschaft.jsonl",
                                                  "agentur-2023.jsonl.gz", "archiv-2019.trec"};
    const std::vector<std::string> second_files = {"kultur-sport.jsonl", "regionales.jsonl",
                                                   "wissenschaft-panorama.jsonl",
                                                   "regionalarchiv-latin1.trec", "undated.jsonl"};
    index(first, first_files);
    index(second, second_files);
    std::vector<std::string> all = first_files;
    all.insert(all.end(), second_files.begin(), second_files.end());
    index(whole, all);
  }
};

const std::vector<std::string> kQueries = {
    "Bahn",
    "Ukraine Krise",
    "'\"Deutsche Bahn\"'",
    "'Straßenbahn date:2019..2021'",
    "'Impfstoff OR Corona NOT Bahn'",
    "'quelle:Tagesblick Stadt'",
};

// Searching @a sharded gives what searching the whole database gives.
void check_same_as_whole(const ShardedDemo& demo, const std::string& sharded) {
  const std::string whole = "--db " + demo.whole;
  for (const std::string& query : kQueries) {
    INFO("query: " << query);
    check_ranked_alike(search_json(whole, "--limit 100 --facets source,year " + query),
                       search_json(sharded, "--limit 100 --facets source,year " + query));
  }
  const auto dates = [](const json& page) {
    std::vector<std::string> result;
    for (const auto& hit : page["hits"])
      result.push_back(hit.value("date", ""));  // "" when undated
    return result;
  };
  // Undated articles last in either order, also on remote shards (no KeyMaker there).
  for (const std::string order : {"date", "-date"}) {
    INFO("--sort " << order);
    const auto expected = dates(search_json(whole, "--limit 100 --sort " + order + " Bahn"));
    REQUIRE(expected.size() >= 4);
    CHECK(expected.back().empty());
    CHECK_FALSE(expected.front().empty());
    CHECK(dates(search_json(sharded, "--limit 100 --sort " + order + " Bahn")) == expected);
  }
}

}  // namespace

TEST_CASE("several --db search as one database", "[integration][shards]") {
  const ShardedDemo demo;
  check_same_as_whole(demo, "--db " + demo.first + " --db " + demo.second);
}

TEST_CASE("a stub file of local shards searches as one database", "[integration][shards]") {
  const ShardedDemo demo;
  // Paths in a stub are relative to the stub's folder.
  const auto stub =
      demo.dir.write("archive.stub", "# the demo archive in two parts\nauto shard-a.db\n\nglass " +
                                         demo.second + "\n");
  check_same_as_whole(demo, "--db " + stub.string());
}

TEST_CASE("remote shards served by xapian-tcpsrv search as one database", "[integration][shards]") {
  const ShardedDemo demo;
  const TcpServer first("xapian-tcpsrv",
                        {"--interface", "127.0.0.1", "--port", "{port}", "--quiet", demo.first});
  const TcpServer second("xapian-tcpsrv",
                         {"--interface", "127.0.0.1", "--port", "{port}", "--quiet", demo.second});
  const auto stub = demo.dir.write(
      "remote.stub", "remote 127.0.0.1:" + std::to_string(first.port()) +
                         "\nremote 127.0.0.1:" + std::to_string(second.port()) + "\n");
  check_same_as_whole(demo, "--db " + stub.string());

  // Similar articles and exact counts go through the remote backend too.
  const json similar = search_json("--db " + stub.string(), "--limit 5 --similar rr-2021-0811");
  const json expected = search_json("--db " + demo.whole, "--limit 5 --similar rr-2021-0811");
  const auto got = ranking(similar), want = ranking(expected);
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].second == want[i].second);
    CHECK(got[i].first == Approx(want[i].first).epsilon(1e-9));
  }
}

TEST_CASE("shards built with other analyzer options are refused", "[integration][shards]") {
  const ShardedDemo demo;
  const std::string other = demo.dir / "other.db";
  REQUIRE(run(binary("archivar-index") + " --quiet --analyzer fold,stem --db " + other + " " +
              shell_quote(source_path("corpus/demo/politik.jsonl")))
              .status == 0);
  const CommandResult mixed =
      run(binary("archivar-search") + " --db " + demo.first + " --db " + other + " Bahn");
  CHECK(mixed.status == 1);
  CHECK_THAT(mixed.err, Catch::Contains("'" + other + "' was built with analyzer 'fold,stem'"));
  CHECK_THAT(mixed.err, Catch::Contains(demo.first));

  const auto stub = demo.dir.write("mixed.stub", "auto shard-a.db\nauto other.db\n");
  const CommandResult in_stub = run(binary("archivar-search") + " --db " + stub.string() + " Bahn");
  CHECK(in_stub.status == 1);
  CHECK_THAT(in_stub.err, Catch::Contains("analyzer 'fold,stem'"));
}

TEST_CASE("a broken stub file or an unreachable shard is one clear sentence",
          "[integration][shards]") {
  const ScratchDir dir;
  const auto search = [&](const std::string& stub_text) {
    const auto stub = dir.write("archive.stub", stub_text);
    return run(binary("archivar-search") + " --db " + stub.string() + " Bahn");
  };
  const CommandResult bad_type = search("# shards\nauto a.db\nflint b.db\n");
  CHECK(bad_type.status == 1);
  CHECK_THAT(bad_type.err, Catch::Contains("archive.stub:3: unknown shard type 'flint'"));

  const CommandResult missing = search("auto nowhere.db\n");
  CHECK(missing.status == 1);
  CHECK_THAT(missing.err, Catch::Contains("archive.stub:1: database"));
  CHECK_THAT(missing.err, Catch::Contains("does not exist"));

  const CommandResult no_port = search("remote 127.0.0.1\n");
  CHECK(no_port.status == 1);
  CHECK_THAT(no_port.err, Catch::Contains("needs a port"));

  const CommandResult unreachable =
      search("remote 127.0.0.1:" + std::to_string(free_local_port()) + "\n");
  CHECK(unreachable.status == 1);
  CHECK_THAT(unreachable.err, Catch::Contains("archive.stub:1: cannot reach the remote shard"));
  CHECK(std::count(unreachable.err.begin(), unreachable.err.end(), '\n') == 1);
}
