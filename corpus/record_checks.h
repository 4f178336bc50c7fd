// Checks every reader applies to its raw input and records, so all formats behave alike:
// invalid UTF-8 is repaired and reported, double-encoded UTF-8 is repaired, an article
// without an id gets one from its origin.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/article.h"
#include "corpus/diagnostics.h"

namespace archivar {

/// The kind under which Diagnostics counts double-encoding repairs.
inline constexpr std::string_view kDoubleEncodedKind = "double-encoded UTF-8";

/// Makes @a bytes valid UTF-8 in place (see repair_utf8); a repair is reported at
/// @a where, once per @a file and counted every time.
void repair_encoding(std::string& bytes, std::string_view where, std::string_view file,
                     Diagnostics& diagnostics);

/// repair_encoding() for each line of a whole document, so that one line in another
/// encoding does not change how the others are read; @a first_line numbers the first.
void repair_encoding_by_line(std::string& document, std::string_view file, Diagnostics& diagnostics,
                             std::uint64_t first_line = 1);

/// The checks every reader makes before it returns @a article: double-encoded UTF-8 in
/// its fields is repaired (reported once per @a file, counted per article), control
/// characters are dropped (see drop_control_characters), an article with neither title
/// nor text is reported as skipped (returns false), one without an id gets one (see
/// ensure_id), and fields too long for a term or for analysis are reported (see
/// report_shortened_terms, report_partly_indexed).
bool finish_record(Article& article, std::string_view file, Diagnostics& diagnostics);

/// Drops the control characters (ESC, BEL, NUL, C1) from every field of @a article; title
/// and text keep their line breaks and tabs, the other fields get spaces for them. They
/// mean nothing in an article, and printed they would command the reader's terminal.
void drop_control_characters(Article& article);

/// Reports, as repaired, a title or text longer than the index analyses (see
/// schema::kMaxIndexedFieldBytes): the rest of it is stored but not searchable.
void report_partly_indexed(const Article& article, Diagnostics& diagnostics);

/// Reports, as repaired, each field of @a article whose search term Xapian could not take
/// whole (see schema::shortened_fields): it is indexed by a shortened term.
void report_shortened_terms(const Article& article, Diagnostics& diagnostics);

/// Gives @a article without an id the id "FILE:LINE" taken from its origin, and says so
/// once per file. The file part is the absolute path, so a re-run from elsewhere still
/// replaces the same article.
void ensure_id(Article& article, std::string_view file, Diagnostics& diagnostics);

/// Whether @a article has anything to search; reports and returns false when not.
bool has_content(const Article& article, Diagnostics& diagnostics);

/// "FILE:LINE", the origin of a record.
std::string origin(std::string_view file, std::uint64_t line);

/// @a file made absolute (a member "a.tar!b.html" too), so that an id made from it stays
/// the same when the indexer runs from another directory; "<stdin>" stays as it is. As
/// ids are: valid UTF-8 on one line, whatever bytes a file or archive member is named with.
std::string stable_path(std::string_view file);

}  // namespace archivar
