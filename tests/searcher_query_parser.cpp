// QueryParser behaviour: what each piece of the query language matches, on a small
// in-memory index built with the real DocumentBuilder.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "common/analysis/analyzer.h"
#include "common/index_schema.h"
#include "searcher/query_parser.h"
#include "support/memory_index.h"

using namespace archivar;

namespace {

struct Fixture {
  Analyzer analyzer;
  test::MemoryIndex index{analyzer};
  Xapian::WritableDatabase& db = index.db();
  QueryParser parser{analyzer};

  Fixture() {
    const auto add = [&](const Article& article) { index.add(article); };
    add({.id = "ukraine",
         .title = "Ukraine-Krise spitzt sich zu",
         .text = "Der Außenminister reiste nach Kiew, um Botschaften zu überbringen.",
         .date = "2022-02-24",
         .source = "Tagesblick",
         .section = "Politik"});
    add({.id = "bahn",
         .title = "Bahnstreik legt Verkehr lahm",
         .text = "Die Deutsche Bahn und die Gewerkschaft streiten über Löhne.",
         .date = "2023-03-01",
         .source = "Alpenpost",
         .section = "Wirtschaft"});
    add({.id = "linke",
         .title = "Die Linke wählt eine neue Spitze",
         .text = "Für die Partei ist es eine Frage von Sein oder Nichtsein.",
         .date = "2021-06-12",
         .source = "Tagesblick",
         .section = "Politik"});
    add({.id = "gastro",
         .title = "Krise in der Gastronomie",
         .text = "Wirte in Muenchen klagen über die Coronakrise und leere Straßen.",
         .date = "2020-04-02",
         .source = "Rheinische Rundschau",
         .section = "Wirtschaft"});
    add({.id = "tram",
         .title = "Strassenbahn nach Norden verlängert",
         .text = "Die neue Linie der Straßenbahn fährt ab Montag bis zum Stadion.",
         .date = "2019-05-03",
         .source = "Alpenpost",
         .section = "Regionales"});
  }

  std::vector<std::string> ranked(const std::string& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse(query).query);
    std::vector<std::string> found;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      found.push_back(schema::decode_stored(it.get_document().get_data()).id);
    }
    return found;
  }

  std::set<std::string> ids(const std::string& query) { return matches(parser.parse(query)); }
  std::set<std::string> plain_ids(const std::string& text) {
    return matches(parser.parse_plain(text));
  }
  std::set<std::string> matches(const ParsedQuery& parsed) {
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.query);
    std::set<std::string> found;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      found.insert(schema::decode_stored(it.get_document().get_data()).id);
    }
    return found;
  }
};

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("plain words rank any match, stemmed and folded", "[query]") {
  Fixture f;
  CHECK(f.ids("Krise") == Ids{"ukraine", "gastro"});  // "Krise" is a part of "Ukraine-Krise"
  CHECK(f.ids("Botschaft") == Ids{"ukraine"});        // stem of "Botschaften"
  CHECK(f.ids("München") == Ids{"gastro"});           // text says "Muenchen"
  CHECK(f.ids("strasse") == Ids{"gastro", "tram"});   // "Straßen", and "Straßenbahn"'s part
  CHECK(f.ids("Straßenbahn") == Ids{"tram"});         // title "Strassenbahn", text "Straßenbahn"
  CHECK(f.ids("Kiew Gewerkschaft") == Ids{"ukraine", "bahn"});
  CHECK(f.ids("Fußball").empty());
}

TEST_CASE("hyphenated words match whole, joined and as parts in order", "[query]") {
  Fixture f;
  // Required, a hyphenated word needs its parts in sequence or its joined form.
  CHECK(f.ids("+Ukraine-Krise") == Ids{"ukraine"});
  CHECK(f.ids("Ukrainekrise") == Ids{"ukraine"});
  CHECK(f.ids("+Corona-Krise") == Ids{"gastro"});  // "Coronakrise" as one word
  // Alone, a ranked hyphenated word also needs all its parts: "Krise" is not enough.
  CHECK(f.ids("Ukraine-Krise") == Ids{"ukraine"});
  CHECK(f.ids("Corona-Krise") == Ids{"gastro"});
  // Among other words, each part counts alone, below the article with the whole word.
  CHECK(f.ranked("Ukraine-Krise Wirte") == std::vector<std::string>{"ukraine", "gastro"});
  CHECK(f.ids("Corona-Krise Kiew") == Ids{"gastro", "ukraine"});
}

