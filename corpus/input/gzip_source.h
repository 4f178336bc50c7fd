// GzipSource: the decompressed bytes of a gzip stream, decoded with zlib as they arrive,
// so that a file cut off in transfer yields every byte before the cut, then an error.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/input/byte_source.h"

namespace archivar {

/// libarchive decodes in blocks of 64 KB and drops the block under way when the input
/// ends early: a small truncated .gz gave nothing at all, a large one lost the articles
/// of its last block. zlib hands out what it has decoded. Concatenated members (as
/// `cat a.gz b.gz` makes) are read one after the other. Zero bytes after the last member
/// (padding to a tape block) are ignored; other bytes there, which may be a member whose
/// header was damaged, are not read but reported, as gzip(1) warns of them.
class GzipSource final : public ByteSource {
 public:
  /// @a raw starts with the gzip magic bytes; errors name the input @a name.
  GzipSource(std::unique_ptr<ByteSource> raw, std::string name);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  /// Throws ReadError "NAME: truncated gzip data: ..." once everything before a cut
  /// has been returned, "NAME: corrupt gzip data near byte N: ..." for bad data, and
  /// "NAME: ... after the end of the gzip data ..." once every member has been returned.
  std::size_t read(char* buffer, std::size_t size) override;
  std::uint64_t stored_bytes_read() const override { return raw_->stored_bytes_read(); }

 private:
  /// Reads more compressed bytes when zlib has used up the last ones; false at the end.
  bool refill();
  /// After a member's end: whether another member follows (then zlib is reset for it).
  bool next_member();
  /// After the last member: reads the rest and notes where it holds something but zeros.
  void note_trailing_bytes();
  [[noreturn]] void fail(const char* detail) const;
  [[noreturn]] void report_trailing_garbage() const;

  friend void check_gzip_integrity(const std::filesystem::path& path, const std::string& name);

  std::unique_ptr<ByteSource> raw_;
  std::string name_;
  z_stream stream_{};
  std::vector<unsigned char> input_;
  std::uint64_t raw_bytes_ = 0;  ///< compressed bytes read from raw_
  bool raw_finished_ = false;
  bool finished_ = false;
  bool broke_off_ = false;  ///< the data ended before the stream did
  /// Where bytes that are neither a member nor padding follow the last member.
  std::optional<std::uint64_t> trailing_garbage_at_;
};

/// Whether @a head starts with the gzip magic bytes (1f 8b) that open every member.
inline bool starts_gzip_member(std::string_view head) {
  return head.starts_with("\x1f\x8b");
}

/// gzip checks its data only at the end of each member (CRC-32), and what a corrupt
/// member decodes to before that is garbage that may parse as records. So a gzip file
/// (@a path, named @a name in messages) is decoded once, its output thrown away, before
/// it is read for real: corrupt data throws ReadError here, before anything of it reaches
/// the index. A file that merely breaks off passes (its bytes before the cut are sound),
/// and so does any file that is not gzip. Costs one more decompression, a small fraction
/// of indexing the text. Standard input and archive members cannot be read twice and are
/// not checked.
void check_gzip_integrity(const std::filesystem::path& path, const std::string& name);

}  // namespace archivar
