// What an archive holds can stop, crash or take over neither binary (issue 17): records
// that broke the indexer are reported and the good ones around them indexed, on the
// first run; memory stays bounded; a database path runs no program; a lock that cannot be
// taken for want of permission says so; what is printed cannot command the terminal.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "support/archives.h"
#include "support/cli.h"

namespace fs = std::filesystem;
using namespace archivar::test;
using nlohmann::json;

namespace {

CommandResult search(const std::string& db, const std::string& arguments) {
  return run(binary("archivar-search") + " --db " + shell_quote(db) + " " + arguments);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string record(const std::string& id, const std::string& more = "") {
  return fmt::format(R"({{"id":"{}","title":"Hafen {}","text":"Der Hafen wächst weiter."{}}})", id,
                     id, more) +
         "\n";
}

// The peak memory the indexer's summary reports, in MB.
[[maybe_unused]] double peak_memory_mb(const std::string& summary) {
  std::smatch match;
  const std::regex peak("peak memory ([0-9.]+) MB");
  REQUIRE(std::regex_search(summary, match, peak));
  return std::stod(match[1]);
}

bool has_raw_escape(const std::string& text) {
  return text.find('\x1b') != std::string::npos || text.find('\x07') != std::string::npos ||
         text.find("\xc2\x9b") != std::string::npos;
}

}  // namespace

TEST_CASE("limits: a source or section too long for a term, from every format, is indexed",
          "[integration][limits]") {
  const ScratchDir dir;
  const std::string source(300, 'S');
  const std::string section(280, 'R');
  dir.write("in/a.jsonl",
            record("j1") + record("j2", R"(,"source":")" + source + "\"") + record("j3"));
  dir.write("in/b.html",
            "<html><head><title>Seite</title><meta property=\"article:section\" content=\"" +
                section +
                "\"><link rel=\"canonical\" href=\"h1\"></head><body><p>Der Hafen "
                "wächst.</p></body></html>");
  dir.write("in/c.trec", "<DOC><DOCNO>t1</DOCNO><SOURCE>" + source +
                             "</SOURCE><TEXT>Der Hafen wächst.</TEXT></DOC>\n"
                             "<DOC><DOCNO>t2</DOCNO><TEXT>Der Hafen wächst.</TEXT></DOC>\n");
  dir.write("in/d.csv", "id,title,text,section\nc1,Hafen,Der Hafen wächst.," + section +
                            "\nc2,Hafen,Der Hafen wächst.,Politik\n");
  dir.write(
      "in/e.tar",
      tar_archive({{"m.jsonl", record("m1", R"(,"section":")" + section + "\"") + record("m2")}}));
  const std::string db = dir / "db";
  const CommandResult result = run_indexer(db, shell_quote(dir / "in"));
  CHECK(result.status == 0);  // repaired, not skipped
  CHECK(result.out.find("10 added") != std::string::npos);
  CHECK(count(result.err, "warning:") == 5);
  for (const std::string where :
       {"a.jsonl:2", "b.html:1", "c.trec:1", "d.csv:2", "e.tar!m.jsonl:1"}) {
    CHECK(result.err.find(where + ": ") != std::string::npos);
  }

  const CommandResult info = run_indexer(db, "--info");
  CHECK(info.out.find("articles  10") != std::string::npos);
  // The value is searchable as typed, and printed whole.
  const CommandResult found =
      search(db, "--format json --no-collapse " + shell_quote("quelle:\"" + source + "\""));
  REQUIRE(found.status == 0);
  const json page = json::parse(found.out);
  REQUIRE(page["hits"].size() == 2);
  CHECK(page["hits"][0]["source"] == source);
  const CommandResult sections =
      search(db, "--format ids --no-collapse " + shell_quote("rubrik:\"" + section + "\""));
  CHECK(count(sections.out, "\n") == 3);
}

