// archivar-search --facets and --count run as a user runs them, on the demo corpus:
// counts agree with the queries that restrict to each value, whatever else is asked.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "common/index_schema.h"
#include "support/cli.h"
#include "support/demo_index.h"

using namespace archivar;
using namespace archivar::test;
using nlohmann::json;

namespace {

CommandResult search_in(const std::string& db, const std::string& arguments) {
  return run(binary("archivar-search") + " --db " + db + " " + arguments);
}

// Facets count articles, near-duplicates included (a reprint is its paper's coverage), so
// these tests compare them with uncollapsed counts.
json search_json(const std::string& arguments) {
  const CommandResult result =
      search_in(demo_database(), "--no-collapse --format json " + arguments);
  REQUIRE(result.status == 0);
  return json::parse(result.out);
}

long count(const std::string& arguments) {
  const CommandResult result = search_in(demo_database(), "--no-collapse --count " + arguments);
  REQUIRE(result.status == 0);
  return std::stol(result.out);
}

long sum(const json& values) {
  long total = 0;
  for (const auto& [label, n] : values.items()) total += n.get<long>();
  return total;
}

}  // namespace

TEST_CASE("count is the exact number of matching articles", "[integration][facets]") {
  const CommandResult counted = search_in(demo_database(), "--count Bahn");
  REQUIRE(counted.status == 0);
  // Collapsed, every group counts once; with --no-collapse, every article.
  const CommandResult collapsed = search_in(demo_database(), "--format json --limit 1000 Bahn");
  REQUIRE(collapsed.status == 0);
  CHECK(counted.out == std::to_string(json::parse(collapsed.out)["hits"].size()) + "\n");
  CHECK(count("Bahn") == static_cast<long>(search_json("--limit 1000 Bahn")["hits"].size()));
  CHECK(count("Bahn") > std::stol(counted.out));  // the demo's agency story and its reprint
  CHECK(count("'Bahn date:2023'") < count("Bahn"));
  CHECK(count("Zugspitzenseilbahnschaffner") == 0);
  CHECK(count("--from 2020 --to 2020") == count("date:2020"));

  const json page = search_json("--count Bahn");
  CHECK(page["total"] == count("Bahn"));
  CHECK(!page.contains("hits"));

  const CommandResult trec = search_in(demo_database(), "--count --format trec Bahn");
  CHECK(trec.status == 2);
}

TEST_CASE("facets count the whole result set, each value as its own query would",
          "[integration][facets]") {
  const json page = search_json("--limit 1 --facets source,section,year,month Bahn");
  REQUIRE(page["hits"].size() == 1);
  const long total = page["total"];
  CHECK(total == count("Bahn"));
  CHECK(total > 1);
  const json& facets = page["facets"];
  for (const char* facet : {"source", "section", "year", "month"}) {
    INFO(facet);
    REQUIRE(facets.contains(facet));
    CHECK(sum(facets[facet]) == total);  // every demo article has source, section, date
  }
  for (const auto& [source, n] : facets["source"].items()) {
    CHECK(count(shell_quote("Bahn quelle:\"" + source + "\"")) == n.get<long>());
  }
  for (const auto& [section, n] : facets["section"].items()) {
    CHECK(count(shell_quote("Bahn rubrik:\"" + section + "\"")) == n.get<long>());
  }
  for (const auto& [year, n] : facets["year"].items()) {
    CHECK(count("'Bahn date:" + year + "'") == n.get<long>());
  }
  for (const auto& [month, n] : facets["month"].items()) {
    CHECK(count("'Bahn date:" + month + "'") == n.get<long>());
  }
}

