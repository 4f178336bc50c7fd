#include "searcher/word_variants.h"

#include <algorithm>
#include <cmath>

#include "common/text/utf8.h"

namespace archivar {
namespace {

// The bytes of @a utf8's first @a count characters (all of it when shorter).
std::size_t bytes_of_letters(std::string_view utf8, std::size_t count) {
  std::size_t at = 0;
  for (std::size_t seen = 0; at < utf8.size(); ++at) {
    if (!is_utf8_continuation(utf8[at]) && seen++ == count) break;
  }
  return at;
}

// @a utf8 without its last character.
std::string_view without_last_letter(std::string_view utf8) {
  std::size_t end = utf8.size();
  while (end > 0 && is_utf8_continuation(utf8[end - 1])) --end;
  return utf8.substr(0, end == 0 ? 0 : end - 1);
}

}  // namespace

bool is_rare_term(const Xapian::Database& database, std::string_view term,
                  const WordVariantOptions& options) {
  if (options.rare_share <= 0) return false;
  const double share_of_articles =
      std::floor(options.rare_share * static_cast<double>(database.get_doccount()));
  const double rare_up_to = std::max(static_cast<double>(options.rare_floor), share_of_articles);
  return static_cast<double>(database.get_termfreq(std::string(term))) <= rare_up_to;
}

std::vector<std::string> word_variants(const Xapian::Database& database, std::string_view term,
                                       const WordVariantOptions& options) {
  std::vector<std::string> variants;
  const std::size_t term_letters = utf8_length(term);
  if (term_letters < options.min_letters) return variants;
  // A number's neighbours in the term list are other numbers ("1990er": 1990s).
  if (std::ranges::any_of(term, [](char c) { return c >= '0' && c <= '9'; })) return variants;
  if (!is_rare_term(database, term, options)) return variants;
  const std::string stem(without_last_letter(term));
  const std::size_t max_letters = term_letters + options.max_extra_letters;
  // Past a term too long, every term that shares its first max_letters + 1 letters is too
  // long as well: skipping them reads a few hundred terms where a common beginning ("bund")
  // has thousands.
  for (auto it = database.allterms_begin(stem); it != database.allterms_end(stem);) {
    std::string candidate = *it;
    if (utf8_length(candidate) <= max_letters) {
      if (candidate != term) variants.push_back(std::move(candidate));
      ++it;
      continue;
    }
    std::string past_too_long = candidate.substr(0, bytes_of_letters(candidate, max_letters + 1));
    if (static_cast<unsigned char>(past_too_long.back()) == 0xFF) {
      ++it;
      continue;
    }
    ++past_too_long.back();
    it.skip_to(past_too_long);
  }
  return variants;
}

}  // namespace archivar
