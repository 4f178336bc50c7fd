#include "common/analysis/stem_filter.h"

#include <string>
#include <string_view>
#include <vector>

namespace archivar {
namespace {

constexpr std::string_view kSharpS = "\xC3\x9F";

// @a stem of a word spelt with ß, stemmed as spelt with ss: each "ss" of the stem that
// stood for a ß is ß again ("mass" of "Maßes" becomes "maß"). The stemmer cuts endings and
// reads ae/oe/ue as umlauts, but keeps the order of the ss pairs it leaves.
std::string restore_sharp_s(std::string_view word, std::string_view stem) {
  std::vector<bool> was_sharp_s;  // for each ss pair of the ss spelling, in order
  for (std::size_t i = 0; i < word.size();) {
    if (word.substr(i).starts_with(kSharpS) || word.substr(i).starts_with("ss")) {
      was_sharp_s.push_back(word[i] != 's');
      i += 2;
    } else {
      ++i;
    }
  }
  std::string restored;
  std::size_t pair = 0;
  for (std::size_t i = 0; i < stem.size();) {
    if (stem.substr(i).starts_with("ss")) {
      restored += pair < was_sharp_s.size() && was_sharp_s[pair] ? kSharpS : "ss";
      ++pair;
      i += 2;
    } else {
      restored += stem[i++];
    }
  }
  return restored;
}

}  // namespace

StemFilter::StemFilter() : stemmer_("german2") {}

void StemFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    if (token.has_digit) continue;
    // A word CaseFoldFilter left with ß (Maße, to keep it apart from Masse).
    if (token.text.find(kSharpS) != std::string::npos) {
      std::string spelt_ss = token.text;
      for (std::size_t at; (at = spelt_ss.find(kSharpS)) != std::string::npos;) {
        spelt_ss.replace(at, kSharpS.size(), "ss");
      }
      const std::string stem = stemmer_(spelt_ss);
      if (!stem.empty()) token.text = restore_sharp_s(token.text, stem);
      continue;
    }
    std::string stem = stemmer_(token.text);
    if (!stem.empty()) token.text = std::move(stem);
  }
}

}  // namespace archivar
