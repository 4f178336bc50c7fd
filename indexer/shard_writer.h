// ShardWriter: one shard's IndexWriter on a thread of its own, fed through a bounded queue,
// so that a run writes several shards at once (Xapian allows one writer per database).
#pragma once

#include <xapian.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "indexer/index_writer.h"

namespace archivar {

/// The changes a ShardWriter made, for the run's summary.
struct ShardWriterCounts {
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;
  std::uint64_t deleted = 0;
  std::uint64_t not_found = 0;  ///< deletions of ids the shard did not hold
  std::uint64_t grouped = 0;    ///< articles put into a group after they were written
};

/// Changes are applied in the order they are given, each with the run's sequence number;
/// committed_through() says up to which one the shard's database shows them. An error in
/// the writer thread (a full disk, say) stops it: the next call, or finish(), rethrows it,
/// and the shard stays as of its last commit.
class ShardWriter {
 public:
  /// Writes through @a writer, holding at most about @a max_bytes_queued bytes of stored
  /// article data in the queue (one change is always let in).
  ShardWriter(std::unique_ptr<IndexWriter> writer, std::size_t max_bytes_queued);
  /// Stops the thread; changes not committed are abandoned (see IndexWriter).
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  /// IndexWriter::put(), on the writer's thread; waits while the queue is full.
  void put(std::uint64_t sequence, std::string id, Xapian::Document document,
           std::vector<std::string> words, std::size_t stored_bytes, bool known_new);
  /// IndexWriter::set_metadata().
  void set_metadata(std::uint64_t sequence, std::string key, std::string value);
  /// IndexWriter::set_group().
  void set_group(std::uint64_t sequence, std::string id, std::string group);
  /// IndexWriter::remove().
  void remove(std::uint64_t sequence, std::string id);

  /// The sequence number of the last change committed (0: none yet). Any thread.
  std::uint64_t committed_through() const { return committed_through_.load(); }

  /// Applies the changes still queued, commits, and stops the thread; rethrows an error
  /// of the writer thread. The writer stays open (for compaction).
  void finish();

  /// After finish().
  const ShardWriterCounts& counts() const { return counts_; }
  IndexWriter& writer() { return *writer_; }

 private:
  struct Change {
    enum class Kind { kPut, kSetGroup, kRemove, kSetMetadata };
    Kind kind;
    std::uint64_t sequence;
    std::string id;
    Xapian::Document document;
    std::vector<std::string> words;
    std::string group;       ///< kSetGroup; kSetMetadata: the value (id: the key)
    std::size_t bytes;       ///< stored fields, uncompressed
    bool known_new = false;  ///< kPut: no document has the id (IndexWriter::put)
  };

  void enqueue(Change change);
  void apply(Change& change);
  void work();

  std::unique_ptr<IndexWriter> writer_;
  std::size_t max_bytes_queued_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Change> queue_;
  std::size_t bytes_queued_ = 0;
  bool finishing_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::atomic<std::uint64_t> committed_through_{0};
  ShardWriterCounts counts_;
  std::thread thread_;
};

}  // namespace archivar
