// Near-duplicates end to end: the demo corpus's agency story dpn-2023-1114 and its reprint
// nk-2023-1115 are grouped by archivar-index and shown once by archivar-search.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support/cli.h"

using namespace archivar::test;
using nlohmann::json;

namespace {

const std::string kStory = "dpn-2023-1114";
const std::string kReprint = "nk-2023-1115";
// Both tell of the GDL strike; only the reprint names Mecklenburg-Vorpommern.
const std::string kStrikeQuery = "GDL Warnstreik Notangebot";

CommandResult index_into(const std::string& db, const std::string& arguments) {
  return run(binary("archivar-index") + " --db " + shell_quote(db) + " --quiet " + arguments);
}

CommandResult search(const std::string& db, const std::string& arguments) {
  return run(binary("archivar-search") + " --db " + shell_quote(db) + " " + arguments);
}

std::vector<std::string> ids(const std::string& db, const std::string& arguments) {
  const CommandResult result = search(db, "--format ids --limit 100 " + arguments);
  REQUIRE(result.status == 0);
  std::vector<std::string> lines;
  std::istringstream in(result.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The hit for @a id in a JSON page, or null.
json hit_for(const json& page, const std::string& id) {
  for (const json& hit : page["hits"]) {
    if (hit["id"] == id) return hit;
  }
  return nullptr;
}

json search_json(const std::string& db, const std::string& arguments) {
  const CommandResult result = search(db, "--format json --limit 100 " + arguments);
  REQUIRE(result.status == 0);
  return json::parse(result.out);
}

// Whether the pair is shown as one hit with the other as similar.
// Whichever of the two ranks higher stands for the group.
bool collapsed_in(const json& page) {
  const json story = hit_for(page, kStory);
  const json reprint = hit_for(page, kReprint);
  if (story.is_null() == reprint.is_null()) return false;
  return story.is_null() ? reprint["similar"] == json::array({kStory})
                         : story["similar"] == json::array({kReprint});
}

bool collapsed(const std::string& db) {
  const auto shown = ids(db, shell_quote(kStrikeQuery));
  return contains(shown, kStory) != contains(shown, kReprint) &&
         collapsed_in(search_json(db, shell_quote(kStrikeQuery)));
}

// The id that stands for the pair in a collapsed search for kStrikeQuery, and the other.
std::pair<std::string, std::string> shown_and_hidden(const std::string& db) {
  const auto shown = ids(db, shell_quote(kStrikeQuery));
  return contains(shown, kStory) ? std::pair{kStory, kReprint} : std::pair{kReprint, kStory};
}

std::string demo() {
  return shell_quote(source_path("corpus/demo"));
}

}  // namespace

TEST_CASE("a reprint collapses into its agency story, shown as +1 similar",
          "[integration][near-duplicates]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  const CommandResult indexed =
      run(binary("archivar-index") + " --db " + shell_quote(db) + " " + demo());
  REQUIRE(indexed.status == 0);
  CHECK(indexed.out.find("\n1 joined the near-duplicate group of a similar article\n") !=
        std::string::npos);
  CHECK(collapsed(db));
  const CommandResult info = run(binary("archivar-index") + " --db " + shell_quote(db) + " --info");
  CHECK(info.out.find("groups    1 of near-duplicates, holding 2 articles") != std::string::npos);

  const CommandResult text = search(db, "--color never " + shell_quote(kStrikeQuery));
  REQUIRE(text.status == 0);
  const auto [shown, hidden] = shown_and_hidden(db);
  CHECK(text.out.find("id " + shown) != std::string::npos);
  CHECK(text.out.find("+1 similar: " + hidden + "\n") != std::string::npos);
  CHECK(text.out.find("id " + hidden) == std::string::npos);

  // --no-collapse lists both, with nothing similar.
  const auto all = ids(db, "--no-collapse " + shell_quote(kStrikeQuery));
  CHECK(contains(all, kStory));
  CHECK(contains(all, kReprint));
  CHECK(all.size() == ids(db, shell_quote(kStrikeQuery)).size() + 1);
  const json page = search_json(db, "--no-collapse " + shell_quote(kStrikeQuery));
  for (const json& hit : page["hits"]) CHECK(hit["similar"].empty());

  // A query only the reprint matches shows the reprint; the story does not match.
  const json only = search_json(db, "'+Mecklenburg-Vorpommern +Verkehrsverbund Busse'");
  REQUIRE(!only["hits"].empty());
  CHECK(only["hits"][0]["id"] == kReprint);
  CHECK(only["hits"][0]["similar"].empty());

  // Sorted by date the older story stands for the group, sorted newest first the reprint.
  const auto oldest_first = ids(db, "--sort date " + shell_quote(kStrikeQuery));
  CHECK(contains(oldest_first, kStory));
  CHECK(!contains(oldest_first, kReprint));
  const json newest = search_json(db, "--sort -date " + shell_quote(kStrikeQuery));
  CHECK(hit_for(newest, kStory).is_null());
  REQUIRE(!hit_for(newest, kReprint).is_null());
  CHECK(hit_for(newest, kReprint)["similar"] == json::array({kStory}));
}

TEST_CASE("re-indexing, batches and deletions keep the grouping",
          "[integration][near-duplicates]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  SECTION("indexed again, unchanged and changed") {
    REQUIRE(index_into(db, demo()).status == 0);
    REQUIRE(index_into(db, demo()).status == 0);
    CHECK(collapsed(db));
    // The reprint again with another date: replaced, and still in the story's group.
    write_file(
        dir / "reprint.jsonl",
        R"({"id":"nk-2023-1115","title":"GDL-Warnstreik: Deutsche Bahn streicht Großteil der Fernzüge","date":"2023-11-16","text":"Die Lokführergewerkschaft GDL hat für Donnerstag zu einem 20-stündigen Warnstreik aufgerufen. Die Deutsche Bahn kündigte an, im Fernverkehr nur ein stark reduziertes Notangebot zu fahren. Auch im Regionalverkehr und bei den S-Bahnen sei mit massiven Ausfällen zu rechnen.\n\nDer Bahnstreik beginnt am Mittwochabend um 22 Uhr und soll bis Donnerstagabend dauern. Reisende, die ihre Fahrt verschieben, können ihr Ticket flexibel nutzen oder kostenlos stornieren.\n\nDie GDL fordert unter anderem eine Absenkung der Wochenarbeitszeit von 38 auf 35 Stunden bei vollem Lohnausgleich. Die Bahn lehnt das als nicht finanzierbar ab und nannte den Warnstreik „völlig unnötig“. Die Tarifverhandlungen hatten erst vor einer Woche begonnen.\n\nPendlern in Mecklenburg-Vorpommern empfiehlt der Verkehrsverbund, auf Busse auszuweichen."})"
        "\n");
    const CommandResult replaced = index_into(db, shell_quote(dir / "reprint.jsonl"));
    REQUIRE(replaced.status == 0);
    CHECK(collapsed(db));
  }
  SECTION("one commit per article") {
    REQUIRE(index_into(db, "--batch 1 " + demo()).status == 0);
    CHECK(collapsed(db));
  }
  SECTION("the story deleted and indexed again") {
    REQUIRE(index_into(db, demo()).status == 0);
    REQUIRE(index_into(db, "--delete " + kStory).status == 0);
    const json alone = search_json(db, shell_quote(kStrikeQuery));
    REQUIRE(!hit_for(alone, kReprint).is_null());
    CHECK(hit_for(alone, kReprint)["similar"].empty());
    REQUIRE(index_into(db, demo()).status == 0);
    // It joins the reprint's group, whose label is still its own id.
    CHECK(collapsed(db));
  }
}

TEST_CASE("a copy rewritten beyond the threshold is not grouped",
          "[integration][near-duplicates]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  // The story's first two paragraphs, the rest written anew.
  write_file(
      dir / "rewrite.jsonl",
      R"({"id":"rewrite-1","title":"Warnstreik bei der Bahn","date":"2023-11-14","text":"Die Lokführergewerkschaft GDL hat ihre Mitglieder für Donnerstag zu einem 20-stündigen Warnstreik aufgerufen. Die Deutsche Bahn kündigte an, im Fernverkehr nur ein stark reduziertes Notangebot zu fahren. Auch im Regionalverkehr und bei den S-Bahnen sei mit massiven Ausfällen zu rechnen.\n\nDer Bahnstreik beginnt am Mittwochabend um 22 Uhr und soll bis Donnerstagabend dauern. Reisende, die ihre Fahrt verschieben, können ihr Ticket flexibel nutzen oder kostenlos stornieren.\n\nIn der Tarifrunde verlangt die Gewerkschaft mehr Geld und kürzere Schichten für das Zugpersonal. Der Konzern bot zuletzt eine Einmalzahlung an, die die GDL als Provokation zurückwies. Ein Sprecher der Bahn sagte, man sei weiter zu Gesprächen bereit, aber nicht unter dem Druck eines Streiks.\n\nPendlerinnen und Pendler sollten sich vor Fahrtantritt in der App über ihre Verbindungen informieren, rät die Verbraucherzentrale."})"
      "\n");
  REQUIRE(index_into(db, demo() + " " + shell_quote(dir / "rewrite.jsonl")).status == 0);
  const json page = search_json(db, shell_quote(kStrikeQuery));
  REQUIRE(!hit_for(page, "rewrite-1").is_null());
  CHECK(hit_for(page, "rewrite-1")["similar"].empty());
  CHECK(collapsed_in(page));
}

TEST_CASE("databases from before fingerprints are noted, other fingerprints refused",
          "[integration][near-duplicates]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  REQUIRE(index_into(db, demo()).status == 0);
  const auto set_scheme = [&db](const std::string& scheme) {
    Xapian::WritableDatabase database(db);
    database.set_metadata("archivar.fingerprint", scheme);
    database.commit();
  };

  set_scheme("");
  const CommandResult older = index_into(db, demo());
  CHECK(older.status == 0);
  CHECK(older.err.find("have no near-duplicate fingerprints") != std::string::npos);
  // Noted once: the database now records the scheme.
  CHECK(index_into(db, demo()).err.find("fingerprints") == std::string::npos);

  set_scheme("simhash-64");
  const CommandResult other = index_into(db, demo());
  CHECK(other.status == 1);
  CHECK(other.err.find("near-duplicate fingerprints 'simhash-64'") != std::string::npos);
}

TEST_CASE("similar articles leave out the article's own near-duplicates",
          "[integration][near-duplicates][similar]") {
  const ScratchDir dir;
  const std::string db = dir / "db";
  REQUIRE(index_into(db, demo()).status == 0);
  for (const auto& [article, reprint] :
       {std::pair{kStory, kReprint}, std::pair{kReprint, kStory}}) {
    INFO(article);
    // Collapsed or not: the reprint is the same story, not another one like it.
    for (const std::string collapse : {"", "--no-collapse "}) {
      const json page = search_json(db, collapse + "--similar " + article);
      CHECK(page["near_duplicates_left_out"] == 1);
      REQUIRE(page["hits"].size() >= 3);
      CHECK(hit_for(page, reprint).is_null());
      CHECK(hit_for(page, article).is_null());
      for (const json& hit : page["hits"]) CHECK(hit["similar"].empty());
      // Other articles on the subject (strikes at the railway) still lead the list.
      CHECK(page["hits"][0]["title"].get<std::string>().find("Bahn") != std::string::npos);
    }
  }
  // An article without near-duplicates leaves out only itself, and says so in text.
  const CommandResult alone = search(db, "--color never --limit 3 --similar rr-2021-0811");
  REQUIRE(alone.status == 0);
  CHECK(alone.out.starts_with("articles like rr-2021-0811\n"));
  const CommandResult text = search(db, "--color never --limit 3 --similar " + kStory);
  CHECK(text.out.starts_with("articles like " + kStory + " (its 1 near-duplicate left out)\n"));
}
