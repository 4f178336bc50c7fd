// Opening an Archivar database for reading, with one clear sentence for every way it can
// fail; shared by the searcher and `archivar-index --info`. A path may also be a Xapian
// stub file that lists shards, local or remote.
#pragma once

#include <xapian.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace archivar {

/// A database that cannot be read: missing, unreadable, or not written by archivar-index.
class ArchiveOpenError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One database of an archive: a local directory or a remote server.
struct ArchiveShard {
  std::string name;  ///< the path, or "host:port" of a remote shard, for messages
  Xapian::Database database;
  bool remote = false;  ///< served by xapian-tcpsrv or xapian-progsrv
};

/// Whether a stub's "remote :PROGRAM ARGS" lines may run their program. A stub can sit
/// where a database is expected (a directory holding an XAPIANDB file), so opening a
/// database someone else gave us would otherwise run whatever program it names.
enum class ProgramRemotes {
  kRefuse,  ///< ArchiveOpenError naming the stub line (the default)
  kAllow,   ///< run them (--allow-program-remote): the stub is trusted
};

/// Opens @a path read-only: a database directory, a single-file database, or a Xapian
/// stub file (or stub directory) listing shards, which are opened one by one (stubs
/// may list stubs). Checks that archivar-index wrote every shard. Throws
/// ArchiveOpenError naming the path, and the stub file's line for a listed shard; also
/// for a shard served by a program unless @a programs allows it. Xapian itself is never
/// handed a stub: local databases are opened as glass databases.
std::vector<ArchiveShard> open_archive_shards(const std::string& path,
                                              ProgramRemotes programs = ProgramRemotes::kRefuse);

/// All shards of @a path (see open_archive_shards) as one database.
Xapian::Database open_archive_database(const std::string& path,
                                       ProgramRemotes programs = ProgramRemotes::kRefuse);

}  // namespace archivar
