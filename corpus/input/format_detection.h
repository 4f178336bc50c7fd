// Format detection: which reader an input needs, told by its file name or its first bytes,
// for files on disk and for members of archives alike.
#pragma once

#include <cstddef>
#include <string_view>

#include "corpus/input_format.h"

namespace archivar {

/// How many leading (decompressed) bytes format_from_content() wants to see.
inline constexpr std::size_t kSniffBytes = 4096;

struct NameVerdict {
  InputFormat format = InputFormat::kAuto;
  /// False for names the content may overrule: a .txt file holding JSON Lines, an .xml
  /// file that may or may not be NITF.
  bool certain = false;
};

/// The format the extension of @a file_name tells, looking through .gz, .zst, .bz2 and
/// .xz: .jsonl/.ndjson/.json, .trec/.sgml/.sgm, .csv, .tsv/.tab, .html/.htm/.xhtml,
/// .nitf, .txt/.text (weak), .xml (weak, nothing by itself), and the archives .tar, .zip,
/// .tgz, .tbz2, .txz, .tzst and .tar.* . Case does not matter.
NameVerdict format_from_name(std::string_view file_name);

/// The format the first bytes @a head tell (after decompression): zip and tar
/// archives, '{' JSON Lines, "<DOC" TREC, NITF and HTML markup; kAuto otherwise.
/// A UTF-8 byte order mark and leading white space are skipped.
InputFormat format_from_content(std::string_view head);

/// The format of an input named @a file_name that starts with @a head: a certain name
/// decides, else the content, else a weak name (.txt is plain text); kAuto if none tells.
InputFormat detect_format(std::string_view file_name, std::string_view head);

/// Whether the file @a path (a path or a bare name) is a folder's own documentation:
/// README, LICENSE, LICENCE, COPYING, CHANGELOG or AUTHORS, in any case, with any
/// extension or none. As plain text it would be read as an article, so a directory walk
/// and an archive pass it over, as they pass over a README.md of no known format.
bool is_folder_documentation(std::string_view path);

}  // namespace archivar
