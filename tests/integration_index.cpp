// archivar-index run as a user runs it: summaries, replacement, bad input, strictness,
// locking and refusal to write into foreign directories.
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "common/index_schema.h"
#include "support/cli.h"

using namespace archivar::test;

namespace {

CommandResult index_into(const std::string& db, const std::string& arguments) {
  return run(binary("archivar-index") + " --db " + shell_quote(db) + " " + arguments);
}

Xapian::doccount document_count(const std::string& db) {
  return Xapian::Database(db).get_doccount();
}

std::vector<std::string> search_ids(const std::string& db, const std::string& query) {
  const CommandResult result = run(binary("archivar-search") + " --db " + shell_quote(db) +
                                   " --format ids --limit 100 " + shell_quote(query));
  REQUIRE(result.status == 0);
  std::vector<std::string> ids;
  std::istringstream in(result.out);
  for (std::string line; std::getline(in, line);) ids.push_back(line);
  return ids;
}

const std::string kGood =
    R"({"id":"g1","title":"Hafen erweitert","text":"Der Hamburger Hafen wächst.","date":"2021-03-04"})"
    "\n"
    R"({"id":"g2","title":"Brücke gesperrt","text":"Die Köhlbrandbrücke bleibt zu.","date":"05.06.2022"})"
    "\n";

// Writes 2,000 numbered records ("Meldung N") to PLAIN and compresses it with gzip(1)
// into PLAIN.gz, removing PLAIN.
void write_gzipped_records(const std::string& plain) {
  std::string records;
  for (int i = 0; i < 2000; ++i) {
    records += R"({"id":"n)" + std::to_string(i) + R"(","title":"Meldung )" + std::to_string(i) +
               R"(","text":"Windkraft und Solarstrom im Norden, Folge )" +
               std::to_string(i * 7919) + "\"}\n";
  }
  std::filesystem::create_directories(std::filesystem::path(plain).parent_path());
  write_file(plain, records);
  REQUIRE(run("gzip " + plain).status == 0);
}

}  // namespace

TEST_CASE("indexing the same input again replaces, never duplicates", "[integration][index]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  const CommandResult first = index_into(db, shell_quote(source_path("corpus/demo")));
  REQUIRE(first.status == 0);
  const Xapian::doccount count = document_count(db);
  CHECK(count >= 40);
  CHECK(first.out.find(std::to_string(count) + " added") != std::string::npos);

  const CommandResult second = index_into(db, shell_quote(source_path("corpus/demo")));
  REQUIRE(second.status == 0);
  CHECK(document_count(db) == count);
  // Nothing changed, so nothing is written: every article is counted unchanged.
  CHECK(second.out.find("0 added, 0 replaced, " + std::to_string(count) + " unchanged") !=
        std::string::npos);
}

TEST_CASE("deleting articles by id, from the command line or a file", "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "a.jsonl", kGood);
  REQUIRE(index_into(dir / "db", dir / "a.jsonl").status == 0);
  const CommandResult one = index_into(dir / "db", "--delete g1 nosuch");
  CHECK(one.status == 0);
  CHECK(one.out.find("deleted 1 article (1 id not found)") != std::string::npos);
  CHECK(document_count(dir / "db") == 1);
  CHECK(search_ids(dir / "db", "Hafen").empty());
  write_file(dir / "ids.txt", "g2\n");
  CHECK(index_into(dir / "db", "--delete-from " + (dir / "ids.txt")).status == 0);
  CHECK(document_count(dir / "db") == 0);
}

TEST_CASE("a second indexer waits for the lock when asked to", "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "a.jsonl", kGood);
  REQUIRE(index_into(dir / "db", dir / "a.jsonl").status == 0);
  std::atomic<bool> locked{false};
  std::thread holder([&] {
    Xapian::WritableDatabase database(dir / "db", Xapian::DB_OPEN);
    locked = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  });
  while (!locked) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const CommandResult waited = index_into(dir / "db", "--wait " + (dir / "a.jsonl"));
  holder.join();
  CHECK(waited.status == 0);
  CHECK(waited.err.find("waiting for the lock") != std::string::npos);
}

