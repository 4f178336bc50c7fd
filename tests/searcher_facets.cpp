// Facets (searcher/facets.h, searcher/printers/facet_chart.h): parsing the facet list,
// exact counts by the match spies on a small in-memory index built with the real
// DocumentBuilder, and the text chart.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>

#include "common/analysis/analyzer.h"
#include "common/index_schema.h"
#include "searcher/facets.h"
#include "searcher/printers/facet_chart.h"
#include "support/memory_index.h"

using namespace archivar;

namespace {

struct Fixture {
  Analyzer analyzer;
  test::MemoryIndex index{analyzer};
  Xapian::WritableDatabase& db = index.db();

  void add(const Article& article) { index.add(article); }

  Fixture() {
    add({.id = "a",
         .title = "Hochwasser an der Ahr",
         .date = "2021-07-15",
         .source = "Tagesblick",
         .section = "Panorama"});
    add({.id = "b",
         .title = "Hochwasser: Aufräumen beginnt",
         .date = "2021-07-20",
         .source = "tagesblick",
         .section = "Panorama"});  // same source, other spelling
    add({.id = "c",
         .title = "Hochwasser-Hilfe beschlossen",
         .date = "2021-09-01",
         .source = "Tagesblick",
         .section = "Politik"});
    add({.id = "d",
         .title = "Hochwasser vor zwei Jahren",
         .date = "2023-07-14",
         .source = "Alpenpost",
         .section = "Panorama"});
    add({.id = "e", .title = "Hochwasser ohne Datum", .source = "Alpenpost"});
    add({.id = "f",
         .title = "Ein Bahnstreik",
         .date = "2022-03-01",
         .source = "Agentur DPN",
         .section = "Wirtschaft"});
  }

  std::vector<FacetCounts> count(const Xapian::Query& query, std::vector<Facet> facets,
                                 Xapian::doccount page = 1) {
    FacetCollector collector(std::move(facets));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    collector.attach(enquire);
    enquire.get_mset(0, page, db.get_doccount());
    return collector.counts();
  }
};

std::vector<std::pair<std::string, Xapian::doccount>> pairs(const FacetCounts& counts) {
  std::vector<std::pair<std::string, Xapian::doccount>> result;
  for (const FacetValue& value : counts.values) result.emplace_back(value.label, value.count);
  return result;
}

using Pairs = std::vector<std::pair<std::string, Xapian::doccount>>;

}  // namespace

TEST_CASE("facets: the list is read in order, German names too, without repeats", "[facets]") {
  CHECK(parse_facets("source,year") == std::vector<Facet>{Facet::kSource, Facet::kYear});
  CHECK(parse_facets(" monat, quelle ,month,rubrik") ==
        std::vector<Facet>{Facet::kMonth, Facet::kSource, Facet::kSection});
  CHECK(parse_facets("").empty());
  CHECK_THROWS_WITH(parse_facets("source,autor"), Catch::Contains("'autor'"));
  CHECK(facet_name(Facet::kSection) == "section");
}

TEST_CASE("facets: counts cover every match, not only the page", "[facets]") {
  Fixture fixture;
  const auto facets = fixture.count(Xapian::Query("hochwass"),
                                    {Facet::kSource, Facet::kSection, Facet::kYear, Facet::kMonth},
                                    /*page=*/1);
  REQUIRE(facets.size() == 4);
  // Tagesblick and tagesblick fold alike: one value under the more frequent spelling.
  CHECK(pairs(facets[0]) == Pairs{{"Tagesblick", 3}, {"Alpenpost", 2}});
  CHECK(pairs(facets[1]) == Pairs{{"Panorama", 3}, {"Politik", 1}});
  CHECK(pairs(facets[2]) == Pairs{{"2021", 3}, {"2023", 1}});  // the undated one is not counted
  CHECK(pairs(facets[3]) == Pairs{{"2021-07", 2}, {"2021-09", 1}, {"2023-07", 1}});
}

