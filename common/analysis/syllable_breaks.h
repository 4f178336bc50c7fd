// SyllableBreaks: where a folded German word may break between syllables, by Liang's
// hyphenation patterns, so the compound splitter can tell jahres·ende from jahre·sende.
#pragma once

#include <string_view>
#include <vector>

#include "common/analysis/compound_dictionary.h"

namespace archivar {

/// Whether @a letter of a folded word (a-z) is a vowel: a, e, i, o, u or y.
bool is_folded_vowel(char letter);

/// For each byte of @a folded_word (lower case, umlauts spelt ae/oe/ue, ß as ss), whether a
/// syllable may begin there, by the hyphenation patterns @a dictionary holds (Liang 1983:
/// every pattern that matches a substring of ".word." votes at each gap, the highest digit
/// wins, odd digits break). "bundesamtes": bun·des·am·tes. All false when the dictionary
/// has no patterns. The first byte is never a break.
std::vector<bool> syllable_breaks(std::string_view folded_word,
                                  const CompoundDictionary& dictionary);

}  // namespace archivar
