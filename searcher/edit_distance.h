// Edit distance between two words, bounded: how many single-character insertions,
// deletions, substitutions or swaps of neighbours turn one into the other, computed only
// as far as a limit, since spelling correction only cares about small distances.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace archivar {

/// The optimal-string-alignment distance between @a a and @a b (Levenshtein plus the
/// transposition of two adjacent characters as one edit), or @a limit + 1 when it is
/// larger than @a limit. Costs O(|a| · (2·limit + 1)).
std::size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

/// @a utf8 decoded to code points and folded as the analyzer folds German letters, so
/// that a distance counts only edits the analyzer does not forgive: upper-case ASCII and
/// Latin-1 letters lowered, ä ö ü as ae oe ue, ß as ss. Cheap enough for a whole word
/// list (no ICU). Invalid bytes stay as they are.
std::u32string folded_code_points(std::string_view utf8);

/// The same into @a out (cleared first), so that a scan over a word list reuses one buffer.
void folded_code_points(std::string_view utf8, std::u32string& out);

}  // namespace archivar