TEST_CASE("a locked database names the indexer that holds it", "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "a.jsonl", kGood);
  // The first indexer reads standard input, which stays open for two seconds: it holds
  // the lock meanwhile. $! is its process id.
  const std::string index = binary("archivar-index") + " --db " + shell_quote(dir / "db");
  const CommandResult result =
      run("sleep 2 | " + index + " --quiet - & holder=$!; sleep 0.5; " + index + " " +
          shell_quote(dir / "a.jsonl") + "; echo \"second=$? holder=$holder\"; wait");
  const std::size_t at = result.out.find("holder=");
  REQUIRE(at != std::string::npos);
  const std::string holder = result.out.substr(at + 7, result.out.find('\n', at) - at - 7);
  CHECK(result.out.find("second=1") != std::string::npos);
  CHECK(result.err.find("is locked by process " + holder + " (archivar-index, writing since ") !=
        std::string::npos);
  // Once it has finished, the note is gone and the database is free.
  CHECK_FALSE(std::filesystem::exists(dir / "db/archivar-index.pid"));
  CHECK(index_into(dir / "db", dir / "a.jsonl").status == 0);
}

TEST_CASE("an article indexed again under its id shows its new version", "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "v1.jsonl", R"({"id":"x","title":"Alter Titel","text":"Zeppelin"})"
                               "\n");
  write_file(dir / "v2.jsonl", R"({"id":"x","title":"Neuer Titel","text":"Luftschiff"})"
                               "\n");
  REQUIRE(index_into(dir / "db", dir / "v1.jsonl").status == 0);
  REQUIRE(index_into(dir / "db", dir / "v2.jsonl").status == 0);
  CHECK(document_count(dir / "db") == 1);
  CHECK(search_ids(dir / "db", "Zeppelin").empty());
  CHECK(search_ids(dir / "db", "Luftschiff") == std::vector<std::string>{"x"});
}

TEST_CASE("the later of two records with one id wins, also while the first is analysed",
          "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "v1.jsonl", R"({"id":"x","title":"Alter Titel","text":"Zeppelin"})"
                               "\n");
  REQUIRE(index_into(dir / "db", dir / "v1.jsonl").status == 0);
  // v2, then v1 again: the database still holds v1 when the second record is read (v2 is
  // being analysed), yet the run must end with v1, as its input says.
  write_file(dir / "v2-v1.jsonl", R"({"id":"x","title":"Neuer Titel","text":"Luftschiff"})"
                                  "\n"
                                  R"({"id":"x","title":"Alter Titel","text":"Zeppelin"})"
                                  "\n");
  const CommandResult result = index_into(dir / "db", "--threads 2 " + (dir / "v2-v1.jsonl"));
  CHECK(result.status == 3);  // the id occurred twice in one batch
  CHECK(document_count(dir / "db") == 1);
  CHECK(search_ids(dir / "db", "Luftschiff").empty());
  CHECK(search_ids(dir / "db", "Zeppelin") == std::vector<std::string>{"x"});
}

TEST_CASE("articles that score alike come in id order, whatever order indexed them",
          "[integration][index]") {
  // Alike, not alike enough to be near-duplicates of each other (one group, one hit).
  // Document numbers differ with the indexer's shards; the order must not.
  const ScratchDir dir;
  write_file(dir / "alike.jsonl", R"({"id":"c","title":"","text":"Der Zeppelin landet heute."})"
                                  "\n"
                                  R"({"id":"a","title":"","text":"Ein Zeppelin startet heute."})"
                                  "\n"
                                  R"({"id":"b","title":"","text":"Kein Zeppelin fliegt heute."})"
                                  "\n");
  REQUIRE(index_into(dir / "db", dir / "alike.jsonl").status == 0);
  const std::vector<std::string> in_id_order{"a", "b", "c"};
  CHECK(search_ids(dir / "db", "Zeppelin") == in_id_order);
  CHECK(search_ids(dir / "db", "Zeppelin heute") == in_id_order);  // ranked again by proximity
  const CommandResult words_alone =
      run(binary("archivar-search") + " --db " + shell_quote(dir / "db") +
          " --format ids --no-proximity Zeppelin");
  CHECK(words_alone.out == "a\nb\nc\n");
}

