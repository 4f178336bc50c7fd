#include "indexer/index_run.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <iostream>
#include <optional>
#include <thread>
#include <unordered_map>

#include "common/date.h"
#include "common/index_schema.h"
#include "common/read_despite_commits.h"
#include "common/stored_data.h"
#include "common/text/plural.h"
#include "corpus/input/byte_source.h"
#include "corpus/input/input_files.h"
#include "corpus/record_checks.h"
#include "indexer/database_compaction.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/parallel_analysis.h"
#include "indexer/progress.h"
#include "indexer/shard_layout.h"
#include "indexer/shard_writer.h"
#include "indexer/uncommitted_articles.h"

namespace archivar {
namespace {

// The file (or ARCHIVE!MEMBER) of an article's "FILE:LINE" origin.
std::string_view origin_file(const Article& article) {
  return std::string_view(article.origin).substr(0, article.origin.rfind(':'));
}

std::optional<Date> checked_date(const Article& article, Diagnostics& diagnostics) {
  if (article.date.empty()) return std::nullopt;
  std::optional<Date> date = Date::parse(article.date);
  if (!date) {
    // One line per file: an export with a broken date column would otherwise flood the
    // terminal (GermaParl has 3,364 dates such as 2003-11-78).
    diagnostics.repaired(article.origin,
                         fmt::format("unparsable date '{}' (expected YYYY-MM-DD, ISO-8601 or "
                                     "DD.MM.YYYY); indexed without a date",
                                     article.date),
                         fmt::format("{}: unparsable dates", origin_file(article)));
  }
  return date;
}

// The inputs' size on disk, compressed or not; 0 when unknown (standard input).
std::uint64_t stored_size(const std::vector<InputFile>& inputs) {
  std::uint64_t total = 0;
  for (const InputFile& input : inputs) {
    if (input.path == "-") return 0;
    total += input.size;
  }
  return total;
}

// The ids read since the last commit, with where each came from, to report an id that
// occurs twice in one batch. Bounded by the batch size, so memory stays small however
// large the archive.
class BatchIds {
 public:
  explicit BatchIds(std::uint64_t batch_documents) : limit_(batch_documents) {}

  /// Where @a id was read before in this batch, or nullptr; remembers @a origin for it.
  const std::string* seen(const std::string& id, const std::string& origin) {
    if (ids_.size() >= limit_) ids_.clear();
    const auto [it, inserted] = ids_.try_emplace(id, origin);
    if (inserted) return nullptr;
    previous_ = std::exchange(it->second, origin);
    return &previous_;
  }

  void clear() { ids_.clear(); }

