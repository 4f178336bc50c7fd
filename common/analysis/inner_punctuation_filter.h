// InnerPunctuationFilter: removes dots that are not part of a word's meaning.
// "U.S." = "US", "z.B." = "zB" and "1.200" = "1200", so either spelling finds the other.
#pragma once

#include "common/analysis/token_filter.h"

namespace archivar {

class InnerPunctuationFilter final : public TokenFilter {
 public:
  /// Drops the dots of abbreviations whose every segment is one to three letters
  /// ("U.S", "z.B", "i.d.R") and of numbers grouped in thousands ("1.200.000"), also
  /// in the parts and joined form of hyphenated words, so it runs after HyphenSplitFilter
  /// (and after CaseFoldFilter, which turns fullwidth dots into ASCII ones).
  /// Other dotted tokens ("zeit.de", "3.5") stay as they are.
  void apply(TokenStream& tokens) override;
};

}  // namespace archivar
