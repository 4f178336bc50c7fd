// Checks every reader applies to its raw input and records, so all formats behave alike:
// invalid UTF-8 is repaired and reported, an article without an id gets one from its origin.
#pragma once

#include <string>
#include <string_view>

#include "common/article.h"
#include "corpus/diagnostics.h"

namespace archivar {

/// Makes @a bytes valid UTF-8 in place (see repair_utf8); a repair is reported at
/// @a where, once per @a file and counted every time.
void repair_encoding(std::string& bytes, std::string_view where, std::string_view file,
                     Diagnostics& diagnostics);

/// Gives @a article without an id the id "FILE:LINE" taken from its origin, and says so
/// once per file. The file part is the absolute path, so a re-run from elsewhere still
/// replaces the same article.
void ensure_id(Article& article, std::string_view file, Diagnostics& diagnostics);

/// Whether @a article has anything to search; reports and returns false when not.
bool has_content(const Article& article, Diagnostics& diagnostics);

/// "FILE:LINE", the origin of a record.
std::string origin(std::string_view file, std::uint64_t line);

}  // namespace archivar
