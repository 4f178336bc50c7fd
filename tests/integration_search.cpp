// archivar-search run as a user runs it, on an index of the bundled demo corpus.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/analysis/analyzer.h"
#include "support/cli.h"
#include "support/demo_index.h"

using namespace archivar;
using namespace archivar::test;
using nlohmann::json;

namespace {

CommandResult search(const std::string& arguments) {
  return run(binary("archivar-search") + " --db " + demo_database() + " " + arguments);
}

json search_json(const std::string& arguments) {
  const CommandResult result = search("--format json " + arguments);
  REQUIRE(result.status == 0);
  return json::parse(result.out);
}

std::vector<std::string> ids(const std::string& arguments) {
  const CommandResult result = search("--format ids " + arguments);
  REQUIRE(result.status == 0);
  std::vector<std::string> lines;
  std::istringstream in(result.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("known queries put the expected article first", "[integration]") {
  std::ifstream queries(source_path("tests/data/demo-queries.tsv"));
  REQUIRE(queries);
  int checked = 0;
  for (std::string line; std::getline(queries, line);) {
    std::istringstream fields(line);
    std::string query, expected;
    std::getline(fields, query, '\t');
    std::getline(fields, expected, '\t');
    INFO("query: " << query);
    const auto found = ids("--limit 1 " + shell_quote(query));
    REQUIRE(found.size() == 1);
    CHECK(found.front() == expected);
    ++checked;
  }
  CHECK(checked >= 20);
}

TEST_CASE("a phrase needs its words adjacent and in order", "[integration]") {
  const auto loose = ids("--limit 100 Deutsche Bahn");
  const auto phrase = ids("--limit 100 '\"Deutsche Bahn\"'");
  const auto reversed = ids("--limit 100 '\"Bahn Deutsche\"'");
  CHECK(!phrase.empty());
  CHECK(loose.size() > phrase.size());
  CHECK(reversed.empty());
}

TEST_CASE("boolean operators include and exclude", "[integration]") {
  const auto streik = ids("--limit 100 Bahnstreik");
  const auto with = ids("--limit 100 'Bahnstreik AND Sommerferien'");
  const auto without = ids("--limit 100 'Bahnstreik NOT Sommerferien'");
  REQUIRE(!with.empty());
  CHECK(with.size() + without.size() == streik.size());
  for (const auto& id : with) CHECK(std::find(without.begin(), without.end(), id) == without.end());
  CHECK(ids("--limit 100 '+Bahnstreik -Sommerferien'") == without);
}

TEST_CASE("field prefixes restrict by source, section and title", "[integration]") {
  const json by_source = search_json("--limit 100 'quelle:\"Agentur DPN\"'");
  REQUIRE(by_source["hits"].size() >= 2);
  for (const auto& hit : by_source["hits"]) CHECK(hit["source"] == "Agentur DPN");

  const json by_section = search_json("--limit 100 'rubrik:sport'");
  REQUIRE(!by_section["hits"].empty());
  for (const auto& hit : by_section["hits"]) CHECK(hit["section"] == "Sport");

  const json in_title = search_json("--limit 100 'title:Straßenbahn'");
  REQUIRE(!in_title["hits"].empty());
  const Analyzer analyzer;
  for (const auto& hit : in_title["hits"]) {
    const auto title_terms = Analyzer().terms(hit["title"].get<std::string>());
    CHECK(std::find(title_terms.begin(), title_terms.end(), "strassenbahn") != title_terms.end());
  }
}

TEST_CASE("date ranges and --from/--to keep only articles of the period", "[integration]") {
  const json all = search_json("--limit 100 Straßenbahn");
  const json in_2021 = search_json("--limit 100 'Straßenbahn date:2021'");
  const json options = search_json("--limit 100 --from 2021-01-01 --to 2021-12-31 Straßenbahn");
  REQUIRE(!in_2021["hits"].empty());
  CHECK(in_2021["hits"].size() < all["hits"].size());
  CHECK(options["hits"] == in_2021["hits"]);
  for (const auto& hit : in_2021["hits"])
    CHECK(hit["date"].get<std::string>().substr(0, 4) == "2021");

  const json open_end = search_json("--limit 100 'Straßenbahn datum:2023-01..'");
  REQUIRE(!open_end["hits"].empty());
  for (const auto& hit : open_end["hits"]) CHECK(hit["date"].get<std::string>() >= "2023-01-01");
}

TEST_CASE("sorting by date orders oldest or newest first", "[integration]") {
  const auto dates = [](const json& page) {
    std::vector<std::string> result;
    for (const auto& hit : page["hits"]) result.push_back(hit["date"]);
    return result;
  };
  const auto ascending = dates(search_json("--limit 100 --sort date Straßenbahn"));
  const auto descending = dates(search_json("--limit 100 --sort -date Straßenbahn"));
  REQUIRE(ascending.size() >= 3);
  CHECK(std::is_sorted(ascending.begin(), ascending.end()));
  CHECK(std::is_sorted(descending.rbegin(), descending.rend()));
  CHECK(ascending.front() < ascending.back());
}

TEST_CASE("limit and offset page through the ranking", "[integration]") {
  const auto all = ids("--limit 100 Bahn");
  REQUIRE(all.size() >= 3);
  CHECK(ids("--limit 1 Bahn") == std::vector<std::string>{all[0]});
  CHECK(ids("--limit 2 --offset 1 Bahn") == std::vector<std::string>{all[1], all[2]});
}

TEST_CASE("JSON output has the documented fields and highlight offsets", "[integration]") {
  const json page = search_json("--limit 3 Botschaften");
  CHECK(page["query"] == "Botschaften");
  CHECK(page["total_estimate"].get<int>() >= 1);
  CHECK(page["took_ms"].get<double>() >= 0);
  REQUIRE(!page["hits"].empty());
  for (const char* key : {"rank", "id", "score", "title", "date", "source", "section", "url",
                          "origin", "snippet", "highlights", "similar"}) {
    CHECK(page["hits"][0].contains(key));
  }
  // The origin names the demo file and the line the article was read from.
  const std::string origin = page["hits"][0]["origin"];
  CHECK(origin.starts_with(source_path("corpus/demo/")));
  CHECK(origin.find(".jsonl:") != std::string::npos);
  Analyzer analyzer;
  const auto& hit = page["hits"][0];
  const std::string snippet = hit["snippet"];
  REQUIRE(!hit["highlights"].empty());
  for (const auto& range : hit["highlights"]) {
    const std::size_t start = range[0], end = range[1];
    REQUIRE(end <= snippet.size());
    // Each highlighted span analyses to the query's term: "Botschaft", "Botschaften", ...
    CHECK(analyzer.terms(snippet.substr(start, end - start)) ==
          std::vector<std::string>{"botschaft"});
  }
}

TEST_CASE("snippets are short, cut at words, and come from the Latin-1 file as UTF-8",
          "[integration]") {
  const json page = search_json("--limit 1 --snippet-length 120 Bürgermeister Stichwahl Weilheim");
  REQUIRE(page["hits"].size() == 1);
  const std::string snippet = page["hits"][0]["snippet"];
  CHECK(snippet.size() < 120 * 2 + 20);
  CHECK(snippet.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
  const std::string title = page["hits"][0]["title"];
  CHECK(title.find("\xC3") != std::string::npos);  // umlauts survived as UTF-8
}

TEST_CASE("TREC runs from a topics file have strictly decreasing scores", "[integration]") {
  const ScratchDir dir;
  write_file(dir / "topics.tsv", "t1\tBahn Streik\nt2\tStraßenbahn Bonn\n\nt3\tZugspitze\n");
  const CommandResult result =
      search("--format trec --run-tag test --limit 5 --topics " + shell_quote(dir / "topics.tsv"));
  REQUIRE(result.status == 0);
  std::istringstream lines(result.out);
  std::map<std::string, std::vector<double>> scores;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::string qid, q0, docid, tag;
    int rank = 0;
    double score = 0;
    REQUIRE(fields >> qid >> q0 >> docid >> rank >> score >> tag);
    CHECK(q0 == "Q0");
    CHECK(tag == "test");
    CHECK(rank == static_cast<int>(scores[qid].size()) + 1);
    if (!scores[qid].empty()) CHECK(score < scores[qid].back());
    scores[qid].push_back(score);
  }
  CHECK(scores.size() == 3);
  CHECK(scores["t1"].size() == 5);
}

TEST_CASE("colour only when asked for or on a terminal", "[integration]") {
  CHECK(search("--color always Bahn").out.find("\x1b[") != std::string::npos);
  CHECK(search("--color never Bahn").out.find("\x1b[") == std::string::npos);
  CHECK(search("Bahn").out.find("\x1b[") == std::string::npos);  // stdout is a file here
}

TEST_CASE("unparsable queries and bad options fail clearly", "[integration]") {
  const CommandResult unbalanced = search("'(Bahn OR Streik'");
  CHECK(unbalanced.status == 2);
  CHECK(unbalanced.err.find("column 1") != std::string::npos);

  const CommandResult option = search("--no-such-option Bahn");
  CHECK(option.status == 2);
  CHECK(std::count(option.err.begin(), option.err.end(), '\n') == 1);

  const CommandResult help = run(binary("archivar-search") + " --help");
  CHECK(help.status == 0);
  CHECK(help.out.find("Usage: archivar-search") != std::string::npos);
}

TEST_CASE("a missing or foreign database is one clear sentence", "[integration]") {
  const ScratchDir dir;
  const CommandResult missing = run(binary("archivar-search") + " --db " + (dir / "nope") + " x");
  CHECK(missing.status == 1);
  CHECK(missing.err.find("does not exist") != std::string::npos);

  std::filesystem::create_directories(dir / "empty");
  const CommandResult not_xapian =
      run(binary("archivar-search") + " --db " + (dir / "empty") + " x");
  CHECK(not_xapian.status == 1);
  CHECK(not_xapian.err.find("not a readable Xapian database") != std::string::npos);

  {  // A Xapian database that another program wrote: no Archivar metadata.
    Xapian::WritableDatabase foreign(dir / "foreign", Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_term("hallo");
    foreign.add_document(document);
    foreign.commit();
  }
  const CommandResult foreign =
      run(binary("archivar-search") + " --db " + (dir / "foreign") + " x");
  CHECK(foreign.status == 1);
  CHECK(foreign.err.find("not one written by archivar-index") != std::string::npos);
}

TEST_CASE("compounds and their split forms find each other on the demo corpus", "[integration]") {
  struct Pair {
    const char* compound;
    const char* split;
    const char* compound_article;
    const char* split_article;
  };
  for (const Pair& pair :
       {Pair{"Botschaftspersonal", "Personal Botschaft", "nk-2022-0014", "nk-2021-0816"},
        Pair{"Gefangenenaustausch", "Austausch Gefangenen", "ts-2024-0801", "dpn-2022-0922"},
        Pair{"Impfstoffhersteller", "Hersteller Impfstoffen", "rr-2020-1110", "nk-2021-0127"}}) {
    INFO(pair.compound << " / " << pair.split);
    // The compound query ranks the article with the compound itself first.
    CHECK(ids("--limit 2 " + std::string(pair.compound)) ==
          std::vector<std::string>{pair.compound_article, pair.split_article});
    const auto split = ids("--limit 2 " + shell_quote(pair.split));
    CHECK(std::set<std::string>(split.begin(), split.end()) ==
          std::set<std::string>{pair.compound_article, pair.split_article});
  }
}

TEST_CASE("similar articles share the article's subject and leave out the article itself",
          "[integration][similar]") {
  struct Case {
    const char* id;
    std::vector<std::string> subject;  // one of these words is in each of the top two
  };
  for (const Case& c : {Case{"rr-2021-0811", {"Bahn", "Streik", "streik"}},
                        Case{"nk-2022-0014", {"Ukraine", "Kiew", "Russland"}}}) {
    INFO(c.id);
    const json page = search_json("--limit 20 --similar " + std::string(c.id));
    CHECK(page["similar_to"] == c.id);
    REQUIRE(page["hits"].size() >= 2);
    for (const auto& hit : page["hits"]) CHECK(hit["id"] != c.id);
    for (std::size_t i = 0; i < 2; ++i) {
      const std::string text = page["hits"][i]["title"].get<std::string>() + " " +
                               page["hits"][i]["snippet"].get<std::string>();
      CHECK(std::any_of(c.subject.begin(), c.subject.end(), [&](const std::string& word) {
        return text.find(word) != std::string::npos;
      }));
    }
  }
}

TEST_CASE("a query and dates filter the similar articles, an unknown id is an error",
          "[integration][similar]") {
  const json all = search_json("--limit 100 --similar rr-2021-0811");
  const json in_2023 = search_json("--limit 100 --similar rr-2021-0811 'date:2023'");
  REQUIRE(!in_2023["hits"].empty());
  CHECK(in_2023["hits"].size() < all["hits"].size());
  for (const auto& hit : in_2023["hits"])
    CHECK(hit["date"].get<std::string>().substr(0, 4) == "2023");
  const json counted = search_json("--count --similar rr-2021-0811");
  CHECK(counted["total"] == all["hits"].size());

  const CommandResult unknown = search("--similar no-such-article");
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no article with id 'no-such-article'"));
}

TEST_CASE("a misspelt query gets a suggestion from the archive's words that finds hits",
          "[integration][spelling]") {
  struct Case {
    const char* typed;
    const char* suggested;
  };
  for (const Case& c : {Case{"Bundesregirung", "Bundesregierung"}, Case{"Morawez", "Morawetz"},
                        Case{"Impfstoffherstelerr", "Impfstoffhersteller"},
                        Case{"Außenministrin Kiew", "Außenministerin Kiew"}}) {
    INFO(c.typed);
    const json page = search_json("--limit 1 " + shell_quote(c.typed));
    REQUIRE(page.contains("suggestion"));
    CHECK(page["suggestion"] == c.suggested);
    const json again = search_json("--limit 1 " + shell_quote(c.suggested));
    CHECK(!again["hits"].empty());
    CHECK(!again.contains("suggestion"));
  }
  const CommandResult text = search("Bundesregirung");
  CHECK_THAT(text.out, Catch::StartsWith("Meinten Sie: Bundesregierung?\n"));
  CHECK_THAT(search("--plain 'Wer ist die Bundesregirung?'").out,
             Catch::StartsWith("Meinten Sie: Wer ist die Bundesregierung?\n"));
  CHECK(!search_json("Bundesregierung").contains("suggestion"));
}

TEST_CASE("topics in JSON are one object per line and topic, timed, a broken one included",
          "[integration][topics]") {
  const ScratchDir dir;
  write_file(dir / "topics.tsv", "t1\tBahn Streik\nt2\t(Bahn OR\nt3\tBundesregirung\n");
  const CommandResult result =
      search("--format json --limit 3 --topics " + shell_quote(dir / "topics.tsv"));
  CHECK(result.status == 2);  // t2 cannot be parsed
  CHECK_THAT(result.err, Catch::Contains("topic t2"));
  std::istringstream lines(result.out);
  std::vector<json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(json::parse(line));
  REQUIRE(objects.size() == 3);
  CHECK(objects[0]["qid"] == "t1");
  CHECK(objects[0]["took_ms"].get<double>() > 0);
  REQUIRE(objects[0]["hits"].size() == 3);
  CHECK(!objects[0]["hits"][0]["snippet"].get<std::string>().empty());
  CHECK(objects[1]["qid"] == "t2");
  CHECK(objects[1].contains("error"));
  CHECK(objects[2]["qid"] == "t3");
  CHECK(objects[2]["suggestion"] == "Bundesregierung");

  const CommandResult counts =
      search("--count --topics " + shell_quote(dir / "topics.tsv") + " 2>/dev/null");
  CHECK_THAT(counts.out, Catch::StartsWith("t1\t"));
  CHECK_THAT(counts.out, Catch::Contains("\nt3\t0\n"));
}

TEST_CASE("proximity ranks the best of the bag-of-words ranking, counts stay whole",
          "[integration]") {
  // Ten articles carry "Minister" twice, beyond the proximity window from "Schule": the
  // words alone rank them first. One carries both once, side by side: proximity puts it on
  // top, as long as the bag-of-words candidates it ranks reach down to it. Thirty others
  // without the words give them their weight.
  const ScratchDir dir;
  const std::string filler =
      " Regen Wind Sonne Nebel Hagel Schnee Frost Sturm Wolken Donner Blitz Reif Dunst Glut Eis ";
  std::string articles;
  for (int i = 0; i < 10; ++i) {
    articles += R"({"id":"far-)" + std::to_string(i) + R"(","text":"Minister Minister)" + filler +
                "Schule Tau\",\"source\":\"Blatt " + std::to_string(i % 3) + "\"}\n";
  }
  articles += R"({"id":"near","text":"Minister Schule Tau)" + filler + "Reif\"}\n";
  for (int i = 0; i < 30; ++i) {
    articles +=
        R"({"id":"other-)" + std::to_string(i) + R"(","text":"Hafen Kran)" + filler + "\"}\n";
  }
  write_file(dir / "a.jsonl", articles);
  const std::string db = dir / "db";
  REQUIRE(run(binary("archivar-index") + " --quiet --db " + shell_quote(db) + " " +
              shell_quote(dir / "a.jsonl"))
              .status == 0);
  const auto top = [&](const std::string& options) {
    const CommandResult result = run(binary("archivar-search") + " --db " + shell_quote(db) +
                                     " --format json --no-collapse --facets source --limit 3 " +
                                     options + " Minister Schule");
    REQUIRE(result.status == 0);
    return json::parse(result.out);
  };
  const json reranked = top("--rerank-depth 200");  // reaches all 11
  const json shallow = top("--rerank-depth 5");
  const json words_alone = top("--no-proximity");
  const json whole = top("");  // by default the full query ranks every match
  CHECK(whole["hits"][0]["id"] == "near");
  CHECK(top("--offset 2")["hits"][0]["rank"] == 3);
  CHECK(reranked["hits"][0]["id"] == "near");
  CHECK(words_alone["hits"][0]["id"] != "near");
  CHECK(shallow["hits"][0]["id"] != "near");  // beyond the 5 candidates: not ranked up
  const json second_page = top("--rerank-depth 200 --offset 2");
  CHECK(second_page["hits"][0]["rank"] == 3);
  CHECK(second_page["hits"][0]["id"] == reranked["hits"][2]["id"]);
  for (const json* result : {&reranked, &shallow}) {
    CHECK((*result)["total"] == 11);
    CHECK((*result)["facets"] == words_alone["facets"]);
    CHECK((*result)["hits"].size() == 3);
  }
}
