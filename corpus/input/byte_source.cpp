// Plain files and standard input are read with stdio; gzip data is decoded with zlib
// (GzipSource), other compressed data by libarchive (its "raw" format: one stream, no
// archive structure) through a read callback, so that the same code serves files, standard
// input and members of archives.
#include "corpus/input/byte_source.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "corpus/input/gzip_source.h"
#include "corpus/input/peekable_source.h"

namespace archivar {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const {
    if (file != nullptr && file != stdin) std::fclose(file);
  }
};
using FileHandle = std::unique_ptr<std::FILE, FileCloser>;

class FileSource final : public ByteSource {
 public:
  FileSource(FileHandle file, std::string name) : file_(std::move(file)), name_(std::move(name)) {}

  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t n = std::fread(buffer, 1, size, file_.get());
    if (n == 0 && std::ferror(file_.get())) {
      throw ReadError(name_ + ": read error: " + std::strerror(errno));
    }
    bytes_read_ += n;
    return n;
  }

  std::uint64_t stored_bytes_read() const override { return bytes_read_; }

 private:
  FileHandle file_;
  std::string name_;
  std::uint64_t bytes_read_ = 0;
};

// The compression a stream starts with, by its magic bytes; empty for none we know.
std::string_view compression_of(std::string_view head) {
  if (starts_gzip_member(head)) return "gzip";
  if (head.starts_with("BZh") && head.size() >= 4 && head[3] >= '1' && head[3] <= '9') {
    return "bzip2";
  }
  if (head.starts_with(std::string_view("\xfd"
                                        "7zXZ\0",
                                        6)))
    return "xz";
  if (head.starts_with("\x28\xb5\x2f\xfd")) return "zstd";
  return {};
}

struct ArchiveFree {
  void operator()(archive* handle) const { archive_read_free(handle); }
};

class DecompressingSource final : public ByteSource {
 public:
  DecompressingSource(std::unique_ptr<ByteSource> raw, std::string name,
                      std::string_view compression)
      : raw_(std::move(raw)),
        name_(std::move(name)),
        compression_(compression),
        input_(1 << 16),
        archive_(archive_read_new()) {
    if (!archive_) throw ReadError(name_ + ": cannot set up decompression");
    archive* const handle = archive_.get();
    // Only the filter the magic bytes named: libarchive would pass a stream that its
    // bidder rejects (a bare gzip header) through unfiltered.
    if (compression_ == "bzip2") archive_read_support_filter_bzip2(handle);
    if (compression_ == "xz") archive_read_support_filter_xz(handle);
    if (compression_ == "zstd") archive_read_support_filter_zstd(handle);
    archive_read_support_format_raw(handle);
    archive_read_support_format_empty(handle);  // compressed empty data
    if (archive_read_open(handle, this, nullptr, &DecompressingSource::pull, nullptr) !=
        ARCHIVE_OK) {
      fail();
    }
    if (archive_filter_count(handle) < 2) fail();  // only the "none" filter: not decompressed
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(handle, &entry);
    if (status == ARCHIVE_EOF) {
      finished_ = true;
    } else if (status != ARCHIVE_OK) {
      fail();
    }
  }

  std::uint64_t stored_bytes_read() const override { return raw_->stored_bytes_read(); }

  std::size_t read(char* buffer, std::size_t size) override {
    if (finished_) return 0;
    const la_ssize_t n = archive_read_data(archive_.get(), buffer, size);
    if (n < 0) fail();
    if (n == 0) finished_ = true;
    return static_cast<std::size_t>(n);
  }

 private:
  // libarchive's read callback: the next chunk of compressed bytes.
  static la_ssize_t pull(archive* handle, void* self_pointer, const void** chunk) {
    auto* self = static_cast<DecompressingSource*>(self_pointer);
    try {
      const std::size_t n = self->raw_->read(self->input_.data(), self->input_.size());
      self->raw_bytes_ += n;
      self->raw_finished_ = n == 0;
      *chunk = self->input_.data();
      return static_cast<la_ssize_t>(n);
    } catch (const ReadError& error) {
      self->raw_error_ = error.what();  // no exception may cross libarchive's C frames
      archive_set_error(handle, EIO, "%s", error.what());
      return -1;
    }
  }

  [[noreturn]] void fail() const {
    if (!raw_error_.empty()) throw ReadError(raw_error_);
    if (raw_finished_) throw ReadError::truncated(name_, compression_, raw_bytes_);
    const char* detail = archive_error_string(archive_.get());
    throw ReadError::corrupt(name_, compression_, raw_bytes_,
                             detail != nullptr ? detail : "cannot decompress");
  }

  std::unique_ptr<ByteSource> raw_;
  std::string name_;
  std::string compression_;
  std::vector<char> input_;
  std::unique_ptr<archive, ArchiveFree> archive_;
  std::uint64_t raw_bytes_ = 0;
  bool raw_finished_ = false;
  bool finished_ = false;
  std::string raw_error_;
};

}  // namespace

ReadError ReadError::truncated(std::string_view name, std::string_view compression,
                               std::uint64_t at) {
  return ReadError(fmt::format("{}: truncated {} data: the stream breaks off at byte {}", name,
                               compression, at));
}

ReadError ReadError::corrupt(std::string_view name, std::string_view compression, std::uint64_t at,
                             std::string_view detail) {
  return ReadError(
      fmt::format("{}: corrupt {} data near byte {}: {}", name, compression, at, detail));
}

std::string input_name(const std::filesystem::path& path) {
  return path == "-" ? "<stdin>" : path.string();
}

std::unique_ptr<ByteSource> open_raw_source(const std::filesystem::path& path) {
  const bool is_stdin = path == "-";
  const std::string name = input_name(path);
  FileHandle file(is_stdin ? stdin : std::fopen(path.c_str(), "rb"));
  if (!file) throw ReadError(name + ": cannot open: " + std::strerror(errno));
  return std::make_unique<FileSource>(std::move(file), name);
}

std::unique_ptr<ByteSource> decompress(std::unique_ptr<ByteSource> raw, const std::string& name) {
  auto peekable = std::make_unique<PeekableSource>(std::move(raw));
  const std::string_view compression = compression_of(peekable->peek(6));
  if (compression.empty()) return peekable;
  if (compression == "gzip") return std::make_unique<GzipSource>(std::move(peekable), name);
  return std::make_unique<DecompressingSource>(std::move(peekable), name, compression);
}

std::unique_ptr<ByteSource> open_byte_source(const std::filesystem::path& path) {
  return decompress(open_raw_source(path), input_name(path));
}

}  // namespace archivar
