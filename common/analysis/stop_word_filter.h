// StopWordFilter: marks German function words ("der", "und", "über") without removing them.
// They stay indexed so phrases like "Die Linke" match; ranked queries leave them out.
#pragma once

#include <string_view>

#include "common/analysis/token_filter.h"

namespace archivar {

class StopWordFilter final : public TokenFilter {
 public:
  /// Sets is_stop_word on tokens whose folded text is on the German list.
  void apply(TokenStream& tokens) override;

  /// Whether @a folded_word (case- and umlaut-folded, e.g. "fuer") is a German stop word.
  static bool is_stop_word(std::string_view folded_word);
};

}  // namespace archivar
