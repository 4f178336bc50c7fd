// Plain, gzip and zstd sources. The file is opened once; its first bytes are sniffed and
// handed on, so standard input (which cannot seek) works the same as a file.
#include "corpus/input/byte_source.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace archivar {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const {
    if (file != nullptr && file != stdin) std::fclose(file);
  }
};
using FileHandle = std::unique_ptr<std::FILE, FileCloser>;

// Raw bytes of a file, with bytes already read for sniffing served first.
class FileSource final : public ByteSource {
 public:
  FileSource(FileHandle file, std::string name) : file_(std::move(file)), name_(std::move(name)) {}

  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t served = 0;
    if (consumed_ < pending_.size()) {
      served = std::min(size, pending_.size() - consumed_);
      std::memcpy(buffer, pending_.data() + consumed_, served);
      consumed_ += served;
    }
    const std::size_t n = std::fread(buffer + served, 1, size - served, file_.get());
    if (n == 0 && std::ferror(file_.get())) {
      throw ReadError(name_ + ": read error: " + std::strerror(errno));
    }
    return served + n;
  }

  /// Reads (and keeps for later reads) up to @a size leading bytes.
  std::string_view peek(std::size_t size) {
    while (pending_.size() < size) {
      char buffer[16];
      const std::size_t n = std::fread(buffer, 1, size - pending_.size(), file_.get());
      if (n == 0) break;
      pending_.append(buffer, n);
    }
    return pending_;
  }

 private:
  FileHandle file_;
  std::string name_;
  std::string pending_;
  std::size_t consumed_ = 0;
};

constexpr std::size_t kChunk = 1 << 16;

class GzipSource final : public ByteSource {
 public:
  GzipSource(std::unique_ptr<FileSource> raw, std::string name)
      : raw_(std::move(raw)), name_(std::move(name)), input_(kChunk) {
    // 15 + 32: accept gzip and zlib headers alike.
    if (inflateInit2(&stream_, 15 + 32) != Z_OK) throw ReadError(name_ + ": zlib init failed");
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  std::size_t read(char* buffer, std::size_t size) override {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(size);
    while (stream_.avail_out == size) {
      if (stream_.avail_in == 0) {
        const std::size_t n = raw_->read(input_.data(), input_.size());
        if (n == 0) {
          if (!finished_member_) throw ReadError(name_ + ": truncated gzip data");
          break;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_.avail_in = static_cast<uInt>(n);
      }
      const int status = inflate(&stream_, Z_NO_FLUSH);
      finished_member_ = status == Z_STREAM_END;
      if (status == Z_STREAM_END) {
        inflateReset(&stream_);  // concatenated members, as gzip itself allows
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        throw ReadError(name_ + ": corrupt gzip data at byte " + std::to_string(stream_.total_in) +
                        ": " + (stream_.msg != nullptr ? stream_.msg : "inflate failed"));
      }
    }
    return size - stream_.avail_out;
  }

 private:
  std::unique_ptr<FileSource> raw_;
  std::string name_;
  std::vector<char> input_;
  z_stream stream_{};
  bool finished_member_ = false;
};

class ZstdSource final : public ByteSource {
 public:
  ZstdSource(std::unique_ptr<FileSource> raw, std::string name)
      : raw_(std::move(raw)),
        name_(std::move(name)),
        input_(ZSTD_DStreamInSize()),
        context_(ZSTD_createDCtx()) {
    if (!context_) throw ReadError(name_ + ": zstd init failed");
  }

  std::size_t read(char* buffer, std::size_t size) override {
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size) {
        const std::size_t n = raw_->read(input_.data(), input_.size());
        if (n == 0) {
          if (!frame_done_) throw ReadError(name_ + ": truncated zstd data");
          break;
        }
        in_ = ZSTD_inBuffer{input_.data(), n, 0};
      }
      const std::size_t result = ZSTD_decompressStream(context_.get(), &out, &in_);
      if (ZSTD_isError(result)) {
        throw ReadError(name_ + ": corrupt zstd data: " + ZSTD_getErrorName(result));
      }
      frame_done_ = result == 0;
    }
    return out.pos;
  }

 private:
  struct ContextFree {
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
  };
  std::unique_ptr<FileSource> raw_;
  std::string name_;
  std::vector<char> input_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  std::unique_ptr<ZSTD_DCtx, ContextFree> context_;
  bool frame_done_ = true;
};

}  // namespace

std::unique_ptr<ByteSource> open_byte_source(const std::filesystem::path& path) {
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "<stdin>" : path.string();
  FileHandle file(is_stdin ? stdin : std::fopen(path.c_str(), "rb"));
  if (!file) throw ReadError(name + ": cannot open: " + std::strerror(errno));
  auto raw = std::make_unique<FileSource>(std::move(file), name);
  const std::string_view magic = raw->peek(4);
  if (magic.size() >= 2 && magic[0] == '\x1f' && magic[1] == '\x8b') {
    return std::make_unique<GzipSource>(std::move(raw), name);
  }
  if (magic == std::string_view("\x28\xb5\x2f\xfd", 4)) {
    return std::make_unique<ZstdSource>(std::move(raw), name);
  }
  return raw;
}

}  // namespace archivar
