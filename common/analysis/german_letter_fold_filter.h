// GermanLetterFoldFilter: spells umlauts the way a keyboard without them does, and drops accents.
// München = Muenchen, Müller = Mueller, Café = Cafe; runs after case folding (ß is "ss" by then).
#pragma once

#include <unicode/normalizer2.h>

#include "common/analysis/token_filter.h"

namespace archivar {

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
