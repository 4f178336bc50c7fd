// SnippetGenerator: picks the passage of an article that best shows why it matched, and
// where the matches are in it. Matching goes through the analyzer, so a search for
// "Botschaft" highlights "Botschaften" and "Ukraine-Krise" highlights "Krise".
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analysis/analyzer.h"
#include "searcher/term_candidates.h"

namespace archivar {

struct Snippet {
  std::string text;
  /// Byte ranges [start, end) of the matches within text, ascending, not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

class SnippetGenerator {
 public:
  /// @a analyzer must be the index's and outlive the generator; @a length is the
  /// passage's target length in characters.
  SnippetGenerator(Analyzer& analyzer, std::size_t length);

  /// The window of about the target length with the most distinct query terms (then the
  /// most matches), widened to word boundaries, starting at a sentence when one begins
  /// shortly before; "…" marks a cut. White space is collapsed. Without any match the
  /// article's opening is returned. Of @a terms, those also in @a part_terms (parts of
  /// typed words) count only after the others: "Querdenker" shows before "Denker".
  Snippet passage(std::string_view text, const std::set<std::string>& terms,
                  const std::set<std::string>& part_terms = {});

  /// All of @a text (white space collapsed) with its matches marked, for titles.
  Snippet whole(std::string_view text, const std::set<std::string>& terms);

 private:
  struct Match {
    std::size_t start;
    std::size_t end;
    const std::string* term;
  };
  std::vector<Match> matches(std::string_view text, const std::set<std::string>& terms);
  Snippet render(std::string_view text, std::size_t begin, std::size_t end,
                 const std::vector<Match>& matches) const;

  /// The candidates of the terms asked for last: a page's articles share one query's terms.
  const TermCandidates& candidates_of(const std::set<std::string>& terms);

  Analyzer& analyzer_;
  std::size_t length_;
  std::set<std::string> candidate_terms_;
  std::optional<TermCandidates> candidates_;  ///< of candidate_terms_
};

}  // namespace archivar
