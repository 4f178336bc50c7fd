// WeakVerbFilter: brings the past and participle forms of weak German verbs to the infinitive.
// Snowball keeps "erhöhte", "erhöht", "gestartet" apart from "erhöhen", "starten".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/compound_dictionary.h"
#include "common/analysis/token_filter.h"

namespace archivar {

/// The infinitive of @a folded_word when it is an inflected form of a weak verb in the
/// dictionary ("erhoehte", "gestartet", "aenderten", "eingefuehrt" → "erhoehen", "starten",
/// "aendern", "einfuehren"), or empty. Nouns and words that are no verb form stay as they are.
/// Without @a after_particles, a separable verb's participle ("eingefuehrt", the "ge" after
/// the particle) stays too, as in indexes built before that step.
std::string weak_verb_infinitive(std::string_view folded_word, const CompoundDictionary& dictionary,
                                 bool after_particles = true);

/// @a term with a "ge" after each verb prefix it begins with ("einfuehr" → "eingefuehr"),
/// as a separable verb's participle spells it, for code that looks for the words a term may
/// come from without running the analyzer.
std::vector<std::string> participle_spellings_of(std::string_view term);

class WeakVerbFilter final : public TokenFilter {
 public:
  /// Uses CompoundDictionary::standard(), loaded when a candidate word first comes by;
  /// @a after_particles as for weak_verb_infinitive().
  explicit WeakVerbFilter(bool after_particles) : after_particles_(after_particles) {}

  /// Replaces each lower-case weak verb form by its infinitive, which the stemmer then
  /// reduces like every other form of the verb; capitalised words (nouns) stay.
  void apply(TokenStream& tokens) override;

 private:
  const CompoundDictionary* dictionary_ = nullptr;
  bool after_particles_;
};

}  // namespace archivar
