// archivar-index --compact: the compacted database is smaller and answers exactly as the
// one it replaced; small updates leave it alone; a killed compaction's leftovers go.
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/cli.h"

using namespace archivar::test;
namespace fs = std::filesystem;

namespace {

CommandResult index_into(const std::string& db, const std::string& arguments) {
  return run(binary("archivar-index") + " --db " + shell_quote(db) + " " + arguments);
}

std::string search(const std::string& db, const std::string& query) {
  const CommandResult result = run(binary("archivar-search") + " --db " + shell_quote(db) +
                                   " --format json --limit 20 --no-collapse " + shell_quote(query));
  REQUIRE(result.status == 0);
  return result.out;
}

std::uintmax_t bytes_in(const fs::path& directory) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

}  // namespace

TEST_CASE("a compacted database is smaller and answers exactly as before",
          "[integration][index][compaction]") {
  const ScratchDir dir;
  const std::string demo = shell_quote(source_path("corpus/demo"));
  const CommandResult plain = index_into(dir / "plain", "--compact never " + demo);
  REQUIRE(plain.status == 0);
  CHECK(plain.out.find("compacted") == std::string::npos);
  // The first run writes every article: the default compacts it, or (on several cores)
  // merges the databases it wrote at once, which compacts them too.
  const CommandResult compacted = index_into(dir / "compacted", demo);
  REQUIRE(compacted.status == 0);
  CHECK((compacted.out.find("compacted the database from") != std::string::npos ||
         compacted.out.find("databases written at once into one") != std::string::npos));
  CHECK(bytes_in(dir / "compacted") < bytes_in(dir / "plain"));
  CHECK_FALSE(has_compaction_leftovers(dir.path()));

  CHECK(Xapian::Database(dir / "compacted").get_doccount() ==
        Xapian::Database(dir / "plain").get_doccount());
  // Scores, snippets, phrases (positions), fields and dates all come through; "took_ms"
  // differs, so it is cut from each line first.
  const auto without_timing = [](std::string json) {
    for (std::size_t at = json.find("\"took_ms\""); at != std::string::npos;
         at = json.find("\"took_ms\"", at + 1)) {
      json.erase(at, json.find_first_of(",}", at) - at);
    }
    return json;
  };
  for (const std::string query :
       {"Hochwasser", "Bahn Streik", "\"Deutsche Bahn\"", "Straße date:2023", "title:Krise"}) {
    INFO(query);
    CHECK(without_timing(search(dir / "compacted", query)) ==
          without_timing(search(dir / "plain", query)));
  }

  // The compacted database is an Archivar database like any other: the same inputs are
  // recognised as unchanged, and a new article can be added.
  const CommandResult again = index_into(dir / "compacted", demo);
  REQUIRE(again.status == 0);
  CHECK(again.out.find(" 0 added, 0 replaced,") != std::string::npos);
  CHECK(again.out.find("compacted") == std::string::npos);  // nothing changed

  // A database written without compaction is compacted on its own, with no input.
  const std::uintmax_t before = bytes_in(dir / "plain");
  const CommandResult alone = index_into(dir / "plain", "--compact always");
  REQUIRE(alone.status == 0);
  CHECK(alone.out.find("compacted the database from") != std::string::npos);
  CHECK(bytes_in(dir / "plain") < before);
  CHECK(without_timing(search(dir / "plain", "\"Deutsche Bahn\"")) ==
        without_timing(search(dir / "compacted", "\"Deutsche Bahn\"")));
}

