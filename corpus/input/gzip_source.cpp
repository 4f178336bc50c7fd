#include "corpus/input/gzip_source.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "corpus/input/peekable_source.h"

namespace archivar {
namespace {

// zlib's windowBits for a gzip header (16) with the largest window (15).
constexpr int kGzipWindow = 16 + MAX_WBITS;

}  // namespace

GzipSource::GzipSource(std::unique_ptr<ByteSource> raw, std::string name)
    : raw_(std::move(raw)), name_(std::move(name)), input_(1 << 16) {
  if (inflateInit2(&stream_, kGzipWindow) != Z_OK) {
    throw ReadError(name_ + ": cannot set up gzip decompression");
  }
}

GzipSource::~GzipSource() {
  inflateEnd(&stream_);
}

bool GzipSource::refill() {
  if (stream_.avail_in > 0) return true;
  if (raw_finished_) return false;
  const std::size_t n = raw_->read(reinterpret_cast<char*>(input_.data()), input_.size());
  raw_bytes_ += n;
  raw_finished_ = n == 0;
  stream_.next_in = input_.data();
  stream_.avail_in = static_cast<uInt>(n);
  return n > 0;
}

bool GzipSource::next_member() {
  if (!refill()) return false;
  if (stream_.avail_in < 2 && !raw_finished_) {
    // The magic bytes may straddle two reads: keep the first and add the next.
    const unsigned char first = stream_.next_in[0];
    input_[0] = first;
    const std::size_t n = raw_->read(reinterpret_cast<char*>(input_.data()) + 1, input_.size() - 1);
    raw_bytes_ += n;
    raw_finished_ = n == 0;
    stream_.next_in = input_.data();
    stream_.avail_in = static_cast<uInt>(n + 1);
  }
  const std::string_view head(reinterpret_cast<const char*>(stream_.next_in), stream_.avail_in);
  if (!starts_gzip_member(head)) {
    note_trailing_bytes();
    return false;
  }
  if (inflateReset(&stream_) != Z_OK) fail("cannot start the next member");
  return true;
}

void GzipSource::note_trailing_bytes() {
  const std::uint64_t at = raw_bytes_ - stream_.avail_in;
  do {
    const bool zeros = std::all_of(stream_.next_in, stream_.next_in + stream_.avail_in,
                                   [](unsigned char byte) { return byte == 0; });
    stream_.avail_in = 0;
    if (!zeros) {
      trailing_garbage_at_ = at;
      return;
    }
  } while (refill());
}

std::size_t GzipSource::read(char* buffer, std::size_t size) {
  if (finished_ && trailing_garbage_at_) report_trailing_garbage();
  if (finished_ || size == 0) return 0;
  stream_.next_out = reinterpret_cast<Bytef*>(buffer);
  stream_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
  const uInt wanted = stream_.avail_out;
  while (stream_.avail_out == wanted) {  // until something is decoded
    if (!refill()) {
      // zlib needs more input than there is: the stream breaks off here.
      broke_off_ = true;
      throw ReadError::truncated(name_, "gzip", raw_bytes_);
    }
    const int status = inflate(&stream_, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      if (!next_member()) {
        finished_ = true;
        break;
      }
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      fail(stream_.msg != nullptr ? stream_.msg : "cannot decompress");
    }
  }
  const std::size_t decoded = wanted - stream_.avail_out;
  if (decoded == 0 && trailing_garbage_at_) report_trailing_garbage();
  return decoded;
}

void GzipSource::report_trailing_garbage() const {
  throw ReadError(fmt::format(
      "{}: the bytes from byte {} on follow the end of the gzip data and are no gzip member "
      "(a damaged one?); they were not read",
      name_, *trailing_garbage_at_));
}

void GzipSource::fail(const char* detail) const {
  throw ReadError::corrupt(name_, "gzip", raw_bytes_ - stream_.avail_in, detail);
}

void check_gzip_integrity(const std::filesystem::path& path, const std::string& name) {
  auto raw = std::make_unique<PeekableSource>(open_raw_source(path));
  if (!starts_gzip_member(raw->peek(2))) return;
  GzipSource gzip(std::move(raw), name);
  std::vector<char> discarded(1 << 16);
  try {
    while (gzip.read(discarded.data(), discarded.size()) > 0) {
    }
  } catch (const ReadError&) {
    // What comes before a cut or before trailing bytes is sound: reading reports them.
    if (!gzip.broke_off_ && !gzip.trailing_garbage_at_) throw;
  }
}

}  // namespace archivar