TEST_CASE("facets are the same whatever the sorting, and follow dates and fields",
          "[integration][facets]") {
  // Collapsing near-duplicates shows fewer hits, but facets still count every article.
  const CommandResult collapsed =
      search_in(demo_database(), "--format json --facets source,year,month Bahn");
  REQUIRE(collapsed.status == 0);
  CHECK(json::parse(collapsed.out)["facets"] ==
        search_json("--facets source,year,month Bahn")["facets"]);

  const json relevance = search_json("--limit 2 --facets source,year Straßenbahn");
  const json by_date = search_json("--limit 2 --sort -date --facets source,year Straßenbahn");
  CHECK(relevance["facets"] == by_date["facets"]);

  const json in_2021 = search_json("--from 2021 --to 2021 --facets year,source Straßenbahn");
  REQUIRE(in_2021["facets"]["year"].size() == 1);
  CHECK(in_2021["facets"]["year"]["2021"] == in_2021["total"]);

  const json sport = search_json("--facets section rubrik:sport");
  CHECK(sport["facets"]["section"].size() == 1);
  CHECK(sport["facets"]["section"]["Sport"] == sport["total"]);
}

TEST_CASE("facets in text are tables with bars, colour only when asked for",
          "[integration][facets]") {
  const CommandResult text = search_in(demo_database(), "--limit 1 --facets source,year Bahn");
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("source ("));
  CHECK_THAT(text.out, Catch::Contains("year ("));
  CHECK_THAT(text.out, Catch::Contains("█"));
  // The page counts near-duplicates as one, as --count does; the facets count each.
  const CommandResult collapsed = search_in(demo_database(), "--count Bahn");
  REQUIRE(collapsed.status == 0);
  CHECK(std::stol(collapsed.out) < count("Bahn"));  // the demo's reprint of a Bahn story
  CHECK_THAT(text.out, Catch::Contains(std::to_string(std::stol(collapsed.out)) + " results ("));
  CHECK(text.out.find("\x1b[") == std::string::npos);
  const CommandResult colour =
      search_in(demo_database(), "--color always --limit 1 --facets year Bahn");
  CHECK_THAT(colour.out, Catch::Contains("\x1b[36m"));

  CHECK(search_in(demo_database(), "--facets year --format ids Bahn").status == 2);
  const CommandResult unknown = search_in(demo_database(), "--facets autor Bahn");
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("'autor'"));
}

TEST_CASE("a database from before the facet slots is searched, noted, and fixed by indexing again",
          "[integration][facets]") {
  const ScratchDir dir;
  const std::string db = dir / "old.db";
  const std::string index =
      binary("archivar-index") + " --db " + db + " " + shell_quote(source_path("corpus/demo"));
  REQUIRE(run(index).status == 0);
  {  // Take the source and section values away, as an older archivar-index wrote it.
    Xapian::WritableDatabase writable(db);
    const std::vector<Xapian::docid> ids(writable.postlist_begin(""), writable.postlist_end(""));
    for (const Xapian::docid id : ids) {
      Xapian::Document document = writable.get_document(id);
      document.add_value(schema::kSourceSlot, "");  // an empty value is no value
      document.add_value(schema::kSectionSlot, "");
      document.add_value(schema::kContentHashSlot, "old-layout");
      writable.replace_document(id, document);
    }
    writable.commit();
  }
  const CommandResult old = search_in(db, "--no-collapse --format json --facets source,year Bahn");
  REQUIRE(old.status == 0);
  CHECK_THAT(old.err, Catch::Contains("older archivar-index"));
  const json old_page = json::parse(old.out);
  CHECK(old_page["facets"]["source"].empty());
  CHECK(sum(old_page["facets"]["year"]) == old_page["total"].get<long>());

  // Unchanged articles of an older layout are rewritten when read again.
  const CommandResult again = run(index);
  REQUIRE(again.status == 0);
  CHECK_THAT(again.out, Catch::Contains(" 0 unchanged"));
  const CommandResult fixed = search_in(db, "--no-collapse --format json --facets source Bahn");
  CHECK(fixed.err.empty());
  CHECK(sum(json::parse(fixed.out)["facets"]["source"]) == old_page["total"].get<long>());
}