TEST_CASE("a small update is not compacted unless asked", "[integration][index][compaction]") {
  const ScratchDir dir;
  REQUIRE(index_into(dir / "db", shell_quote(source_path("corpus/demo"))).status == 0);
  write_file(dir / "one.jsonl",
             R"({"id":"neu-1","title":"Fähre fährt wieder","text":"Die Elbfähre fährt."})"
             "\n");
  const CommandResult small = index_into(dir / "db", dir / "one.jsonl");
  REQUIRE(small.status == 0);
  CHECK(small.out.find("1 added") != std::string::npos);
  CHECK(small.out.find("compacted") == std::string::npos);

  write_file(dir / "two.jsonl",
             R"({"id":"neu-2","title":"Fähre fällt aus","text":"Sturm auf der Elbe."})"
             "\n");
  const CommandResult forced = index_into(dir / "db", "--compact always " + (dir / "two.jsonl"));
  REQUIRE(forced.status == 0);
  CHECK(forced.out.find("compacted the database from") != std::string::npos);
  const CommandResult found =
      run(binary("archivar-search") + " --db " + (dir / "db") + " --format ids Elbfähre Sturm");
  CHECK(found.out.find("neu-1") != std::string::npos);
  CHECK(found.out.find("neu-2") != std::string::npos);

  CHECK(index_into(dir / "db", "--compact sometimes " + (dir / "two.jsonl")).status == 2);
}

TEST_CASE(
    "a database reached through a symbolic link is compacted where it is, with "
    "what else its directory holds",
    "[integration][index][compaction]") {
  const ScratchDir dir;
  write_file(dir / "a.jsonl", R"({"id":"a1","title":"Hafen","text":"Der Hafen wächst."})"
                              "\n");
  fs::create_directory(dir / "disk");
  fs::create_directory_symlink(dir / "disk", dir / "link");
  REQUIRE(index_into(dir / "link/db", dir / "a.jsonl").status == 0);
  fs::create_directory_symlink(dir / "disk/db", dir / "db");
  // Something of the user's in the database directory survives the exchange.
  write_file(dir / "disk/db/NOTES.txt", "Stand 2024");
  fs::create_directory(dir / "disk/db/exports");
  write_file(dir / "disk/db/exports/list.txt", "a1");
  const CommandResult compacted = index_into(dir / "db", "--compact always");
  REQUIRE(compacted.status == 0);
  CHECK(compacted.out.find("compacted the database from") != std::string::npos);
  CHECK(fs::is_symlink(dir / "db"));  // still the user's link, to the compacted database
  CHECK(Xapian::Database(dir / "db").get_doccount() == 1);
  CHECK(fs::exists(dir / "disk/db/NOTES.txt"));
  CHECK(fs::exists(dir / "disk/db/exports/list.txt"));
  CHECK_FALSE(has_compaction_leftovers(dir.path()));
  CHECK_FALSE(has_compaction_leftovers(dir.path() / "disk"));
}

TEST_CASE("what a killed compaction left behind is removed by the next run",
          "[integration][index][compaction]") {
  const ScratchDir dir;
  write_file(dir / "a.jsonl", R"({"id":"a1","title":"Hafen","text":"Der Hafen wächst."})"
                              "\n");
  REQUIRE(index_into(dir / "db", dir / "a.jsonl").status == 0);
  // A copy marks itself with its own name (archivar-compaction-copy), as the indexer does.
  const auto copy = [&dir](const std::string& name, const std::string& marked_as) {
    const fs::path path = dir.write(name + "/postlist.glass", "x").parent_path();
    if (!marked_as.empty())
      write_file((path / "archivar-compaction-copy").string(), marked_as + "\n");
    return path;
  };
  // A process id that cannot run (above Linux's largest), and one that does: this test's.
  const std::string dead = "db.compacting-999999999-00000000000000ab";
  const fs::path abandoned = copy(dead, dead);
  const std::string alive = "db.compacting-" + std::to_string(::getpid()) + "-00000000000000cd";
  const fs::path in_use = copy(alive, alive);
  // The user's: a backup of their own, and an old copy kept under another name.
  const fs::path backup = copy("db.compacting-backup", "");
  const fs::path kept_copy = copy("db.compacting-999999999-kept", dead);
  // A marker the exchange left in the database itself.
  write_file(dir / "db/archivar-compaction-copy", dead + "\n");
  REQUIRE(index_into(dir / "db", dir / "a.jsonl").status == 0);  // unchanged: no compaction
  CHECK_FALSE(fs::exists(abandoned));
  CHECK(fs::exists(in_use));  // perhaps another indexer's copy in the making
  CHECK(fs::exists(backup / "postlist.glass"));
  CHECK(fs::exists(kept_copy / "postlist.glass"));
  CHECK_FALSE(fs::exists(dir / "db/archivar-compaction-copy"));
}