TEST_CASE("limits: a poison archive indexes its good records on the first run",
          "[integration][limits]") {
  const ScratchDir dir;
  // Each bad record among 10,000 good ones, one warning each.
  std::string jsonl;
  for (int i = 0; i < 10000; ++i) {
    jsonl += record(fmt::format("g{}", i));
    if (i == 100) jsonl += record("b-source", R"(,"source":")" + std::string(300, 'S') + "\"");
    if (i == 200)
      jsonl +=
          R"({"id":"b-deep","text":)" + std::string(10000, '[') + std::string(10000, ']') + "}\n";
    if (i == 300) jsonl += "{\"id\":\"b-broken\",\n";
    if (i == 400) jsonl += record(std::string(300, 'i'));
    if (i == 500)
      jsonl += R"({"id":"b-empty","title":[[{}]]})"
               "\n";
    if (i == 600) jsonl += record("b-escape", R"(,"source":"\u001b[2J\u0007")");
    if (i == 700) {
      jsonl += R"({"id":"b-many","text":[)";
      for (int k = 0; k < 100000; ++k) jsonl += "{},";
      jsonl += "{}]}\n";
    }
  }
  std::string wide_row(30000, ',');
  std::string attributes;
  for (int i = 0; i < 300; ++i) attributes += fmt::format(" a{}=1", i);
  std::string deep_xml = "<?xml version=\"1.0\"?><nitf>";
  for (int i = 0; i < 300; ++i) deep_xml += "<x>";
  std::string truncated_member;
  for (int i = 0; i < 50; ++i) truncated_member += record(fmt::format("t{}", i));
  const std::string archive = tar_archive({
      {"good.jsonl", jsonl},
      {"long.trec", "<DOC><DOCNO>b-trec</DOCNO><SECTION>" + std::string(300, 'R') +
                        "</SECTION><TEXT>x</TEXT></DOC>\n<DOC><DOCNO>b-open</DOCNO><TEXT>\n"},
      {"wide.csv", "id,title,text\nc1,T,Text\n" + wide_row + "\n"},
      {"dense.html", "<html><body><p" + attributes + ">Text</p></body></html>"},
      {"deep.xml", deep_xml},
      {"cut.jsonl", truncated_member},
  });
  // The last member breaks off in its middle: its complete records count.
  const std::size_t cut_at = archive.find(record("t25"));
  REQUIRE(cut_at != std::string::npos);
  dir.write("poison.tar", archive.substr(0, cut_at + 10));
  const std::string db = dir / "db";
  const CommandResult result = run_indexer(db, "--batch 3000 " + shell_quote(dir / "poison.tar"));
  INFO(result.err);
  CHECK(result.status == 3);
  // Skipped: b-deep, b-broken, the long id, b-empty, b-many, b-open, the wide row, dense.html,
  // deep.xml; repaired: b-source, b-trec; the truncated member: one more.
  CHECK(count(result.err, "warning:") == 12);
  const Xapian::Database database(db);
  // 10,000 good ones, b-source, b-escape, b-trec, c1, t0..t24.
  CHECK(database.get_doccount() == 10000 + 3 + 1 + 25);
  CHECK(database.term_exists("Qg9999"));
  CHECK(database.term_exists("Qt24"));
  CHECK_FALSE(database.term_exists("Qt25"));
  CHECK(result.err.find("poison.tar!good.jsonl:203: JSON nested deeper than 100 levels") !=
        std::string::npos);
}

TEST_CASE("limits: peak memory on one input file stays under --memory plus 256 MB",
          "[integration][limits]") {
  const ScratchDir dir;
  constexpr std::size_t kNearLimit = std::size_t{30} << 20;
  std::vector<std::pair<std::string, std::string>> bombs;
  {
    std::string objects = R"({"id":"o","text":[)";
    while (objects.size() < kNearLimit) objects += "{},";
    bombs.emplace_back("objects.jsonl", objects + "{}]}\n");
  }
  bombs.emplace_back("fields.csv", "id,title,text\n" + std::string(kNearLimit, ',') + "\n");
  {
    std::string tiny = "<html><body>";
    while (tiny.size() < kNearLimit) tiny += "<b>x";
    bombs.emplace_back("tiny.html", tiny + "</body></html>");
  }
  {
    std::string open = "<DOC>\n<DOCNO>offen</DOCNO>\n<TEXT>\n";
    while (open.size() < 2 * kNearLimit) open += "Zeile ohne Ende\n";
    bombs.emplace_back("open.trec", open);
  }
  {
    std::string words;
    std::uint32_t state = 17;
    while (words.size() < kNearLimit) {
      state = state * 1103515245 + 12345;
      words += fmt::format("wort{} ", state % 100000);
    }
    bombs.emplace_back("long.txt", "Titel\n\n" + words);
    std::string nested = "<html><body>";
    for (int i = 0; i < 240; ++i) nested += "<article><p>" + words.substr(0, 100000) + "</p>";
    bombs.emplace_back("nested.html", nested + "</body></html>");
  }
  for (const auto& [name, bytes] : bombs) {
    dir.write(name, bytes);
    const CommandResult result =
        run_indexer(dir / ("db-" + name), "--memory 64 " + shell_quote(dir / name));
    INFO(name << ": " << result.err.substr(0, 300));
    CHECK((result.status == 0 || result.status == 3));
#ifndef ARCHIVAR_SANITIZED
    CHECK(peak_memory_mb(result.out) < 64 + 256);
#endif
    fs::remove(dir / name);
  }
}

