// The analysis cache (common/analysis/word_form_cache.h): an Analyzer that analyses each
// word form once gives exactly the tokens of the whole-text chain, on the demo corpus and
// on samples of every shared corpus (../shared/corpora, read when it is there). The same
// samples check that the tokenizer's two ways (ICU over the UTF-8 as it is, and over a
// UTF-16 copy for text with invisible characters) find the same words.
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/analysis/icu_word_tokenizer.h"
#include "common/analysis/word_form_cache.h"
#include "corpus/article_reader.h"
#include "corpus/diagnostics.h"
#include "corpus/input/input_files.h"
#include "support/cli.h"

using namespace archivar;

namespace {

// Every field of every token, to compare two analyses in full.
std::string describe(const TokenStream& tokens) {
  std::ostringstream out;
  for (const Token& t : tokens) {
    out << t.text << ' ' << t.start << '-' << t.end << " @" << t.position << '+'
        << t.position_increment << (t.is_stop_word ? " stop" : "") << (t.is_part ? " part" : "")
        << (t.is_compound_part ? " compound-part" : "") << (t.capitalised ? " capital" : "")
        << (t.has_digit ? " digit" : "") << '\n';
  }
  return out.str();
}

// The title and text of up to @a limit articles of every input under @a path.
std::vector<std::string> texts_of(const std::filesystem::path& path, std::size_t limit) {
  std::ostringstream messages;
  Diagnostics diagnostics(messages, "test", /*strict=*/false);
  const ReaderOptions options;  // readers refer to their options
  std::vector<std::string> texts;
  for (const InputFile& input :
       collect_input_files({path.string()}, InputFormat::kAuto, diagnostics, {})) {
    const std::unique_ptr<ArticleReader> reader =
        open_article_reader(input.path, input.format, options, diagnostics);
    while (texts.size() < 2 * limit) {
      const std::optional<Article> article = reader->next();
      if (!article) break;
      texts.push_back(article->title);
      texts.push_back(article->text);
    }
  }
  return texts;
}

// Analyses @a texts with the cache and with the whole-text chain; returns the texts
// analysed and checks every one alike.
std::size_t check_alike(const std::vector<std::string>& texts) {
  Analyzer cached;
  Analyzer whole({}, /*cached_forms=*/0);
  std::size_t differing = 0;
  for (const std::string& text : texts) {
    const std::string expected = describe(whole.analyze(text));
    const std::string got = describe(cached.analyze(text));
    if (got != expected) {
      ++differing;
      if (differing <= 3) CHECK(got == expected);
    }
  }
  CHECK(differing == 0);
  CHECK(whole.cache_statistics().hits + whole.cache_statistics().misses == 0);
  // A soft hyphen before the text (two bytes, as two spaces are) sends it the UTF-16 way
  // without changing its words.
  IcuWordTokenizer tokenizer;
  std::size_t tokenized_apart = 0;
  for (const std::string& text : texts) {
    const std::string direct = describe(tokenizer.tokenize("  \n" + text));
    const std::string through_utf16 = describe(tokenizer.tokenize("\u00AD\n" + text));
    if (direct != through_utf16 && ++tokenized_apart <= 3) CHECK(direct == through_utf16);
  }
  CHECK(tokenized_apart == 0);
  return texts.size();
}

}  // namespace

TEST_CASE("analysis cache: counts hits and misses, and starts over when full", "[analyzer]") {
  WordFormCache cache(2);
  CHECK(cache.find("Bahn") == nullptr);
  cache.insert("Bahn", TokenStream(1));
  REQUIRE(cache.find("Bahn") != nullptr);
  CHECK(cache.find("Bahn")->size() == 1);
  cache.insert("Streik", TokenStream(2));
  cache.insert("Tarif", TokenStream(3));  // the third form: the cache starts over
  CHECK(cache.find("Bahn") == nullptr);
  CHECK(cache.find("Tarif") != nullptr);
  CHECK(cache.statistics().hits == 3);
  CHECK(cache.statistics().misses == 2);
  CHECK(cache.statistics().clears == 1);
}

TEST_CASE("analysis cache: the tokens of repeated words come from the cache, unchanged",
          "[analyzer]") {
  Analyzer cached;
  Analyzer whole({}, 0);
  const std::string text =
      "Die Ukraine-Krise und die Ukraine-Krise: Botschaftspersonal, Straße, Straße, COVID-19, "
      "Söder's Maßnahmen, z.B. 1.200 Euro, erhöhte erhöhte.";
  CHECK(describe(cached.analyze(text)) == describe(whole.analyze(text)));
  CHECK(describe(cached.analyze(text)) == describe(whole.analyze(text)));
  const WordFormCacheStatistics statistics = cached.cache_statistics();
  CHECK(statistics.misses > 0);
  CHECK(statistics.hits > statistics.misses);  // the second time, every word is known
}

TEST_CASE("analysis cache: the same tokens as the whole-text chain on hard cases",
          "[analyzer]") {
  CHECK(check_alike({"Sie wollen der Pandemie entgegentreten.Maskenpflicht gilt ab Montag.",
                     "z.B. die U.S.A. und zeit.de, Ärzte.Über Öl.Ärger a.Bc Ab.C",
                     "COVID-19-Pandemie, Ukraine-Krise, 1.200 Euro, 3.Liga, Straße.Maße",
                     "\U0001D400bc.\U0001D401cd Wort.\U0001D400bc ab.\U0001D400x Bild.Ärmel",
                     "Schluss.Ende.Aus Haus.Boot.Fahrt ss.Ab x.Yz"}) == 5);
}

TEST_CASE("analysis cache: the same tokens as the whole-text chain on the demo corpus",
          "[analyzer]") {
  CHECK(check_alike(texts_of(test::source_path("corpus/demo"), 1000)) > 100);
}

TEST_CASE("analysis cache: the same tokens as the whole-text chain on the shared corpora",
          "[analyzer][shared]") {
  const std::filesystem::path corpora = test::source_path("../shared/corpora");
  if (!std::filesystem::is_directory(corpora)) {
    WARN("../shared/corpora is not beside the checkout: the shared samples are not compared");
    return;
  }
  std::size_t corpora_checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpora)) {
    const std::filesystem::path documents = entry.path() / "docs.jsonl.zst";
    if (!std::filesystem::exists(documents)) continue;
    INFO(documents.string());
    CHECK(check_alike(texts_of(documents, 600)) > 0);
    ++corpora_checked;
  }
  CHECK(corpora_checked > 0);
}
