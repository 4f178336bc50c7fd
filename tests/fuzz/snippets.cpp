// Fuzz target: snippets. The first line holds the query words, the rest is the article
// text; the passage and the marked whole text must mark matches inside their own text,
// in order, and stay UTF-8 when the text is.
#include <set>
#include <string>

#include "common/analysis/analyzer.h"
#include "common/text/utf8.h"
#include "fuzz_target.h"
#include "searcher/snippet_generator.h"

namespace {

void check(const archivar::Snippet& snippet, bool text_is_utf8) {
  using archivar::fuzz::require;
  std::size_t previous_end = 0;
  for (const auto& [start, end] : snippet.highlights) {
    require(start >= previous_end && start < end && end <= snippet.text.size(),
            "highlights out of order or outside the snippet");
    previous_end = end;
  }
  require(!text_is_utf8 || archivar::is_valid_utf8(snippet.text),
          "a snippet cut inside a character");
}

}  // namespace

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
  check(generator.passage(text, terms, part_terms), text_is_utf8);
  check(generator.whole(text, terms), text_is_utf8);
  return 0;
}