 private:
  std::uint64_t limit_;
  std::unordered_map<std::string, std::string> ids_;  // id -> origin
  std::string previous_;
};

std::uint64_t peak_resident_bytes() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux counts in KiB
}

unsigned cores() {
  return std::max(std::thread::hardware_concurrency(), 1U);
}

// Articles between the reader and the writers (as stored bytes): enough to keep every
// thread busy, and analysed they take about an eighth of the memory the writers' batches
// may. Bounding the stored bytes alone let analysed articles waiting out a long commit
// take 640 MB beside a 512 MB batch (GermaParl peaked at 1 GB); 6.4 MB of text, the
// bound for --memory 512, indexed 50,000 GermaParl speeches as fast as 64 MB did.
std::size_t bytes_in_flight(std::uint64_t batch_memory_bytes) {
  constexpr std::uint64_t kMin = std::uint64_t{1} << 20;
  constexpr std::uint64_t kMax = std::uint64_t{64} << 20;
  if (batch_memory_bytes == 0) return kMax;
  return std::clamp(batch_memory_bytes / 8 / kMemoryPerStoredByte, kMin, kMax);
}

// Of those, the share queued for the writers, analysed, waiting for a writer busy with a
// commit; the rest is in analysis.
constexpr std::size_t kWriterQueueShare = 4;  // a quarter

// A freshly written Xapian index is about a third free space (blocks split half full):
// worth a rewrite after a large run, not after a nightly handful of articles.
bool should_compact(Compaction when, const IndexSummary& summary, Xapian::doccount documents) {
  const std::uint64_t changed = summary.added + summary.replaced + summary.deleted;
  switch (when) {
    case Compaction::kNever:
      return false;
    case Compaction::kAlways:
      return true;
    case Compaction::kAuto:
      return changed > 0 && changed * 10 >= documents;
  }
  return false;
}

bool is_new_database(const std::filesystem::path& path) {
  std::error_code error;
  return !std::filesystem::exists(path, error) ||
         (std::filesystem::is_directory(path, error) && std::filesystem::is_empty(path, error));
}

// Where the run writes: the layout found at the database path, or for a new archive one
// with a database per writer thread (merged at the end) or the shards asked for.
ShardLayout choose_layout(const IndexRunOptions& options) {
  ShardLayout layout;
  try {
    layout = ShardLayout::read(options.database);
  } catch (const ShardLayoutError& error) {
    throw IndexOpenError(error.what());
  }
  if (layout.sharded) {
    if (options.shards > 0 && options.shards != layout.shards.size()) {
      throw IndexOpenError(fmt::format("'{}' holds {} shards, not the {} of --shards",
                                       options.database.string(), layout.shards.size(),
                                       options.shards));
    }
    if (options.shard_of > 0) {
      throw IndexOpenError(fmt::format(
          "'{}' holds shards of its own; --shard K/N writes one shard, into a database of its "
          "own",
          options.database.string()));
    }
    return layout;
  }
  const bool fresh = is_new_database(options.database);
  if (options.shards > 0) {
    if (!fresh) {
      throw IndexOpenError(fmt::format(
          "'{}' is one database already; --shards N makes a new archive (index into a new "
          "directory)",
          options.database.string()));
    }
    return options.shards > 1 ? ShardLayout::planned(options.database, options.shards, true)
                              : layout;
  }
  // Databases written at once are merged at the end, which rewrites them: not when asked
  // never to rewrite the database.
  const unsigned writers = options.threads > 0 ? options.threads : cores();
  if (fresh && writers > 1 && options.shard_of == 0 && options.compaction != Compaction::kNever) {
    return ShardLayout::planned(options.database, writers, /*keep=*/false);
  }
  return layout;
}

// The committed state of every shard, read while the writers write: whether an article
// read again is unchanged, and whether an id to delete exists.
class CommittedShards {
 public:
  explicit CommittedShards(const std::vector<std::filesystem::path>& shards) : paths_(shards) {
    for (const auto& path : paths_) databases_.push_back(open_despite_commits(path.string()));
  }

  void reopen(std::size_t shard) {
    databases_[shard] = open_despite_commits(paths_[shard].string());
  }

  /// The dictionary the archive's stored fields are compressed with (see
  /// StoredDataDictionary), or nullptr: one is trained on this run's first articles.
  std::shared_ptr<const StoredDataDictionary> current_dictionary() const {
    return StoredDataDictionary::current(databases_.front());
  }

  enum class Held { kNo, kUnchanged, kChanged };
  /// Whether shard @a shard holds the article @a id, and with content hash @a hash (any
  /// hash when @a hash is empty).
  Held held(std::size_t shard, const std::string& id, const std::string& hash) {
    return read_despite_commits(
        [&] {
          const Xapian::Database& database = databases_[shard];
          const std::string term = schema::id_term(id);
          const Xapian::PostingIterator posting = database.postlist_begin(term);
          if (posting == database.postlist_end(term)) return Held::kNo;
          return hash.empty() ||
                         database.get_document(*posting).get_value(schema::kContentHashSlot) == hash
                     ? Held::kUnchanged
                     : Held::kChanged;
        },
        [&](int /*attempt*/) { reopen(shard); });
  }

 private:
  std::vector<std::filesystem::path> paths_;
  std::vector<Xapian::Database> databases_;
};

using Held = CommittedShards::Held;

// The write side of a run: a ShardWriter per shard, and what it has committed so far.
class Writers {
 public:
  Writers(const ShardLayout& layout, const IndexRunOptions& options) {
    const std::size_t count = layout.shards.size();
    if (layout.sharded) std::filesystem::create_directories(layout.root);
    const std::size_t queued =
        bytes_in_flight(options.batch_memory_bytes) / kWriterQueueShare / count;
    for (const auto& path : layout.shards) {
      auto writer = std::make_unique<IndexWriter>(path, options.analyzer, options.batch_documents,
                                                  options.wait_for_lock);
      writer->limit_batch_memory(options.batch_memory_bytes / count);
      if (!writers_.empty() && writer->analyzer().to_string() != analyzer().to_string()) {
        throw IndexOpenError(fmt::format(
            "'{}' was built with analyzer '{}', but its shard '{}' with '{}'", layout.root.string(),
            analyzer().to_string(), path.string(), writer->analyzer().to_string()));
      }
      writers_.push_back(std::make_unique<ShardWriter>(std::move(writer), queued));
    }
    seen_committed_.assign(count, 0);
  }