TEST_CASE("phrases need the words in order, stop words included", "[query]") {
  Fixture f;
  CHECK(f.ids("\"Deutsche Bahn\"") == Ids{"bahn"});
  CHECK(f.ids("\"Bahn Deutsche\"").empty());
  CHECK(f.ids("\"Die Linke\"") == Ids{"linke"});
  CHECK(f.ids("\"Sein oder Nichtsein\"") == Ids{"linke"});
  CHECK(f.ids("„Deutsche Bahn“") == Ids{"bahn"});  // German quotes
  CHECK(f.ids("\"Linie der Straßenbahn\"") == Ids{"tram"});
}

TEST_CASE("compounds match their parts, and their parts match them", "[query]") {
  Fixture f;
  // "Bahnstreik" and "Straßenbahn" are indexed with their parts.
  CHECK(f.ids("Streik") == Ids{"bahn"});
  CHECK(f.ids("+Bahn") == Ids{"bahn", "tram"});
  // A compound query finds the compound, or all its parts anywhere; itself ranks first.
  // Alone it asks for no less: "Straßenbahn" is not every "Bahn".
  CHECK(f.ranked("Straßenbahn") == std::vector<std::string>{"tram"});
  // Among other words too: the parts only rank what the words match, so that counts,
  // facets and date order are about the words typed, not every "Bahn" and "Straße".
  CHECK(f.ids("Straßenbahn Kiew") == Ids{"tram", "ukraine"});
  CHECK(f.ranked("Straßenbahn Kiew").front() == "tram");
  CHECK(f.ids("Ukraine-Krise Straßenbahn") == Ids{"ukraine", "tram"});  // not the other "Krise"
  // In plain text (a question, a headline) a part is one more word that may match:
  // "Bahn" of "Bahnstreik", "Straßen"; still below the compound.
  CHECK(f.plain_ids("Straßenbahn Kiew") == Ids{"tram", "bahn", "gastro", "ukraine"});
  CHECK(f.plain_ids("Ukraine-Krise Straßenbahn") == Ids{"ukraine", "gastro", "tram", "bahn"});
  CHECK(f.ids("Gastronomiekrise") == Ids{"gastro"});  // "Krise in der Gastronomie"
  CHECK(f.ids("Gewerkschaftslöhne") == Ids{"bahn"});  // "Gewerkschaft ... Löhne"
}

TEST_CASE("a compound said in words needs its parts as words of their own, close together",
          "[query]") {
  Analyzer analyzer;
  test::MemoryIndex index{analyzer};
  std::string far_apart = "Die Straße ist gesperrt.";
  for (int i = 0; i < 30; ++i) far_apart += " Regen";
  far_apart += " Die Bahn kommt später.";
  index.add({.id = "compound", .title = "Neue Linie", .text = "Die Straßenbahn fährt."});
  index.add({.id = "in-words", .title = "Umleitung", .text = "Die Bahn fährt durch die Straße."});
  index.add({.id = "far-apart", .title = "Wetter", .text = far_apart});
  // "Straße" and the "Bahn" of "Fahrbahn": a part of another compound is no word.
  index.add({.id = "other-compound",
             .title = "Bauarbeiten",
             .text = "Die Straße ist gesperrt, die Fahrbahn wird erneuert."});
  QueryParser parser(analyzer);
  for (const bool plain : {false, true}) {
    INFO((plain ? "plain" : "query language"));
    Xapian::Enquire enquire(index.db());
    enquire.set_query(plain ? parser.parse_plain("Straßenbahn").query
                            : parser.parse("Straßenbahn").query);
    std::vector<std::string> ranked;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ranked.push_back(schema::decode_stored(it.get_document().get_data()).id);
    }
    CHECK(ranked == std::vector<std::string>{"compound", "in-words"});
  }
}

TEST_CASE("stop words are dropped from ranked queries, alone they are refused", "[query]") {
  Fixture f;
  CHECK(f.ids("die Gewerkschaft") == Ids{"bahn"});
  // Every article has "die" and "der": a query of them alone says nothing, and says so,
  // unless in a phrase.
  CHECK_THROWS_AS(f.parser.parse("der die das"), QueryError);
  CHECK_THROWS_AS(f.parser.parse("oder"), QueryError);
  CHECK_THROWS_AS(f.parser.parse("der OR die"), QueryError);
  CHECK(f.ids("\"oder\"") == Ids{"linke"});                          // only "linke" has "oder"
  CHECK(f.ids("die source:tagesblick") == Ids{"ukraine", "linke"});  // the filter lists
  // Natural-language text has no syntax to put them in quotes: they rank as before.
  CHECK(f.plain_ids("oder").size() == 1);
}

