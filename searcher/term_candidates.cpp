#include "searcher/term_candidates.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "common/analysis/german_letter_fold_filter.h"

namespace archivar {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_folded_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// A code point beyond ASCII that NFKC case folding and diacritic removal can only turn
// into punctuation, space or symbols: it adds no letter to a word. The Latin-1 signs
// that fold to letters or digits (ª º ² ³ ¹ µ ¼ ½ ¾) are not among them.
bool folds_to_no_letter(UChar32 code) {
  if (code >= 0xA0 && code <= 0xBF) {
    return code != 0xAA && code != 0xBA && code != 0xB2 && code != 0xB3 && code != 0xB9 &&
           code != 0xB5 && (code < 0xBC || code > 0xBE);
  }
  return code == 0xD7 || code == 0xF7 ||        // × ÷
         (code >= 0x2000 && code <= 0x206F) ||  // general punctuation: dashes, quotes, …
         (code >= 0x20A0 && code <= 0x20CF);    // currency signs: €
}

// Whether @p term stands in @p word from @p i on, where each "ae", "oe", "ue" of the word
// may be read as its vowel alone or as written: Snowball's german2 stemmer reads "ue" as
// "u" in "Muenchen" but not in "Steuer", so one word may need both ("Steuererklaerung"
// stems to "steuererklar").
bool stands_at(std::string_view word, std::size_t i, std::string_view term, std::size_t k) {
  while (k < term.size()) {
    if (i >= word.size() || word[i] != term[k]) return false;
    const char c = word[i++];
    ++k;
    if ((c == 'a' || c == 'o' || c == 'u') && i < word.size() && word[i] == 'e') {
      if (k < term.size() && term[k] == 'e' && stands_at(word, i, term, k)) return true;
      ++i;  // the e read as part of the umlaut
    }
  }
  return true;
}

bool stands_in(std::string_view word, std::string_view term) {
  if (word.find(term) != std::string_view::npos) return true;
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    if (word[i] == term.front() && stands_at(word, i, term, 0)) return true;
  }
  return false;
}

}  // namespace

// A term from a weak verb is its infinitive's stem, which keeps the -n or -en that the
// inflected forms lack ("versammelten" → "versammeln", "schreit" → "schreien").
bool may_hold_term(std::string_view folded_word, const std::set<std::string>& terms) {
  return std::ranges::any_of(terms, [&](std::string_view term) {
    if (term.empty() || stands_in(folded_word, term)) return true;
    if (term.size() > 3 && term.ends_with('n') &&
        stands_in(folded_word, term.substr(0, term.size() - 1)))
      return true;
    return term.size() >= 4 && term.ends_with("en") &&
           stands_in(folded_word, term.substr(0, term.size() - 2));
  });
}

std::vector<std::pair<std::size_t, std::size_t>> term_candidates(
    std::string_view text, const std::set<std::string>& terms) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  if (terms.empty() || text.empty()) return spans;
  for (const std::string& term : terms) {
    if (!std::ranges::all_of(term, is_folded_alnum)) return {{0, text.size()}};
  }
  std::string buffer;  // a chunk's folded letters: never longer than the chunk's bytes
  bool previous_kept = false;
  for (std::size_t i = 0; i < text.size();) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (buffer.size() < i - begin) buffer.resize(2 * (i - begin));
    std::size_t length = 0;
    bool unsure = false;
    for (std::size_t at = begin; at < i;) {
      const char c = text[at];
      if (static_cast<unsigned char>(c) < 0x80) {
        if (is_ascii_alnum(c))
          buffer[length++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        ++at;
        continue;
      }
      UChar32 code = 0;  // negative for a malformed sequence: unsure, like other letters
      U8_NEXT(text.data(), at, i, code);
      if (const std::string_view spelled = german_letter_spelling(code); !spelled.empty()) {
        buffer[length++] = spelled[0];  // two letters for two bytes
        buffer[length++] = spelled[1];
      } else if (!folds_to_no_letter(code)) {
        unsure = true;
      }
    }
    const std::string_view letters(buffer.data(), length);
    const bool keep = unsure || may_hold_term(letters, terms);
    if (keep && previous_kept) {
      spans.back().second = i;  // neighbours analysed in one go
    } else if (keep) {
      spans.emplace_back(begin, i);
    }
    previous_kept = keep;
  }
  return spans;
}

}  // namespace archivar
