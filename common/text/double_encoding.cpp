#include "common/text/double_encoding.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "common/text/utf8.h"

namespace archivar {
namespace {

// The byte that @a c stands for when it came from reading one byte as Windows-1252 or
// Latin-1; nullopt for characters no single byte reads as.
std::optional<std::uint8_t> byte_of(UChar32 c) {
  if (c >= 0 && c <= 0xFF) return static_cast<std::uint8_t>(c);
  for (unsigned byte = 0x80; byte <= 0x9F; ++byte) {
    const char16_t mapped = windows1252_c1(static_cast<unsigned char>(byte));
    if (mapped != 0 && mapped == c) return static_cast<std::uint8_t>(byte);
  }
  return std::nullopt;
}

// The length of the UTF-8 sequence that lead byte @a lead starts; 0 for no lead.
int sequence_length(std::uint8_t lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Whether @a c is a character that European news text has and double encoding mangles:
// Latin letters with accents, typographic punctuation (quotes, dashes), the euro sign.
// This keeps correct text such as "Spaß“" (DF 93 would be an NKo letter) as it is.
bool is_plausible(UChar32 c) {
  return (c >= 0xA0 && c <= 0x24F) || (c >= 0x2010 && c <= 0x203A) || c == 0x20AC || c == 0x2122;
}

// Whether @a lead is a letter that correct text has on its own: Ä, Å, Æ, Ç, È, É. "Â"
// and "Ã" are not (their mojibake is what they usually are), nor are the leads of
// three- and four-byte sequences that need two or three matching characters after them.
bool is_common_letter_lead(UChar32 lead) {
  return lead >= 0xC4 && lead <= 0xC9;
}

bool is_letter_or_digit(UChar32 c) {
  return c >= 0 && u_isalnum(c);
}

// Whether @a byte can start the UTF-8 of a character that one byte in 0x80..0xBF reads as
// in Windows-1252 or Latin-1: C2 (U+0080..U+00BF), C5/C6/CB (Œ Š Ÿ Ž ƒ ˆ ˜), E2 (– „ € ™).
bool starts_continuation_stand_in(char byte) {
  return byte == '\xC2' || byte == '\xC5' || byte == '\xC6' || byte == '\xCB' || byte == '\xE2';
}

}  // namespace

std::size_t repair_double_encoding(std::string& text) {
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::string out;
  std::size_t repaired = 0;
  int32_t copied = 0;  // text[0, copied) is already in out
  // Every lead (U+00C2..U+00F4) is C3 xx in UTF-8, and what follows it must stand for a
  // continuation byte: only such places are decoded, the rest of the text is skipped.
  for (std::size_t at = text.find('\xC3'); at != std::string::npos;
       at = text.find('\xC3', at + 1)) {
    if (at + 2 >= text.size() || !starts_continuation_stand_in(text[at + 2])) continue;
    const auto start = static_cast<int32_t>(at);
    int32_t i = start;
    UChar32 lead;
    U8_NEXT(data, i, length, lead);
    const int needed =
        lead >= 0xC2 && lead <= 0xF4 ? sequence_length(static_cast<uint8_t>(lead)) : 0;
    if (needed == 0) continue;
    // Gather the continuation bytes the following characters stand for.
    std::array<std::uint8_t, 4> bytes{static_cast<std::uint8_t>(lead)};
    int32_t end = i;
    int found = 1;
    while (found < needed && end < length) {
      UChar32 c;
      int32_t next = end;
      U8_NEXT(data, next, length, c);
      const std::optional<std::uint8_t> byte = byte_of(c);
      if (!byte || *byte < 0x80 || *byte > 0xBF) break;
      bytes[static_cast<std::size_t>(found++)] = *byte;
      end = next;
    }
    if (found < needed) continue;
    // The bytes must make one well-formed character (no overlong form, no surrogate).
    int32_t decoded_length = 0;
    UChar32 decoded;
    U8_NEXT(bytes.data(), decoded_length, needed, decoded);
    if (decoded < 0 || decoded_length != needed || !is_plausible(decoded)) continue;
    // "„Ä“" is a name in quotes, not a mangled "ē": after a letter such as Ä the pair
    // counts only inside a word, next to another letter or digit.
    if (is_common_letter_lead(lead)) {
      UChar32 previous = -1;
      if (start > 0) {
        int32_t back = start;
        U8_PREV(data, 0, back, previous);
      }
      UChar32 after = -1;
      if (end < length) {
        int32_t next = end;
        U8_NEXT(data, next, length, after);
      }
      if (!is_letter_or_digit(previous) && !is_letter_or_digit(after)) continue;
    }
    if (out.empty()) out.reserve(text.size());
    out.append(text, static_cast<std::size_t>(copied), static_cast<std::size_t>(start - copied));
    out.append(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(needed));
    copied = end;
    at = static_cast<std::size_t>(end) - 1;
    ++repaired;
  }
  if (repaired == 0) return 0;
  out.append(text, static_cast<std::size_t>(copied));
  text = std::move(out);
  return repaired;
}

}  // namespace archivar
