// WeakVerbFilter: brings the past and participle forms of weak German verbs to the infinitive.
// Snowball keeps "erhöhte", "erhöht", "gestartet" apart from "erhöhen", "starten".
#pragma once

#include <string>
#include <string_view>

#include "common/analysis/compound_dictionary.h"
#include "common/analysis/token_filter.h"

namespace archivar {

/// The infinitive of @a folded_word when it is an inflected form of a weak verb in the
/// dictionary ("erhoehte", "gestartet", "aenderten" → "erhoehen", "starten", "aendern"),
/// or empty. Nouns and words that are no verb form stay as they are.
std::string weak_verb_infinitive(std::string_view folded_word,
                                 const CompoundDictionary& dictionary);

class WeakVerbFilter final : public TokenFilter {
 public:
  /// Uses CompoundDictionary::standard(), loaded when a candidate word first comes by.
  WeakVerbFilter() = default;

  /// Replaces each lower-case weak verb form by its infinitive, which the stemmer then
  /// reduces like every other form of the verb; capitalised words (nouns) stay.
  void apply(TokenStream& tokens) override;

 private:
  const CompoundDictionary* dictionary_ = nullptr;
};

}  // namespace archivar
