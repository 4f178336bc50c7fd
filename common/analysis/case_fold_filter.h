// CaseFoldFilter: Unicode NFKC normalisation and full case folding of every token.
// "STRASSE", "Straße" and "straße" all become "strasse"; ligatures and width variants unify.
#pragma once

#include <unicode/normalizer2.h>

#include <string>
#include <string_view>

#include "common/analysis/token_filter.h"

namespace archivar {

/// NFKC_Casefold of @a utf8, but with ß (and capital ẞ) kept as ß rather than "ss".
std::string case_fold_keeping_sharp_s(std::string_view utf8);

class CaseFoldFilter final : public TokenFilter {
 public:
  /// With @a keep_sharp_s, a word whose ß spelling is a word of its own beside the ss
  /// spelling (Maße and Masse, Buße and Busse: CompoundDictionary::keeps_sharp_s) keeps
  /// its ß, so that the two are indexed apart; StemFilter stems it as if spelt with ss.
  explicit CaseFoldFilter(bool keep_sharp_s = false);

  /// Applies ICU's NFKC_Casefold mapping, which also drops default-ignorable characters
  /// such as soft hyphens and maps ß to "ss"; typographic apostrophes become "'".
  void apply(TokenStream& tokens) override;

 private:
  const icu::Normalizer2* nfkc_casefold_;  // ICU-owned singleton, not owned here
  bool keep_sharp_s_;
};

}  // namespace archivar
