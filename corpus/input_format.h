// InputFormat: the kinds of input the indexer reads, and their names on the command line
// (--format) and in messages.
#pragma once

#include <optional>
#include <string_view>

namespace archivar {

enum class InputFormat {
  kAuto,       ///< recognise by name and content
  kJsonLines,  ///< one JSON object per line
  kTrec,       ///< TREC SGML, <DOC> records
  kCsv,        ///< delimited text with a header row, comma by default
  kTsv,        ///< the same, tab by default
  kHtml,       ///< one web page per file
  kNitf,       ///< IPTC News Industry Text Format (XML)
  kText,       ///< plain text, one article per file
  kArchive,    ///< tar or zip archive whose members are read by their own formats
};

/// The --format name of @a format ("jsonl", "csv", ...; "auto", "archive").
std::string_view format_name(InputFormat format);

/// The format a --format value names; nullopt for an unknown name. "archive" is not one:
/// archives are always recognised, and a forced format applies to their members.
std::optional<InputFormat> parse_format_name(std::string_view name);

/// The --format values parse_format_name() accepts, for help and messages.
inline constexpr std::string_view kFormatNames = "auto, jsonl, trec, csv, tsv, html, nitf, txt";

}  // namespace archivar
