// Keyword folding for exact-match fields (source, section): case and spacing do not matter.
// "Rheinische  Rundschau" and "rheinische rundschau" name the same source.
#pragma once

#include <string>
#include <string_view>

namespace archivar {

/// Case-folds @a value (Unicode, NFKC), trims it and collapses runs of white space to one.
std::string fold_keyword(std::string_view value);

/// Trims @a value and collapses runs of white space (space, tab, line breaks) to one space.
std::string collapse_whitespace(std::string_view value);
/// @a text with its ASCII capitals in lower case, other bytes as they are: for names that
/// are ASCII by definition (query fields, host names).
std::string lower_ascii(std::string_view text);

}  // namespace archivar
