// LineReader: splits a ByteSource into lines and counts them, for line-oriented formats
// and for messages that name the line of a bad record.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus/input/byte_source.h"
#include "corpus/input/record_limit.h"

namespace archivar {

class LineReader {
 public:
  /// Lines longer than @a max_line_bytes are not kept in memory (see overlong()).
  explicit LineReader(std::unique_ptr<ByteSource> source,
                      std::size_t max_line_bytes = kMaxRecordBytes);

  /// Reads the next line into @a line without its "\n" or "\r\n" (nor a UTF-8 byte
  /// order mark before the first line); false at the end. A line longer than the limit
  /// is consumed to its end and returned empty, with overlong() true.
  bool next(std::string& line);

  /// Whether the line last returned was longer than the limit (and so returned empty).
  bool overlong() const { return overlong_; }
  /// Number of the line last returned by next(), counting from 1.
  std::uint64_t line_number() const { return line_number_; }
  /// Uncompressed bytes consumed so far.
  std::uint64_t bytes_read() const { return bytes_read_; }
  /// Bytes taken from the input as stored (see ByteSource::stored_bytes_read()).
  std::uint64_t stored_bytes_read() const { return source_->stored_bytes_read(); }

 private:
  bool fill();

  std::unique_ptr<ByteSource> source_;
  std::size_t max_line_bytes_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool overlong_ = false;
  std::uint64_t line_number_ = 0;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace archivar
