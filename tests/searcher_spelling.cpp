// Spelling suggestions (searcher/spelling_suggester.h): which words of a query may be
// corrected, and what they are corrected to, on a small archive written by the real
// indexer (DocumentBuilder, IndexWriter, with its vocabulary).
#include <catch2/catch.hpp>

#include "common/analysis/analyzer.h"
#include "common/date.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "searcher/archive.h"
#include "searcher/query_parser.h"
#include "searcher/spelling_suggester.h"
#include "support/cli.h"

using namespace archivar;
using archivar::test::ScratchDir;

namespace {

std::vector<std::string> texts(const std::vector<QueryWord>& words) {
  std::vector<std::string> result;
  for (const QueryWord& word : words) result.push_back(word.text);
  return result;
}

// One article of a test archive.
struct TitledText {
  std::string title;
  std::string text;
};

// Indexes one article per entry of @a articles into a new database at @a path.
void write_archive(const std::string& path, const std::vector<TitledText>& articles) {
  Analyzer analyzer;
  XapianPositionalPostings postings;
  DocumentBuilder builder(analyzer, postings);
  IndexWriter writer(path, analyzer.options(), 1000);
  int id = 0;
  for (const auto& [title, text] : articles) {
    const Article article{.id = std::to_string(++id), .title = title, .text = text};
    writer.put(article.id,
               builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {})),
               builder.words());
  }
  writer.commit();
}

struct SmallArchive {
  ScratchDir dir;
  std::string path = dir / "db";

  SmallArchive() {
    std::vector<TitledText> articles(
        4, {"Bundesregierung berät über Hilfen", "Die Bundesregierung will Selenskyj treffen."});
    articles.push_back(
        {"Selensky in Berlin", "Präsident Selensky sprach im Bundestag."});  // rarer spelling
    articles.push_back({"Gewerkschaft droht mit Streik", "Der Tarifstreit geht weiter."});
    articles.push_back({"Zugspitze", "Auf der Zugspitze liegt Schnee, an der Zugspitzbahn auch."});
    write_archive(path, articles);
  }
};

}  // namespace

TEST_CASE("spelling: correctable words skip syntax, fields and stop words", "[spelling]") {
  Analyzer analyzer;
  const std::string query =
      "Bundesregirung AND \"die Ukraine-Krise\" title:Zugspitze quelle:Tagesblik -Streikk 2022 "
      "date:2021";
  const auto words = correctable_words(query, /*plain=*/false, analyzer);
  CHECK(texts(words) ==
        std::vector<std::string>{"Bundesregirung", "Ukraine", "Krise", "Zugspitze"});
  for (const QueryWord& word : words) {
    CHECK(query.substr(word.start, word.end - word.start) == word.text);
  }
  // Plain text has no syntax: every word counts, quotes and capitals included.
  CHECK(texts(correctable_words("quelle:Tagesblik AND Bahnstreik", /*plain=*/true, analyzer)) ==
        std::vector<std::string>{"quelle", "Tagesblik", "Bahnstreik"});
}

TEST_CASE("spelling: a misspelt word becomes the archive's most frequent near word", "[spelling]") {
  const SmallArchive small;
  Archive archive({small.path});
  Analyzer analyzer(archive.analyzer_options());
  SpellingSuggester suggester(archive, analyzer);
  const auto some_hits = [](const std::string&) { return Xapian::doccount{3}; };
  CHECK(suggester.suggest("Bundesregirung", false, 0, some_hits) == "Bundesregierung");
  CHECK(suggester.suggest("bundesregirung", false, 0, some_hits) == "Bundesregierung");
  // Both spellings are one edit away; the archive mostly writes Selenskyj.
  CHECK(suggester.suggest("Selenskij", false, 0, some_hits) == "Selenskyj");
  CHECK(suggester.suggest("Zugspitze Bundesregirung", false, 1, some_hits) ==
        "Zugspitze Bundesregierung");
  CHECK(suggester.suggest("\"Bundesregirung berät\"", false, 0, some_hits) ==
        "\"Bundesregierung berät\"");
}

