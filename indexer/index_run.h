// IndexRun: one invocation of the indexer — inputs through readers, analyzer and builder
// into the IndexWriter, with counts for the summary.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "corpus/article_reader.h"
#include "corpus/diagnostics.h"
#include "corpus/reader_options.h"
#include "indexer/near_duplicate_groups.h"

namespace archivar {

/// When a run rewrites the database compactly after its last commit.
enum class Compaction {
  kAuto,    ///< when the run changed at least a tenth of the articles in the database
  kAlways,  ///< after every run, even one that changed nothing
  kNever,
};

struct IndexRunOptions {
  std::filesystem::path database;
  /// Articles given as they are (the library's), indexed before the inputs.
  std::vector<Article> articles;
  std::vector<std::string> inputs;
  /// Forced on every input but archives (and on their members); kAuto: recognised per file.
  InputFormat format = InputFormat::kAuto;
  /// Field names, CSV dialect, encoding; member_format is set from format.
  ReaderOptions reading;
  /// nullopt: an existing database's own, the defaults for a new one (IndexWriter).
  std::optional<AnalyzerOptions> analyzer;
  NearDuplicateOptions near_duplicates;
  std::uint64_t batch_documents = 20000;
  /// Commit earlier when a batch's estimated memory reaches this (0: no limit).
  std::uint64_t batch_memory_bytes = std::uint64_t{512} << 20;
  /// Databases a new archive is written into at once, one thread each, merged into one
  /// at the end (or kept, see shards); also the analysis threads. 0: as many as cores.
  unsigned threads = 0;
  /// Make a new archive of this many shards, kept as shards (0: one database).
  unsigned shards = 0;
  /// Index only the articles of one shard of an archive split over machines: shard
  /// `part` (1-based) of `of` (0: all articles).
  unsigned shard_part = 0;
  unsigned shard_of = 0;
  bool wait_for_lock = false;
  /// Show progress on stderr (a live line when it is a terminal).
  bool show_progress = true;
  /// Between progress log lines when stderr is not a terminal.
  std::chrono::milliseconds progress_interval = std::chrono::seconds(10);
  /// Articles to remove (by id) before the inputs are read.
  std::vector<std::string> deletions;
  Compaction compaction = Compaction::kAuto;
};

struct IndexSummary {
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;
  std::uint64_t unchanged = 0;  ///< read again with the same stored fields: nothing written
  /// Added or replaced articles that joined the group of a near-duplicate.
  std::uint64_t near_duplicates = 0;
  std::uint64_t deleted = 0;
  std::uint64_t not_found = 0;       ///< deletions of ids the database did not have
  std::uint64_t skipped = 0;         ///< records not indexed
  std::uint64_t repaired = 0;        ///< records indexed after a repair (encoding, date)
  std::uint64_t double_encoded = 0;  ///< of those, records with double-encoded UTF-8 repaired
  std::uint64_t duplicates = 0;      ///< records whose id an earlier record of the batch had
  std::uint64_t failed_inputs = 0;
  std::uint64_t bytes_read = 0;  ///< uncompressed
  double seconds = 0;
  std::uint64_t peak_memory_bytes = 0;  ///< the process's maximum resident set size
  std::uint64_t documents_in_database = 0;
  /// Articles of other shards, passed over with --shard K/N.
  std::uint64_t other_shards = 0;
  /// Databases written at once; merged into one at the end when merged_shards.
  std::size_t shards = 1;
  bool merged_shards = false;
  double merge_seconds = 0;
  WordFormCacheStatistics analysis_cache;  ///< of all analysis threads
  bool compacted = false;
  std::uintmax_t bytes_before_compaction = 0;
  std::uintmax_t bytes_after_compaction = 0;
  double compaction_seconds = 0;
};

/// Indexes every input and commits. Bad records are reported to @a diagnostics and
/// counted, and so is an id that occurs twice within one batch (the later record
/// replaces the earlier, as a later run would); throws IndexOpenError, or InputError in
/// strict mode, without committing the batch under way.
IndexSummary run_index(IndexRunOptions options, Diagnostics& diagnostics);

/// The summary as printed at the end of a run; @a verbose adds how the work went (shards,
/// the analysis cache).
std::string format_summary(const IndexSummary& summary, bool verbose = false);

}  // namespace archivar
