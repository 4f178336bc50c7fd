// CompoundSplitFilter: makes a German compound findable by its parts.
// "Botschaftspersonal" stays indexed whole and gains "botschaft" and "personal" on its position.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/analysis/compound_dictionary.h"
#include "common/analysis/token_filter.h"

namespace archivar {

/// The parts of @a folded_word (lower case, umlauts spelt ae/oe/ue) without linking
/// elements, or empty when it is no compound. Parts are dictionary words of at least four
/// letters and no stop words; the last part (the head) must be a noun or at least no
/// verb form; the linking elements -s-, -es-, -n-, -en-, -er-, -e-, -ens- may join parts. Among
/// possible splits the one with the fewest parts wins, then the one with the most parts beginning
/// on a syllable (jahres·ende, not jahre·sende), then the one whose shortest part is longest:
/// "botschaftspersonal" → botschaft·personal, "urinstinkt" stays whole (the head
/// "stinkt" is no noun), "bundestag" stays whole ("tag" is too short to be a part). A word
/// the list has in lower case only (an adverb, adjective or verb form), or that no noun
/// split fits, may still be an adjective compound: nouns, then an adjective the list
/// declines, beginning on a syllable ("verfassungswidrig" → verfassung·widrig); else it
/// stays whole: "ebenfalls" is no eben·falls, "aufzugeben" no aufzug·eben.
std::vector<std::string> split_compound(std::string_view folded_word,
                                        const CompoundDictionary& dictionary);

class CompoundSplitFilter final : public TokenFilter {
 public:
  /// @a dictionary must outlive the filter.
  explicit CompoundSplitFilter(const CompoundDictionary& dictionary);
  /// Uses CompoundDictionary::standard(), loaded only when a word long enough to be a
  /// compound comes by: a short query never pays for reading the word list.
  CompoundSplitFilter();

  /// Adds the parts of every compound after it, stacked on its position and byte range,
  /// marked is_compound_part. Runs on folded, unstemmed words; the parts are stemmed
  /// with everything else afterwards.
  void apply(TokenStream& tokens) override;

 private:
  const std::vector<std::string>& cached_split(const std::string& word);

  const CompoundDictionary* dictionary_;  // null until needed, for the standard one
  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace archivar
