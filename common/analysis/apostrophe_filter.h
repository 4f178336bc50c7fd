// ApostropheFilter: removes apostrophes inside words, whichever character stands for one.
// "Ku'damm" = "Ku’damm" = "Kudamm", and "Söder's", "gibt’s" stem as "Söders", "gibts" do.
#pragma once

#include "common/analysis/token_filter.h"

namespace archivar {

/// ICU keeps an apostrophe between letters inside the word, so "gibt's" was a term of its
/// own, not "gibt"; and "Söder's", the apostrophe of English possessives often used in
/// German, found no article about Söder (FANG-COVID: 3,718 of 41,242 articles have such
/// words). Without the apostrophe the stemmer treats the clitic or genitive -s as the
/// ending it is.
///
/// Removes U+0027, U+2018, U+2019 and U+02BC from every token (a token of apostrophes
/// alone, such as the letter U+02BC standing by itself, is left empty, and the Analyzer
/// drops it). Runs after CaseFoldFilter (which maps typographic and fullwidth apostrophes
/// to U+0027) and before stop words and stems.
class ApostropheFilter final : public TokenFilter {
 public:
  void apply(TokenStream& tokens) override;
};

}  // namespace archivar
