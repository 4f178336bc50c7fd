// Charset guessing: which legacy encoding a run of bytes that is not UTF-8 was written in,
// by ICU's statistical charset detector (ucsdet).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace archivar {

struct CharsetGuess {
  std::string name;      ///< ICU's name: "ISO-8859-1", "windows-1252", "UTF-16LE", ...
  int confidence = 0;    ///< 0 to 100
  std::string language;  ///< ISO 639 code when ICU has a guess ("de"), else empty
};

/// ICU's best guess for @a bytes; nullopt when it has none. Markup (HTML, XML tags) is
/// filtered out before guessing, so that tag names do not outweigh the text.
std::optional<CharsetGuess> guess_charset(std::string_view bytes);

/// Whether @a name is an encoding ICU can convert from ("latin1", "cp1252", "UTF-16").
bool is_known_charset(std::string_view name);

/// Whether @a name is ISO-8859-1, Windows-1252 or US-ASCII under any of their aliases:
/// the encodings that per-line repair (see repair_utf8) already reads.
bool is_latin1_family(std::string_view name);

}  // namespace archivar