TEST_CASE("required, excluded and boolean operators", "[query]") {
  Fixture f;
  CHECK(f.ids("+Krise -Ukraine") == Ids{"gastro"});
  CHECK(f.ids("Krise NOT Gastronomie") == Ids{"ukraine"});
  CHECK(f.ids("Krise NICHT Gastronomie") == Ids{"ukraine"});
  CHECK(f.ids("Bahn AND Gewerkschaft") == Ids{"bahn"});
  CHECK(f.ids("Bahn UND Linke").empty());
  CHECK(f.ids("Gewerkschaft ODER Nichtsein") == Ids{"bahn", "linke"});
  CHECK(f.ids("(Kiew OR Gewerkschaft) AND Außenminister") == Ids{"ukraine"});
  CHECK(f.ids("-Krise") == Ids{"bahn", "linke", "tram"});
  CHECK(f.ids("Kiew and Gewerkschaft") == Ids{"ukraine", "bahn"});  // lower-case "and" is a word
}

TEST_CASE("fields restrict to title, source, section", "[query]") {
  Fixture f;
  CHECK(f.ids("title:Krise") == Ids{"ukraine", "gastro"});
  CHECK(f.ids("titel:Kiew").empty());  // Kiew is only in the text
  CHECK(f.ids("title:\"neue Spitze\"") == Ids{"linke"});
  CHECK(f.ids("source:tagesblick") == Ids{"ukraine", "linke"});
  CHECK(f.ids("quelle:\"Rheinische Rundschau\"") == Ids{"gastro"});
  CHECK(f.ids("rubrik:Wirtschaft Krise") == Ids{"gastro"});
  CHECK(f.ids("section:(Politik OR Regionales)") == Ids{"ukraine", "linke", "tram"});
  CHECK(f.ids("TITLE:krise") == Ids{"ukraine", "gastro"});
}

TEST_CASE("date ranges by day, month, year and open ends", "[query]") {
  Fixture f;
  CHECK(f.ids("date:2022") == Ids{"ukraine"});
  CHECK(f.ids("date:2022-02") == Ids{"ukraine"});
  CHECK(f.ids("datum:24.02.2022") == Ids{"ukraine"});
  CHECK(f.ids("date:2020..2021") == Ids{"linke", "gastro"});
  CHECK(f.ids("date:..2019-12-31") == Ids{"tram"});
  CHECK(f.ids("date:2022-01-01..") == Ids{"ukraine", "bahn"});
  CHECK(f.ids("Wirtschaft date:2023") == Ids{});  // "Wirtschaft" is a section, not a word
  CHECK(f.ids("Gewerkschaft date:2023") == Ids{"bahn"});
  CHECK(f.ids("Gewerkschaft date:2022").empty());
}

TEST_CASE("highlight terms exclude what was excluded", "[query]") {
  Fixture f;
  const ParsedQuery parsed = f.parser.parse("Botschaften title:Außenminister -Krise NOT Bahn");
  // Außenminister brings its parts (aussen, minister) for highlighting too.
  CHECK(parsed.highlight_terms ==
        std::set<std::string>{"botschaft", "aussenminist", "auss", "minist"});
}

TEST_CASE("queries that cannot be parsed say where", "[query]") {
  Fixture f;
  const auto offset_of = [&](const std::string& query) -> std::size_t {
    try {
      f.parser.parse(query);
    } catch (const QueryError& error) {
      return error.offset();
    }
    FAIL("no QueryError for " << query);
    return 0;
  };
  CHECK(offset_of("(Krise") == 0);
  CHECK(offset_of("Krise)") == 5);
  CHECK(offset_of("Krise \"offen") == 6);
  CHECK(offset_of("Krise AND") == 6);
  CHECK(offset_of("Krise OR ) x") == 6);
  CHECK(offset_of("title: Krise") == 0);
  CHECK(offset_of("a date:20x1") == 7);
  CHECK(offset_of("date:2022..2021") == 5);  // points at the value
}

TEST_CASE("a query of punctuation is refused, an empty one matches nothing", "[query]") {
  Fixture f;
  CHECK_THROWS_AS(f.parser.parse("... !!!"), QueryError);
  CHECK_THROWS_AS(f.parser.parse("&& ||"), QueryError);
  CHECK(f.ids("").empty());
}

