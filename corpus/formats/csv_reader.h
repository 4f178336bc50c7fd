// CsvReader: delimited text (CSV, TSV), one article per row, columns named by a header row
// or by --csv-columns; which column fills which article field follows the field map.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corpus/article_reader.h"
#include "corpus/input/line_reader.h"

namespace archivar {

class CsvReader final : public ArticleReader {
 public:
  /// Reads from @a lines with fields separated by @a delimiter and quoted with @a quote
  /// ('\0': never quoted). @a columns names the columns of a file without a header row;
  /// when empty, the first row is the header. Columns are matched to the article fields
  /// (id, title, text, date, source, section, url, author) by @a field_map, whatever the
  /// case and spacing ("Überschrift" is "überschrift"); other columns are ignored.
  CsvReader(std::unique_ptr<LineReader> lines, std::string name, char delimiter, char quote,
            std::vector<std::string> columns, const FieldMap& field_map, Diagnostics& diagnostics);

  /// The most fields a row may have; a row with more is reported and skipped.
  static constexpr std::size_t kMaxFields = 10000;

  /// Quoting follows RFC 4180 as Python's csv module reads it: a quoted field may hold
  /// delimiters, line breaks and doubled quotes; a quote inside an unquoted field is
  /// text. Blank lines are passed over. A row with another number of fields than the
  /// header, or a quoted field never closed, is reported with its line and skipped (the
  /// lines after an unclosed quote are read again as rows of their own). A header
  /// without a title or text column is reported and the file skipped.
  std::optional<Article> next() override;
  std::uint64_t bytes_read() const override { return lines_->bytes_read(); }
  std::uint64_t stored_bytes_read() const override { return lines_->stored_bytes_read(); }

 private:
  struct Row {
    std::vector<std::string> fields;
    std::uint64_t line = 0;
  };
  enum class RowStatus { kRow, kEnd, kBroken };
  struct Line {
    std::string text;
    std::uint64_t number = 0;
    bool overlong = false;  // longer than kMaxRecordBytes, text left empty
    bool reread = false;    // taken again from reread_
  };

  /// Reads the next non-blank row; kBroken after reporting a row that cannot be split.
  RowStatus read_row(Row& row);
  /// The next physical line, from the re-read queue first; false at the end.
  bool next_line(Line& line);
  /// Matches the header (or --csv-columns) to the article fields; false when neither a
  /// title nor a text column is there.
  bool map_columns(const std::vector<std::string>& names, std::uint64_t line);

  std::unique_ptr<LineReader> lines_;
  std::string name_;
  char delimiter_;
  char quote_;
  const FieldMap& field_map_;
  Diagnostics& diagnostics_;
  std::vector<std::string> names_;  // column names
  bool header_pending_;
  bool header_from_file_;
  bool unusable_ = false;
  std::vector<std::optional<std::size_t>> columns_;           // article field -> column index
  std::deque<std::pair<std::uint64_t, std::string>> reread_;  // lines to parse again
};

}  // namespace archivar
