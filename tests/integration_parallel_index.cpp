// Indexing on several threads (indexer/shard_writer.h, indexer/shard_layout.h): a new
// database written as shards at once and merged searches like one written by one thread;
// --shards N keeps the shards and routes later updates by id; --shard K/N builds the shards
// of an archive on several machines, searched through xapian-tcpsrv; re-runs under other
// path spellings write nothing; a missing input creates nothing.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/shard_layout.h"
#include "support/cli.h"
#include "support/search_results.h"
#include "support/tcp_server.h"

using namespace archivar::test;
using nlohmann::json;

namespace {

const std::string& demo() {
  static const std::string path = shell_quote(source_path("corpus/demo"));
  return path;
}

CommandResult index(const std::string& arguments) {
  return run(binary("archivar-index") + " " + arguments);
}

const std::vector<std::string> kQueries = {"Bahn",
                                           "Ukraine Krise",
                                           "'\"Deutsche Bahn\"'",
                                           "'Straßenbahn date:2019..2021'",
                                           "'Impfstoff OR Corona NOT Bahn'",
                                           "'quelle:Tagesblick Stadt'",
                                           "'title:Krise'"};

// Searching @a databases gives what searching the database @a expected gives: the same
// articles with the same scores, totals, facets and near-duplicates.
void check_searches_like(const std::string& databases, const std::string& expected) {
  for (const std::string& query : kQueries) {
    INFO("query: " << query);
    const json want = search_json("--db " + expected, "--limit 100 --facets source,year " + query);
    const json got = search_json(databases, "--limit 100 --facets source,year " + query);
    check_ranked_alike(want, got);
    std::map<std::string, json> want_similar, got_similar;
    for (const auto& hit : want["hits"]) want_similar[hit["id"]] = hit.value("similar", json());
    for (const auto& hit : got["hits"]) got_similar[hit["id"]] = hit.value("similar", json());
    CHECK(got_similar == want_similar);
  }
}

std::set<std::string> ids_in(const std::string& database) {
  std::set<std::string> ids;
  const Xapian::Database db(database);
  for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
    ids.insert((*it).substr(1));
  }
  return ids;
}

}  // namespace

TEST_CASE("articles are routed to shards by a stable hash of their id", "[index][shards]") {
  // Shards built on other machines and by earlier versions must agree where an id lives:
  // the id's 64-bit FNV-1a hash modulo N, checked on the function's published test values
  // (FNV-1a("a") = 0xaf63dc4c8601ec8c, FNV-1a("foobar") = 0x85944171f73967e8).
  for (const std::size_t shards : {2U, 3U, 7U, 1024U}) {
    CHECK(archivar::shard_of("a", shards) == 0xaf63dc4c8601ec8cULL % shards);
    CHECK(archivar::shard_of("foobar", shards) == 0x85944171f73967e8ULL % shards);
  }
  CHECK(archivar::shard_of("foobar", 1) == 0);
  std::vector<int> per_shard(4, 0);
  for (int i = 0; i < 4000; ++i) ++per_shard[archivar::shard_of("id-" + std::to_string(i), 4)];
  for (const int count : per_shard) CHECK(count == Approx(1000).margin(120));
}

TEST_CASE("a new database written by several threads at once searches like one thread's",
          "[integration][index][shards]") {
  const ScratchDir dir;
  const CommandResult one = index("--quiet --threads 1 --db " + (dir / "one.db") + " " + demo());
  REQUIRE(one.status == 0);
  const CommandResult three =
      index("--verbose --threads 3 --db " + (dir / "three.db") + " " + demo());
  INFO(three.err);
  REQUIRE(three.status == 0);
  CHECK_THAT(three.out, Catch::Contains("merged the 3 databases written at once into one"));
  CHECK_THAT(three.out, Catch::Contains("1 joined the near-duplicate group"));
  CHECK_THAT(three.out, Catch::Matches("(.|\\n)*analysis: \\d+ words, \\d+\\.\\d % of them a "
                                       "word form analysed before(.|\\n)*"));
  // One database, with nothing of the shards left beside or in it.
  CHECK_FALSE(std::filesystem::exists(dir.path() / "three.db" / "XAPIANDB"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "three.db" / "shard-1"));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find("compacting") == std::string::npos);
  }
  CHECK(ids_in(dir / "three.db") == ids_in(dir / "one.db"));
  check_searches_like("--db " + (dir / "three.db"), dir / "one.db");

  // The merged database goes on like any other: unchanged articles are left alone.
  const CommandResult again = index("--db " + (dir / "three.db") + " " + demo());
  REQUIRE(again.status == 0);
  CHECK_THAT(again.out, Catch::Contains(" 0 added, 0 replaced, 61 unchanged"));
}

