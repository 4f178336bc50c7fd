// IndexWriter: the one writer of an Archivar database — adds or replaces documents by id
// and commits in batches, so an interrupted run leaves the database at its last commit.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include "common/analysis/analyzer.h"
#include "common/vocabulary.h"
#include "indexer/near_duplicate_groups.h"

namespace archivar {

/// The database cannot be opened for writing: locked, not ours, unwritable.
class IndexOpenError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What an analysed article takes in memory, per byte of its stored fields, until it is
/// committed (its terms, postings and positions). Measured on FANG-COVID: peak memory grew
/// by 230 MB for one batch of 3,000 articles whose stored fields take 23 MB.
inline constexpr std::uint64_t kMemoryPerStoredByte = 10;

class IndexWriter {
 public:
  enum class Outcome { kAdded, kReplaced };

  /// Opens or creates the database at @a path, noting this process as its writer (for
  /// the message another indexer gets). Refuses a directory that holds something
  /// other than a Xapian database, a Xapian database not written by Archivar, and one
  /// written with other analyzer options than @a analyzer. Without @a analyzer, an
  /// existing database keeps the options it was built with (so an index built before a
  /// new default step stays usable) and a new one gets the defaults; see analyzer().
  /// Throws IndexOpenError.
  /// With @a wait, a database locked by another indexer is waited for (a note goes to
  /// stderr once) instead of refused. Articles are grouped with their near-duplicates
  /// as @a near_duplicates says; a database whose fingerprints were computed otherwise
  /// is refused too.
  IndexWriter(const std::filesystem::path& path, const std::optional<AnalyzerOptions>& analyzer,
              std::uint64_t batch_documents, bool wait = false,
              NearDuplicateOptions near_duplicates = {});
  /// Abandons uncommitted changes: only commit() makes them durable.
  ~IndexWriter();

  /// The analyzer options the database is built with: the documents put must be
  /// analysed with them.
  const AnalyzerOptions& analyzer() const { return analyzer_; }
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Adds @a document under @a id, replacing any document with that id (also one added
  /// earlier in this run), in the group of its closest near-duplicate (see
  /// NearDuplicateGroups), and counts the article's distinct @a words in the archive's
  /// vocabulary. Callers ask holds() first to skip articles that are unchanged.
  /// Commits when the batch is full.
  Outcome put(const std::string& id, Xapian::Document document,
              const std::vector<std::string>& words = {});

  /// Whether the article @a id is indexed with stored fields of hash @a content_hash
  /// (see schema::document_hash): then reading it again changes nothing.
  bool holds(const std::string& id, const std::string& content_hash);

  /// Removes the article @a id; false when there is none.
  bool remove(const std::string& id);

  /// Makes everything put so far durable, atomically, the vocabulary included.
  void commit();

  struct CompactedSize {
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
  };
  /// Commits, puts a compacted copy of the database in its place (see
  /// swap_in_compacted_copy) and closes the writer: it takes no more changes. Throws
  /// CompactionError, with the database committed and the writer still open, when the
  /// copy cannot be made.
  CompactedSize compact();

  Xapian::doccount document_count() const { return database_.get_doccount(); }

  /// Also commits when the uncommitted articles' estimated memory reaches @a bytes (an
  /// estimate from their stored size: Xapian holds a batch's postings and positions in
  /// memory until it commits). 0: by the article count alone.
  void limit_batch_memory(std::uint64_t bytes) { batch_memory_limit_ = bytes; }

  /// Changes since the last commit (0 right after one).
  std::uint64_t pending() const { return in_batch_; }

  /// How many articles put() so far joined the group of a near-duplicate.
  std::uint64_t near_duplicates() const { return near_duplicates_; }

 private:
  void begin_batch();

  Xapian::WritableDatabase database_;
  std::filesystem::path path_;
  AnalyzerOptions analyzer_;
  NearDuplicateGroups groups_;
  std::uint64_t batch_documents_;
  Vocabulary batch_words_;  ///< words of the batch, added to the stored vocabulary on commit
  std::uint64_t in_batch_ = 0;
  std::uint64_t batch_memory_limit_ = 0;
  std::uint64_t in_batch_memory_ = 0;  ///< estimated bytes held for the uncommitted batch
  std::uint64_t near_duplicates_ = 0;
  bool in_transaction_ = false;
  bool closed_ = false;  ///< by compact(): the tables (and our pid file) are gone
};

}  // namespace archivar
