// JsonLinesReader: one JSON object per line, the export format of most news databases.
// Fields id, title, text, date, source, section, url, author; others are ignored.
#pragma once

#include <memory>
#include <string>

#include "corpus/article_reader.h"
#include "corpus/input/line_reader.h"

namespace archivar {

class JsonLinesReader final : public ArticleReader {
 public:
  /// Reads from @a lines; @a name is the file as messages show it.
  JsonLinesReader(std::unique_ptr<LineReader> lines, std::string name, const FieldMap& field_map,
                  Diagnostics& diagnostics);

  /// How deep arrays and objects may nest in a record.
  static constexpr std::size_t kMaxDepth = 100;

  /// Blank lines are passed over. A line that is not a JSON object, has neither title
  /// nor text, nests deeper than kMaxDepth or is longer than kMaxRecordBytes is reported
  /// and skipped. Strings, numbers and arrays of strings (joined by blank lines) are
  /// accepted as field values.
  std::optional<Article> next() override;
  std::uint64_t bytes_read() const override { return lines_->bytes_read(); }
  std::uint64_t stored_bytes_read() const override { return lines_->stored_bytes_read(); }

 private:
  std::unique_ptr<LineReader> lines_;
  std::string name_;
  const FieldMap& field_map_;
  Diagnostics& diagnostics_;
  std::string line_;
};

}  // namespace archivar