TEST_CASE("any number of analysis threads builds the same database", "[integration][index]") {
  const ScratchDir dir;
  const std::string demo = std::string(ARCHIVAR_SOURCE_DIR) + "/corpus/demo";
  const std::string queries[] = {"Botschaftspersonal", "Strasse", "Ukraine-Krise", "Hafen"};
  std::vector<std::vector<std::string>> first;
  for (const char* threads : {"1", "4"}) {
    const std::string db = dir / (std::string("db-") + threads);
    const CommandResult result =
        index_into(db, std::string("--threads ") + threads + " " + shell_quote(demo));
    CAPTURE(threads, result.err);
    CHECK((result.status == 0 || result.status == 3));
    std::vector<std::vector<std::string>> hits;
    for (const std::string& query : queries) hits.push_back(search_ids(db, query));
    if (first.empty()) {
      first = hits;
      CHECK_FALSE(first[0].empty());
    } else {
      CHECK(hits == first);
      CHECK(document_count(db) == document_count(dir / "db-1"));
    }
  }
  const std::string negative = "--threads -1 " + shell_quote(demo);
  CHECK(index_into(dir / "db-x", negative).status == 2);
}

TEST_CASE("malformed records are reported by file and line and skipped", "[integration][index]") {
  const ScratchDir dir;
  const std::string file = dir / "mixed.jsonl";
  write_file(file, R"({"id":"ok1","title":"Erster Artikel","text":"Zugverkehr rollt"})"
                   "\n"
                   R"({"id":"broken","title": "Kaputt)"
                   "\n"
                   R"(["kein", "Objekt"])"
                   "\n"
                   R"({"title":"Ohne Kennung","text":"Fährverkehr"})"
                   "\n"
                   R"({"id":"baddate","title":"Datum","text":"Schifffahrt","date":"gestern"})"
                   "\n"
                   "{\"id\":\"latin\",\"title\":\"M\xfcnchen\",\"text\":\"Stra\xdf"
                   "e\"}\n"
                   R"({"id":"empty"})"
                   "\n");
  const CommandResult result = index_into(dir / "db", shell_quote(file));
  CHECK(result.status == 3);
  CHECK(result.err.find(file + ":2: malformed JSON") != std::string::npos);
  CHECK(result.err.find(file + ":3: expected a JSON object") != std::string::npos);
  CHECK(result.err.find(file + ":5: unparsable date 'gestern'") != std::string::npos);
  CHECK(result.err.find(file + ":6: not UTF-8, read as Windows-1252") != std::string::npos);
  CHECK(result.err.find(file + ":7: record has neither title nor text") != std::string::npos);
  CHECK(result.err.find("records without an id get one from file and line") != std::string::npos);
  CHECK(result.out.find("3 skipped") != std::string::npos);
  CHECK(document_count(dir / "db") == 4);
  CHECK(search_ids(dir / "db", "Fährverkehr").size() == 1);
  CHECK(search_ids(dir / "db", "Muenchen") == std::vector<std::string>{"latin"});
  CHECK(search_ids(dir / "db", "Schifffahrt") == std::vector<std::string>{"baddate"});

  // Many bad dates in one file: the first is shown, the rest counted in one note.
  std::string dates;
  for (int i = 0; i < 50; ++i) {
    dates += R"({"id":"d)" + std::to_string(i) + R"(","text":"Deich","date":"2003-11-)" +
             std::to_string(40 + i) + "\"}\n";
  }
  write_file(dir / "dates.jsonl", dates);
  const CommandResult many = index_into(dir / "db", dir / "dates.jsonl");
  CHECK(many.status == 0);  // repaired, not skipped
  CHECK(many.err.find(":1: unparsable date '2003-11-40'") != std::string::npos);
  CHECK(many.err.find("2003-11-41") == std::string::npos);
  CHECK(many.err.find("dates.jsonl: unparsable dates: 49 more repaired the same way") !=
        std::string::npos);
  CHECK(search_ids(dir / "db", "Deich").size() == 50);
}

