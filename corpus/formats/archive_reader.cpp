#include "corpus/formats/archive_reader.h"

#include <archive_entry.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>

#include "common/text/utf8.h"

namespace archivar {

// The data of the archive's current member, read through the archive's handle block by
// block: archive_read_data() fills the caller's buffer from several blocks and, when a
// later one fails, returns the error alone, so the bytes of a truncated member before the
// cut were lost with it (none of its complete records was indexed).
class ArchiveReader::MemberSource final : public ByteSource {
 public:
  MemberSource(ArchiveReader& owner, std::string name) : owner_(owner), name_(std::move(name)) {}

  std::size_t read(char* buffer, std::size_t size) override {
    while (block_.empty()) {
      const void* data = nullptr;
      std::size_t length = 0;
      la_int64_t offset = 0;
      const int status = archive_read_data_block(owner_.archive_.get(), &data, &length, &offset);
      if (status == ARCHIVE_EOF) return 0;
      if (status < ARCHIVE_WARN) fail(status);
      // A sparse member's hole comes as a jump of the offset: it reads as zeros.
      hole_ = offset > position_ ? static_cast<std::uint64_t>(offset - position_) : 0;
      block_ = std::string_view(static_cast<const char*>(data), length);
      position_ = offset + static_cast<la_int64_t>(length);
      if (hole_ > 0) break;
    }
    if (hole_ > 0) {
      const auto zeros = static_cast<std::size_t>(std::min<std::uint64_t>(hole_, size));
      std::fill_n(buffer, zeros, '\0');
      hole_ -= zeros;
      return zeros;
    }
    const std::size_t n = std::min(size, block_.size());
    std::copy_n(block_.data(), n, buffer);
    block_.remove_prefix(n);
    return n;
  }

  std::uint64_t stored_bytes_read() const override { return owner_.stored_bytes_read(); }

 private:
  [[noreturn]] void fail(int status) const {
    if (!owner_.source_error_.empty()) {
      owner_.member_failed_fatally_ = true;
      throw ReadError(owner_.source_error_);
    }
    owner_.member_failed_fatally_ = status == ARCHIVE_FATAL;
    const char* detail = archive_error_string(owner_.archive_.get());
    throw ReadError(fmt::format("{}: cannot read member: {}", name_,
                                detail != nullptr ? detail : "unknown error"));
  }

  ArchiveReader& owner_;
  std::string name_;
  std::string_view block_;   // what is left of the block libarchive handed out last
  std::uint64_t hole_ = 0;   // zeros to hand out before block_
  la_int64_t position_ = 0;  // in the member, after block_
};

ArchiveReader::ArchiveReader(std::unique_ptr<ByteSource> source, std::string name,
                             const ReaderOptions& options, Diagnostics& diagnostics, int depth)
    : source_(std::move(source)),
      name_(std::move(name)),
      options_(options),
      diagnostics_(diagnostics),
      depth_(depth),
      input_(1 << 16),
      archive_(archive_read_new()) {
  if (!archive_) throw ReadError(name_ + ": cannot set up archive reading");
  // Compression was undone before (see decompress), so only the archive formats.
  archive_read_support_format_tar(archive_.get());
  archive_read_support_format_gnutar(archive_.get());
  archive_read_support_format_zip(archive_.get());
  archive_read_support_format_empty(archive_.get());
  if (archive_read_open(archive_.get(), this, nullptr, &ArchiveReader::pull, nullptr) !=
      ARCHIVE_OK) {
    fail("not a readable tar or zip archive");
  }
}

la_ssize_t ArchiveReader::pull(archive* handle, void* self_pointer, const void** chunk) {
  auto* self = static_cast<ArchiveReader*>(self_pointer);
  try {
    const std::size_t n = self->source_->read(self->input_.data(), self->input_.size());
    *chunk = self->input_.data();
    return static_cast<la_ssize_t>(n);
  } catch (const ReadError& error) {
    self->source_error_ = error.what();  // no exception may cross libarchive's C frames
    archive_set_error(handle, EIO, "%s", error.what());
    return -1;
  }
}

void ArchiveReader::fail(std::string_view what) const {
  if (!source_error_.empty()) throw ReadError(source_error_);
  const char* detail = archive_error_string(archive_.get());
  throw ReadError(
      fmt::format("{}: {}: {}", name_, what, detail != nullptr ? detail : "unknown error"));
}

bool ArchiveReader::open_next_member() {
  while (true) {
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(archive_.get(), &entry);
    if (status == ARCHIVE_EOF) return false;
    if (status == ARCHIVE_FATAL || status == ARCHIVE_RETRY || entry == nullptr) {
      fail("damaged archive");
    }
    const char* raw_path = archive_entry_pathname(entry);
    std::string path = repair_utf8(raw_path != nullptr ? raw_path : "").text;
    while (path.starts_with("./")) path.erase(0, 2);
    const std::string member = name_ + "!" + path;
    if (status == ARCHIVE_FAILED) {
      const char* detail = archive_error_string(archive_.get());
      diagnostics_.input_failed(member, detail != nullptr ? detail : "unreadable member");
      continue;
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const std::size_t slash = path.rfind('/');
    const std::string_view base = slash == std::string::npos
                                      ? std::string_view(path)
                                      : std::string_view(path).substr(slash + 1);
    if (base.starts_with('.') || path.starts_with("__MACOSX/")) continue;
    member_name_ = member;
    try {
      member_ = open_article_reader(std::make_unique<MemberSource>(*this, member), member,
                                    options_.member_format, options_, diagnostics_, depth_ + 1);
      return true;
    } catch (const ReadError& error) {
      if (member_failed_fatally_) throw;
      diagnostics_.input_failed(member, error.what());
    }
  }
}

std::optional<Article> ArchiveReader::next() {
  while (!finished_) {
    if (member_) {
      try {
        if (std::optional<Article> article = member_->next()) return article;
      } catch (const ReadError& error) {
        if (member_failed_fatally_) throw;
        diagnostics_.input_failed(member_name_, error.what());
      }
      finished_members_bytes_ += member_->bytes_read();
      member_.reset();
    }
    if (!open_next_member()) finished_ = true;
  }
  return std::nullopt;
}

std::uint64_t ArchiveReader::bytes_read() const {
  return finished_members_bytes_ + (member_ ? member_->bytes_read() : 0);
}

}  // namespace archivar