TEST_CASE("kept shards (--shards N): later runs reach the shard that holds an article",
          "[integration][index][shards]") {
  const ScratchDir dir;
  const std::string db = dir / "archive.db";
  REQUIRE(index("--quiet --db " + (dir / "whole.db") + " " + demo()).status == 0);
  const CommandResult built = index("--db " + db + " --shards 3 " + demo());
  INFO(built.err);
  REQUIRE(built.status == 0);
  CHECK(built.out.find("merged") == std::string::npos);
  std::size_t total = 0;
  std::set<std::string> all;
  for (int shard = 1; shard <= 3; ++shard) {
    const std::set<std::string> ids = ids_in(db + "/shard-" + std::to_string(shard));
    CHECK(!ids.empty());
    for (const std::string& id : ids) CHECK(archivar::shard_of(id, 3) == std::size_t(shard - 1));
    total += ids.size();
    all.insert(ids.begin(), ids.end());
  }
  CHECK(total == 61);
  CHECK(all == ids_in(dir / "whole.db"));
  check_searches_like("--db " + db, dir / "whole.db");

  // Unchanged articles stay; a changed one replaces its old self in its shard; a deletion
  // reaches the shard that holds it.
  CHECK_THAT(index("--db " + db + " " + demo()).out, Catch::Contains("61 unchanged"));
  const auto changed =
      dir.write("changed.jsonl",
                R"({"id":"nk-2022-0014","title":"Neu gefasst","text":"Die Meldung wurde ersetzt."})"
                "\n");
  const CommandResult update = index("--db " + db + " " + changed.string());
  CHECK_THAT(update.out, Catch::Contains("0 added, 1 replaced"));
  const CommandResult removal = index("--db " + db + " --delete rr-2021-0811");
  CHECK_THAT(removal.out, Catch::Contains("deleted 1 article (0 ids not found)"));
  CHECK(Xapian::Database(db).get_doccount() == 60);
  CHECK(search_json("--db " + db, "ersetzt")["hits"][0]["id"] == "nk-2022-0014");

  const CommandResult other_count = index("--db " + db + " --shards 2 " + demo());
  CHECK(other_count.status == 1);
  CHECK_THAT(other_count.err, Catch::Contains("holds 3 shards, not the 2 of --shards"));
}

TEST_CASE("one archive built on several machines (--shard K/N), searched through remote shards",
          "[integration][index][shards]") {
  const ScratchDir dir;
  REQUIRE(index("--quiet --db " + (dir / "whole.db") + " " + demo()).status == 0);
  const CommandResult first = index("--db " + (dir / "s1.db") + " --shard 1/2 " + demo());
  const CommandResult second = index("--db " + (dir / "s2.db") + " --shard 2/2 " + demo());
  REQUIRE(first.status == 0);
  REQUIRE(second.status == 0);
  CHECK_THAT(first.out, Catch::Contains("belong to other shards and were passed over"));
  const std::set<std::string> one = ids_in(dir / "s1.db"), two = ids_in(dir / "s2.db");
  std::set<std::string> both = one;
  both.insert(two.begin(), two.end());
  CHECK(one.size() + two.size() == 61);
  CHECK(both == ids_in(dir / "whole.db"));
  // A later run over everything changes nothing in either shard.
  CHECK_THAT(index("--db " + (dir / "s1.db") + " --shard 1/2 " + demo()).out,
             Catch::Contains(std::to_string(one.size()) + " unchanged"));

  const TcpServer server_one(
      "xapian-tcpsrv", {"--interface", "127.0.0.1", "--port", "{port}", "--quiet", dir / "s1.db"});
  const TcpServer server_two(
      "xapian-tcpsrv", {"--interface", "127.0.0.1", "--port", "{port}", "--quiet", dir / "s2.db"});
  const auto stub = dir.write("remote.stub",
                              "remote 127.0.0.1:" + std::to_string(server_one.port()) +
                                  "\nremote 127.0.0.1:" + std::to_string(server_two.port()) + "\n");
  check_searches_like("--db " + stub.string(), dir / "whole.db");
}

TEST_CASE("shards a killed run left are completed and merged by the next run",
          "[integration][index][shards]") {
  const ScratchDir dir;
  const std::string db = dir / "archive.db";
  REQUIRE(index("--quiet --db " + (dir / "whole.db") + " " + demo()).status == 0);
  // A first load killed before its merge leaves shards whose stub asks for the merge: made
  // here from kept shards, with part of the corpus in them.
  REQUIRE(index("--quiet --db " + db + " --shards 2 " +
                shell_quote(source_path("corpus/demo/politik.jsonl")))
              .status == 0);
  const std::filesystem::path stub = std::filesystem::path(db) / "XAPIANDB";
  std::ifstream in(stub);
  std::string first_line, second_line, rest, line;
  std::getline(in, first_line);
  std::getline(in, second_line);
  while (std::getline(in, line)) rest += line + "\n";
  in.close();
  write_file(stub.string(), first_line +
                                "\n# merge: the next run of archivar-index merges the "
                                "shards\n" +
                                rest);
  const CommandResult resumed = index("--db " + db + " " + demo());
  INFO(resumed.err);
  REQUIRE(resumed.status == 0);
  CHECK_THAT(resumed.out, Catch::Contains("merged the 2 databases"));
  CHECK_FALSE(std::filesystem::exists(stub));
  CHECK(ids_in(db) == ids_in(dir / "whole.db"));
  check_searches_like("--db " + db, dir / "whole.db");
}

TEST_CASE("re-reading an archive under another path spelling writes nothing",
          "[integration][index]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  const std::filesystem::path file = source_path("corpus/demo/politik.jsonl");
  const std::string relative =
      std::filesystem::relative(file, std::filesystem::current_path()).string();
  REQUIRE(index("--quiet --db " + db + " " + shell_quote(relative)).status == 0);
  for (const std::string& spelling : {shell_quote(file.string()), shell_quote("./" + relative),
                                      "- < " + shell_quote(file.string())}) {
    INFO(spelling);
    const CommandResult again = index("--db " + db + " " + spelling);
    REQUIRE(again.status == 0);
    CHECK_THAT(again.out, Catch::Contains(" 0 added, 0 replaced,"));
  }
}

TEST_CASE("a missing input is a usage error and creates no database", "[integration][index]") {
  const ScratchDir dir;
  const CommandResult missing = index("--db " + (dir / "db") + " " + (dir / "no-such.jsonl"));
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err,
             Catch::Contains("input '" + (dir / "no-such.jsonl") + "' does not exist"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "db"));
}
