// UTF-8 validation and repair, so that no invalid byte ever reaches the analyzer or the index.
// Legacy archives are often Windows-1252 (a superset of Latin-1); such text is converted.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace archivar {

enum class Utf8Repair {
  kNone,             ///< the input was valid UTF-8
  kFromWindows1252,  ///< the input was not UTF-8 but read as Windows-1252 / Latin-1
  kReplacedBytes,    ///< invalid bytes were replaced by U+FFFD
};

struct RepairedText {
  std::string text;
  Utf8Repair repair = Utf8Repair::kNone;
};

/// Whether @a byte continues a UTF-8 character (10xxxxxx) rather than starting one.
constexpr bool is_utf8_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

/// The characters (code points) of @a utf8: the bytes that start one. What a reader counts,
/// for lengths, columns and letters.
constexpr std::size_t utf8_length(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::ranges::count_if(utf8, [](char byte) { return !is_utf8_continuation(byte); }));
}

/// Whether @a bytes is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

/// Returns @a bytes as valid UTF-8. Text that is not UTF-8 but contains no byte that
/// Windows-1252 leaves undefined is converted from Windows-1252; otherwise every invalid
/// sequence becomes U+FFFD.
RepairedText repair_utf8(std::string_view bytes);

/// The character Windows-1252 puts at @a byte in 0x80..0x9F; 0 for the five bytes it
/// leaves undefined and for bytes outside that block.
char16_t windows1252_c1(unsigned char byte);

/// Converts Windows-1252 (and so Latin-1) bytes to UTF-8.
std::string windows1252_to_utf8(std::string_view bytes);

/// A short human description of @a repair for warnings ("read as Windows-1252").
std::string_view describe(Utf8Repair repair);

}  // namespace archivar
