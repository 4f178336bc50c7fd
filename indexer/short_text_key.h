// ShortTextKey: the identity of an article too short for a MinHash fingerprint (a headline
// with a teaser): articles with equal keys have the same words, title and text, in order.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace archivar {

/// Front pages and agency feeds repeat the same short item word for word ("Trump warnt
/// Iran vor Wiederaufrüstung" on three sites the same day): too few words for MinHash
/// (MinHashSignature::kMinWords), but as an exact copy of title and text they are one
/// story. Collapsing them shows each once with "+N similar" instead of side by side.
///
/// The words are analysed terms (stems, folded), so case, punctuation, spacing and
/// inflection do not tell copies apart; the title takes part, since here it is most of
/// the text. A key is "=" and 16 hex digits; it cannot equal a MinHash band key.
class ShortTextKey {
 public:
  /// Fewer words name no story: "Video", "Liveblog Ukraine".
  static constexpr std::size_t kMinWords = 3;

  /// The key of the words @a words (title then text); nullopt with fewer than kMinWords.
  static std::optional<std::string> of(std::span<const std::string_view> words);
};

}  // namespace archivar
