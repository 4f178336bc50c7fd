// InputError: a problem found in an input file (qrels or run), naming the file and the line.
// The readers throw it; archivar-eval prints what() ("FILE:LINE: message") and exits 1.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace archivar::eval {

class InputError : public std::runtime_error {
 public:
  /// `line` is 1-based; 0 means the problem concerns the whole file (e.g. it cannot be opened).
  InputError(std::string file, std::size_t line, const std::string& message);

  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

}  // namespace archivar::eval
