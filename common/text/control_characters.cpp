#include "common/text/control_characters.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace archivar {
namespace {

bool is_control(UChar32 c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

// What a control character becomes in read text: nothing, or white space.
std::string_view replacement(UChar32 c, LineBreaks line_breaks) {
  switch (c) {
    case '\n':
    case '\r':
      return line_breaks == LineBreaks::kKeep ? "\n" : " ";
    case '\t':
      return line_breaks == LineBreaks::kKeep ? "\t" : " ";
    case '\f':
    case '\v':
      return " ";
    default:
      return "";
  }
}

// Calls @a visit(position, length, code point) for each character of @a text; an invalid
// byte comes as code point -1 of length 1.
template <typename Visit>
void for_each_character(std::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto size = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < size;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) i = start + 1;
    visit(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start), c);
  }
}

}  // namespace

bool has_control_characters(std::string_view text, LineBreaks line_breaks) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n' || byte == '\t') {
      if (line_breaks == LineBreaks::kToSpace) return true;
    } else if (byte < 0x20 || byte == 0x7F) {
      return true;
    } else if (byte == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80) {
      return true;  // U+0080-U+009F
    }
  }
  return false;
}

std::string without_control_characters(std::string_view text, LineBreaks line_breaks) {
  if (!has_control_characters(text, line_breaks)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool after_carriage_return = false;
  for_each_character(text, [&](std::size_t at, std::size_t length, UChar32 c) {
    const bool crlf = after_carriage_return && c == '\n';
    after_carriage_return = c == '\r';
    if (crlf) return;  // the '\r' stood for this line break already
    if (c >= 0 && is_control(c)) {
      out += replacement(c, line_breaks);
    } else {
      out += text.substr(at, length);
    }
  });
  return out;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_character(text, [&](std::size_t at, std::size_t length, UChar32 c) {
    if (c < 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[at]));
    } else if (c < 0x80 && is_control(c)) {
      out += fmt::format("\\x{:02x}", c);
    } else if (is_control(c)) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += text.substr(at, length);
    }
  });
  return out;
}

}  // namespace archivar
