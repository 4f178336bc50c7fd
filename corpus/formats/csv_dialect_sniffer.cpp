#include "corpus/formats/csv_dialect_sniffer.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <tuple>

#include "common/date.h"
#include "common/text/keyword.h"

namespace archivar {
namespace {

constexpr std::array<char, 4> kDelimiters = {',', ';', '\t', '|'};
constexpr std::array<char, 2> kQuotes = {'"', '\''};
// Enough rows to see a dialect; a 64 KB head of news text holds fewer anyway.
constexpr std::size_t kMaxRows = 50;
// A header names its columns; a longer first field is text, so the first row is data.
constexpr std::size_t kMaxColumnNameBytes = 64;
// A section is a short label without digits (which ids and dates have).
constexpr std::size_t kMaxSectionBytes = 30;

struct Rows {
  std::vector<std::vector<std::string>> rows;
  std::size_t quoted_fields = 0;
};

// Splits @a head into rows as CsvReader does (a quote opens a quoted field only at its
// start; doubled inside), dropping blank lines and a last row that the head cuts.
Rows split_rows(std::string_view head, bool whole, char delimiter, char quote) {
  Rows result;
  std::vector<std::string> row;
  std::string field;
  bool at_field_start = true;
  bool in_quotes = false;
  bool row_has_text = false;
  const auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    at_field_start = true;
  };
  for (std::size_t i = 0; i < head.size() && result.rows.size() < kMaxRows; ++i) {
    const char c = head[i];
    if (in_quotes) {
      if (c != quote) {
        field += c;
      } else if (i + 1 < head.size() && head[i + 1] == quote) {
        field += c;
        ++i;
      } else {
        in_quotes = false;
      }
      continue;
    }
    if (c == '\n') {
      if (row_has_text) {
        end_field();
        result.rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      at_field_start = true;
      row_has_text = false;
      continue;
    }
    if (c == '\r') continue;
    row_has_text = true;
    if (at_field_start && quote != '\0' && c == quote) {
      in_quotes = true;
      at_field_start = false;
      ++result.quoted_fields;
    } else if (c == delimiter) {
      end_field();
    } else {
      field += c;
      at_field_start = false;
    }
  }
  if (whole && !in_quotes && row_has_text && result.rows.size() < kMaxRows) {
    end_field();
    result.rows.push_back(std::move(row));
  }
  return result;
}

// How well (@a delimiter, @a quote) splits @a head: rows with the most common field
// count (0 unless that count is at least 2), then quoted fields.
struct Fit {
  std::size_t consistent_rows = 0;
  std::size_t quoted_fields = 0;
  Rows rows;
};

Fit fit(std::string_view head, bool whole, char delimiter, char quote) {
  Fit result{.rows = split_rows(head, whole, delimiter, quote)};
  std::map<std::size_t, std::size_t> rows_by_width;
  for (const auto& row : result.rows.rows) ++rows_by_width[row.size()];
  for (const auto& [width, count] : rows_by_width) {
    if (width >= 2) result.consistent_rows = std::max(result.consistent_rows, count);
  }
  result.quoted_fields = result.consistent_rows > 0 ? result.rows.quoted_fields : 0;
  return result;
}

bool names_a_field(const std::vector<std::string>& row, const FieldMap& field_map) {
  for (const std::string& cell : row) {
    const std::string folded = fold_keyword(cell);
    for (const std::string_view field : FieldMap::kFields) {
      if (folded == fold_keyword(field_map.key_for(field))) return true;
    }
  }
  return false;
}

bool is_data(const std::vector<std::string>& row) {
  return std::ranges::any_of(
      row, [](const std::string& cell) { return cell.size() > kMaxColumnNameBytes; });
}

// Names the columns of headerless @a rows by their content (see SniffedDialect::columns).
std::vector<std::string> name_columns(const std::vector<std::vector<std::string>>& rows,
                                      const FieldMap& field_map) {
  const std::size_t width = rows.front().size();
  std::vector<std::string> names(width);
  std::vector<double> average(width, 0);
  std::vector<bool> all_dates(width, true);
  std::vector<bool> all_labels(width, true);
  std::size_t counted = 0;
  for (const auto& row : rows) {
    if (row.size() != width) continue;
    ++counted;
    for (std::size_t c = 0; c < width; ++c) {
      average[c] += static_cast<double>(row[c].size());
      if (!row[c].empty() && !Date::parse(row[c])) all_dates[c] = false;
      if (row[c].empty() || row[c].size() > kMaxSectionBytes ||
          row[c].find_first_of("0123456789") != std::string::npos) {
        all_labels[c] = false;
      }
    }
  }
  for (double& value : average) value /= static_cast<double>(std::max<std::size_t>(counted, 1));
  const std::size_t text =
      static_cast<std::size_t>(std::ranges::max_element(average) - average.begin());
  names[text] = field_map.key_for("text");
  bool have_section = false;
  bool have_date = false;
  for (std::size_t c = 0; c < width; ++c) {
    if (c == text) continue;
    if (!have_date && all_dates[c]) {
      names[c] = field_map.key_for("date");
      have_date = true;
    } else if (!have_section && all_labels[c]) {
      names[c] = field_map.key_for("section");
      have_section = true;
    }
  }
  return names;
}

}  // namespace

SniffedDialect sniff_csv_dialect(std::string_view head, bool head_is_whole_file,
                                 const CsvDialect& given, char default_delimiter,
                                 const FieldMap& field_map) {
  std::vector<char> delimiters = {default_delimiter};
  for (const char d : kDelimiters) {
    if (d != default_delimiter) delimiters.push_back(d);
  }
  if (given.delimiter) delimiters = {*given.delimiter};
  std::vector<char> quotes(kQuotes.begin(), kQuotes.end());
  if (given.quote) quotes = {*given.quote};

  SniffedDialect best{.delimiter = delimiters.front(), .quote = quotes.front()};
  std::optional<Fit> best_fit;
  for (const char delimiter : delimiters) {
    for (const char quote : quotes) {
      Fit candidate = fit(head, head_is_whole_file, delimiter, quote);
      // Another quote than '"' only when the file uses it (and never none): a '"' left
      // open by mistake must not make the file look unquoted.
      if (!given.quote && quote != '"' && candidate.quoted_fields == 0) continue;
      if (best_fit && std::tie(candidate.consistent_rows, candidate.quoted_fields) <=
                          std::tie(best_fit->consistent_rows, best_fit->quoted_fields)) {
        continue;
      }
      best = {.delimiter = delimiter, .quote = quote};
      best_fit = std::move(candidate);
    }
  }
  const auto& rows = best_fit->rows.rows;
  if (given.columns.empty() && best_fit->consistent_rows > 0 && !rows.empty() &&
      !names_a_field(rows.front(), field_map) && is_data(rows.front())) {
    best.columns = name_columns(rows, field_map);
  }
  return best;
}

}  // namespace archivar
