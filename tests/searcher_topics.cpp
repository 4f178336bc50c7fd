// Tests of topic files (searcher/topics.h): TSV lines and TREC/CLEF <top> topics, with the
// field chosen by --topic-field, and the messages for files that cannot be read.
#include <catch2/catch.hpp>
#include <string>

#include "searcher/topics.h"
#include "support/cli.h"
#include "support/demo_index.h"

using archivar::read_topics;
using archivar::Topic;
using archivar::TopicField;
using archivar::test::ScratchDir;

namespace {

// TREC ad hoc style: unclosed tags, labels, text wrapped over lines.
constexpr const char* kTrecTopics = R"(<top>

<num> Number: 401
<title> Straßenbahn Ausbau

<desc> Description:
Welche Städte bauen ihr
Straßenbahnnetz aus?

<narr> Narrative:
Relevant sind Berichte über neue Linien.

</top>

<top>
<num> Number: 0402
<title> Topic: Hochwasser an der Elbe
<desc> Description: Schäden nach dem Hochwasser.
<narr> Narrative: Nur Berichte über die Elbe.
</top>
)";

// CLEF style: closed tags with a language prefix.
constexpr const char* kClefTopics = R"(<topics>
<top>
<num>C041</num>
<DE-title>Pestizide in Babynahrung</DE-title>
<DE-desc>Berichte über Pestizide in Babynahrung.</DE-desc>
<DE-narr>Relevante Dokumente nennen Hersteller.</DE-narr>
</top>
</topics>
)";

}  // namespace

TEST_CASE("topics: TREC topic files, with title, desc or both as the query", "[searcher]") {
  const ScratchDir dir;
  const auto file = dir.write("topics.401-402", kTrecTopics);
  const std::vector<Topic> titles = read_topics(file);
  REQUIRE(titles.size() == 2);
  CHECK(titles[0].id == "401");
  CHECK(titles[0].query == "Straßenbahn Ausbau");
  CHECK(titles[1].id == "402");  // "0402": leading zeros go, as TREC's qrels write them
  CHECK(titles[1].query == "Hochwasser an der Elbe");
  const std::vector<Topic> descriptions = read_topics(file, TopicField::kDescription);
  CHECK(descriptions[0].query == "Welche Städte bauen ihr Straßenbahnnetz aus?");
  const std::vector<Topic> both = read_topics(file, TopicField::kTitleAndDescription);
  CHECK(both[1].query == "Hochwasser an der Elbe Schäden nach dem Hochwasser.");
  CHECK(archivar::parse_topic_field("title+desc") == TopicField::kTitleAndDescription);
  CHECK_FALSE(archivar::parse_topic_field("narr"));
}

TEST_CASE("topics: CLEF topics with closed, language-prefixed tags", "[searcher]") {
  const ScratchDir dir;
  const std::vector<Topic> topics = read_topics(dir.write("clef.xml", kClefTopics));
  REQUIRE(topics.size() == 1);
  CHECK(topics[0].id == "C041");
  CHECK(topics[0].query == "Pestizide in Babynahrung");
}

TEST_CASE("topics: TSV stays and bad files are named with their line", "[searcher]") {
  const ScratchDir dir;
  const std::vector<Topic> tsv =
      read_topics(dir.write("t.tsv", "1\tBahn Streik\n\n2\tHochwasser\n"));
  REQUIRE(tsv.size() == 2);
  CHECK(tsv[1].query == "Hochwasser");
  const auto no_tab = dir.write("bad.tsv", "1\tBahn\nkein Tab\n");
  CHECK_THROWS_WITH(read_topics(no_tab), Catch::Contains("bad.tsv:2: expected 'qid<TAB>query'"));
  const auto no_num = dir.write("bad.trec", "<top>\n<title> Bahn\n</top>\n");
  CHECK_THROWS_WITH(read_topics(no_num), Catch::Contains("bad.trec:1: a <top> without <num>"));
  const auto no_desc = dir.write("nodesc.trec", "<top>\n<num> 7\n<title> Bahn\n</top>\n");
  CHECK_THROWS_WITH(read_topics(no_desc, TopicField::kDescription),
                    Catch::Contains("topic 7 has no <desc>"));
}

TEST_CASE("topics: a qid given twice is refused in either format, naming both lines",
          "[searcher]") {
  const ScratchDir dir;
  CHECK_THROWS_WITH(read_topics(dir.write("twice.tsv", "1\tBahn\n2\tFlut\n\n1\tStreik\n")),
                    Catch::Contains("twice.tsv:4: topic '1' was given before, on line 1"));
  CHECK_THROWS_WITH(read_topics(dir.write("twice.trec",
                                          "<top>\n<num> 7\n<title> Bahn\n</top>\n\n<top>\n<num> 7\n"
                                          "<title> Flut\n</top>\n")),
                    Catch::Contains("twice.trec:6: topic '7' was given before, on line 1"));
  CHECK(
      read_topics(dir.write("once.trec", "<top>\n<num> 7\n<title> Bahn\n</top>\n")).front().line ==
      1);
}

TEST_CASE("archivar-search --topics reads a TREC topic file", "[integration][searcher]") {
  using namespace archivar::test;
  const ScratchDir dir;
  const auto file = dir.write("topics.trec", kTrecTopics);
  const CommandResult titles =
      run(binary("archivar-search") + " --db " + shell_quote(demo_database()) +
          " --format trec --topics " + shell_quote(file.string()) + " --plain --limit 3");
  INFO(titles.err);
  REQUIRE(titles.status == 0);
  CHECK(titles.out.starts_with("401 Q0 "));
  CHECK(titles.out.find("\n402 Q0 ") != std::string::npos);
  const CommandResult bad =
      run(binary("archivar-search") + " --db " + shell_quote(demo_database()) +
          " --format trec --topics " + shell_quote(file.string()) + " --topic-field narr");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--topic-field must be title, desc or title+desc") != std::string::npos);
}
