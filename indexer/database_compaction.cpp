#include "indexer/database_compaction.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <string>

#include "common/index_schema.h"
#include "common/vocabulary.h"

namespace fs = std::filesystem;

namespace archivar {
namespace {

constexpr std::string_view kCopySuffix = ".compacting-";

// The file that marks a directory as a copy this indexer made, holding the directory's
// own name: only such a directory is ever removed as abandoned, not a user's
// "news.db.compacting-backup", nor a copy of a copy kept under another name.
constexpr std::string_view kCopyMarker = "archivar-compaction-copy";

// "PATH.compacting-PID-TOKEN": the process id, so that a copy still being removed by an
// indexer that runs is left alone, and a random token, so that the name is the copy's own.
fs::path copy_path(const fs::path& path) {
  std::random_device random;
  const std::uint64_t token = (std::uint64_t{random()} << 32) ^ random();
  return fs::path(fmt::format("{}{}{}-{:016x}", path.string(), kCopySuffix, ::getpid(), token));
}

bool process_runs(std::string_view pid_and_token) {
  const std::string_view pid_text = pid_and_token.substr(0, pid_and_token.find('-'));
  long pid = 0;
  const auto [end, error] =
      std::from_chars(pid_text.data(), pid_text.data() + pid_text.size(), pid);
  if (error != std::errc() || end != pid_text.data() + pid_text.size() || pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
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

// Marks @a directory as a copy that goes by the name @a copy_name (its own, or the one
// it will have after the exchange), durably.
void mark_copy(const fs::path& directory, const fs::path& copy_name) {
  const fs::path marker = directory / kCopyMarker;
  {
    std::ofstream out(marker, std::ios::trunc);
    out << copy_name.filename().string() << '\n';
    if (!out.flush()) {
      throw CompactionError(
          fmt::format("cannot write '{}': {}", marker.string(), std::strerror(errno)));
    }
  }
  sync_path(marker, O_RDONLY);
  sync_path(directory, O_RDONLY | O_DIRECTORY);
}

// Whether @a directory is marked as a copy by the name it has.
bool is_marked_copy(const fs::path& directory) {
  std::ifstream in(directory / kCopyMarker);
  std::string name;
  return std::getline(in, name) && name == directory.filename().string();
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
    // The writer's own, and a marker a killed compaction left.
    if (xapians || name.starts_with("archivar-index.pid") || name == kCopyMarker) continue;
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
    if (name.starts_with(prefix) && !process_runs(std::string_view(name).substr(prefix.size())) &&
        is_marked_copy(entry.path())) {
      fs::remove_all(entry.path(), error);
    }
  }
  // A compaction killed around the exchange leaves its marker in the database too.
  if (!is_marked_copy(path)) fs::remove(path / kCopyMarker, error);
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
    fs::create_directory(copy);
    mark_copy(copy, copy);
    // FULL, as xapian-compact does by default (GermaParl: 1,449 MB, against 1,458 MB at
    // the standard level); not FULLER, whose oversize items Xapian advises against for a
    // database that is updated later. Shards have overlapping document ids: renumbered.
    // Shards are read through the stub the indexer wrote; a single database only as glass,
    // so that a stub put in its place cannot make the compaction read elsewhere.
    ArchiveCompactor compactor;
    Xapian::Database source =
        merge ? Xapian::Database(target.string())
              : Xapian::Database(target.string(), Xapian::DB_BACKEND_GLASS);
    source.compact(copy.string(),
                   Xapian::Compactor::FULL | (merge ? 0 : Xapian::DBCOMPACT_NO_RENUMBER), 0,
                   compactor);
    carry_over_other_files(target, copy, merge);
    sync_directory_tree(copy);
    // After the exchange the old tables go by the copy's name: marked so, a crash before
    // they are removed leaves them for the next run to remove.
    mark_copy(target, copy);
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
    fs::remove(target / kCopyMarker, ignored);
    throw CompactionError(fmt::format("cannot exchange '{}' with its compacted copy: {}",
                                      target.string(), std::strerror(saved_errno)));
  }
  fs::remove(target / kCopyMarker, ignored);  // the compacted tables' marker: they are the database
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
