// Database compaction: rewrites a committed database with full B-tree blocks (Xapian's
// compactor) and puts the copy in the database's place with one atomic directory exchange.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>

namespace archivar {

/// The compacted copy could not be made or swapped in; the database is as it was.
class CompactionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bytes of the regular files in @a directory and below: a database's size on disk.
std::uintmax_t directory_bytes(const std::filesystem::path& directory);

/// Removes what compactions killed half-way left beside the database at @a path (a
/// partial copy, or the old tables after the exchange); call it holding the write lock.
/// Only directories marked as copies by the compaction that made them are removed: a
/// user's PATH.compacting-backup stays.
void remove_abandoned_copies(const std::filesystem::path& path);

/// Builds a compacted copy of the database at @a path beside it (PATH.compacting-PID-TOKEN,
/// marked as the copy of that name),
/// syncs it, and exchanges the two directories atomically (renameat2 RENAME_EXCHANGE):
/// readers and a crash see either the old database or the compacted one at @a path, never
/// a mix. The caller must hold the database's write lock with everything committed, so
/// that no change can slip in between the copy and the exchange. Returns the directory
/// that now holds the old tables; the caller removes it once its writer has closed them.
/// Files in the directory that are not Xapian's go into the copy too. Copies a crashed
/// compaction left are the caller's to remove when it takes the lock (see
/// remove_abandoned_copies). Throws CompactionError
/// (with the copy removed) when the copy cannot be made, e.g. for lack of disk space.
std::filesystem::path swap_in_compacted_copy(const std::filesystem::path& path);

/// As swap_in_compacted_copy(), for the sharded archive at @a root (see ShardLayout): its
/// shards merged into one database (documents renumbered shard after shard; the shards'
/// vocabularies added up) take root's place. The caller holds every shard's write lock with
/// everything committed. Returns the directory that now holds the shards.
std::filesystem::path swap_in_merged_copy(const std::filesystem::path& root);

}  // namespace archivar