  const AnalyzerOptions& analyzer() const { return writers_.front()->writer().analyzer(); }
  ShardWriter& operator[](std::size_t shard) { return *writers_[shard]; }
  std::size_t size() const { return writers_.size(); }

  /// Calls @a committed(shard, sequence) for each shard that committed since last asked.
  template <typename Committed>
  void poll(Committed committed) {
    for (std::size_t shard = 0; shard < writers_.size(); ++shard) {
      const std::uint64_t through = writers_[shard]->committed_through();
      if (through == seen_committed_[shard]) continue;
      seen_committed_[shard] = through;
      committed(shard, through);
    }
  }

  /// Commits every shard and waits for their threads.
  void finish() {
    for (auto& writer : writers_) writer->finish();
  }

  ShardWriterCounts counts() const {
    ShardWriterCounts total;
    for (const auto& writer : writers_) {
      const ShardWriterCounts& counts = writer->counts();
      total.added += counts.added;
      total.replaced += counts.replaced;
      total.deleted += counts.deleted;
      total.not_found += counts.not_found;
      total.grouped += counts.grouped;
    }
    return total;
  }

  Xapian::doccount document_count() {
    Xapian::doccount total = 0;
    for (auto& writer : writers_) total += writer->writer().document_count();
    return total;
  }

 private:
  std::vector<std::unique_ptr<ShardWriter>> writers_;
  std::vector<std::uint64_t> seen_committed_;
};

void compact_shards(Writers& writers, const ShardLayout& layout, std::optional<Progress>& progress,
                    IndexSummary& summary) {
  const auto started = std::chrono::steady_clock::now();
  if (progress) progress->step("compacting the database");
  summary.bytes_before_compaction = directory_bytes(layout.root);
  try {
    for (std::size_t shard = 0; shard < writers.size(); ++shard) writers[shard].writer().compact();
    summary.compacted = true;
  } catch (const CompactionError& error) {
    // Everything is committed: the database is whole, only larger than it need be.
    std::cerr << fmt::format("archivar-index: warning: database left uncompacted: {}\n",
                             error.what());
  }
  summary.bytes_after_compaction = directory_bytes(layout.root);
  summary.compaction_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (progress) progress->finish();
}

// The shards written in parallel become the one database the user asked for: Xapian's
// compactor merges them, which also rewrites them compactly.
void merge_shards(Writers& writers, const ShardLayout& layout, std::optional<Progress>& progress,
                  IndexSummary& summary) {
  const auto started = std::chrono::steady_clock::now();
  if (progress) progress->step("merging the shards into one database");
  summary.bytes_before_compaction = directory_bytes(layout.root);
  const std::filesystem::path old_shards = swap_in_merged_copy(layout.root);
  for (std::size_t shard = 0; shard < writers.size(); ++shard) writers[shard].writer().close();
  std::error_code error;
  std::filesystem::remove_all(old_shards, error);
  summary.merged_shards = true;
  summary.compacted = true;
  summary.bytes_after_compaction = directory_bytes(layout.root);
  summary.merge_seconds = summary.compaction_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (progress) progress->finish();
}

}  // namespace

