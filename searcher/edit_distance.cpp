#include "searcher/edit_distance.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "common/analysis/german_letter_fold_filter.h"

namespace archivar {

std::size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t too_far = limit + 1;
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return too_far;
  const std::size_t n = a.size(), m = b.size();
  // Three rows of the dynamic programme (the one before the previous for swaps); cells
  // outside the band |i - j| <= limit stay "too far". Words are short: the rows live on
  // the stack unless one is not, since a word list scan calls this for many words.
  constexpr std::size_t kStackRow = 64;
  std::size_t stack_rows[3][kStackRow + 1];
  std::vector<std::size_t> heap_rows;
  std::size_t* rows[3];
  if (m <= kStackRow) {
    for (int r = 0; r < 3; ++r) rows[r] = stack_rows[r];
  } else {
    heap_rows.resize(3 * (m + 1));
    for (int r = 0; r < 3; ++r) rows[r] = heap_rows.data() + r * (m + 1);
  }
  std::size_t* before = rows[0];
  std::size_t* previous = rows[1];
  std::size_t* current = rows[2];
  std::fill(before, before + m + 1, too_far);
  std::fill(previous, previous + m + 1, too_far);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::fill(current, current + m + 1, too_far);
    const std::size_t from = i > limit ? i - limit : 0;
    const std::size_t to = std::min(m, i + limit);
    if (from == 0) current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = std::max<std::size_t>(from, 1); j <= to; ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      std::size_t best = std::min({substitution, previous[j] + 1, current[j - 1] + 1});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, before[j - 2] + 1);
      }
      current[j] = std::min(best, too_far);
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return too_far;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], too_far);
}

std::u32string folded_code_points(std::string_view utf8) {
  std::u32string out;
  folded_code_points(utf8, out);
  return out;
}

void folded_code_points(std::string_view utf8, std::u32string& out) {
  out.clear();
  for (std::size_t i = 0; i < utf8.size();) {
    UChar32 code = 0;
    U8_NEXT(utf8.data(), i, utf8.size(), code);
    if (code < 0) code = 0xFFFD;  // a malformed sequence
    if ((code >= 'A' && code <= 'Z') || (code >= 0xC0 && code <= 0xDE && code != 0xD7)) {
      code += 0x20;
    }
    if (const std::string_view spelled = german_letter_spelling(code); !spelled.empty()) {
      out.append(spelled.begin(), spelled.end());
    } else {
      out += static_cast<char32_t>(code);
    }
  }
}

}  // namespace archivar
