#include "common/analysis/stem_filter.h"

namespace archivar {

StemFilter::StemFilter() : stemmer_("german2") {}

void StemFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    if (token.has_digit) continue;
    std::string stem = stemmer_(token.text);
    if (!stem.empty()) token.text = std::move(stem);
  }
}

}  // namespace archivar
