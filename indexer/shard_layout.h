// ShardLayout: where an archive's Xapian databases lie — one database directory, or several
// shards in one directory behind a Xapian stub — and which shard an article belongs in.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace archivar {

/// The shard, of @a shards, that holds the article @a id: a stable hash of the id (the
/// same in every build and on every machine), so that every later run, and `--shard K/N`
/// on another machine, routes an article to the shard that already holds it.
std::size_t shard_of(std::string_view id, std::size_t shards);

/// A layout that cannot be read or made; the message names the path.
class ShardLayoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A sharded archive is a directory DIR holding the shards DIR/shard-1 ... DIR/shard-N and
/// a stub file DIR/XAPIANDB listing them, which Xapian (and archivar-search --db DIR)
/// opens as one database. Shards written in parallel by one run are merged into one
/// database at its end, unless they were asked for (--shards N), when they stay; a run
/// killed before the merge leaves them, and the next run goes on with them and merges.
struct ShardLayout {
  std::filesystem::path root;
  /// The database directories: root itself for a single database, else root/shard-K.
  std::vector<std::filesystem::path> shards;
  bool sharded = false;
  /// Shards asked for with --shards, kept after the run; otherwise merged at its end.
  bool keep = false;

  /// The layout found at @a root: sharded when it holds our stub, else a single database
  /// (which may not exist yet). Throws ShardLayoutError for a stub that is not ours.
  static ShardLayout read(const std::filesystem::path& root);

  /// The layout of a new sharded archive of @a count shards at @a root (absent or an empty
  /// directory). Nothing is written: the writers create the shards, then write_stub().
  static ShardLayout planned(const std::filesystem::path& root, std::size_t count, bool keep);

  /// Writes the stub that makes root a sharded archive, atomically, once the shards exist
  /// (until then root reads as an empty database, never as a stub listing missing shards).
  /// Throws ShardLayoutError.
  void write_stub() const;

  /// The shard that holds the article @a id.
  std::size_t shard_of(std::string_view id) const { return archivar::shard_of(id, shards.size()); }
};

}  // namespace archivar
