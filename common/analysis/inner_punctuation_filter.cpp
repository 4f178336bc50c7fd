#include "common/analysis/inner_punctuation_filter.h"

#include <algorithm>
#include <string_view>

namespace archivar {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Splits at '.' and checks every segment with @p segment_ok(segment, index).
template <typename Predicate>
bool all_segments(std::string_view text, Predicate segment_ok) {
  std::size_t index = 0;
  for (std::size_t begin = 0;; ++index) {
    const std::size_t dot = text.find('.', begin);
    const std::string_view segment = text.substr(begin, dot - begin);
    if (!segment_ok(segment, index)) return false;
    if (dot == std::string_view::npos) return true;
    begin = dot + 1;
  }
}

bool is_thousands_grouped(std::string_view text) {
  return all_segments(text, [](std::string_view segment, std::size_t index) {
    const bool digits = !segment.empty() && std::ranges::all_of(segment, is_ascii_digit);
    return digits && (index == 0 ? segment.size() <= 3 : segment.size() == 3);
  });
}

bool is_dotted_abbreviation(std::string_view text) {
  return all_segments(text, [](std::string_view segment, std::size_t) {
    // Letters may be multi-byte (Ä), so count bytes generously: up to three letters.
    return !segment.empty() && segment.size() <= 6 &&
           std::ranges::none_of(segment, [](char c) { return is_ascii_digit(c) || c == '-'; });
  });
}

}  // namespace

void InnerPunctuationFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    if (token.text.find('.') == std::string::npos) continue;
    const bool drop_dots = token.has_digit ? is_thousands_grouped(token.text)
                                           : is_dotted_abbreviation(token.text);
    if (drop_dots) std::erase(token.text, '.');
  }
}

}  // namespace archivar