IndexSummary run_index(IndexRunOptions options, Diagnostics& diagnostics) {
  const auto started = std::chrono::steady_clock::now();
  const ShardLayout layout = choose_layout(options);
  if (layout.sharded) remove_abandoned_copies(layout.root);
  Writers writers(layout, options);
  if (layout.sharded) {
    try {
      layout.write_stub();
    } catch (const ShardLayoutError& error) {
      throw IndexOpenError(error.what());
    }
  }
  IndexSummary summary;
  summary.shards = layout.shards.size();
  CommittedShards committed(layout.shards);
  UncommittedArticles uncommitted(layout.shards.size());
  NearDuplicateGroups groups(layout.shards, uncommitted, options.near_duplicates);
  std::uint64_t sequence = 0;  // of the changes handed to the writers
  // The stored fields are compressed with the archive's dictionary, or with one trained
  // on this run's first articles (stored as they are until then) and kept in every shard
  // before the first document compressed with it.
  std::shared_ptr<const StoredDataDictionary> dictionary = committed.current_dictionary();
  std::vector<std::string> training_samples;
  const auto sample_for_dictionary = [&](const std::string& stored) {
    if (dictionary || training_samples.size() >= StoredDataDictionary::kTrainingSamples) return;
    training_samples.push_back(stored);
    if (training_samples.size() < StoredDataDictionary::kTrainingSamples) return;
    dictionary = StoredDataDictionary::train(training_samples);
    training_samples = {};
    if (!dictionary) return;
    for (std::size_t shard = 0; shard < writers.size(); ++shard) {
      for (auto [key, value] : dictionary->metadata()) {
        writers[shard].set_metadata(++sequence, std::move(key), std::move(value));
      }
    }
  };
  const auto note_commits = [&] {
    bool reopened = false;
    writers.poll([&](std::size_t shard, std::uint64_t through) {
      committed.reopen(shard);
      uncommitted.committed(shard, through,
                            [&](const UncommittedChange& change) { groups.committed(change); });
      reopened = true;
    });
    if (reopened) groups.reopen();
  };
  // --shard K/N: this database holds shard K of an archive split over N machines.
  const auto other_shard = [&](const std::string& id) {
    return options.shard_of > 0 && shard_of(id, options.shard_of) != options.shard_part - 1;
  };

  for (const std::string& id : options.deletions) {
    const std::size_t shard = layout.shard_of(id);
    if (other_shard(id) ||
        (uncommitted.latest(id) == nullptr && committed.held(shard, id, {}) == Held::kNo)) {
      ++summary.not_found;
      diagnostics.note_once("delete:" + id, fmt::format("--delete: no article with id '{}'", id));
      continue;
    }
    uncommitted.add({.sequence = ++sequence, .shard = shard, .id = id, .deleted = true});
    writers[shard].remove(sequence, id);
  }

  const std::vector<InputFile> inputs =
      collect_input_files(options.inputs, options.format, diagnostics, options.database);
  ReaderOptions reading = options.reading;
  reading.member_format = options.format;
  BatchIds batch_ids(options.batch_documents);
  const unsigned analysis_threads =
      options.threads > 0 ? options.threads
                          : (layout.shards.size() > 1 ? cores() : std::max(cores(), 2U) - 1);
  // Declared after the writers, so an error stops the analysis threads before the writers
  // abandon the batches under way.
  ParallelAnalysis analysis(writers.analyzer(), analysis_threads,
                            bytes_in_flight(options.batch_memory_bytes) -
                                bytes_in_flight(options.batch_memory_bytes) / kWriterQueueShare);
  std::optional<Progress> progress;
  if (options.show_progress) {
    progress.emplace(std::cerr, isatty(STDERR_FILENO) != 0, stored_size(inputs),
                     options.progress_interval);
  }
  // How far the reading is: text bytes, and bytes as stored on disk (compressed or not).
  struct InputPosition {
    std::uint64_t bytes = 0;
    std::uint64_t stored_bytes = 0;
  };
  InputPosition read;
  std::uint64_t stored_bytes_of_finished_inputs = 0;
  std::uint64_t handed_over = 0;  // articles given to the writers
  // Progress is what is written: the reader runs ahead by the articles in analysis,
  // which would make the start look fast and the time left too short.
  // The positions of the articles in analysis, in order; they are written in that order.
  std::deque<InputPosition> in_analysis;
  InputPosition written;
  const auto report_progress = [&] {
    if (progress) {
      progress->update(handed_over + summary.unchanged, written.bytes, written.stored_bytes);
    }
  };
  const auto write = [&](AnalysedArticle article) {
    written = in_analysis.front();
    in_analysis.pop_front();
    note_commits();
    const std::size_t shard = layout.shard_of(article.id);
    const GroupAssignment assignment = groups.assign(article.id, article.document);
    if (!assignment.group.empty()) {
      article.document.add_value(schema::kGroupSlot, assignment.group);
      article.document.add_boolean_term(schema::group_term(assignment.group));
      ++summary.near_duplicates;
    }
    if (assignment.founder) {
      UncommittedChange founder = *assignment.founder;
      founder.sequence = ++sequence;
      founder.shard = layout.shard_of(founder.id);
      writers[founder.shard].set_group(founder.sequence, founder.id, founder.group);
      uncommitted.add(std::move(founder));
    }
    uncommitted.add(
        {.sequence = ++sequence,
         .shard = shard,
         .id = article.id,
         .signature = MinHashSignature::parse(article.document.get_value(schema::kFingerprintSlot)),
         .short_text_key = article.document.get_value(schema::kShortTextSlot),
         .group = assignment.group});
    writers[shard].put(sequence, std::move(article.id), std::move(article.document),
                       std::move(article.words), article.stored_bytes, article.new_id);
    ++handed_over;
    report_progress();
  };
  // One article read: checked, then analysed and written unless it is unchanged.
  const auto take = [&](Article article) {
    if (article.id.size() > schema::kMaxIdBytes) {
      diagnostics.skipped(article.origin,
                          fmt::format("id longer than {} bytes", schema::kMaxIdBytes));
      return;
    }
    if (other_shard(article.id)) {
      ++summary.other_shards;
      return;
    }
    if (const std::string* earlier = batch_ids.seen(article.id, article.origin)) {
      diagnostics.duplicate(
          article.origin,
          fmt::format("id '{}' was read before in this batch, at {}", article.id, *earlier),
          fmt::format("{}: ids read before in this batch", origin_file(article)));
    }
    const std::optional<Date> date = checked_date(article, diagnostics);
    DocumentBuilder::Stored stored = DocumentBuilder::stored_fields(article, date);
    // An id in analysis, or written but not committed, is about to change what the
    // committed database holds for it.
    note_commits();
    const bool pending =
        analysis.in_flight(article.id) || uncommitted.latest(article.id) != nullptr;
    const Held held = pending
                          ? Held::kChanged
                          : committed.held(layout.shard_of(article.id), article.id, stored.hash);
    if (held == Held::kUnchanged) {
      ++summary.unchanged;  // skip the analysis too: a nightly re-run costs little
      if (in_analysis.empty()) written = read;
      return;
    }
    sample_for_dictionary(stored.data);
    AnalysisJob job{std::move(article), date, std::move(stored), dictionary, held == Held::kNo};
    while (!analysis.can_submit(job)) write(*analysis.next());
    analysis.submit(std::move(job));
    in_analysis.push_back(read);
    while (std::optional<AnalysedArticle> ready = analysis.try_next()) write(std::move(*ready));
  };
  for (Article& article : options.articles) take(std::move(article));
  for (const InputFile& input : inputs) {
    std::unique_ptr<ArticleReader> reader;
    try {
      reader = open_article_reader(input.path, input.format, reading, diagnostics);
      while (std::optional<Article> article = reader->next()) {
        read = {summary.bytes_read + reader->bytes_read(),
                stored_bytes_of_finished_inputs +
                    std::min<std::uint64_t>(reader->stored_bytes_read(), input.size)};
        report_progress();
        take(std::move(*article));
      }
    } catch (const ReadError& error) {
      diagnostics.input_failed(input.path == "-" ? "<stdin>" : input.path.string(), error.what());
    }
    if (reader) summary.bytes_read += reader->bytes_read();
    stored_bytes_of_finished_inputs += input.size;
    read = {summary.bytes_read, stored_bytes_of_finished_inputs};
    if (in_analysis.empty()) written = read;
  }
  while (std::optional<AnalysedArticle> rest = analysis.next()) write(std::move(*rest));
  summary.analysis_cache = analysis.cache_statistics();
  if (progress) progress->finish();
  writers.finish();
  const ShardWriterCounts counts = writers.counts();
  summary.added = counts.added;
  summary.replaced = counts.replaced;
  summary.deleted = counts.deleted;
  summary.not_found += counts.not_found;
  diagnostics.print_repeated_repairs();
  summary.documents_in_database = writers.document_count();
  if (layout.sharded && !layout.keep) {
    merge_shards(writers, layout, progress, summary);
  } else if (should_compact(options.compaction, summary, summary.documents_in_database)) {
    compact_shards(writers, layout, progress, summary);
  }

  summary.skipped = diagnostics.skipped_count();
  summary.repaired = diagnostics.repaired_count();
  summary.double_encoded = diagnostics.repaired_count(kDoubleEncodedKind);
  summary.duplicates = diagnostics.duplicate_count();
  summary.failed_inputs = diagnostics.failed_inputs();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  summary.peak_memory_bytes = peak_resident_bytes();
  return summary;
}

