// Double-encoded UTF-8: text that was UTF-8, read once more as Windows-1252 or Latin-1 and
// encoded again ("MÃ¼nchen" for "München"), a common flaw of news archives moved between systems.
#pragma once

#include <cstddef>
#include <string>

namespace archivar {

/// Repairs every double-encoded character in the valid UTF-8 @a text in place and returns
/// how many it repaired. A run of characters counts as double-encoded when the bytes
/// they stand for in Windows-1252 (or Latin-1, for U+0080..U+009F) form one well-formed
/// UTF-8 sequence of two to four bytes: "Ã¼" (C3 BC) is "ü", "â€ž" (E2 80 9E) is "„".
/// Correct text is left alone: "ü" or "Ä" on their own never match, and a text with no
/// byte 0xC3 (the UTF-8 of U+00C2..U+00F4, the possible leads) is not even scanned.
/// Text encoded three times needs a second call.
std::size_t repair_double_encoding(std::string& text);

}  // namespace archivar
