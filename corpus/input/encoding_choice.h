// EncodingChoice: how the bytes of one input become UTF-8 — taken as they are (with
// invalid lines repaired one by one) or converted from a legacy encoding as a whole.
#pragma once

#include <string>
#include <string_view>

namespace archivar {

struct EncodingChoice {
  /// The ICU converter to read the input through; empty: the bytes are taken as UTF-8
  /// and each record that is not valid UTF-8 is repaired (read as Windows-1252).
  std::string convert_from;
  /// Why, for a note to the user; empty when there is nothing to say.
  std::string reason;
};

/// Chooses for an input that starts with @a head (@a complete: @a head is all of it).
/// In order: a @a forced encoding; a UTF-16 or UTF-32 byte order mark; valid UTF-8, and
/// UTF-8 mixed with invalid lines (per-record repair, as before); UTF-16 without a byte
/// order mark (every other byte zero); then the charset the markup declares
/// (charset=, encoding=) or else ICU's guess — Latin-1 and Windows-1252 stay with the
/// per-record repair, which reads exactly those; a weak guess (confidence below 20) too.
EncodingChoice choose_encoding(std::string_view head, bool complete, std::string_view forced);

}  // namespace archivar
