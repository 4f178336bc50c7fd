// GermanLetterFoldFilter: spells umlauts the way a keyboard without them does, and drops accents.
// München = Muenchen, Müller = Mueller, Café = Cafe; runs after case folding (ß is "ss" by then).
#pragma once

#include <unicode/normalizer2.h>

#include <string>
#include <string_view>

#include "common/analysis/token_filter.h"

namespace archivar {

/// @a lower_case_word with ä, ö, ü written as ae, oe, ue (nothing else changed).
std::string spell_umlauts(std::string_view lower_case_word);

/// How the analyzer writes @a code in ASCII when it is one of the German letters ä, ö, ü
/// (either case) or ß: "ae", "oe", "ue", "ss"; empty for every other code point. For
/// code that folds single characters without running the analyzer.
std::string_view german_letter_spelling(UChar32 code);

class GermanLetterFoldFilter final : public TokenFilter {
 public:
  GermanLetterFoldFilter();

  /// Rewrites ä, ö, ü as ae, oe, ue, then removes the combining marks of any other
  /// accented letter (é → e, č → c). Expects lower-case input.
  void apply(TokenStream& tokens) override;

 private:
  const icu::Normalizer2* nfd_;  // ICU-owned singletons, not owned here
  const icu::Normalizer2* nfc_;
};

}  // namespace archivar