TEST_CASE("strict mode stops at the first bad record and keeps the last commit",
          "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "good.jsonl", kGood);
  REQUIRE(index_into(dir / "db", dir / "good.jsonl").status == 0);
  write_file(dir / "bad.jsonl", R"({"id":"new","title":"Neu","text":"Neu"})"
                                "\n{oops\n");
  const CommandResult strict = index_into(dir / "db", "--strict " + (dir / "bad.jsonl"));
  CHECK(strict.status == 1);
  CHECK(strict.err.find(dir / "bad.jsonl" + ":2") != std::string::npos);
  CHECK(document_count(dir / "db") == 2);  // "new" was not committed either
}

TEST_CASE("TREC, gzip and standard input are read like JSON Lines", "[integration][index]") {
  const ScratchDir dir;
  write_file(
      dir / "a.trec",
      "<DOC>\n<DOCNO>t1</DOCNO>\n<DATE>2020-01-02</DATE>\n<HEADLINE>Deichbau</HEADLINE>\n"
      "<TEXT>\nDer Deich an der Elbe wird erh&ouml;ht &amp; verst\xC3\xA4rkt.\n</TEXT>\n"
      "</DOC>\n<DOC>\n<DOCNO>t2</DOCNO>\n<TITLE>Sturmflut</TITLE>\n<TEXT>Warnung</TEXT>\n</DOC>\n");
  write_file(dir / "b.jsonl", kGood);
  REQUIRE(run("gzip -c " + (dir / "b.jsonl") + " > " + (dir / "b.jsonl.gz")).status == 0);
  std::filesystem::remove(dir / "b.jsonl");
  const CommandResult result = index_into(dir / "db", dir.path().string());
  REQUIRE(result.status == 0);
  CHECK(document_count(dir / "db") == 4);
  CHECK(search_ids(dir / "db", "verstärkt") == std::vector<std::string>{"t1"});
  CHECK(search_ids(dir / "db", "Köhlbrandbrücke") == std::vector<std::string>{"g2"});

  write_file(dir / "c.jsonl", R"({"id":"s1","title":"Von stdin","text":"Leuchtturm"})"
                              "\n");
  REQUIRE(run("cat " + (dir / "c.jsonl") + " | " + binary("archivar-index") + " --db " +
              (dir / "db") + " -")
              .status == 0);
  CHECK(search_ids(dir / "db", "Leuchtturm") == std::vector<std::string>{"s1"});
}

TEST_CASE("a truncated gzip file is reported and the rest of the run completes",
          "[integration][index]") {
  const ScratchDir dir;
  write_gzipped_records(dir / "in/many.jsonl");
  const auto size = std::filesystem::file_size(dir / "in/many.jsonl.gz");
  std::filesystem::resize_file(dir / "in/many.jsonl.gz", size / 2);
  write_file(dir / "in/zz-good.jsonl", kGood);

  const CommandResult result = index_into(dir / "db", dir / "in");
  CHECK(result.status == 3);
  CHECK(result.err.find("many.jsonl.gz: truncated gzip data") != std::string::npos);
  CHECK(search_ids(dir / "db", "Köhlbrandbrücke") == std::vector<std::string>{"g2"});
}

TEST_CASE("a corrupt gzip file is reported and nothing of it is indexed", "[integration][index]") {
  const ScratchDir dir;
  write_gzipped_records(dir / "in/many.jsonl");
  // Damage in the middle: zlib decodes garbage up to the end of the member, where the CRC
  // check fails; the records before the damage would decode cleanly.
  {
    std::fstream file(dir / "in/many.jsonl.gz", std::ios::in | std::ios::out | std::ios::binary);
    const auto size = std::filesystem::file_size(dir / "in/many.jsonl.gz");
    file.seekp(static_cast<std::streamoff>(size / 2));
    file.write(std::string(64, '\xa5').data(), 64);
  }
  write_file(dir / "in/zz-good.jsonl", kGood);

  const CommandResult result = index_into(dir / "db", dir / "in");
  CHECK(result.status == 3);
  CHECK_THAT(result.err, Catch::Contains("many.jsonl.gz: corrupt gzip data near byte"));
  CHECK(search_ids(dir / "db", "Meldung").empty());
  CHECK(search_ids(dir / "db", "Köhlbrandbrücke") == std::vector<std::string>{"g2"});
}

