// TextLines: reads a whitespace-separated text file (qrels, run) one content line at a time.
// Skips blank lines and '#' comments, splits fields on whitespace as trec_eval does, counts lines.
#pragma once

#include <cstddef>
#include <fstream>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::eval {

/// Splits a line into fields separated by runs of whitespace (space, tab, CR, VT, FF).
std::vector<std::string_view> split_fields(std::string_view line);

class TextLines {
 public:
  /// Opens `path` ("-" is standard input); throws InputError if it cannot be opened.
  explicit TextLines(std::string path);
  /// Reads from a stream the caller owns; `name` is used in error messages.
  TextLines(std::istream& in, std::string name);

  TextLines(const TextLines&) = delete;
  TextLines& operator=(const TextLines&) = delete;

  /// The fields of the next line that is neither blank nor a comment, or nullopt at the end.
  /// The views stay valid until the next call. Throws InputError on a read error.
  std::optional<std::vector<std::string_view>> next();

  /// 1-based number of the line last returned by next().
  std::size_t line_number() const noexcept { return line_number_; }
  const std::string& name() const noexcept { return name_; }

  /// Throws InputError for the line last returned by next().
  [[noreturn]] void fail(const std::string& message) const;

 private:
  std::optional<std::ifstream> file_;
  std::istream* in_;  // not owning: file_ or a caller's stream
  std::string name_;
  std::string line_;
  std::size_t line_number_ = 0;
};

}  // namespace archivar::eval
