// SnippetGenerator: which passage is chosen, how it is cut, and where highlights fall.
#include <catch2/catch.hpp>

#include "common/analysis/analyzer.h"
#include "searcher/query_parser.h"
#include "searcher/snippet_generator.h"

using namespace archivar;

namespace {

std::vector<std::string> highlighted(const Snippet& snippet) {
  std::vector<std::string> words;
  for (const auto& [start, end] : snippet.highlights) {
    words.push_back(snippet.text.substr(start, end - start));
  }
  return words;
}

std::string filler(int words) {
  std::string text;
  for (int i = 0; i < words; ++i) text += "Wetter ";
  return text;
}

}  // namespace

TEST_CASE("snippets match through the analyzer", "[snippet]") {
  Analyzer analyzer;
  SnippetGenerator snippets(analyzer, 240);
  const Snippet snippet = snippets.passage(
      "Die Botschaften wurden geschlossen. Das Personal der Botschaft reiste ab.", {"botschaft"});
  CHECK(highlighted(snippet) == std::vector<std::string>{"Botschaften", "Botschaft"});
  CHECK(snippet.text.find("\xE2\x80\xA6") == std::string::npos);  // short text: no cut

  const Snippet hyphen = snippets.passage("Mitten in der Ukraine-Krise reiste sie ab.", {"kris"});
  CHECK(highlighted(hyphen) == std::vector<std::string>{"Krise"});
  const Snippet folded =
      snippets.passage("Der Aussenminister und die Strasse.", {"aussenminist", "strass"});
  CHECK(highlighted(folded) == std::vector<std::string>{"Aussenminister", "Strasse"});
}

TEST_CASE("the passage with the most distinct terms wins", "[snippet]") {
  Analyzer analyzer;
  SnippetGenerator snippets(analyzer, 80);
  const std::string text =
      "Bahn Bahn Bahn Bahn. " + filler(40) + "Die Bahn streikt im Sommer. " + filler(40) + "Ende.";
  const Snippet snippet = snippets.passage(text, {"bahn", "streik"});
  CHECK(highlighted(snippet) == std::vector<std::string>{"Bahn", "streikt"});
  CHECK(snippet.text.starts_with("\xE2\x80\xA6"));  // cut at the front
  CHECK(snippet.text.ends_with("\xE2\x80\xA6"));    // and at the back
}

TEST_CASE("snippets are cut at words, about the asked length, white space collapsed", "[snippet]") {
  Analyzer analyzer;
  SnippetGenerator snippets(analyzer, 60);
  const std::string text = filler(30) + "\n\nDer   Hafen\twird erweitert. " + filler(30);
  const Snippet snippet = snippets.passage(text, {"haf"});
  CHECK(snippet.text.find("Der Hafen wird erweitert.") != std::string::npos);
  CHECK(snippet.text.find("  ") == std::string::npos);
  CHECK(snippet.text.find('\n') == std::string::npos);
  CHECK(snippet.text.size() <= 60 + 30 + 2 * 3);
  // Both ends fall between words: the text around the ellipses is whole "Wetter"s.
  const std::string inner = snippet.text.substr(3, snippet.text.size() - 6);
  CHECK((inner.starts_with("Wetter") || inner.starts_with("Der")));
  CHECK((inner.ends_with("Wetter") || inner.ends_with(".")));
  REQUIRE(snippet.highlights.size() == 1);
  CHECK(highlighted(snippet).front() == "Hafen");
}

TEST_CASE("without matches the opening is shown", "[snippet]") {
  Analyzer analyzer;
  SnippetGenerator snippets(analyzer, 40);
  const Snippet snippet = snippets.passage("Erster Satz des Artikels. " + filler(50), {"zug"});
  CHECK(snippet.text.starts_with("Erster Satz"));
  CHECK(snippet.highlights.empty());
}

TEST_CASE("a blob without spaces does not blow up the snippet", "[snippet]") {
  Analyzer analyzer;
  SnippetGenerator snippets(analyzer, 100);
  const std::string blob(200000, 'x');
  CHECK(snippets.passage(blob, {"zug"}).text.size() < 100 + 30 + 10);
  CHECK(snippets.passage("Zug " + blob, {"zug"}).text.size() < 2 * 100 + 30 + 10);
}

TEST_CASE("whole titles are marked without cutting", "[snippet]") {
  Analyzer analyzer;
  SnippetGenerator snippets(analyzer, 40);
  const Snippet title = snippets.whole(
      "Ukraine-Krise: Außenministerin mahnt in Kiew zur Besonnenheit und Ruhe", {"ukrain", "kiew"});
  CHECK(title.text == "Ukraine-Krise: Außenministerin mahnt in Kiew zur Besonnenheit und Ruhe");
  CHECK(highlighted(title) == std::vector<std::string>{"Ukraine", "Kiew"});
}

TEST_CASE("a passage with the typed word beats one with only its part", "[snippet]") {
  Analyzer analyzer;
  // What the query parser makes of "Straßenbahn": the compound and its parts, which are
  // highlighted too but count after whole words.
  QueryParser parser(analyzer);
  const ParsedQuery query = parser.parse("Straßenbahn Kiew");
  REQUIRE(query.part_terms.contains("bahn"));
  REQUIRE_FALSE(query.part_terms.contains("kiew"));
  SnippetGenerator snippets(analyzer, 80);
  const std::string text = "Die Bahn fährt selten. " + filler(30) +
                           "Die neue Straßenbahn fährt ab Montag. " + filler(30);
  const Snippet snippet = snippets.passage(text, query.highlight_terms, query.part_terms);
  CHECK(highlighted(snippet) == std::vector<std::string>{"Straßenbahn"});
  // Without the distinction the earlier window, as good by count, would win.
  const Snippet flat = snippets.passage(text, query.highlight_terms);
  CHECK(highlighted(flat) == std::vector<std::string>{"Bahn"});
  // A typed word that is also a part of another keeps counting as a whole word.
  CHECK_FALSE(parser.parse("Bahn Straßenbahn").part_terms.contains("bahn"));
}
