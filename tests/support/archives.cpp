#include "support/archives.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <stdexcept>

namespace archivar::test {
namespace {

struct WriterFree {
  void operator()(archive* handle) const { archive_write_free(handle); }
};
using Writer = std::unique_ptr<archive, WriterFree>;

void check(archive* handle, int status) {
  if (status != ARCHIVE_OK) {
    const char* message = archive_error_string(handle);
    throw std::runtime_error(std::string("libarchive: ") + (message ? message : "error"));
  }
}

void add_filter(archive* handle, Compression compression) {
  switch (compression) {
    case Compression::kNone:
      return;
    case Compression::kGzip:
      return check(handle, archive_write_add_filter_gzip(handle));
    case Compression::kBzip2:
      return check(handle, archive_write_add_filter_bzip2(handle));
    case Compression::kXz:
      return check(handle, archive_write_add_filter_xz(handle));
    case Compression::kZstd:
      return check(handle, archive_write_add_filter_zstd(handle));
  }
}

// Writes @a members with the writer @a handle (format and filter set) into memory.
std::string write_members(archive* handle, const std::vector<Member>& members, bool raw_format) {
  // The output buffer must be large enough for the whole archive.
  std::size_t plain_size = 1 << 16;
  for (const auto& [path, bytes] : members) plain_size += bytes.size() * 2 + 1024;
  std::string buffer(plain_size, '\0');
  std::size_t used = 0;
  check(handle, archive_write_set_bytes_in_last_block(handle, 1));
  check(handle, archive_write_open_memory(handle, buffer.data(), buffer.size(), &used));
  for (const auto& [path, bytes] : members) {
    const std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                              &archive_entry_free);
    archive_entry_set_pathname(entry.get(), path.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    check(handle, archive_write_header(handle, entry.get()));
    if (!bytes.empty() && archive_write_data(handle, bytes.data(), bytes.size()) !=
                              static_cast<la_ssize_t>(bytes.size())) {
      check(handle, ARCHIVE_FATAL);
    }
    if (raw_format) break;
  }
  check(handle, archive_write_close(handle));
  buffer.resize(used);
  return buffer;
}

}  // namespace

std::string compress(const std::string& plain, Compression compression) {
  const Writer writer(archive_write_new());
  add_filter(writer.get(), compression);
  check(writer.get(), archive_write_set_format_raw(writer.get()));
  return write_members(writer.get(), {{"data", plain}}, true);
}

std::string tar_archive(const std::vector<Member>& members, Compression compression) {
  const Writer writer(archive_write_new());
  add_filter(writer.get(), compression);
  check(writer.get(), archive_write_set_format_pax_restricted(writer.get()));
  return write_members(writer.get(), members, false);
}

std::string zip_archive(const std::vector<Member>& members) {
  const Writer writer(archive_write_new());
  check(writer.get(), archive_write_set_format_zip(writer.get()));
  return write_members(writer.get(), members, false);
}

}  // namespace archivar::test