TEST_CASE("plain text has no syntax: quotes, operators and fields are words", "[query]") {
  Fixture f;
  // As syntax, the quotes make a phrase that no article contains.
  CHECK(f.ids("„Löhne Gewerkschaft“").empty());
  const auto plain = [&](const std::string& text) {
    Xapian::Enquire enquire(f.db);
    enquire.set_query(f.parser.parse_plain(text).query);
    std::set<std::string> found;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      found.insert(schema::decode_stored(it.get_document().get_data()).id);
    }
    return found;
  };
  CHECK(plain("„Löhne Gewerkschaft“") == Ids{"bahn"});
  CHECK(plain("Kiew NOT Gewerkschaft") == Ids{"ukraine", "bahn"});
  CHECK(plain("(Kiew") == Ids{"ukraine"});
  CHECK(plain("-Kiew") == Ids{"ukraine"});
  CHECK(plain("Wann reiste der Außenminister nach Kiew?") == Ids{"ukraine"});
}

TEST_CASE("neighbouring query words rank higher where they stand close together", "[query]") {
  // The same words in both articles, so BM25 alone cannot tell them apart: only where
  // "Minister" and "Schule" stand decides (far: beyond the NEAR window). The far article
  // comes first by docid.
  Analyzer analyzer;
  test::MemoryIndex index(analyzer);
  Xapian::WritableDatabase& db = index.db();
  const std::string filler =
      " Regen Wind Sonne Nebel Hagel Schnee Frost Sturm Wolken Donner Blitz Tau Reif Dunst Glut ";
  for (const auto& [id, text] :
       {std::pair{"far", "Minister" + filler + "Schule"}, {"near", "Minister Schule" + filler}}) {
    index.add({.id = id, .title = "", .text = text});
  }
  const auto ranked = [&](const ProximityOptions& proximity, const std::string& query) {
    QueryParser parser(analyzer, proximity);
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse(query).query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<std::string> found;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      found.push_back(schema::decode_stored(it.get_document().get_data()).id);
    }
    return found;
  };
  using Ranking = std::vector<std::string>;
  CHECK(ranked({}, "Minister Schule") == Ranking{"near", "far"});
  CHECK(ranked({}, "Schule Minister") == Ranking{"near", "far"});          // unordered window too
  CHECK(ranked({}, "die Minister der Schule") == Ranking{"near", "far"});  // stop words skipped
  CHECK(ranked(ProximityOptions::none(), "Minister Schule") == Ranking{"far", "near"});
  // Required words too (Xapian's AND_MAYBE would reward them anywhere).
  CHECK(ranked({}, "+Minister +Schule") == Ranking{"near", "far"});
  // Proximity only ranks: it never adds an article that has just one of the words.
  CHECK(ranked({}, "+Minister +Schule Sonne").size() == 2);
}

TEST_CASE("a query typed without capitals reads a word as a noun too", "[query]") {
  Analyzer analyzer;
  test::MemoryIndex index{analyzer};
  index.add({.id = "noun", .title = "Nachtwache", .text = "Der Angriff kam in der Nacht."});
  index.add({.id = "verb", .title = "Nachtwache", .text = "Als die Armee angriff, schlief sie."});
  index.add({.id = "macht", .title = "Worte", .text = "Die Macht der Worte ist groß."});
  index.add({.id = "machen", .title = "Worte", .text = "Sie macht Druck auf die Regierung."});
  QueryParser parser{analyzer};
  const auto ids = [&](const std::string& query) {
    Xapian::Enquire enquire(index.db());
    enquire.set_query(parser.parse(query).query);
    Ids found;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      found.insert(schema::decode_stored(it.get_document().get_data()).id);
    }
    return found;
  };
  // German capitalises nouns: with capitals the case says which is meant.
  CHECK(ids("Angriff") == Ids{"noun"});
  CHECK(ids("Macht") == Ids{"macht"});
  CHECK(ids("+macht +Druck") == Ids{"machen"});
  // Without any, a lower-case verb form may be the noun too, as one term.
  CHECK(ids("angriff") == Ids{"noun", "verb"});
  CHECK(ids("macht") == Ids{"macht", "machen"});
  CHECK(ids("+macht +druck") == Ids{"machen"});
  const ParsedQuery parsed = parser.parse("angriff");
  CHECK(parsed.highlight_terms.contains("angriff"));
  CHECK(parsed.highlight_terms.contains("angreif"));
  CHECK(std::ranges::any_of(parsed.details, [](const std::string& line) {
    return line.find("also searched as the noun angriff") != std::string::npos;
  }));
  // Words that are no verb form are read once.
  CHECK(parser.parse("kiew").query.get_description() ==
        parser.parse("Kiew").query.get_description());
}