TEST_CASE("field maps read other input names", "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "x.jsonl", R"({"uid":"m1","headline":"Glockenturm","body":"saniert"})"
                              "\n");
  const CommandResult result =
      index_into(dir / "db", "--field-map id=uid,title=headline,text=body " + (dir / "x.jsonl"));
  REQUIRE(result.status == 0);
  CHECK(search_ids(dir / "db", "title:Glockenturm") == std::vector<std::string>{"m1"});
  CHECK(index_into(dir / "db2", "--field-map titel=headline " + (dir / "x.jsonl")).status == 2);
}

TEST_CASE("the indexer refuses locked, foreign and non-database directories",
          "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "good.jsonl", kGood);
  {
    Xapian::WritableDatabase holder(dir / "db", Xapian::DB_CREATE_OR_OPEN);
    const CommandResult locked = index_into(dir / "db", dir / "good.jsonl");
    CHECK(locked.status == 1);
    CHECK(locked.err.find("is locked") != std::string::npos);
  }

  std::filesystem::create_directories(dir / "photos");
  write_file(dir / "photos/holiday.jpg", "not a database");
  const CommandResult foreign = index_into(dir / "photos", dir / "good.jsonl");
  CHECK(foreign.status == 1);
  CHECK(foreign.err.find("is not a Xapian database") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "photos/holiday.jpg"));

  write_file(dir / "empty-file", "");
  const CommandResult file = index_into(dir / "empty-file", dir / "good.jsonl");
  CHECK(file.status == 1);
  CHECK_THAT(file.err,
             Catch::Contains("'" + dir / "empty-file" + "' exists and is not a Xapian database"));
}

TEST_CASE("usage errors exit 2 with one line, --help documents the exit codes",
          "[integration][index]") {
  const CommandResult no_db = run(binary("archivar-index") + " input.jsonl");
  CHECK(no_db.status == 2);
  CHECK(std::count(no_db.err.begin(), no_db.err.end(), '\n') == 1);
  const CommandResult help = run(binary("archivar-index") + " --help");
  CHECK(help.status == 0);
  CHECK(help.out.find("Exit status") != std::string::npos);
  CHECK(help.out.find("Examples") != std::string::npos);
}

TEST_CASE("a killed indexer leaves a readable database at its last commit",
          "[integration][index]") {
  const ScratchDir dir;
  std::string many;
  for (int i = 0; i < 30000; ++i) {
    many += R"({"id":"k)" + std::to_string(i) + R"(","title":"Meldung )" + std::to_string(i) +
            R"(","text":"Hochwasser an Rhein und Mosel, Pegel )" + std::to_string(i % 977) +
            " Zentimeter, Deiche halten, Feuerwehr im Einsatz.\"}\n";
  }
  write_file(dir / "many.jsonl", many);
  // Kill -9 at random moments, over and over, each time resuming the same command; batches
  // of 500 make every committed count a multiple of 500. Random, so that over many CI runs
  // the kill lands in every phase: reading, analysis, the writer, a commit.
  const unsigned seed = std::random_device{}();
  INFO("random seed " << seed);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(50, 600);
  const std::string command = binary("archivar-index") + " --quiet --batch 500 --db " +
                              (dir / "db") + " " + (dir / "many.jsonl");
  Xapian::doccount committed = 0;
  for (int kill = 0; kill < 4; ++kill) {
    const int delay = delay_ms(random);
    INFO("kill " << kill << " after " << delay << " ms");
    const CommandResult killed =
        run(command + " & pid=$!; sleep " + std::to_string(delay / 1000.0) +
            "; kill -9 $pid; wait $pid; exit 0");
    REQUIRE(killed.status == 0);
    // A kill before the database was created leaves none: nothing was committed.
    const Xapian::doccount after_kill =
        std::filesystem::exists(dir / "db/iamglass") ? document_count(dir / "db") : 0;
    CHECK((after_kill % 500 == 0 || after_kill == 30000));
    CHECK(after_kill >= committed);            // nothing committed is ever lost
    if (kill == 0) CHECK(after_kill < 30000);  // the first kill comes early: it interrupted
    committed = after_kill;
  }

  // Running the same command again completes the job, each article exactly once.
  const CommandResult again = index_into(dir / "db", "--batch 500 " + (dir / "many.jsonl"));
  CHECK(again.status == 0);
  CHECK(document_count(dir / "db") == 30000);
  // Nor does a kill during the final compaction leave its copy behind for good.
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".compacting-") == std::string::npos);
  }
}

