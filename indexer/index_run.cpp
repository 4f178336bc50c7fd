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
#include "common/text/plural.h"
#include "corpus/input/byte_source.h"
#include "corpus/input/input_files.h"
#include "corpus/record_checks.h"
#include "indexer/database_compaction.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/parallel_analysis.h"
#include "indexer/progress.h"

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

// The writer is the slowest stage (measured on 3,000 FANG articles on 2 cores: 58 % of the
// CPU time, 13.7 s with one analysis thread, 15.8-17.9 s with two), so by default it keeps
// a core to itself.
unsigned analysis_threads(unsigned wanted) {
  if (wanted > 0) return wanted;
  return std::max(std::thread::hardware_concurrency(), 2U) - 1;
}

// Articles read ahead of the writer (as stored bytes): enough to keep every analysis
// thread busy, and analysed they take about an eighth of the memory the writer's batch
// may. Bounding the stored bytes alone let analysed articles waiting out a long commit
// take 640 MB beside a 512 MB batch (GermaParl peaked at 1 GB); 6.4 MB of text, the
// bound for --memory 512, indexed 50,000 GermaParl speeches as fast as 64 MB did.
std::size_t bytes_in_flight(std::uint64_t batch_memory_bytes) {
  constexpr std::uint64_t kMin = std::uint64_t{1} << 20;
  constexpr std::uint64_t kMax = std::uint64_t{64} << 20;
  if (batch_memory_bytes == 0) return kMax;
  return std::clamp(batch_memory_bytes / 8 / kMemoryPerStoredByte, kMin, kMax);
}

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

void compact(IndexWriter& writer, std::optional<Progress>& progress, IndexSummary& summary) {
  const auto started = std::chrono::steady_clock::now();
  if (progress) progress->step("compacting the database");
  try {
    const IndexWriter::CompactedSize size = writer.compact();
    summary.compacted = true;
    summary.bytes_before_compaction = size.bytes_before;
    summary.bytes_after_compaction = size.bytes_after;
  } catch (const CompactionError& error) {
    // Everything is committed: the database is whole, only larger than it need be.
    std::cerr << fmt::format("archivar-index: warning: database left uncompacted: {}\n",
                             error.what());
  }
  summary.compaction_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (progress) progress->finish();
}

}  // namespace

IndexSummary run_index(const IndexRunOptions& options, Diagnostics& diagnostics) {
  const auto started = std::chrono::steady_clock::now();
  IndexWriter writer(options.database, options.analyzer, options.batch_documents,
                     options.wait_for_lock, options.near_duplicates);
  writer.limit_batch_memory(options.batch_memory_bytes);
  IndexSummary summary;
  for (const std::string& id : options.deletions) {
    if (writer.remove(id)) {
      ++summary.deleted;
    } else {
      ++summary.not_found;
      diagnostics.note_once("delete:" + id, fmt::format("--delete: no article with id '{}'", id));
    }
  }

  const std::vector<InputFile> inputs =
      collect_input_files(options.inputs, options.format, diagnostics, options.database);
  ReaderOptions reading = options.reading;
  reading.member_format = options.format;
  BatchIds batch_ids(options.batch_documents);
  // Declared after the writer, so an error stops the analysis threads before the writer
  // abandons the batch under way.
  ParallelAnalysis analysis(writer.analyzer(), analysis_threads(options.threads),
                            bytes_in_flight(options.batch_memory_bytes));
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
  // Progress is what is written: the reader runs ahead by the articles in analysis,
  // which would make the start look fast and the time left too short.
  // The positions of the articles in analysis, in order; they are written in that order.
  std::deque<InputPosition> in_analysis;
  InputPosition written;
  const auto report_progress = [&] {
    if (progress) {
      progress->update(summary.added + summary.replaced + summary.unchanged, written.bytes,
                       written.stored_bytes);
    }
  };
  const auto write = [&](AnalysedArticle article) {
    written = in_analysis.front();
    in_analysis.pop_front();
    const auto outcome = writer.put(article.id, std::move(article.document), article.words);
    ++(outcome == IndexWriter::Outcome::kAdded ? summary.added : summary.replaced);
    if (writer.pending() == 0) batch_ids.clear();  // committed
    report_progress();
  };
  for (const InputFile& input : inputs) {
    std::unique_ptr<ArticleReader> reader;
    try {
      reader = open_article_reader(input.path, input.format, reading, diagnostics);
      while (std::optional<Article> article = reader->next()) {
        read = {summary.bytes_read + reader->bytes_read(),
                stored_bytes_of_finished_inputs +
                    std::min<std::uint64_t>(reader->stored_bytes_read(), input.size)};
        report_progress();
        if (article->id.size() > schema::kMaxIdBytes) {
          diagnostics.skipped(article->origin,
                              fmt::format("id longer than {} bytes", schema::kMaxIdBytes));
          continue;
        }
        if (const std::string* earlier = batch_ids.seen(article->id, article->origin)) {
          diagnostics.duplicate(
              article->origin,
              fmt::format("id '{}' was read before in this batch, at {}", article->id, *earlier),
              fmt::format("{}: ids read before in this batch", origin_file(*article)));
        }
        const std::optional<Date> date = checked_date(*article, diagnostics);
        std::string stored = DocumentBuilder::stored_fields(*article, date);
        // An id still in analysis is about to change what the database holds for it.
        if (!analysis.in_flight(article->id) &&
            writer.holds(article->id, schema::document_hash(stored))) {
          ++summary.unchanged;  // skip the analysis too: a nightly re-run costs little
          if (in_analysis.empty()) written = read;
          continue;
        }
        AnalysisJob job{std::move(*article), date, std::move(stored)};
        while (!analysis.can_submit(job)) write(*analysis.next());
        analysis.submit(std::move(job));
        in_analysis.push_back(read);
        while (std::optional<AnalysedArticle> ready = analysis.try_next()) write(std::move(*ready));
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
  if (progress) progress->finish();
  writer.commit();
  diagnostics.print_repeated_repairs();
  summary.documents_in_database = writer.document_count();
  summary.near_duplicates = writer.near_duplicates();
  if (should_compact(options.compaction, summary, summary.documents_in_database)) {
    compact(writer, progress, summary);
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

std::string format_summary(const IndexSummary& summary) {
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
  if (summary.compacted) {
    text += fmt::format("compacted the database from {:.1f} MB to {:.1f} MB in {:.2f} s\n",
                        static_cast<double>(summary.bytes_before_compaction) / 1e6,
                        static_cast<double>(summary.bytes_after_compaction) / 1e6,
                        summary.compaction_seconds);
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
  return text;
}

}  // namespace archivar
