// SpellingSuggester: proposes a corrected query ("Meinten Sie: Bundesregierung?") when a
// query finds few or no hits. Each doubtful word of the query is replaced by the most
// frequent word the archive uses within a small edit distance (from its Vocabulary), so
// names are corrected to the archive's spelling too.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyzer.h"
#include "searcher/archive.h"

namespace archivar {

/// A word of a query as typed, with its place in the query.
struct QueryWord {
  std::size_t start = 0;  ///< byte offsets in the query, [start, end)
  std::size_t end = 0;
  std::string text;
};

/// The words of @a query a correction may replace: ranked and phrase words and title:
/// words, not operators, field names, source:/section:/date: values, excluded words,
/// stop words or words with digits. With @a plain, every word (see parse_plain).
std::vector<QueryWord> correctable_words(std::string_view query, bool plain, Analyzer& analyzer);

class SpellingSuggester {
 public:
  /// Below this many hits a query is worth a suggestion.
  static constexpr Xapian::doccount kFewHits = 10;

  /// Counts the hits of a query string as the search would (same filters); for checking
  /// that a suggestion finds something, and not less than the query as typed.
  using HitCounter = std::function<Xapian::doccount(const std::string& query)>;

  /// @a archive and @a analyzer must outlive the suggester.
  SpellingSuggester(Archive& archive, Analyzer& analyzer);

  /// A corrected @a query, or nothing when no word needs or finds a correction, or the
  /// correction would find nothing or fewer than the @a hits of the query as typed. A word is
  /// doubtful when no article has it, or, while the query finds fewer than kFewHits, when few
  /// articles do. Its replacement is a word of the archive (as the archive mostly writes it) at
  /// most one edit away (two for words of eight letters or more), preferring the nearer and the
  /// more frequent; it must analyse to a term the index holds. A word that plain text found
  /// in the archive's other forms (@a word_variants, as ParsedQuery has them) is corrected
  /// only to one of them: "Bundesregirung" to Bundesregierung, but "Assyrien" (assyrisch)
  /// not to Syrien.
  std::optional<std::string> suggest(
      std::string_view query, bool plain, Xapian::doccount hits, const HitCounter& count,
      const std::map<std::string, std::set<std::string>>& word_variants = {});

 private:
  /// With @a allowed_terms, only a word whose first term is among them.
  std::optional<std::string> best_replacement(const QueryWord& word, Xapian::doccount word_articles,
                                              const std::set<std::string>* allowed_terms);
  const std::vector<std::string>& vocabularies();

  Archive& archive_;
  Analyzer& analyzer_;
  std::optional<std::vector<std::string>> vocabularies_;  ///< each shard's, loaded once
};

}  // namespace archivar
