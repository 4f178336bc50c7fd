#include "common/analysis/inner_punctuation_filter.h"

#include <algorithm>
#include <string_view>

#include "common/text/utf8.h"

namespace archivar {
namespace {

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// "U.S", "z.B", "i.d.R": every dot-separated segment one to three letters, no digits.
bool is_dotted_abbreviation(std::string_view text) {
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = text.find('.', begin);
    const std::string_view segment = text.substr(begin, dot - begin);
    if (segment.empty() || utf8_length(segment) > 3 ||
        std::ranges::any_of(segment, is_ascii_digit)) {
      return false;
    }
    if (dot == std::string_view::npos) return true;
    begin = dot + 1;
  }
}

// A dot after a digit and before exactly three digits groups thousands ("1.200",
// "2.000.000", and "1.200" inside the joined "1200eurojob"); "3.5" keeps its dot.
bool is_thousands_dot(std::string_view text, std::size_t dot) {
  if (dot == 0 || !is_ascii_digit(text[dot - 1])) return false;
  std::size_t digits = 0;
  while (dot + 1 + digits < text.size() && is_ascii_digit(text[dot + 1 + digits])) ++digits;
  return digits == 3;
}

}  // namespace

void InnerPunctuationFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    std::string& text = token.text;
    if (text.find('.') == std::string::npos) continue;
    if (!token.has_digit) {
      if (is_dotted_abbreviation(text)) std::erase(text, '.');
      continue;
    }
    std::string kept;
    kept.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '.' || !is_thousands_dot(text, i)) kept += text[i];
    }
    text = std::move(kept);
  }
}

}  // namespace archivar
