#include "common/open_database.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/index_schema.h"
#include "common/read_despite_commits.h"
#include "common/stub_file.h"

namespace fs = std::filesystem;

namespace archivar {
namespace {

// Stubs listing stubs are allowed, but not without end.
constexpr int kMaxStubDepth = 8;

void check_written_by_us(const Xapian::Database& database, const std::string& name) {
  if (database.get_metadata(std::string(schema::kFormatKey)).empty()) {
    throw ArchiveOpenError(
        fmt::format("'{}' is a Xapian database, but not one written by archivar-index", name));
  }
}

Xapian::Database open_local(const std::string& path) {
  std::error_code error;
  if (!fs::exists(path, error)) {
    throw ArchiveOpenError(
        fmt::format("database '{}' does not exist (create it with "
                    "archivar-index --db {} INPUT...)",
                    path, path));
  }
  try {
    // An indexer committing meanwhile can spoil the opening too.
    // As glass: Xapian would read a stub here itself, and run its programs.
    Xapian::Database database = open_despite_commits(path);
    // Reads past the root, where a commit meanwhile shows too.
    read_despite_commits([&] { return database.get_metadata(std::string(schema::kFormatKey)); },
                         [&](int /*attempt*/) { database.reopen(); });
    return database;
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw ArchiveOpenError(
        fmt::format("'{}' is not a readable Xapian database: {}", path, e.get_msg()));
  } catch (const Xapian::Error& e) {
    throw ArchiveOpenError(fmt::format("cannot open database '{}': {}", path, e.get_description()));
  }
}

ArchiveShard open_remote(const StubEntry& entry, const std::string& stub) {
  const bool tcp = entry.kind == StubEntry::Kind::kRemoteTcp;
  const std::string name = tcp ? fmt::format("{}:{}", entry.host, entry.port)
                               : fmt::format("{} {}", entry.program, entry.args);
  try {
    return {name,
            tcp ? Xapian::Remote::open(entry.host, entry.port)
                : Xapian::Remote::open(entry.program, entry.args),
            /*remote=*/true};
  } catch (const Xapian::Error& e) {
    throw ArchiveOpenError(fmt::format("{}:{}: cannot reach the remote shard '{}': {}", stub,
                                       entry.line, name, e.get_description()));
  }
}

void open_into(const std::string& path, int depth, ProgramRemotes programs,
               std::vector<ArchiveShard>& shards) {
  const fs::path stub = stub_file_of(path);
  if (stub.empty()) {
    ArchiveShard shard{path, open_local(path)};
    check_written_by_us(shard.database, shard.name);
    shards.push_back(std::move(shard));
    return;
  }
  if (depth >= kMaxStubDepth) {
    throw ArchiveOpenError(fmt::format("'{}': stub files nested too deep (a cycle?)", path));
  }
  std::vector<StubEntry> entries;
  try {
    entries = read_stub_file(stub);
  } catch (const StubFileError& e) {
    throw ArchiveOpenError(e.what());
  }
  if (entries.empty()) {
    throw ArchiveOpenError(fmt::format("stub file '{}' lists no database", stub.string()));
  }
  for (const StubEntry& entry : entries) {
    if (entry.kind == StubEntry::Kind::kRemoteProgram && programs == ProgramRemotes::kRefuse) {
      throw ArchiveOpenError(fmt::format(
          "{}:{}: the shard 'remote :{}' would run the program '{}'; if you trust this stub "
          "file, allow it with --allow-program-remote",
          stub.string(), entry.line, entry.program, entry.program));
    }
    if (entry.kind != StubEntry::Kind::kLocal) {
      ArchiveShard shard = open_remote(entry, stub.string());
      check_written_by_us(shard.database, shard.name);
      shards.push_back(std::move(shard));
      continue;
    }
    try {
      open_into(entry.path, depth + 1, programs, shards);
    } catch (const ArchiveOpenError& e) {
      throw ArchiveOpenError(fmt::format("{}:{}: {}", stub.string(), entry.line, e.what()));
    }
  }
}

}  // namespace

std::vector<ArchiveShard> open_archive_shards(const std::string& path, ProgramRemotes programs) {
  std::vector<ArchiveShard> shards;
  open_into(path, 0, programs, shards);
  return shards;
}

Xapian::Database open_archive_database(const std::string& path, ProgramRemotes programs) {
  Xapian::Database database;
  for (const ArchiveShard& shard : open_archive_shards(path, programs)) {
    database.add_database(shard.database);
  }
  return database;
}

}  // namespace archivar