TEST_CASE("facets: a filtered query counts only its matches", "[facets]") {
  Fixture fixture;
  const Xapian::Query in_2021(Xapian::Query::OP_FILTER, Xapian::Query("hochwass"),
                              Xapian::Query("Y2021"));
  const auto facets = fixture.count(in_2021, {Facet::kYear, Facet::kSource});
  CHECK(pairs(facets[0]) == Pairs{{"2021", 3}});
  CHECK(pairs(facets[1]) == Pairs{{"Tagesblick", 3}});
  CHECK(fixture.count(Xapian::Query("nirgend"), {Facet::kSource})[0].values.empty());
}

TEST_CASE("facets: documents without the value slots are not counted, and nothing fails",
          "[facets]") {
  Fixture fixture;
  // As an older archivar-index wrote them: no source and section values.
  const std::vector<Xapian::docid> ids(fixture.db.postlist_begin(""), fixture.db.postlist_end(""));
  for (const Xapian::docid id : ids) {
    Xapian::Document document = fixture.db.get_document(id);
    document.add_value(schema::kSourceSlot, "");  // an empty value is no value
    document.add_value(schema::kSectionSlot, "");
    fixture.db.replace_document(id, document);
  }
  const auto facets = fixture.count(Xapian::Query("hochwass"), {Facet::kSource, Facet::kYear});
  CHECK(facets[0].values.empty());
  CHECK(pairs(facets[1]) == Pairs{{"2021", 3}, {"2023", 1}});
}

TEST_CASE("facet chart: bars in eighths of a cell", "[facets]") {
  CHECK(facet_bar(1.0, 4) == "████");
  CHECK(facet_bar(0.5, 3) == "█▌");
  CHECK(facet_bar(0.001, 10) == "▏");  // a hit is never invisible
  CHECK(facet_bar(0.0, 10).empty());
}

TEST_CASE("facet chart: aligned rows, gaps in time, the rest summed up", "[facets]") {
  const std::vector<FacetCounts> facets = {
      {Facet::kSource, {{"Tagesblick", 30}, {"Alpenpost", 15}, {"Agentur DPN", 2}, {"X", 1}}},
      {Facet::kYear, {{"2019", 40}, {"2021", 5}}}};
  const std::string chart =
      render_facet_chart(facets, 50, {.color = false, .bar_width = 10, .max_keywords = 2});
  CHECK_THAT(chart, Catch::Contains("  Tagesblick  30  ██████████\n"));
  CHECK_THAT(chart, Catch::Contains("  Alpenpost   15  █████\n"));
  CHECK_THAT(chart, Catch::Contains("… 2 more with 3 hits"));
  CHECK_THAT(chart, Catch::Contains("  2020   0  \n"));  // the year without hits is a row
  CHECK_THAT(chart, Catch::Contains("(2 without a source)"));
  CHECK_THAT(chart, Catch::Contains("(5 without a date)"));
  CHECK(chart.find("\x1b[") == std::string::npos);
  CHECK(render_facet_chart(facets, 50, {.color = true}).find("\x1b[36m") != std::string::npos);
}

TEST_CASE("facet chart: months over decades list only those with hits", "[facets]") {
  const std::vector<FacetCounts> near = {{Facet::kMonth, {{"2020-11", 1}, {"2021-02", 2}}}};
  const std::string short_span = render_facet_chart(near, 3, {});
  CHECK_THAT(short_span, Catch::Contains("2020-12"));
  CHECK_THAT(short_span, Catch::Contains("2021-01"));
  const std::vector<FacetCounts> far = {{Facet::kMonth, {{"1990-01", 1}, {"2020-01", 2}}}};
  const std::string long_span = render_facet_chart(far, 3, {});
  CHECK(long_span.find("1990-02") == std::string::npos);
  CHECK_THAT(long_span, Catch::Contains("2020-01"));
}
