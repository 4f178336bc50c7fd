// ByteSource: a stream of bytes from a file, standard input or an archive member,
// decompressed on the fly, so that readers see plain bytes whatever the compression.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace archivar {

/// A failure to read input: unreadable file, corrupt or truncated compressed data.
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;

  /// "NAME: truncated COMPRESSION data: the stream breaks off at byte AT" (of the input
  /// as stored), for every decompressor alike.
  static ReadError truncated(std::string_view name, std::string_view compression, std::uint64_t at);
  /// "NAME: corrupt COMPRESSION data near byte AT: DETAIL".
  static ReadError corrupt(std::string_view name, std::string_view compression, std::uint64_t at,
                           std::string_view detail);
};

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  /// Reads up to @a size bytes into @a buffer; returns 0 only at the end of the data.
  /// Throws ReadError when the input cannot be read or is corrupt.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;

  /// Bytes taken so far from the input as stored (before decompression): how far through
  /// a compressed file the reading is, for progress.
  virtual std::uint64_t stored_bytes_read() const = 0;
};

/// The bytes of @a path ("-" for standard input) as they are on disk.
/// Throws ReadError naming the file when it cannot be opened.
std::unique_ptr<ByteSource> open_raw_source(const std::filesystem::path& path);

/// The decompressed bytes of @a raw when they start with the magic bytes of gzip (1f 8b),
/// bzip2 ("BZh"), xz (fd "7zXZ" 00) or zstd (28 b5 2f fd), whatever the file is called;
/// anything else is passed on as it is. Errors name the input @a name.
std::unique_ptr<ByteSource> decompress(std::unique_ptr<ByteSource> raw, const std::string& name);

/// open_raw_source() followed by decompress().
std::unique_ptr<ByteSource> open_byte_source(const std::filesystem::path& path);

/// "<stdin>" for "-", else the path as given: how messages name an input.
std::string input_name(const std::filesystem::path& path);

}  // namespace archivar
