// Each batch is a Xapian transaction: Xapian's destructor would otherwise commit
// whatever is pending, including the half of a batch that a fatal error interrupted.
#include "indexer/index_writer.h"

#include <fcntl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <thread>

#include "common/index_schema.h"
#include "indexer/database_compaction.h"
#include "indexer/min_hash.h"

namespace fs = std::filesystem;

namespace archivar {
namespace {

bool looks_like_xapian(const fs::path& path) {
  std::error_code error;
  return fs::exists(path / "iamglass", error) || fs::exists(path / "iamchert", error);
}

// Xapian's lock (an open file description lock) does not say who holds it, so the writer
// leaves its process id beside it: "PID STARTED\n", replaced whenever a writer starts.
constexpr std::string_view kWriterFile = "archivar-index.pid";

void note_writer(const fs::path& database) {
  const fs::path file = database / kWriterFile;
  const fs::path temporary = database / (std::string(kWriterFile) + ".new");
  {
    std::ofstream out(temporary);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    out << fmt::format("{} {:%Y-%m-%dT%H:%M:%SZ}\n", ::getpid(), now);
    if (!out) return;  // only a courtesy for the next writer's message
  }
  std::error_code error;
  fs::rename(temporary, file, error);
}

// " by process 123 (archivar-index, writing since ...)" when the noted writer still runs.
std::string describe_writer(const fs::path& database) {
  std::ifstream in(database / kWriterFile);
  long pid = 0;
  std::string since;
  if (!(in >> pid >> since) || pid <= 0) return {};
  std::ifstream command(fmt::format("/proc/{}/comm", pid));
  std::string name;
  if (!std::getline(command, name)) return {};  // that process has ended
  return fmt::format(" by process {} ({}, writing since {})", pid, name, since);
}

// Whether this process may write @a path (its effective ids, as the kernel checks them).
std::string unwritable_reason(const fs::path& path, int mode) {
  if (::faccessat(AT_FDCWD, path.c_str(), mode, AT_EACCESS) == 0) return {};
  return std::strerror(errno);
}

// A database the indexer may not write failed late: Xapian reported the lock it could not
// take as held by another indexer (and --wait waited for ever), or, with a lock it could
// take, the first commit failed, after every input had been read and analysed.
void check_writable(const fs::path& path) {
  std::error_code error;
  if (!fs::exists(path, error)) {
    const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (const std::string reason = unwritable_reason(parent, W_OK | X_OK); !reason.empty()) {
      throw IndexOpenError(fmt::format("cannot create database '{}' in '{}': {}", path.string(),
                                       parent.string(), reason));
    }
    return;
  }
  std::vector<fs::path> paths{path};
  for (const auto& entry : fs::directory_iterator(path, error)) {
    if (entry.is_regular_file(error)) paths.push_back(entry.path());
  }
  for (const fs::path& file : paths) {
    const int mode = file == path ? W_OK | X_OK : W_OK;
    if (const std::string reason = unwritable_reason(file, mode); !reason.empty()) {
      throw IndexOpenError(fmt::format(
          "cannot write to database '{}' ('{}': {}); index as a user who may write it, or into "
          "another database",
          path.string(), file.string(), reason));
    }
  }
}

Xapian::WritableDatabase open_database(const fs::path& path, bool wait) {
  std::error_code error;
  // An empty file too: Xapian would read it as a stub file listing no database.
  if (fs::exists(path, error) && (!fs::is_directory(path, error) || !fs::is_empty(path, error)) &&
      !looks_like_xapian(path)) {
    throw IndexOpenError(fmt::format(
        "'{}' exists and is not a Xapian database; refusing to write into it", path.string()));
  }
  check_writable(path);
  for (bool noted = false;;) {
    try {
      // As glass: Xapian would otherwise follow a stub file found at PATH.
      return Xapian::WritableDatabase(path.string(),
                                      Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::DatabaseLockError& e) {
      // Xapian reports every failure to take the lock alike; only a lock another process
      // holds is worth waiting for.
      if (e.get_msg().find("already locked") == std::string::npos) {
        throw IndexOpenError(
            fmt::format("cannot lock database '{}' for writing: {}", path.string(), e.get_msg()));
      }
      if (!wait) {
        throw IndexOpenError(
            fmt::format("database '{}' is locked{}: another indexer is writing to it (--wait waits "
                        "for it)",
                        path.string(), describe_writer(path)));
      }
      if (!noted)
        std::cerr << fmt::format("archivar-index: waiting for the lock on '{}'{} ...\n",
                                 path.string(), describe_writer(path));
      noted = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    } catch (const Xapian::Error& e) {
      throw IndexOpenError(fmt::format("cannot open database '{}' for writing: {}", path.string(),
                                       e.get_description()));
    }
  }
}

}  // namespace

IndexWriter::IndexWriter(const fs::path& path, const std::optional<AnalyzerOptions>& analyzer,
                         std::uint64_t batch_documents, bool wait)
    : database_(open_database(path, wait)),
      path_(path),
      analyzer_(analyzer.value_or(AnalyzerOptions{})),
      batch_documents_(std::max<std::uint64_t>(batch_documents, 1)) {
  note_writer(path);
  remove_abandoned_copies(path);
  const std::string format = database_.get_metadata(std::string(schema::kFormatKey));
  const std::string recorded_analyzer = database_.get_metadata(std::string(schema::kAnalyzerKey));
  if (!analyzer && !format.empty() && !recorded_analyzer.empty()) {
    try {
      analyzer_ = AnalyzerOptions::parse(recorded_analyzer);
    } catch (const std::invalid_argument& e) {
      throw IndexOpenError(fmt::format("'{}': {}; was it written by a newer archivar-index?",
                                       path.string(), e.what()));
    }
  }
  const std::string wanted_analyzer = analyzer_.to_string();
  if (format.empty()) {
    if (database_.get_doccount() > 0) {
      throw IndexOpenError(
          fmt::format("'{}' is a Xapian database not written by archivar-index; refusing to mix",
                      path.string()));
    }
    database_.set_metadata(std::string(schema::kFormatKey), std::string(schema::kFormatVersion));
    database_.set_metadata(std::string(schema::kAnalyzerKey), wanted_analyzer);
    database_.set_metadata(std::string(schema::kFingerprintKey),
                           std::string(MinHashSignature::kScheme));
    database_.commit();
  } else if (format != schema::kFormatVersion) {
    throw IndexOpenError(fmt::format("'{}' has Archivar format {}, this version writes {}",
                                     path.string(), format, schema::kFormatVersion));
  } else if (recorded_analyzer != wanted_analyzer) {
    throw IndexOpenError(
        fmt::format("'{}' was built with analyzer '{}', not '{}'; use a new "
                    "database for other analyzer options",
                    path.string(), recorded_analyzer, wanted_analyzer));
  } else if (const std::string scheme =
                 database_.get_metadata(std::string(schema::kFingerprintKey));
             scheme != std::string(MinHashSignature::kScheme)) {
    if (!scheme.empty()) {
      throw IndexOpenError(
          fmt::format("'{}' has near-duplicate fingerprints '{}', this version computes '{}'; "
                      "use a new database",
                      path.string(), scheme, std::string(MinHashSignature::kScheme)));
    }
    // Written before fingerprints existed: its articles are nobody's near-duplicates
    // (they have no band terms) and are never collapsed (no group), but it stays usable.
    if (database_.get_doccount() > 0) {
      std::cerr << fmt::format(
          "archivar-index: note: the articles already in '{}' have no near-duplicate "
          "fingerprints and will not be grouped; index into a new database to group them\n",
          path.string());
    }
    database_.set_metadata(std::string(schema::kFingerprintKey),
                           std::string(MinHashSignature::kScheme));
  }
}

IndexWriter::~IndexWriter() {
  if (closed_) return;  // the pid file went with the old tables; another writer may own PATH
  std::error_code error;
  fs::remove(path_ / kWriterFile, error);  // still ours: the lock is held until database_ closes
  if (!in_transaction_) return;
  try {
    database_.cancel_transaction();
  } catch (const Xapian::Error&) {
    // Nothing more can be done; the database stays at its last commit either way.
  }
}

void IndexWriter::begin_batch() {
  ++uncommitted_changes_;
  if (in_transaction_) return;
  database_.begin_transaction(/*flushed=*/true);
  in_transaction_ = true;
}

IndexWriter::Outcome IndexWriter::put(const std::string& id, Xapian::Document document,
                                      const std::vector<std::string>& words,
                                      std::size_t stored_bytes, bool known_new) {
  begin_batch();
  // A replaced article's old words are not taken back: counts may run high, never low.
  batch_words_.add_article(words);
  const std::string id_term = schema::id_term(id);
  const bool exists = !known_new && database_.term_exists(id_term);
  in_batch_memory_ +=
      (stored_bytes > 0 ? stored_bytes : document.get_data().size()) * kMemoryPerStoredByte;
  if (known_new) {
    database_.add_document(document);  // it carries id_term, which finds it from now on
  } else {
    database_.replace_document(id_term, document);
  }
  count_article();
  return exists ? Outcome::kReplaced : Outcome::kAdded;
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
  begin_batch();
  database_.set_metadata(key, value);
}

bool IndexWriter::set_group(const std::string& id, const std::string& group) {
  begin_batch();
  const std::string id_term = schema::id_term(id);
  const Xapian::PostingIterator posting = database_.postlist_begin(id_term);
  if (posting == database_.postlist_end(id_term)) return false;
  Xapian::Document document = database_.get_document(*posting);
  const std::string old_group = document.get_value(schema::kGroupSlot);
  if (!old_group.empty()) document.remove_term(schema::group_term(old_group));
  document.add_value(schema::kGroupSlot, group);
  document.add_boolean_term(schema::group_term(group));
  database_.replace_document(*posting, document);
  return true;
}

void IndexWriter::count_article() {
  if (++in_batch_ >= batch_documents_ ||
      (batch_memory_limit_ > 0 && in_batch_memory_ >= batch_memory_limit_)) {
    commit();
  }
}

bool IndexWriter::remove(const std::string& id) {
  begin_batch();
  const std::string id_term = schema::id_term(id);
  if (!database_.term_exists(id_term)) return false;
  database_.delete_document(id_term);
  count_article();
  return true;
}

void IndexWriter::commit() {
  if (!in_transaction_) return;  // nothing changed: nothing to write (a full disk stays full)
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  database_.set_metadata(std::string(schema::kUpdatedKey),
                         fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now));
  batch_words_.add_to(database_);
  database_.commit_transaction();
  in_transaction_ = false;
  in_batch_ = 0;
  uncommitted_changes_ = 0;
  in_batch_memory_ = 0;
  batch_words_.clear();
}

void IndexWriter::close() {
  if (closed_) return;
  if (in_transaction_) database_.cancel_transaction();
  in_transaction_ = false;
  database_.close();
  closed_ = true;
}

IndexWriter::CompactedSize IndexWriter::compact() {
  commit();
  CompactedSize size{.bytes_before = directory_bytes(path_)};
  // The lock stays held through the exchange, so no change can slip in between.
  const fs::path old_tables = swap_in_compacted_copy(path_);
  database_.close();
  closed_ = true;
  std::error_code error;
  fs::remove_all(old_tables, error);
  size.bytes_after = directory_bytes(path_);
  return size;
}

}  // namespace archivar