std::string format_summary(const IndexSummary& summary, bool verbose) {
  const double megabytes = static_cast<double>(summary.bytes_read) / 1e6;
  const double seconds = std::max(summary.seconds, 1e-6);
  const std::uint64_t indexed = summary.added + summary.replaced + summary.unchanged;
  std::string text;
  if (summary.deleted + summary.not_found > 0) {
    text +=
        fmt::format("deleted {} ({} not found)\n", counted(summary.deleted, "article", "articles"),
                    counted(summary.not_found, "id", "ids"));
  }
  text += fmt::format(
      "indexed {}: {} added, {} replaced, {} unchanged, {} skipped\n"
      "read {:.1f} MB in {:.2f} s: {:.0f} docs/s, {:.1f} MB/s, peak memory {:.0f} MB\n"
      "database now holds {}\n",
      counted(indexed, "article", "articles"), summary.added, summary.replaced, summary.unchanged,
      summary.skipped, megabytes, summary.seconds, static_cast<double>(indexed) / seconds,
      megabytes / seconds, static_cast<double>(summary.peak_memory_bytes) / 1e6,
      counted(summary.documents_in_database, "article", "articles"));
  if (summary.merged_shards) {
    text +=
        fmt::format("merged the {} databases written at once into one, {:.1f} MB, in {:.2f} s\n",
                    summary.shards, static_cast<double>(summary.bytes_after_compaction) / 1e6,
                    summary.merge_seconds);
  } else if (summary.compacted) {
    text += fmt::format("compacted the database from {:.1f} MB to {:.1f} MB in {:.2f} s\n",
                        static_cast<double>(summary.bytes_before_compaction) / 1e6,
                        static_cast<double>(summary.bytes_after_compaction) / 1e6,
                        summary.compaction_seconds);
  }
  if (summary.other_shards > 0) {
    text += fmt::format("{} articles belong to other shards and were passed over\n",
                        summary.other_shards);
  }
  if (summary.near_duplicates > 0) {
    text += fmt::format("{} joined the near-duplicate group of a similar article\n",
                        summary.near_duplicates);
  }
  if (summary.repaired > 0) {
    text += fmt::format("{} to the input (encoding, dates), as warned above\n",
                        counted(summary.repaired, "repair", "repairs"));
  }
  if (summary.double_encoded > 0) {
    text += fmt::format("{} double-encoded UTF-8 ('MÃ¼nchen'), repaired\n",
                        summary.double_encoded == 1
                            ? "1 article had"
                            : fmt::format("{} articles had", summary.double_encoded));
  }
  if (summary.duplicates > 0) {
    text +=
        fmt::format("{} twice within a batch; the later record was kept\n",
                    summary.duplicates == 1 ? "1 id occurred"
                                            : fmt::format("{} ids occurred", summary.duplicates));
  }
  if (summary.failed_inputs > 0) {
    text += fmt::format("{} could not be read completely\n",
                        counted(summary.failed_inputs, "input", "inputs"));
  }
  if (verbose) {
    const WordFormCacheStatistics& cache = summary.analysis_cache;
    text += fmt::format("written into {} {} at once{}\n", summary.shards,
                        summary.shards == 1 ? "database" : "databases",
                        summary.shards > 1 && !summary.merged_shards ? ", kept as shards" : "");
    text += fmt::format(
        "analysis: {} words, {:.1f} % of them a word form analysed before (cache started over "
        "{} times)\n",
        cache.hits + cache.misses, 100 * cache.hit_rate(), cache.clears);
  }
  return text;
}

}  // namespace archivar