TEST_CASE("searches run while an indexer commits, without errors", "[integration][index]") {
  const ScratchDir dir;
  std::string many;
  for (int i = 0; i < 20000; ++i) {
    many += R"({"id":"w)" + std::to_string(i) + R"(","title":"Pegel )" + std::to_string(i % 313) +
            R"(","text":"Hochwasser an der Elbe, Deiche halten, Pegel )" + std::to_string(i % 977) +
            " Zentimeter.\"}\n";
  }
  write_file(dir / "many.jsonl", many);
  std::string topics;
  for (int i = 0; i < 300; ++i) topics += std::to_string(i) + "\tPegel " + std::to_string(i) + "\n";
  write_file(dir / "topics.tsv", topics);
  REQUIRE(index_into(dir / "db", "--batch 100 " + (dir / "many.jsonl")).status == 0);

  // Re-index with changed texts in small batches: a commit every few milliseconds, each
  // replacing what a long-running search process is reading.
  std::string changed = many;
  for (std::size_t at = 0; (at = changed.find("halten", at)) != std::string::npos;) {
    changed.replace(at, 6, "brechen");
  }
  write_file(dir / "changed.jsonl", changed);
  std::atomic<bool> indexing{true};
  CommandResult indexed;  // checked after the join: Catch's assertions are not thread-safe
  std::thread indexer([&] {
    indexed = index_into(dir / "db", "--quiet --batch 20 " + (dir / "changed.jsonl"));
    indexing = false;
  });
  int runs = 0;
  do {
    const CommandResult result =
        run(binary("archivar-search") + " --db " + shell_quote(dir / "db") +
            " --format json --limit 5 --topics " + shell_quote(dir / "topics.tsv"));
    CAPTURE(result.err);
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 300);
    ++runs;
  } while (indexing);
  indexer.join();
  INFO(indexed.err);
  CHECK(indexed.status == 0);
  CHECK(runs >= 1);
  CHECK(document_count(dir / "db") == 20000);
  CHECK(search_ids(dir / "db", "halten").empty());
}

TEST_CASE("a database inside the input directory is not read as input", "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "good.jsonl", kGood);
  REQUIRE(index_into(dir / "db", dir.path().string()).status == 0);
  const CommandResult again = index_into(dir / "db", dir.path().string());
  CHECK(again.status == 0);
  CHECK(again.err.find("glass") == std::string::npos);
  CHECK(document_count(dir / "db") == 2);
}

TEST_CASE("articles without a date sort last, oldest or newest first", "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "d.jsonl", R"({"id":"old","title":"Hafen","text":"x","date":"2020-01-01"})"
                              "\n"
                              R"({"id":"none","title":"Hafen","text":"x"})"
                              "\n"
                              R"({"id":"new","title":"Hafen","text":"x","date":"2022-01-01"})"
                              "\n");
  REQUIRE(index_into(dir / "db", dir / "d.jsonl").status == 0);
  const auto sorted = [&](const std::string& order) {
    const CommandResult result = run(binary("archivar-search") + " --db " + (dir / "db") +
                                     " --format ids --sort " + order + " Hafen");
    REQUIRE(result.status == 0);
    return result.out;
  };
  CHECK(sorted("date") == "old\nnew\nnone\n");
  CHECK(sorted("-date") == "new\nold\nnone\n");
}

