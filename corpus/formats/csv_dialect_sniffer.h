// CsvDialectSniffer: tells a CSV file's delimiter (, ; tab |), quote character (" or ')
// and whether it has a header row from its first lines, as German Excel (;) and other
// exports write them, so that such files index without dialect options.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/field_map.h"
#include "corpus/reader_options.h"

namespace archivar {

struct SniffedDialect {
  char delimiter = ',';
  char quote = '"';  ///< '\0': fields are never quoted
  /// Names of the columns when the first row is data rather than a header (empty when it
  /// is a header): the longest column is the text, a column of short labels without digits
  /// the section, a column of dates the date; other columns get no name and are ignored.
  std::vector<std::string> columns;
};

/// Completes @a given (what the options said) from @a head, the start of the file's text:
/// the delimiter and quote the options left open are those under which the most rows
/// split into the same number of fields, at least two (ties: the rows with more quoted
/// fields, then @a default_delimiter and the order , ; tab |); the quote is '"' unless
/// fields are quoted with ' (no quoting only by the options); given ones are kept. Without given
/// columns, the first row is a header when it names a field of @a field_map or has no field longer
/// than a column name would be; otherwise the columns are named by their content (see
/// SniffedDialect::columns).
SniffedDialect sniff_csv_dialect(std::string_view head, bool head_is_whole_file,
                                 const CsvDialect& given, char default_delimiter,
                                 const FieldMap& field_map);

}  // namespace archivar
