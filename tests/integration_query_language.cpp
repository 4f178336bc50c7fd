// archivar-search as a user runs it, for issue 15: queries that are refused with exit 2 and
// a message instead of being misread, --topics runs that go on past a bad topic, --show,
// ARCHIVAR_DB, exact small counts, and messages in the right number.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/cli.h"
#include "support/demo_index.h"

using namespace archivar::test;
using nlohmann::json;

namespace {

CommandResult search(const std::string& arguments) {
  return run(binary("archivar-search") + " --db " + demo_database() + " " + arguments);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("queries that cannot mean what they say are refused with exit 2 and a message",
          "[integration][language]") {
  const CommandResult unknown = search("'foo:bar Bahn'");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown field 'foo:'") != std::string::npos);
  CHECK(unknown.out.empty());

  const CommandResult stop_words = search("'der die das'");
  CHECK(stop_words.status == 2);
  CHECK(stop_words.err.find("only stop words") != std::string::npos);
  CHECK(search("'\"Sein oder Nichtsein\"'").status == 0);  // stop words in a phrase

  const CommandResult empty = search("''");
  CHECK(empty.status == 2);
  CHECK(empty.err.find("empty") != std::string::npos);

  // 3,000 nested parentheses: a message pointing into the query, not a crash.
  const std::string deep = std::string(3000, '(') + "Bahn" + std::string(3000, ')');
  const CommandResult nested = search(shell_quote(deep));
  CHECK(nested.status == 2);
  CHECK(nested.err.find("nests more than") != std::string::npos);
  CHECK(nested.err.size() < 1000);  // the query is shown around the problem, not whole
}

TEST_CASE("a --topics run reports a topic that cannot be read and goes on",
          "[integration][language]") {
  const ScratchDir dir;
  const std::string deep = std::string(3000, '(') + "Bahn" + std::string(3000, ')');
  write_file(dir / "topics.tsv", "q1\tBahnstreik\nq2\t" + deep + "\nq3\tStraßenbahn\n");
  const CommandResult result =
      search("--format trec --limit 5 --topics " + shell_quote(dir / "topics.tsv"));
  CHECK(result.status == 2);
  CHECK(result.err.find("topic q2") != std::string::npos);
  bool q1 = false, q3 = false;
  for (const std::string& line : lines_of(result.out)) {
    q1 = q1 || line.starts_with("q1 ");
    q3 = q3 || line.starts_with("q3 ");
    CHECK_FALSE(line.starts_with("q2 "));
  }
  CHECK(q1);
  CHECK(q3);
}

TEST_CASE("a topics file with a qid twice is refused, naming the line", "[integration][language]") {
  const ScratchDir dir;
  write_file(dir / "topics.tsv", "q1\tBahnstreik\nq2\tKiew\n\nq1\tStraßenbahn\n");
  const CommandResult result = search("--format trec --topics " + shell_quote(dir / "topics.tsv"));
  CHECK(result.status != 0);
  CHECK(result.err.find("topics.tsv:4: topic 'q1' was given before, on line 1") !=
        std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("with --topics, --format ids prints qid and id", "[integration][language]") {
  const ScratchDir dir;
  write_file(dir / "topics.tsv", "a\tBahnstreik\nb\tStraßenbahn\n");
  const CommandResult result =
      search("--format ids --limit 2 --topics " + shell_quote(dir / "topics.tsv"));
  REQUIRE(result.status == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 4);
  for (const std::string& line : lines) {
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    CHECK((line.substr(0, tab) == "a" || line.substr(0, tab) == "b"));
    CHECK(tab + 1 < line.size());
  }
}

TEST_CASE("whole articles by id with --show, in text and json", "[integration][language]") {
  const CommandResult text = search("--show nk-2022-0014");
  REQUIRE(text.status == 0);
  CHECK(text.out.starts_with("Ukraine-Krise: Außenministerin mahnt in Kiew zur Besonnenheit\n"));
  CHECK(text.out.find("id nk-2022-0014") != std::string::npos);
  CHECK(text.out.find("warnte vor „schwerwiegenden Folgen“") != std::string::npos);

  const CommandResult both = search("--format json --show nk-2022-0014 rr-2023-0916");
  REQUIRE(both.status == 0);
  const auto lines = lines_of(both.out);
  REQUIRE(lines.size() == 2);
  const json first = json::parse(lines[0]);
  CHECK(first["id"] == "nk-2022-0014");
  CHECK(first["text"].get<std::string>().size() > 100);
  CHECK(json::parse(lines[1])["id"] == "rr-2023-0916");

  const CommandResult missing = search("--show nk-2022-0014 no-such-id");
  CHECK(missing.status == 1);
  CHECK(missing.err.find("no article with id 'no-such-id'") != std::string::npos);
  CHECK(missing.out.find("Ukraine-Krise") != std::string::npos);  // the one found is shown
}

TEST_CASE("the database may come from ARCHIVAR_DB", "[integration][language]") {
  const CommandResult with_db = search("--count Bahnstreik");
  const CommandResult from_environment = run("ARCHIVAR_DB=" + shell_quote(demo_database()) + " " +
                                             binary("archivar-search") + " --count Bahnstreik");
  REQUIRE(with_db.status == 0);
  CHECK(from_environment.status == 0);
  CHECK(from_environment.out == with_db.out);
  const CommandResult neither = run("ARCHIVAR_DB= " + binary("archivar-search") + " Bahn");
  CHECK(neither.status == 2);
  CHECK(neither.err.find("ARCHIVAR_DB") != std::string::npos);
  const CommandResult info = run("ARCHIVAR_DB=" + shell_quote(demo_database()) + " " +
                                 binary("archivar-index") + " --info");
  CHECK(info.status == 0);
  CHECK(info.out.find("articles") != std::string::npos);
}

TEST_CASE("an excluded word first goes after --, which --help explains",
          "[integration][language]") {
  const CommandResult misread = search("-Sommerferien Bahnstreik");
  CHECK(misread.status == 2);
  CHECK(misread.err.find("put the query after --") != std::string::npos);
  const CommandResult excluded = search("--format ids -- -Sommerferien Bahnstreik");
  const CommandResult same = search("--format ids 'Bahnstreik -Sommerferien'");
  REQUIRE(excluded.status == 0);
  CHECK(excluded.out == same.out);
  CHECK(search("--help").out.find("goes after --") != std::string::npos);
}

TEST_CASE("counts are exact where few articles match, and agree in number",
          "[integration][language]") {
  // A boost is a weight, not a word: the same articles, and --limit 0 knows their number.
  const CommandResult counted = search("--count 'Bahnstreik^2'");
  REQUIRE(counted.status == 0);
  const std::string number = lines_of(counted.out).front();
  const CommandResult empty_page = search("--limit 0 'Bahnstreik^2'");
  CHECK(empty_page.out.starts_with(number + " results, none on this page"));
  // One article: "1 result", never "1 results".
  const CommandResult one = search("'\"Sein oder Nichtsein\"'");
  REQUIRE(one.status == 0);
  CHECK(one.out.find("of 1 result (") != std::string::npos);
  CHECK(one.out.find("1 results") == std::string::npos);
}

TEST_CASE("the words a long query left out, in --verbose", "[integration][language]") {
  std::string pasted = "Bahnstreik";
  for (int i = 0; i < 80; ++i) pasted += " Wortzahl" + std::to_string(i) + "x";
  const CommandResult result = search("--verbose --format ids " + shell_quote(pasted));
  REQUIRE(result.status == 0);
  CHECK(result.err.find("only the 64 that fewest articles have are searched") != std::string::npos);
  CHECK(result.err.find("left out of the long query") != std::string::npos);
  CHECK(result.err.find("query as run") != std::string::npos);
}
