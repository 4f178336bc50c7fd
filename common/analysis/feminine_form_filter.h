// FeminineFormFilter: lets a search for the masculine form find the feminine one.
// "Ministerin", "Kanzlerinnen" also stand as "minister", "kanzler", which Snowball keeps apart.
#pragma once

#include <string>
#include <string_view>

#include "common/analysis/compound_dictionary.h"
#include "common/analysis/token_filter.h"

namespace archivar {

/// The masculine base of @a folded_word when it is a feminine form of a person noun
/// ("ministerin", "journalistinnen", "studentin" → "minister", "journalist", "student"),
/// or empty. The base must be a dictionary noun ending in -er, -ist, -ent or -at, so
/// "termin" or "berlin" stay as they are.
std::string masculine_base(std::string_view folded_word, const CompoundDictionary& dictionary);

class FeminineFormFilter final : public TokenFilter {
 public:
  /// Uses CompoundDictionary::standard(), loaded when a candidate word first comes by.
  FeminineFormFilter() = default;

  /// Adds the masculine base after each feminine form, stacked on its position and byte
  /// range (marked is_compound_part: documents gain it, queries keep the form typed).
  void apply(TokenStream& tokens) override;

 private:
  const CompoundDictionary* dictionary_ = nullptr;
};

}  // namespace archivar
