#include "corpus/formats/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "common/text/keyword.h"
#include "corpus/record_checks.h"

namespace archivar {
namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string describe_delimiter(char delimiter) {
  return delimiter == '\t' ? "tab" : fmt::format("'{}'", delimiter);
}

enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };

}  // namespace

CsvReader::CsvReader(std::unique_ptr<LineReader> lines, std::string name, char delimiter,
                     char quote, std::vector<std::string> columns, const FieldMap& field_map,
                     Diagnostics& diagnostics)
    : lines_(std::move(lines)),
      name_(std::move(name)),
      delimiter_(delimiter),
      quote_(quote),
      field_map_(field_map),
      diagnostics_(diagnostics),
      names_(std::move(columns)),
      header_pending_(names_.empty()),
      header_from_file_(header_pending_) {
  if (!header_pending_) unusable_ = !map_columns(names_, 0);
}

bool CsvReader::next_line(Line& line) {
  line.overlong = false;
  line.reread = !reread_.empty();
  if (line.reread) {
    line.number = reread_.front().first;
    line.text = std::move(reread_.front().second);
    reread_.pop_front();
    return true;
  }
  if (!lines_->next(line.text)) return false;
  line.number = lines_->line_number();
  line.overlong = lines_->overlong();
  if (!line.overlong) repair_encoding(line.text, origin(name_, line.number), name_, diagnostics_);
  return true;
}

CsvReader::RowStatus CsvReader::read_row(Row& row) {
  Line line;
  do {
    if (!next_line(line)) return RowStatus::kEnd;
    if (line.overlong) {
      diagnostics_.skipped(origin(name_, line.number),
                           fmt::format("line longer than {}", kMaxRecordText));
      return RowStatus::kBroken;
    }
  } while (is_blank(line.text));

  // A row read again after an unclosed quote may not span lines: that is how the quote
  // went wrong in the first place, and it keeps the recovery linear.
  const bool rereading = line.reread;
  row.fields.clear();
  row.line = line.number;
  std::vector<std::pair<std::uint64_t, std::string>> spanned;  // lines after the first
  std::string field;
  std::size_t row_bytes = 0;
  std::size_t field_count = 0;  // kept only up to kMaxFields
  State state = State::kFieldStart;
  const auto end_field = [&] {
    if (++field_count <= kMaxFields) row.fields.push_back(std::move(field));
    field.clear();
    state = State::kFieldStart;
  };
  while (true) {
    for (const char c : line.text) {
      switch (state) {
        case State::kFieldStart:
          if (quote_ != '\0' && c == quote_) {
            state = State::kQuoted;
          } else if (c == delimiter_) {
            end_field();
          } else {
            field += c;
            state = State::kUnquoted;
          }
          break;
        case State::kUnquoted:
          if (c == delimiter_) {
            end_field();
          } else {
            field += c;
          }
          break;
        case State::kQuoted:
          if (c == quote_) {
            state = State::kQuoteInQuoted;
          } else {
            field += c;
          }
          break;
        case State::kQuoteInQuoted:
          if (c == quote_) {  // a doubled quote stands for one
            field += c;
            state = State::kQuoted;
          } else if (c == delimiter_) {
            end_field();
          } else {  // text after the closing quote: kept, as Python's csv does
            field += c;
            state = State::kUnquoted;
          }
          break;
      }
    }
    if (state != State::kQuoted) {
      end_field();
      if (field_count <= kMaxFields) return RowStatus::kRow;
      // Thirty million empty fields took a gigabyte; no export has more than a few dozen.
      diagnostics_.skipped(origin(name_, row.line),
                           fmt::format("{} fields, more than the {} a row may have (delimiter {})",
                                       field_count, kMaxFields, describe_delimiter(delimiter_)));
      return RowStatus::kBroken;
    }
    // The line ends inside a quoted field: the field goes on on the next line.
    row_bytes += line.text.size() + 1;
    field += '\n';
    std::string reason;
    if (rereading) {
      reason = "quoted field not closed on its line (read again after an earlier unclosed quote)";
    } else if (row_bytes > kMaxRecordBytes) {
      reason = fmt::format("quoted field runs on for more than {}; a closing quote is missing",
                           kMaxRecordText);
    } else if (!next_line(line)) {
      reason = "quoted field not closed before the end of the file";
    } else if (line.overlong) {
      reason = fmt::format("line {} of the row is longer than {}", line.number, kMaxRecordText);
    } else {
      spanned.emplace_back(line.number, line.text);
      continue;
    }
    diagnostics_.skipped(origin(name_, row.line), reason);
    // Read the lines the runaway quote swallowed again, as rows of their own.
    reread_.insert(reread_.begin(), std::make_move_iterator(spanned.begin()),
                   std::make_move_iterator(spanned.end()));
    return RowStatus::kBroken;
  }
}

