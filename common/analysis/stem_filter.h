// StemFilter: reduces every word to its Snowball German stem, whatever its case.
// Nouns are capitalised in German, so stemming only lower-case words would miss most of them.
#pragma once

#include <xapian.h>

#include "common/analysis/token_filter.h"

namespace archivar {

class StemFilter final : public TokenFilter {
 public:
  /// Uses Snowball's "german2" variant, which treats "ae", "oe", "ue" as umlauts,
  /// so the folded "muenchen" and "münchen" share the stem "munch".
  StemFilter();

  /// Stems every token without a digit ("2022", "5g" and "covid19" stay as they are). A
  /// word with ß (left so by CaseFoldFilter: "maße") is stemmed as spelt with ss and
  /// keeps its ß ("maß"), apart from the ss word ("masse": "mass").
  void apply(TokenStream& tokens) override;

 private:
  Xapian::Stem stemmer_;
};

}  // namespace archivar
