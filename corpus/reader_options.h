// ReaderOptions: what the indexer's command line says about reading input — field names,
// the CSV dialect, a forced encoding and format — handed to every reader.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/field_map.h"
#include "corpus/input_format.h"

namespace archivar {

/// How a CSV or TSV file is delimited and quoted.
struct CsvDialect {
  /// The field delimiter; unset: ',' for CSV, tab for TSV.
  std::optional<char> delimiter;
  /// The quote character; unset: '"'. '\0' means fields are never quoted.
  std::optional<char> quote;
  /// Column names for files without a header row; empty: the first row is the header.
  std::vector<std::string> columns;
};

struct ReaderOptions {
  /// Renames input fields: JSON keys, CSV columns.
  FieldMap field_map;
  CsvDialect csv;
  /// An ICU converter name ("windows-1252", "ISO-8859-15", "UTF-16LE") every input is
  /// read as; empty: detected per file.
  std::string encoding;
  /// The format of the members of archives; kAuto: recognised per member.
  InputFormat member_format = InputFormat::kAuto;
};

}  // namespace archivar
