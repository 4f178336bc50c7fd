// Token: one unit of analysed text, the currency of the analysis chain.
// Carries the term text as the filters rewrite it, and where it came from in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace archivar {

struct Token {
  /// The term as the chain has made it so far (UTF-8). After the full chain: the index term.
  std::string text;
  /// Byte offsets of the source word in the analysed UTF-8 input, [start, end).
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  /// 1 for a token that follows its predecessor, 0 for one stacked on the same position
  /// (the joined form of a hyphenated word, later the parts of a compound).
  std::uint32_t position_increment = 1;
  /// Absolute word position within the analysed text, assigned once the chain has run.
  std::uint32_t position = 0;
  /// A German function word: indexed (phrases need it) but left out of ranked queries.
  bool is_stop_word = false;
  /// One piece of a larger word that is also in the stream, stacked at the piece's first
  /// position (the parts of "Ukraine-Krise" beside "ukrainekrise"). Queries ask for the
  /// whole word or for all its parts in order.
  bool is_part = false;
  /// A part of a closed compound ("personal" of "botschaftspersonal"), stacked on the
  /// compound's position. Queries ask for the compound or for all its parts.
  bool is_compound_part = false;
  /// Written with a capital first letter: in German mostly a noun ("Macht", not "macht").
  bool capitalised = false;
  /// Contains a digit: exempt from stemming and letter folding of numbers.
  bool has_digit = false;
};

/// Filters rewrite the whole stream of one text in place; see token_filter.h.
using TokenStream = std::vector<Token>;

/// Whether tokens[i] is stacked on the position of the word before it (a joined form, a
/// compound's part) rather than a word of its own: the first token never is.
inline bool is_stacked(const TokenStream& tokens, std::size_t i) {
  return i > 0 && tokens[i].position_increment == 0;
}

}  // namespace archivar
