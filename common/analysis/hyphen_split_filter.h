// HyphenSplitFilter: makes a hyphenated word findable as a whole and by each of its parts.
// "Ukraine-Krise" becomes the parts "Ukraine", "Krise" and, stacked on the first, "UkraineKrise".
#pragma once

#include "common/analysis/token_filter.h"

namespace archivar {

class HyphenSplitFilter final : public TokenFilter {
 public:
  /// Replaces every token containing a hyphen by its parts, one position each and marked
  /// is_part, plus the parts joined without hyphens at the first part's position, so that
  /// "Ukraine-Krise" matches "Ukrainekrise", "Ukraine Krise" and "Krise".
  void apply(TokenStream& tokens) override;
};

}  // namespace archivar
