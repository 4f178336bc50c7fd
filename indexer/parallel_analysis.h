// ParallelAnalysis: analyses articles into Xapian documents on several threads and hands
// them back in the order they were submitted, with the work in flight bounded in bytes.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/article.h"
#include "common/date.h"
#include "indexer/document_builder.h"

namespace archivar {

/// One article to analyse: what DocumentBuilder::build takes.
struct AnalysisJob {
  Article article;
  std::optional<Date> date;
  DocumentBuilder::Stored stored;  ///< DocumentBuilder::stored_fields(article, date)
  /// What the stored fields are compressed with (none: stored as they are).
  std::shared_ptr<const StoredDataDictionary> dictionary;
  /// No document has the article's id, nor does an earlier article of the run.
  bool new_id = false;
};

/// A job's outcome: the document and the words for the vocabulary.
struct AnalysedArticle {
  std::string id;
  Xapian::Document document;
  std::vector<std::string> words;
  std::size_t stored_bytes = 0;  ///< of the stored fields, uncompressed
  bool new_id = false;           ///< as the job said
};

/// Analysis is the part of indexing that parallelises (every thread has its own
/// Analyzer); the caller stays the one thread that reads inputs and writes the database,
/// because Xapian's WritableDatabase is single-threaded. Submission order is kept, so a
/// later record with an earlier one's id still replaces it. Memory stays bounded: jobs
/// are counted by their stored size until the caller has taken their result.
///
/// The caller's loop:  while (!can_submit(job)) write(next());  submit(job);
///                     while (auto ready = try_next()) write(*ready);
/// and at the end:     while (auto rest = next()) write(*rest);
/// A job that failed (an exception in its thread) rethrows from next()/try_next().
class ParallelAnalysis {
 public:
  /// Starts @a threads (at least one) analysis threads with @a analyzer each.
  /// @a max_bytes_in_flight bounds the stored size of the jobs not yet taken back
  /// (one job is always allowed, however large).
  ParallelAnalysis(const AnalyzerOptions& analyzer, unsigned threads,
                   std::size_t max_bytes_in_flight);
  /// Stops the threads; results not taken are dropped.
  ~ParallelAnalysis();
  ParallelAnalysis(const ParallelAnalysis&) = delete;
  ParallelAnalysis& operator=(const ParallelAnalysis&) = delete;

  /// Whether @a job fits into the bytes in flight now; if not, take a result first.
  bool can_submit(const AnalysisJob& job) const;
  void submit(AnalysisJob job);

  /// Whether a job with this article id was submitted and its result not yet taken: its
  /// document is not in the database yet, so the database cannot say what it holds.
  bool in_flight(const std::string& id) const;

  /// The next result in submission order, waiting for it; nullopt when nothing is in flight.
  std::optional<AnalysedArticle> next();
  /// The next result if it is ready, without waiting.
  std::optional<AnalysedArticle> try_next();

  /// How often the threads' analyzers found a word form in their caches so far.
  WordFormCacheStatistics cache_statistics() const;

 private:
  struct Done {
    std::optional<AnalysedArticle> article;
    std::exception_ptr error;
  };

  void work(const AnalyzerOptions& analyzer, std::size_t thread);
  AnalysedArticle take(std::unique_lock<std::mutex>& lock);

  mutable std::mutex mutex_;
  std::condition_variable job_ready_;
  std::condition_variable result_ready_;
  std::deque<std::pair<std::uint64_t, AnalysisJob>> jobs_;
  std::map<std::uint64_t, Done> done_;
  /// The jobs whose results the caller has not taken, in submission order (which is the
  /// order they are taken in); the caller's thread only.
  struct InFlight {
    std::string id;
    std::size_t bytes;
  };
  std::deque<InFlight> in_flight_;
  std::unordered_map<std::string, int> ids_in_flight_;
  std::uint64_t next_to_take_ = 0;  ///< sequence number of in_flight_.front()
  std::size_t bytes_in_flight_ = 0;
  std::size_t max_bytes_in_flight_;
  bool stopping_ = false;
  /// Per thread, updated after each job.
  std::vector<WordFormCacheStatistics> cache_statistics_;
  std::vector<std::jthread> threads_;
};

}  // namespace archivar
