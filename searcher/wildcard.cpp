#include "searcher/wildcard.h"

#include <algorithm>
#include <utility>

namespace archivar {
namespace {

bool is_wildcard_character(char c) {
  return c == '*' || c == '?';
}

// Bytes after a UTF-8 lead byte: a '?' consumes a whole character.
std::size_t character_length(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(length, text.size() - at);
}

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= '0' && byte <= '9') || byte >= 0x80;
}

}  // namespace

bool is_wildcard(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '*') return true;
    if (word[i] == '?' && i + 1 < word.size() && is_word_byte(word[i + 1])) return true;
  }
  return false;
}

std::size_t literal_length(std::string_view pattern) {
  return static_cast<std::size_t>(
      std::ranges::count_if(pattern, [](char c) { return !is_wildcard_character(c); }));
}

bool matches_wildcard(std::string_view pattern, std::string_view text) {
  // Greedy with one backtrack point, the last '*': linear for the usual patterns.
  std::size_t p = 0, t = 0;
  std::size_t star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == '?') {
      ++p;
      t += character_length(text, t);
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      resume += character_length(text, resume);
      t = resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

WildcardTerms expand_wildcard(const Xapian::Database& database, std::string_view prefix,
                              std::string_view pattern, std::size_t limit) {
  const std::string_view literal =
      pattern.substr(0, std::min(pattern.find_first_of("*?"), pattern.size()));
  // Unprefixed terms begin with a lower-case letter, a digit or a non-ASCII letter;
  // prefixed ones (ids, sources, band keys) with a capital, and are left out.
  std::vector<std::string> starts;
  if (!prefix.empty() || !literal.empty()) {
    starts.push_back(std::string(prefix) + std::string(literal));
  } else {
    for (char c = '0'; c <= '9'; ++c) starts.emplace_back(1, c);
    for (char c = 'a'; c <= 'z'; ++c) starts.emplace_back(1, c);
    for (int byte = 0x80; byte <= 0xFF; ++byte) starts.emplace_back(1, static_cast<char>(byte));
  }
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (const std::string& start : starts) {
    for (auto it = database.allterms_begin(start); it != database.allterms_end(start); ++it) {
      const std::string term = *it;
      if (matches_wildcard(pattern, std::string_view(term).substr(prefix.size()))) {
        found.emplace_back(it.get_termfreq(), term);
      }
    }
  }
  WildcardTerms result;
  result.matched = found.size();
  if (found.size() > limit) {
    std::ranges::partial_sort(found, found.begin() + static_cast<std::ptrdiff_t>(limit),
                              [](const auto& a, const auto& b) { return a.first > b.first; });
    found.resize(limit);
  }
  for (auto& [frequency, term] : found) result.terms.push_back(std::move(term));
  return result;
}

}  // namespace archivar