TEST_CASE("the info option reports what the database holds", "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "a.jsonl",
             R"({"id":"1","title":"A","text":"x","date":"2021-03-04","source":"Alpenpost"})"
             "\n"
             R"({"id":"2","title":"B","text":"y","date":"2019-12-31","source":"Alpenpost"})"
             "\n"
             R"({"id":"3","title":"C","text":"z","source":"Tagesblick","section":"Sport"})"
             "\n");
  REQUIRE(index_into(dir / "db", dir / "a.jsonl").status == 0);
  const CommandResult info = run(binary("archivar-index") + " --db " + (dir / "db") + " --info");
  REQUIRE(info.status == 0);
  CHECK(info.out.find("articles  3\n") != std::string::npos);
  CHECK(info.out.find("dates     2019-12-31 .. 2021-03-04 (1 without a date)") !=
        std::string::npos);
  CHECK(info.out.find("sources   2: alpenpost (2), tagesblick (1)") != std::string::npos);
  CHECK(info.out.find("sections  1: sport (1)") != std::string::npos);
  CHECK(info.out.find("groups    0 of near-duplicates, holding 0 articles") != std::string::npos);
  CHECK(run(binary("archivar-index") + " --db " + (dir / "nope") + " --info").status == 1);
}

TEST_CASE("a database keeps the analyzer it was built with, unless another is asked for",
          "[integration][index]") {
  const ScratchDir dir;
  write_file(dir / "first.jsonl", R"({"id":"a1","title":"Söder's Kurs","text":"Der Kurs steht."})"
                                  "\n");
  write_file(dir / "later.jsonl", R"({"id":"a2","title":"Söders Plan","text":"Der Plan steht."})"
                                  "\n");
  // A database built before the apostrophe step became a default.
  const std::string old_db = dir / "old.db";
  REQUIRE(index_into(old_db, "--analyzer hyphens,fold,stem " + shell_quote(dir / "first.jsonl"))
              .status == 0);
  // A later run without --analyzer goes on with the database's own analysis...
  const CommandResult later = index_into(old_db, shell_quote(dir / "later.jsonl"));
  CHECK(later.status == 0);
  CHECK(document_count(old_db) == 2);
  CHECK(Xapian::Database(old_db).get_metadata("archivar.analyzer") == "hyphens,fold,stem");
  // ... which the searcher uses too: without the step, "Söder's" is a word of its own.
  CHECK(search_ids(old_db, "Söder's") == std::vector<std::string>{"a1"});
  // Asking for other options is refused, naming both.
  const CommandResult other =
      index_into(old_db, "--analyzer fold " + shell_quote(dir / "later.jsonl"));
  CHECK(other.status == 1);
  CHECK_THAT(other.err, Catch::Contains("was built with analyzer 'hyphens,fold,stem', not 'fold'"));

  // A new database gets the defaults, with the apostrophe step: both spellings meet.
  const std::string new_db = dir / "new.db";
  REQUIRE(
      index_into(new_db, shell_quote(dir / "first.jsonl") + " " + shell_quote(dir / "later.jsonl"))
          .status == 0);
  std::vector<std::string> both = search_ids(new_db, "Söder's");
  std::ranges::sort(both);
  CHECK(both == std::vector<std::string>{"a1", "a2"});
}

TEST_CASE("articles indexed with an older document layout are rewritten once",
          "[integration][index]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  write_file(dir / "items.jsonl",
             R"({"id":"s1","title":"Trump warnt Iran vor Wiederaufrüstung","source":"A"})"
             "\n"
             R"({"id":"s2","title":"Trump warnt Iran vor Wiederaufrüstung","source":"B"})"
             "\n");
  REQUIRE(index_into(db, shell_quote(dir / "items.jsonl")).status == 0);
  {
    // What an older version wrote: another layout in the hash, no short-text key.
    Xapian::WritableDatabase database(db);
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      Xapian::Document document = database.get_document(*it);
      document.add_value(archivar::schema::kContentHashSlot, "hash of an older layout");
      document.remove_value(archivar::schema::kShortTextSlot);
      database.replace_document(*it, document);
    }
    database.commit();
  }
  const CommandResult upgrade = index_into(db, shell_quote(dir / "items.jsonl"));
  CHECK(upgrade.status == 0);
  CHECK_THAT(upgrade.out, Catch::Contains("0 added, 2 replaced, 0 unchanged"));
  const Xapian::Database database(db);
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
    CHECK_FALSE(database.get_document(*it).get_value(archivar::schema::kShortTextSlot).empty());
  }
  // Then nothing more to do.
  CHECK_THAT(index_into(db, shell_quote(dir / "items.jsonl")).out,
             Catch::Contains("0 added, 0 replaced, 2 unchanged"));
}
