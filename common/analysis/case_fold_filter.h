// CaseFoldFilter: Unicode NFKC normalisation and full case folding of every token.
// "STRASSE", "Straße" and "straße" all become "strasse"; ligatures and width variants unify.
#pragma once

#include <unicode/normalizer2.h>

#include "common/analysis/token_filter.h"

namespace archivar {

class CaseFoldFilter final : public TokenFilter {
 public:
  CaseFoldFilter();

  /// Applies ICU's NFKC_Casefold mapping, which also drops default-ignorable characters
  /// such as soft hyphens and maps ß to "ss"; typographic apostrophes become "'".
  void apply(TokenStream& tokens) override;

 private:
  const icu::Normalizer2* nfkc_casefold_;  // ICU-owned singleton, not owned here
};

}  // namespace archivar
