// ArchiveReader: a tar or zip archive read in place, member by member; each member goes
// to the reader of its own format, named "ARCHIVE!MEMBER" in messages and origins.
#pragma once

#include <archive.h>

#include <memory>
#include <string>

#include "corpus/article_reader.h"

namespace archivar {

class ArchiveReader final : public ArticleReader {
 public:
  /// How many archives may lie inside each other (a zip in a tar is depth 2).
  static constexpr int kMaxDepth = 3;

  /// Reads the archive in @a source (already decompressed: a .tar.gz arrives as tar).
  /// @a depth counts the archives @a source lies in.
  ArchiveReader(std::unique_ptr<ByteSource> source, std::string name, const ReaderOptions& options,
                Diagnostics& diagnostics, int depth);

  /// Members are taken in archive order; directories, links, hidden files and macOS
  /// resource forks (__MACOSX/) are passed over, as are members of no known format (with
  /// a note). A member that cannot be read (encrypted, corrupt) is reported and the next
  /// one read; a damaged archive structure ends the archive with ReadError.
  std::optional<Article> next() override;
  std::uint64_t bytes_read() const override;
  std::uint64_t stored_bytes_read() const override { return source_->stored_bytes_read(); }

 private:
  struct ArchiveFree {
    void operator()(archive* handle) const { archive_read_free(handle); }
  };
  class MemberSource;

  /// Opens the next member worth reading; false at the end of the archive.
  bool open_next_member();
  [[noreturn]] void fail(std::string_view what) const;
  static la_ssize_t pull(archive* handle, void* self, const void** chunk);

  std::unique_ptr<ByteSource> source_;
  std::string name_;
  const ReaderOptions& options_;
  Diagnostics& diagnostics_;
  int depth_;
  std::vector<char> input_;
  std::unique_ptr<archive, ArchiveFree> archive_;
  std::string source_error_;  // a ReadError of source_ met inside libarchive
  bool member_failed_fatally_ = false;
  std::string member_name_;
  std::unique_ptr<ArticleReader> member_;
  std::uint64_t finished_members_bytes_ = 0;
  bool finished_ = false;
};

}  // namespace archivar
