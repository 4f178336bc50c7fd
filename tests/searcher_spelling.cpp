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

struct SmallArchive {
  ScratchDir dir;
  std::string path = dir / "db";

  SmallArchive() {
    Analyzer analyzer;
    XapianPositionalPostings postings;
    DocumentBuilder builder(analyzer, postings);
    IndexWriter writer(path, analyzer.options(), 1000);
    int id = 0;
    const auto add = [&](const std::string& title, const std::string& text) {
      const Article article{.id = std::to_string(++id), .title = title, .text = text};
      const auto document =
          builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {}));
      writer.put(article.id, document, builder.words());
    };
    for (int i = 0; i < 4; ++i) {
      add("Bundesregierung berät über Hilfen", "Die Bundesregierung will Selenskyj treffen.");
    }
    add("Selensky in Berlin", "Präsident Selensky sprach im Bundestag.");  // rarer spelling
    add("Gewerkschaft droht mit Streik", "Der Tarifstreit geht weiter.");
    add("Zugspitze", "Auf der Zugspitze liegt Schnee, an der Zugspitzbahn auch.");
    writer.commit();
  }
};

// Indexes one article per text, all under @a title, into a new database at @a path.
void write_archive(const std::string& path, const std::string& title,
                   const std::vector<std::string>& texts) {
  Analyzer analyzer;
  XapianPositionalPostings postings;
  DocumentBuilder builder(analyzer, postings);
  IndexWriter writer(path, analyzer.options(), 1000);
  int id = 0;
  for (const std::string& text : texts) {
    const Article article{.id = std::to_string(++id), .title = title, .text = text};
    writer.put(article.id,
               builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {})),
               builder.words());
  }
  writer.commit();
}

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
  std::vector<std::string> texts(12, "Präsident Selenskyj sprach.");
  texts.insert(texts.end(), 2, "Präsident Selenskij sprach.");
  write_archive(path, "Kiew", texts);
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
  std::vector<std::string> texts{"Der assyrische König regierte drei Jahre.",
                                 "Die Bundesregierung berät."};
  texts.insert(texts.end(), 6, "Der Krieg in Syrien dauert an.");
  texts.insert(texts.end(), 60, "Die Bahn fährt pünktlich.");  // the words stay rare
  write_archive(path, "Nahost", texts);
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