TEST_CASE("limits: a database path runs no program, unless --allow-program-remote says so",
          "[integration][limits]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_indexer(db, shell_quote(source_path("corpus/demo/politik.jsonl"))).status == 0);
  const std::string marker = dir / "ran";
  const std::string program_line = "remote :touch " + marker + "\n";
  // A directory that holds a stub instead of a database, and a stub file.
  dir.write("stubdir/XAPIANDB", program_line);
  dir.write("shards.stub", "auto " + db + "\n" + program_line);
  for (const std::string& path : {dir / "stubdir", dir / "shards.stub"}) {
    const CommandResult searched = search(path, "Bundestag");
    CHECK(searched.status == 1);
    CHECK(searched.err.find("would run the program 'touch'") != std::string::npos);
    CHECK(searched.err.find("--allow-program-remote") != std::string::npos);
    const CommandResult info = run_indexer(path, "--info");
    CHECK(info.status == 1);
    CHECK(info.err.find("would run the program 'touch'") != std::string::npos);
    CHECK_FALSE(fs::exists(marker));
  }
  // A real database given as a path never reads a stub beside it either.
  write_file(db + "/XAPIANDB", program_line);
  CHECK(search(db, "Bundestag").status == 0);
  CHECK_FALSE(fs::exists(marker));

  // Trusted: the program runs (and touch speaks no Xapian, so the shard fails).
  CHECK(search(dir / "stubdir", "--allow-program-remote Bundestag").status == 1);
  CHECK(fs::exists(marker));
  dir.write("served.stub", "remote :xapian-progsrv " + db + "\n");
  const CommandResult served =
      search(dir / "served.stub", "--allow-program-remote --format ids Bundestag");
  CHECK(served.status == 0);
  CHECK_FALSE(served.out.empty());
}

TEST_CASE("limits: a database the indexer may not write is reported before any input is read",
          "[integration][limits]") {
  const std::string prefix = as_unprivileged_user();
  if (prefix.empty()) {
    WARN("running as root without setpriv: permissions cannot be tested");
    return;
  }
  const ScratchDir dir;
  fs::permissions(dir.path(), fs::perms::all);
  const std::string db = dir / "db";
  REQUIRE(run_indexer(db, shell_quote(source_path("corpus/demo/politik.jsonl"))).status == 0);
  dir.write("in.jsonl", record("n1") + "{kaputt\n");
  fs::permissions(dir / "in.jsonl", fs::perms::all);
  const std::string index = prefix + binary("archivar-index") + " --db " + shell_quote(db) + " ";
  if (::geteuid() == 0) {
    // The root-owned database as nobody: the lock file cannot be opened. With --wait too,
    // which waited for ever when this was taken for another indexer's lock.
    for (const std::string wait : {"", "--wait "}) {
      const CommandResult result =
          run("timeout 60 " + index + wait + shell_quote(dir / "in.jsonl"));
      CHECK(result.status == 1);
      CHECK(result.err.find("cannot write to database '" + db + "'") != std::string::npos);
      CHECK(result.err.find("Permission denied") != std::string::npos);
      CHECK(result.err.find("another indexer") == std::string::npos);
      CHECK(result.err.find("kaputt") == std::string::npos);  // no input was read
    }
  }
  // A database whose tables are read-only, though its lock can be taken.
  for (const auto& entry : fs::directory_iterator(db)) {
    if (::geteuid() == 0) REQUIRE(::chown(entry.path().c_str(), 65534, 65534) == 0);
  }
  if (::geteuid() == 0) REQUIRE(::chown(db.c_str(), 65534, 65534) == 0);
  fs::permissions(db + "/postlist.glass", fs::perms::owner_read | fs::perms::group_read);
  const CommandResult result = run(index + shell_quote(dir / "in.jsonl"));
  CHECK(result.status == 1);
  CHECK(result.err.find("postlist.glass': Permission denied") != std::string::npos);
  CHECK(result.err.find("in.jsonl:2") == std::string::npos);  // no input was read
}

TEST_CASE("limits: control characters from an archive reach no terminal", "[integration][limits]") {
  const ScratchDir dir;
  const std::string name = "datei\x1b]0;titel\x07.jsonl";
  dir.write(
      "in/" + name,
      R"({"id":"e1","title":"Alarm\u001b[2J","text":"Glocke\u0007 im Text, Hafen","source":"Quelle\u009b31m","section":"Rubrik\u001b[5m"})"
      "\n{\"id\":\"e2\",\"title\":\"kaputt\"\n");
  const std::string db = dir / "db";
  const CommandResult indexed = run_indexer(db, shell_quote(dir / "in"));
  CHECK(indexed.status == 3);
  CHECK_FALSE(has_raw_escape(indexed.err));
  CHECK(indexed.err.find("datei\\x1b]0;titel\\x07.jsonl:2") != std::string::npos);
  for (const std::string arguments : {"--color never Hafen", "--color never --facets section Hafen",
                                      "--color never --count --facets section Hafen"}) {
    const CommandResult searched = search(db, arguments);
    CHECK(searched.status == 0);
    CHECK_FALSE(has_raw_escape(searched.out));
    CHECK(searched.out.find("Rubrik[5m") != std::string::npos);
  }
  const CommandResult info = run_indexer(db, "--info");
  CHECK_FALSE(has_raw_escape(info.out));
}

TEST_CASE("limits: --limit and --offset beyond Xapian's 32 bits are refused",
          "[integration][limits]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_indexer(db, shell_quote(source_path("corpus/demo/politik.jsonl"))).status == 0);
  const CommandResult huge = search(db, "--limit 4294967296 Bundestag");
  CHECK(huge.status == 2);
  CHECK(huge.err.find("--limit and --offset may add up to 4294967295 at most") !=
        std::string::npos);
  CHECK(search(db, "--offset 4294967295 --limit 1 Bundestag").status == 2);
  CHECK(search(db, "--limit 4294967295 --format ids Bundestag").status == 0);
}
