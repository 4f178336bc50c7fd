#include "searcher/term_candidates.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "common/analysis/german_letter_fold_filter.h"
#include "common/analysis/strong_verb_filter.h"
#include "common/analysis/weak_verb_filter.h"

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

// Index of a folded letter or digit among TermCandidates' symbols, or -1.
int symbol(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '0' && c <= '9') return 26 + (c - '0');
  return -1;
}

}  // namespace

// A term from a weak verb is its infinitive's stem, which keeps the -n or -en that the
// inflected forms lack ("versammelten" → "versammeln", "schreit" → "schreien"); one from a
// strong verb may come from forms with other letters ("starb", "verstorben" → "sterb"), and
// one from a separable verb from its participle ("eingefuehrt" → "einfuehr").
TermCandidates::TermCandidates(const std::set<std::string>& terms)
    : by_start_(kSymbols * kSymbols), empty_(terms.empty()) {
  std::set<std::string> needles;
  for (const std::string& term : terms) {
    if (term.empty()) holds_empty_term_ = true;
    if (!std::ranges::all_of(term, is_folded_alnum)) only_folded_alnum_ = false;
    needles.insert(term);
    if (term.size() > 3 && term.ends_with('n')) needles.insert(term.substr(0, term.size() - 1));
    if (term.size() >= 4 && term.ends_with("en")) needles.insert(term.substr(0, term.size() - 2));
    for (const std::string_view form : strong_verb_forms_of(term)) needles.emplace(form);
    for (std::string& spelling : participle_spellings_of(term)) needles.insert(std::move(spelling));
  }
  needles.erase("");
  for (const std::string& needle : needles) {
    const auto index = static_cast<std::uint32_t>(needles_.size());
    needles_.push_back(needle);
    if (needle.size() == 1) {
      single_letters_.push_back(index);
    } else if (symbol(needle[0]) < 0 || symbol(needle[1]) < 0) {
      unfiled_.push_back(index);
    } else {
      by_start_[symbol(needle[0]) * kSymbols + symbol(needle[1])].push_back(index);
    }
  }
}

bool TermCandidates::may_hold(std::string_view word) const {
  if (holds_empty_term_) return true;
  for (const std::uint32_t n : single_letters_) {
    if (word.find(needles_[n]) != std::string_view::npos) return true;
  }
  for (const std::uint32_t n : unfiled_) {
    if (stands_in(word, needles_[n])) return true;
  }
  const auto starts_at = [&](std::size_t i, int first, char second) {
    const int next = symbol(second);
    if (next < 0) return false;
    return std::ranges::any_of(by_start_[first * kSymbols + next],
                               [&](std::uint32_t n) { return stands_at(word, i, needles_[n], 0); });
  };
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    const int first = symbol(word[i]);
    if (first < 0) continue;
    if (starts_at(i, first, word[i + 1])) return true;
    // ae, oe, ue read as the vowel alone: the needle's second letter follows the e.
    const char c = word[i];
    if ((c == 'a' || c == 'o' || c == 'u') && word[i + 1] == 'e' && i + 2 < word.size() &&
        starts_at(i, first, word[i + 2])) {
      return true;
    }
  }
  return false;
}

bool may_hold_term(std::string_view folded_word, const std::set<std::string>& terms) {
  return TermCandidates(terms).may_hold(folded_word);
}

std::vector<std::pair<std::size_t, std::size_t>> TermCandidates::in(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  if (empty_ || text.empty()) return spans;
  if (!only_folded_alnum_) return {{0, text.size()}};
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
    const bool keep = unsure || may_hold(letters);
    if (keep && previous_kept) {
      spans.back().second = i;  // neighbours analysed in one go
    } else if (keep) {
      spans.emplace_back(begin, i);
    }
    previous_kept = keep;
  }
  return spans;
}

std::vector<std::pair<std::size_t, std::size_t>> term_candidates(
    std::string_view text, const std::set<std::string>& terms) {
  return TermCandidates(terms).in(text);
}

}  // namespace archivar
