// The indexer killed at random points, inside its commits, its compaction and around the
// exchange of the compacted copy, and on a full disk: the database stays as of its last
// commit, checks clean with xapian-check, and a rerun ends with exactly the input's ids.
#include <fmt/format.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "support/cli.h"

namespace fs = std::filesystem;
using namespace archivar::test;

namespace {

// @a count articles of 30 made-up words each; every 50th repeats an earlier text with an
// addition, so that near-duplicate groups are formed too.
std::string articles(int first, int count) {
  static const std::vector<std::string> syllables = {"ha",    "fen",  "brü", "cke", "bahn", "ver",
                                                     "kehr",  "land", "tag", "rat", "haus", "markt",
                                                     "stadt", "wald", "see", "berg"};
  std::mt19937 random(static_cast<unsigned>(first));
  const auto word = [&] {
    std::string text;
    for (int s = 0; s < 3; ++s) text += syllables[random() % syllables.size()];
    return text;
  };
  std::vector<std::string> texts;
  std::string lines;
  for (int i = first; i < first + count; ++i) {
    std::string text;
    if (i % 50 == 49 && texts.size() > 30) {
      text = texts[texts.size() - 30] + " Ergänzung";
    } else {
      for (int w = 0; w < 30; ++w) text.append(w > 0 ? " " : "").append(word());
    }
    texts.push_back(text);
    lines += fmt::format(R"({{"id":"k{}","title":"{} {}","text":"{}"}})", i, word(), word(), text) +
             "\n";
  }
  return lines;
}

std::set<std::string> expected_ids(int count) {
  std::set<std::string> ids;
  for (int i = 0; i < count; ++i) ids.insert(fmt::format("k{}", i));
  return ids;
}

// The ids a database holds, from its id terms; also checks that no id is there twice.
std::set<std::string> ids_in(const std::string& db) {
  const Xapian::Database database(db);
  std::set<std::string> ids;
  for (auto it = database.allterms_begin("Q"); it != database.allterms_end("Q"); ++it) {
    CHECK(it.get_termfreq() == 1);
    ids.insert((*it).substr(1));
  }
  CHECK(ids.size() == database.get_doccount());
  return ids;
}

bool xapian_check_clean(const std::string& db) {
  return run("xapian-check " + shell_quote(db)).status == 0;
}

}  // namespace

