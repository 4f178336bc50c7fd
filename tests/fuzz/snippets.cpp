// Fuzz target: snippets. The first line holds the query words, the rest is the article
// text; the passage and the marked whole text must mark matches inside their own text,
// in order, and stay UTF-8 when the text is.
#include <set>
#include <string>

#include "common/analysis/analyzer.h"
#include "common/text/utf8.h"
#include "fuzz_target.h"
#include "searcher/snippet_generator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static archivar::Analyzer analyzer;
  static archivar::SnippetGenerator generator(analyzer, 120);
  const std::string_view input = archivar::fuzz::as_text(data, size);
  const std::size_t newline = input.find('\n');
  const std::string_view words = input.substr(0, newline);
  const std::string_view text =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  std::set<std::string> terms;
  std::set<std::string> part_terms;
  for (const archivar::Token& token : analyzer.analyze(words)) {
    (token.position_increment == 0 ? part_terms : terms).insert(token.text);
  }
  terms.insert(part_terms.begin(), part_terms.end());
  const bool text_is_utf8 = archivar::is_valid_utf8(text);
  archivar::fuzz::check_snippet(generator.passage(text, terms, part_terms), text_is_utf8);
  archivar::fuzz::check_snippet(generator.whole(text, terms), text_is_utf8);
  return 0;
}
