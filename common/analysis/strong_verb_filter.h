// StrongVerbFilter: brings the irregular forms of strong and mixed German verbs to the infinitive.
// Snowball keeps "starb", "gestorben", "stirbt" apart from "sterben"; a table of forms joins them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/compound_dictionary.h"
#include "common/analysis/token_filter.h"

namespace archivar {

/// The infinitive of @a folded_word when it is a form of a strong or mixed verb that no
/// ending derives from the infinitive, also after verb prefixes and with an inflection
/// ending ("starb", "verstorbene", "ausgestorben", "anerkannt", "gaben" → "sterben",
/// "versterben", "aussterben", "anerkennen", "geben"), or empty. A prefixed or inflected
/// form counts only where @a dictionary knows it as a word that is no noun.
std::string strong_verb_infinitive(std::string_view folded_word,
                                   const CompoundDictionary& dictionary);

/// The forms of the table's verbs whose stem ends @a term ("sterb", "versterb": "starb",
/// "stirbt", "gestorben", "storben"), each participle also without its "ge" (as after "ver"),
/// for code that looks for the words a term may come from without running the analyzer.
std::vector<std::string_view> strong_verb_forms_of(std::string_view term);

class StrongVerbFilter final : public TokenFilter {
 public:
  /// Uses CompoundDictionary::standard(), loaded when a candidate word first comes by.
  StrongVerbFilter() = default;

  /// Replaces each lower-case strong verb form by its infinitive, which the stemmer then
  /// reduces like every other form of the verb; capitalised words (nouns: "Stand",
  /// "Schloss") stay.
  void apply(TokenStream& tokens) override;

 private:
  const CompoundDictionary* dictionary_ = nullptr;
};

}  // namespace archivar
