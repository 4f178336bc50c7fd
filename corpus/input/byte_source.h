// ByteSource: a stream of bytes from a file or standard input, decompressed on the fly.
// Readers see plain bytes whether the input was plain, gzip or zstd.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace archivar {

/// A failure to read input: unreadable file, corrupt or truncated compressed data.
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  /// Reads up to @a size bytes into @a buffer; returns 0 only at the end of the data.
  /// Throws ReadError when the input cannot be read or is corrupt.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

/// Opens @a path ("-" for standard input). The compression is recognised by its magic
/// bytes, not the file name: gzip (1f 8b) and zstd (28 b5 2f fd); anything else is plain.
/// Throws ReadError naming the file when it cannot be opened.
std::unique_ptr<ByteSource> open_byte_source(const std::filesystem::path& path);

}  // namespace archivar