bool CsvReader::map_columns(const std::vector<std::string>& names, std::uint64_t line) {
  columns_.assign(std::size(FieldMap::kFields), std::nullopt);
  std::vector<std::string> folded_names;
  for (const std::string& name : names) folded_names.push_back(fold_keyword(name));
  for (std::size_t f = 0; f < std::size(FieldMap::kFields); ++f) {
    const std::string key = fold_keyword(field_map_.key_for(FieldMap::kFields[f]));
    for (std::size_t c = 0; c < names.size(); ++c) {
      if (folded_names[c] == key) {
        columns_[f] = c;
        break;
      }
    }
  }
  const auto has = [&](std::string_view field) {
    const auto it = std::ranges::find(FieldMap::kFields, field);
    return columns_[static_cast<std::size_t>(it - std::begin(FieldMap::kFields))].has_value();
  };
  if (has("title") || has("text")) return true;
  std::string listed;
  for (const std::string& name : names) listed += (listed.empty() ? "" : ", ") + trimmed(name);
  diagnostics_.input_failed(
      line == 0 ? name_ : origin(name_, line),
      fmt::format("no title or text column among the {} columns ({}); name them with "
                  "--field-map title=...,text=... or --csv-columns, or check the delimiter "
                  "(now {})",
                  names.size(), listed, describe_delimiter(delimiter_)));
  return false;
}

std::optional<Article> CsvReader::next() {
  Row row;
  while (!unusable_) {
    const RowStatus status = read_row(row);
    if (status == RowStatus::kEnd) return std::nullopt;
    if (status == RowStatus::kBroken) continue;
    if (header_pending_) {
      header_pending_ = false;
      names_ = row.fields;
      unusable_ = !map_columns(names_, row.line);
      continue;
    }
    const std::string where = origin(name_, row.line);
    if (row.fields.size() == names_.size() + 1 && row.fields.back().empty()) {
      row.fields.pop_back();  // a delimiter at the end of the row, as some exports write
    }
    if (row.fields.size() != names_.size()) {
      diagnostics_.skipped(
          where, fmt::format("{} fields where the {} has {} (delimiter {})", row.fields.size(),
                             header_from_file_ ? "header" : "--csv-columns", names_.size(),
                             describe_delimiter(delimiter_)));
      continue;
    }
    const auto field = [&](std::string_view name) {
      const auto it = std::ranges::find(FieldMap::kFields, name);
      const auto& column = columns_[static_cast<std::size_t>(it - std::begin(FieldMap::kFields))];
      return column ? trimmed(row.fields[*column]) : std::string();
    };
    Article article{.id = field("id"),
                    .title = field("title"),
                    .text = field("text"),
                    .date = field("date"),
                    .source = field("source"),
                    .section = field("section"),
                    .url = field("url"),
                    .author = field("author"),
                    .origin = where};
    if (!finish_record(article, name_, diagnostics_)) continue;
    return article;
  }
  return std::nullopt;
}

}  // namespace archivar
