#include "indexer/database_compaction.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "common/index_schema.h"
#include "common/vocabulary.h"

namespace fs = std::filesystem;

namespace archivar {
namespace {

constexpr std::string_view kCopySuffix = ".compacting-";

// Unique per process: two indexers may compact the same database one after the other,
// and the first may still be removing its old tables when the second begins.
fs::path copy_path(const fs::path& path) {
  return fs::path(path.string() + std::string(kCopySuffix) + std::to_string(::getpid()));
}

bool process_runs(const std::string& pid_text) {
  try {
    std::size_t used = 0;
    const long pid = std::stol(pid_text, &used);
    if (used != pid_text.size() || pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
  } catch (const std::exception&) {
    return false;
  }
}

void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) {
    throw CompactionError(
        fmt::format("cannot open '{}' to sync it: {}", path.string(), std::strerror(errno)));
  }
  const int synced = ::fsync(fd);
  const int saved_errno = errno;
  ::close(fd);
  if (synced != 0) {
    throw CompactionError(
        fmt::format("cannot sync '{}': {}", path.string(), std::strerror(saved_errno)));
  }
}

// The exchange must not make a copy visible whose blocks are still only in the page cache.
void sync_directory_tree(const fs::path& directory) {
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.is_regular_file()) sync_path(entry.path(), O_RDONLY);
  }
  sync_path(directory, O_RDONLY | O_DIRECTORY);
}

// The directory itself, with its name (needed for the sibling): "db/" and "./db" name
// "db", and a symbolic link names its target, which is what must be exchanged, not the link.
fs::path directory_path(const fs::path& database) {
  std::error_code error;
  fs::path path = fs::canonical(database, error);
  if (error) path = fs::absolute(database).lexically_normal();
  return path.has_filename() ? path : path.parent_path();
}

// Xapian's compactor copies its tables only: anything else someone keeps in the database
// directory goes into the copy too, or the exchange would throw it away with the old tables.
// Merged shards leave their stub and shard directories behind.
void carry_over_other_files(const fs::path& from, const fs::path& to, bool merged) {
  for (const auto& entry : fs::directory_iterator(from)) {
    const std::string name = entry.path().filename().string();
    const bool xapians = name.ends_with(".glass") || name == "iamglass" || name == "flintlock";
    if (xapians || name.starts_with("archivar-index.pid")) continue;  // the writer's own
    if (merged && (name == "XAPIANDB" || name.starts_with("shard-"))) continue;
    fs::copy(entry.path(), to / name,
             fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  }
}

// Shards merged into one database each bring the same metadata; what differs is added up
// (the vocabularies) or the latest kept (the last update).
class ArchiveCompactor final : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string& stored_key, size_t num_tags,
                                         const std::string tags[]) override {
    // Xapian 1.4's glass backend passes the key as its table stores it, after the two bytes
    // that mark user metadata there.
    constexpr std::string_view kTableMark("\0\xc0", 2);
    const std::string_view key = std::string_view(stored_key).starts_with(kTableMark)
                                     ? std::string_view(stored_key).substr(kTableMark.size())
                                     : std::string_view(stored_key);
    std::string result = tags[0];
    for (size_t i = 1; i < num_tags; ++i) {
      if (Vocabulary::is_part_key(key)) {
        result = Vocabulary::merge_parts(result, tags[i]);
      } else if (key == schema::kUpdatedKey) {
        result = std::max(result, tags[i]);
      }
    }
    return result;
  }
};

}  // namespace

// A partial copy, or the old tables after the exchange: garbage once their process is gone.
void remove_abandoned_copies(const fs::path& database) {
  const fs::path path = directory_path(database);
  const std::string prefix = path.filename().string() + std::string(kCopySuffix);
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(path.parent_path(), error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && !process_runs(name.substr(prefix.size()))) {
      fs::remove_all(entry.path(), error);
    }
  }
}

std::uintmax_t directory_bytes(const fs::path& directory) {
  std::uintmax_t total = 0;
  std::error_code error;
  for (const auto& entry : fs::recursive_directory_iterator(directory, error)) {
    if (entry.is_regular_file(error)) total += entry.file_size(error);
  }
  return total;
}

namespace {

fs::path swap_in_copy(const fs::path& database, bool merge) {
  const fs::path target = directory_path(database);
  const fs::path copy = copy_path(target);
  std::error_code ignored;
  try {
    fs::remove_all(copy, ignored);
    // FULL, as xapian-compact does by default (GermaParl: 1,449 MB, against 1,458 MB at
    // the standard level); not FULLER, whose oversize items Xapian advises against for a
    // database that is updated later. Shards have overlapping document ids: renumbered.
    ArchiveCompactor compactor;
    Xapian::Database(target.string())
        .compact(copy.string(),
                 Xapian::Compactor::FULL | (merge ? 0 : Xapian::DBCOMPACT_NO_RENUMBER), 0,
                 compactor);
    carry_over_other_files(target, copy, merge);
    sync_directory_tree(copy);
  } catch (const Xapian::Error& e) {
    fs::remove_all(copy, ignored);
    throw CompactionError(fmt::format("cannot write the compacted copy '{}': {}", copy.string(),
                                      e.get_description()));
  } catch (const std::exception& e) {
    fs::remove_all(copy, ignored);
    throw CompactionError(e.what());
  }
  if (::renameat2(AT_FDCWD, copy.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    const int saved_errno = errno;
    fs::remove_all(copy, ignored);
    throw CompactionError(fmt::format("cannot exchange '{}' with its compacted copy: {}",
                                      target.string(), std::strerror(saved_errno)));
  }
  try {
    sync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);
  } catch (const CompactionError&) {
    // The exchange is done either way; only its durability across a power cut is unsure.
  }
  return copy;
}

}  // namespace

fs::path swap_in_compacted_copy(const fs::path& database) {
  return swap_in_copy(database, /*merge=*/false);
}

fs::path swap_in_merged_copy(const fs::path& root) {
  return swap_in_copy(root, /*merge=*/true);
}

}  // namespace archivar
