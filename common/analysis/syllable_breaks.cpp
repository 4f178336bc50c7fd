#include "common/analysis/syllable_breaks.h"

#include <algorithm>
#include <string>

namespace archivar {
bool is_folded_vowel(char letter) {
  return letter == 'a' || letter == 'e' || letter == 'i' || letter == 'o' || letter == 'u' ||
         letter == 'y';
}

namespace {

// The patterns' spelling of a folded word: ae, oe, ue back to the umlauts A, O, U, except
// after a vowel or q, where they are mostly letters of their own (Feuer, Mauer, Quelle).
// at[k] is where letter k of the result begins in the folded word.
std::string pattern_spelling(std::string_view folded, std::vector<std::size_t>& at) {
  std::string spelt;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    at.push_back(i);
    const char c = folded[i];
    const bool umlaut = (c == 'a' || c == 'o' || c == 'u') && i + 1 < folded.size() &&
                        folded[i + 1] == 'e' &&
                        (i == 0 || (!is_folded_vowel(folded[i - 1]) && folded[i - 1] != 'q'));
    if (umlaut) {
      spelt += static_cast<char>(c - 'a' + 'A');
      ++i;
    } else {
      spelt += c;
    }
  }
  return spelt;
}

}  // namespace

std::vector<bool> syllable_breaks(std::string_view folded_word,
                                  const CompoundDictionary& dictionary) {
  std::vector<std::size_t> at;
  std::string edged = pattern_spelling(folded_word, at);
  edged.insert(edged.begin(), '.');
  edged.push_back('.');
  // votes[k]: the highest digit for the gap before edged[k].
  std::vector<char> votes(edged.size() + 1, '0');
  for (std::size_t begin = 0; begin < edged.size(); ++begin) {
    const std::size_t longest =
        std::min(edged.size() - begin, CompoundDictionary::kMaxPatternLetters);
    for (std::size_t length = 1; length <= longest; ++length) {
      const std::string_view digits =
          dictionary.hyphenation_digits(std::string_view(edged).substr(begin, length));
      for (std::size_t k = 0; k < digits.size(); ++k) {
        votes[begin + k] = std::max(votes[begin + k], digits[k]);
      }
    }
  }
  std::vector<bool> breaks(folded_word.size(), false);
  for (std::size_t k = 1; k < at.size(); ++k) {
    breaks[at[k]] = (votes[k + 1] - '0') % 2 == 1;  // the gap before letter k
  }
  return breaks;
}

}  // namespace archivar
