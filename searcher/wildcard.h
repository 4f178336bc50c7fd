// Wildcard: a query word with * (any letters) or ? (one letter), expanded to the index
// words it matches: "Drost*" finds Drosten and Drostens, "Mask?npflicht" Maskenpflicht.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace archivar {

/// Whether @a word asks for a wildcard search: a '*' anywhere, or a '?' before a letter
/// or digit ("Impfstoff?" at the end of a question is punctuation).
bool is_wildcard(std::string_view word);

/// Whether @a text matches @a pattern as a whole: '*' stands for any characters, none
/// included, '?' for exactly one (UTF-8) character.
bool matches_wildcard(std::string_view pattern, std::string_view text);

/// The characters of @a pattern that are not wildcards, counted in bytes.
std::size_t literal_length(std::string_view pattern);

struct WildcardTerms {
  std::vector<std::string> terms;  ///< with their prefix, the most frequent when limited
  std::size_t matched = 0;         ///< how many terms matched in all (may exceed terms)
};

/// The terms of @a database that are @a prefix followed by a match of @a pattern (folded
/// as index terms are: "drost*"); of more than @a limit, the @a limit in most articles.
/// Without a prefix only unprefixed terms (words of title and text) count.
WildcardTerms expand_wildcard(const Xapian::Database& database, std::string_view prefix,
                              std::string_view pattern, std::size_t limit);

}  // namespace archivar