TEST_CASE("spelling: no suggestion for words the archive has or cannot correct", "[spelling]") {
  const SmallArchive small;
  Archive archive({small.path});
  Analyzer analyzer(archive.analyzer_options());
  SpellingSuggester suggester(archive, analyzer);
  const auto some_hits = [](const std::string&) { return Xapian::doccount{3}; };
  CHECK_FALSE(suggester.suggest("Bundesregierung", false, 4, some_hits));
  // Selensky is rare, but Selenskyj is not five times as frequent: both stand.
  CHECK_FALSE(suggester.suggest("Selensky", false, 1, some_hits));
  CHECK_FALSE(suggester.suggest("Xylophonorchester", false, 0, some_hits));
  CHECK_FALSE(suggester.suggest("quelle:Bundesregirung", false, 0, some_hits));
  // A correction that finds nothing (here: the counter says so) is not offered.
  const auto nothing = [](const std::string&) { return Xapian::doccount{0}; };
  CHECK_FALSE(suggester.suggest("Bundesregirung", false, 0, nothing));
}

TEST_CASE("spelling: the archive's usual spelling wins over a rarer one nearer the typo",
          "[spelling]") {
  // As on FANG-COVID: Selenski is one edit from Selenskij (11 articles) and two from
  // Selenskyj (133); the archive's usual spelling is the better correction.
  const ScratchDir dir;
  const std::string path = dir / "db";
  std::vector<TitledText> articles(12, {"Kiew", "Präsident Selenskyj sprach."});
  articles.insert(articles.end(), 2, {"Kiew", "Präsident Selenskij sprach."});
  write_archive(path, articles);
  Archive archive({path});
  Analyzer analyzer(archive.analyzer_options());
  SpellingSuggester suggester(archive, analyzer);
  const auto some_hits = [](const std::string&) { return Xapian::doccount{3}; };
  CHECK(suggester.suggest("Selenski", false, 0, some_hits) == "Selenskyj");
}

TEST_CASE("spelling: a word plain text found in other forms is corrected only to one of them",
          "[spelling][variants]") {
  // "Assyrien" is in no article, but "assyrische" is: plain text finds it so (WordVariants),
  // and "Syrien", two edits away and frequent, would replace what matched. "Bundesregirung"
  // is found as Bundesregierung, its correction.
  const ScratchDir dir;
  const std::string path = dir / "db";
  std::vector<TitledText> articles{{"Nahost", "Der assyrische König regierte drei Jahre."},
                                   {"Nahost", "Die Bundesregierung berät."}};
  articles.insert(articles.end(), 6, {"Nahost", "Der Krieg in Syrien dauert an."});
  // The words stay rare.
  articles.insert(articles.end(), 60, {"Nahost", "Die Bahn fährt pünktlich."});
  write_archive(path, articles);
  Archive archive({path});
  Analyzer analyzer(archive.analyzer_options());
  QueryParser parser(analyzer, ProximityOptions::none(), &archive.database());
  SpellingSuggester suggester(archive, analyzer);
  const auto some_hits = [](const std::string&) { return Xapian::doccount{6}; };

  const std::string question = "Wer war der König von Assyrien?";
  const ParsedQuery plain = parser.parse_plain(question);
  REQUIRE(plain.word_variants.contains("assyri"));
  CHECK_FALSE(suggester.suggest(question, true, 1, some_hits, plain.word_variants));
  // The query language means the word as typed, which no article has.
  const ParsedQuery typed = parser.parse("König Assyrien");
  CHECK(typed.word_variants.empty());
  CHECK(suggester.suggest("König Assyrien", false, 0, some_hits, typed.word_variants) ==
        "König Syrien");
  // A misspelling that plain text found as the word it misspells gets that correction.
  const std::string misspelt = "Wer ist die Bundesregirung?";
  const ParsedQuery found = parser.parse_plain(misspelt);
  REQUIRE(found.word_variants.contains("bundesregir"));
  CHECK(suggester.suggest(misspelt, true, 1, some_hits, found.word_variants) ==
        "Wer ist die Bundesregierung?");
}
