#include "common/analysis/hyphen_split_filter.h"

#include <cctype>
#include <string_view>

namespace archivar {
namespace {

// The hyphens IcuWordTokenizer joins words with: U+002D, U+2010, U+2011 (UTF-8 E2 80 90/91).
std::size_t hyphen_length_at(std::string_view text, std::size_t i) {
  if (text[i] == '-') return 1;
  if (text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size() &&
      (text[i + 2] == '\x90' || text[i + 2] == '\x91')) {
    return 3;
  }
  return 0;
}

bool contains_digit(std::string_view text) {
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

}  // namespace

void HyphenSplitFilter::apply(TokenStream& tokens) {
  TokenStream out;
  out.reserve(tokens.size());
  for (Token& token : tokens) {
    const std::string_view text = token.text;
    std::vector<Token> parts;
    std::string joined;
    std::size_t part_begin = 0;
    for (std::size_t i = 0; i <= text.size();) {
      const std::size_t hyphen = i < text.size() ? hyphen_length_at(text, i) : 1;
      if (hyphen == 0) {
        ++i;
        continue;
      }
      if (i > part_begin) {
        Token part;
        part.text.assign(text.substr(part_begin, i - part_begin));
        part.start = token.start + static_cast<std::uint32_t>(part_begin);
        part.end = token.start + static_cast<std::uint32_t>(i);
        part.has_digit = contains_digit(part.text);
        part.is_part = true;
        joined += part.text;
        parts.push_back(std::move(part));
      }
      i += hyphen;
      part_begin = i;
    }
    if (parts.size() < 2) {
      out.push_back(std::move(token));
      continue;
    }
    parts.front().position_increment = token.position_increment;
    Token whole = token;
    whole.text = std::move(joined);
    whole.position_increment = 0;
    out.push_back(std::move(parts.front()));
    out.push_back(std::move(whole));
    for (std::size_t k = 1; k < parts.size(); ++k) out.push_back(std::move(parts[k]));
  }
  tokens = std::move(out);
}

}  // namespace archivar
