// WordVariants: the index terms a rare query word may stand for in the archive's other
// forms of it, which the stemmer keeps apart ("Assyrien" for assyrisch, "Afrika" for afrikanisch).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace archivar {

/// When a word of plain text (QueryParser::parse_plain) also matches its variants. Names,
/// loanwords and derivations ("afrikanische" for Afrika) are where Snowball's stems part
/// and where a question's wording and its answer's differ; a rare word is the one the
/// archive most likely writes otherwise. A frequent word keeps its own meaning: the
/// archive's other words beginning alike are mostly other words (Kanzler: Kanzlei).
struct WordVariantOptions {
  /// A term is rare when at most this share of the articles hold it (and at least
  /// rare_floor); 0 finds no variants.
  double rare_share = 0.01;
  Xapian::doccount rare_floor = 2;
  /// Shorter terms have too many neighbours to be told apart by their letters.
  std::size_t min_letters = 5;
  /// A variant begins with all of the term but its last letter, and runs at most this
  /// many letters longer than the term ("assyri": assyr, assyrisch's stem).
  std::size_t max_extra_letters = 2;
};

/// Whether @a term (an index term) is rare in @a database as @a options say.
bool is_rare_term(const Xapian::Database& database, std::string_view term,
                  const WordVariantOptions& options);

/// The variants of @a term, an unprefixed index term, in @a database (see
/// WordVariantOptions), without @a term itself, in term order; none when @a term is not
/// rare, shorter than options.min_letters letters, or holds a digit. They begin as @a term
/// does, with a lower-case letter: no prefixed term (a title's, an id) is among them.
/// Letters are UTF-8 characters.
std::vector<std::string> word_variants(const Xapian::Database& database, std::string_view term,
                                       const WordVariantOptions& options);

}  // namespace archivar
