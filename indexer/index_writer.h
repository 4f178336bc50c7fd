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
  /// written with other analyzer options than @a analyzer or other near-duplicate
  /// fingerprints. Without @a analyzer, an existing database keeps the options it was
  /// built with (so an index built before a new default step stays usable) and a new one
  /// gets the defaults; see analyzer(). Throws IndexOpenError.
  /// With @a wait, a database locked by another indexer is waited for (a note goes to
  /// stderr once) instead of refused.
  IndexWriter(const std::filesystem::path& path, const std::optional<AnalyzerOptions>& analyzer,
              std::uint64_t batch_documents, bool wait = false);
  /// Abandons uncommitted changes: only commit() makes them durable.
  ~IndexWriter();

  /// The analyzer options the database is built with: the documents put must be
  /// analysed with them.
  const AnalyzerOptions& analyzer() const { return analyzer_; }
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Adds @a document under @a id, replacing any document with that id (also one added
  /// earlier in this run), and counts the article's distinct @a words in the archive's
  /// vocabulary. The document carries its near-duplicate group already (see
  /// NearDuplicateGroups). Commits when the batch is full.
  /// @a stored_bytes, the size of its stored fields uncompressed, counts towards the
  /// batch's memory (0: the document data's size). With @a known_new the caller knows
  /// that no document has this id: it is added without looking for one (two lookups
  /// fewer per article, 6 % of a first load's CPU time).
  Outcome put(const std::string& id, Xapian::Document document,
              const std::vector<std::string>& words = {}, std::size_t stored_bytes = 0,
              bool known_new = false);

  /// Sets the metadata @a key to @a value with the batch under way (a dictionary the
  /// batch's documents are compressed with, say).
  void set_metadata(const std::string& key, const std::string& value);

  /// Puts the article @a id into the near-duplicate group @a group (value and term): an
  /// article that stood alone until a near-duplicate of it came. False when there is no
  /// article @a id.
  bool set_group(const std::string& id, const std::string& group);

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

  /// Closes the database, giving up the write lock, after its tables were merged into
  /// another database (see swap_in_merged_copy); changes not committed are abandoned. The
  /// writer takes no more changes.
  void close();

  Xapian::doccount document_count() const { return database_.get_doccount(); }

  /// Also commits when the uncommitted articles' estimated memory reaches @a bytes (an
  /// estimate from their stored size: Xapian holds a batch's postings and positions in
  /// memory until it commits). 0: by the article count alone.
  void limit_batch_memory(std::uint64_t bytes) { batch_memory_limit_ = bytes; }

  /// Changes since the last commit (0 right after one), group labels and metadata included.
  std::uint64_t pending() const { return uncommitted_changes_; }

 private:
  void begin_batch();
  /// Counts one article put or removed into the batch and commits when it is full: a
  /// batch is --batch articles, whatever group labels came with them.
  void count_article();

  Xapian::WritableDatabase database_;
  std::filesystem::path path_;
  AnalyzerOptions analyzer_;
  std::uint64_t batch_documents_;
  Vocabulary batch_words_;      ///< words of the batch, added to the stored vocabulary on commit
  std::uint64_t in_batch_ = 0;  ///< articles put or removed since the last commit
  std::uint64_t uncommitted_changes_ = 0;
  std::uint64_t batch_memory_limit_ = 0;
  std::uint64_t in_batch_memory_ = 0;  ///< estimated bytes held for the uncommitted batch
  bool in_transaction_ = false;
  bool closed_ = false;  ///< by compact(): the tables (and our pid file) are gone
};

}  // namespace archivar
