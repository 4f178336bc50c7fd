// TokenFilter: one step of the analysis chain, after Lucene's tokenizer-then-filters design.
// Each filter rewrites, drops or adds tokens of one text; the Analyzer runs them in order.
#pragma once

#include "common/analysis/token.h"

namespace archivar {

class TokenFilter {
 public:
  virtual ~TokenFilter() = default;

  /// Rewrites @a tokens in place. Tokens keep their byte offsets into the original input;
  /// a filter that adds tokens sets their position_increment (0 = same position).
  virtual void apply(TokenStream& tokens) = 0;
};

}  // namespace archivar