TEST_CASE("kill -9 at 20 random points, in compaction and around the exchange too",
          "[integration][index][crash]") {
  const ScratchDir dir;
  constexpr int kBase = 150;
  constexpr int kAll = 450;
  write_file(dir / "base.jsonl", articles(0, kBase));
  write_file(dir / "all.jsonl", articles(0, kAll));
  REQUIRE(run_indexer(dir / "base", shell_quote(dir / "base.jsonl")).status == 0);
  const std::set<std::string> base_ids = ids_in(dir / "base");
  const std::set<std::string> all_ids = expected_ids(kAll);

  // strace stretches the compaction's syncs and the exchange so that random points fall
  // inside them: each fsync (only the compaction syncs with fsync; Xapian's commits use
  // fdatasync) takes 0.1 s more, the exchange (renameat2) 0.5 s before and after.
  const bool traced = run("strace -o /dev/null true").status == 0;
  if (!traced) WARN("strace cannot run here: compaction and exchange are hit only by chance");
  const std::string strace = traced ? "strace -f -o /dev/null -e trace=fsync,renameat2"
                                      " -e inject=fsync:delay_enter=100000"
                                      " -e inject=renameat2:delay_enter=500000:delay_exit=500000 "
                                    : "";
  const std::string pid_file = dir / "pid";
  const auto indexer_line = [&](const std::string& db) {
    return strace + "sh -c 'echo $$ > " + pid_file + "; exec " + binary("archivar-index") +
           " --db " + db + " --quiet --batch 30 --compact always " + (dir / "all.jsonl") + "'";
  };
  const auto fresh_copy = [&](const std::string& db) {
    fs::remove_all(db);
    fs::copy(dir / "base", db, fs::copy_options::recursive);
  };

  // A reference run, to learn how long the commits take before the compaction begins.
  const std::string db = dir / "db";
  fresh_copy(db);
  const CommandResult reference = run(
      fmt::format("{} & while [ ! -s {} ]; do sleep 0.005; done; start=$(date +%s.%N);"
                  " while kill -0 $(cat {}) 2>/dev/null && ! ls -d {}.compacting-* >/dev/null 2>&1;"
                  " do sleep 0.005; done; echo $start $(date +%s.%N); wait",
                  indexer_line(db), pid_file, pid_file, db));
  REQUIRE(reference.status == 0);
  double start = 0, compaction = 0;
  REQUIRE(std::sscanf(reference.out.c_str(), "%lf %lf", &start, &compaction) == 2);
  const double commits = compaction - start;
  fs::remove(pid_file);

  // Ten points among the commits, five inside the compaction (once its copy exists), five
  // around the exchange (once the database is marked for it, just before the rename).
  std::mt19937 random(20261203);
  const auto uniform = [&](double from, double to) {
    return std::uniform_real_distribution<double>(from, to)(random);
  };
  struct Point {
    std::string after;  // a shell test that starts the clock; empty: the start of the run
    double delay;
    std::string phase;
  };
  std::vector<Point> points;
  for (int i = 0; i < 10; ++i) points.push_back({"", uniform(0.05, commits), "commits"});
  for (int i = 0; i < 5; ++i) {
    points.push_back(
        {"ls -d " + db + ".compacting-* >/dev/null 2>&1", uniform(0, 1.0), "compaction"});
  }
  for (int i = 0; i < 5; ++i) {
    points.push_back({"[ -e " + db + "/archivar-compaction-copy ]", uniform(0, 1.0), "exchange"});
  }

  int killed = 0;
  for (const Point& point : points) {
    fresh_copy(db);
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      if (entry.path().filename().string().starts_with("db.compacting-")) {
        fs::remove_all(entry.path());
      }
    }
    fs::remove(pid_file);
    // The indexer runs in the background; kill -9 hits it once the point has come.
    const std::string wait_for = point.after.empty()
                                     ? ""
                                     : "while kill -0 $(cat " + pid_file + ") 2>/dev/null && ! " +
                                           point.after + "; do sleep 0.002; done; ";
    const CommandResult result =
        run(fmt::format("{} & while [ ! -s {} ]; do sleep 0.002; done; {}sleep {:.3f};"
                        " kill -9 $(cat {}) 2>/dev/null && echo killed; wait",
                        indexer_line(db), pid_file, wait_for, point.delay, pid_file));
    const bool was_killed = result.out.find("killed") != std::string::npos;
    killed += was_killed ? 1 : 0;
    INFO(fmt::format("{}: kill {:.3f} s in ({})", point.phase, point.delay,
                     was_killed ? "killed" : "it had finished"));
    // As of its last commit: whole, and between the base and everything.
    CHECK(xapian_check_clean(db));
    const std::set<std::string> after_kill = ids_in(db);
    CHECK(std::includes(all_ids.begin(), all_ids.end(), after_kill.begin(), after_kill.end()));
    CHECK(std::includes(after_kill.begin(), after_kill.end(), base_ids.begin(), base_ids.end()));

    const CommandResult rerun = run_indexer(db, "--quiet --compact always " + (dir / "all.jsonl"));
    CHECK(rerun.status == 0);
    CHECK(rerun.err.empty());
    CHECK(ids_in(db) == all_ids);
    CHECK(xapian_check_clean(db));
    CHECK_FALSE(has_compaction_leftovers(dir.path()));
    CHECK_FALSE(fs::exists(fs::path(db) / "archivar-compaction-copy"));
  }
  CHECK(killed >= 15);  // most points fall within the run
}

TEST_CASE("a full disk stops the indexer with one error and the last commit intact",
          "[integration][index][crash]") {
  const ScratchDir dir;
  const fs::path disk = dir.path() / "disk";
  fs::create_directory(disk);
  if (run("mount -t tmpfs -o size=3m tmpfs " + shell_quote(disk.string())).status != 0) {
    WARN("cannot mount a small tmpfs here (needs root): the full-disk test is skipped");
    return;
  }
  struct Unmount {
    std::string path;
    ~Unmount() { run("umount " + shell_quote(path)); }
  } unmount{disk.string()};

  write_file(dir / "base.jsonl", articles(0, 100));
  write_file(dir / "many.jsonl", articles(0, 4000));
  const std::string db = (disk / "db").string();
  REQUIRE(run_indexer(db, "--quiet --compact never " + (dir / "base.jsonl")).status == 0);
  const CommandResult full = run_indexer(db, "--quiet --batch 100 " + (dir / "many.jsonl"));
  INFO(full.err);
  CHECK(full.status == 1);
  CHECK(std::count(full.err.begin(), full.err.end(), '\n') == 1);
  // Xapian reports the disk as full, or ends the process, which the indexer reports.
  CHECK((full.err.find("No space left on device") != std::string::npos ||
         full.err.find("stopped by a full disk") != std::string::npos));
  CHECK(full.err.find("left as of its last commit") != std::string::npos);
  CHECK(xapian_check_clean(db));
  const std::set<std::string> ids = ids_in(db);
  CHECK(ids.size() >= 100);
  CHECK(ids.size() % 100 == 0);  // whole batches only
  CHECK(run(binary("archivar-search") + " --db " + db + " --format ids k1").status == 0);

  // No room for a compacted copy: the database stays as committed, with a warning.
  const CommandResult compacted = run_indexer(db, "--quiet --compact always");
  INFO(compacted.err);
  CHECK(compacted.status == 0);
  CHECK(compacted.err.find("warning: database left uncompacted") != std::string::npos);
  CHECK(xapian_check_clean(db));
  CHECK(ids_in(db) == ids);
  CHECK_FALSE(has_compaction_leftovers(disk));
}
