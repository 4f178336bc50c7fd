#include "indexer/parallel_analysis.h"

#include <algorithm>

#include "indexer/document_builder.h"
#include "indexer/posting_sink.h"

namespace archivar {

ParallelAnalysis::ParallelAnalysis(const AnalyzerOptions& analyzer, unsigned threads,
                                   std::size_t max_bytes_in_flight)
    : max_bytes_in_flight_(max_bytes_in_flight) {
  threads = std::max(threads, 1U);
  cache_statistics_.resize(threads);
  threads_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) {
    threads_.emplace_back([this, analyzer, i] { work(analyzer, i); });
  }
}

ParallelAnalysis::~ParallelAnalysis() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  job_ready_.notify_all();
  threads_.clear();  // joins
}

bool ParallelAnalysis::can_submit(const AnalysisJob& job) const {
  return in_flight_.empty() || bytes_in_flight_ + job.stored.data.size() <= max_bytes_in_flight_;
}

void ParallelAnalysis::submit(AnalysisJob job) {
  const std::size_t bytes = job.stored.data.size();
  const std::uint64_t sequence = next_to_take_ + in_flight_.size();  // taken in this order
  ++ids_in_flight_[job.article.id];
  in_flight_.push_back({job.article.id, bytes});
  bytes_in_flight_ += bytes;
  {
    const std::lock_guard lock(mutex_);
    jobs_.emplace_back(sequence, std::move(job));
  }
  job_ready_.notify_one();
}

bool ParallelAnalysis::in_flight(const std::string& id) const {
  return ids_in_flight_.contains(id);
}

std::optional<AnalysedArticle> ParallelAnalysis::next() {
  if (in_flight_.empty()) return std::nullopt;
  std::unique_lock lock(mutex_);
  result_ready_.wait(lock, [&] { return done_.contains(next_to_take_); });
  return take(lock);
}

std::optional<AnalysedArticle> ParallelAnalysis::try_next() {
  if (in_flight_.empty()) return std::nullopt;
  std::unique_lock lock(mutex_);
  if (!done_.contains(next_to_take_)) return std::nullopt;
  return take(lock);
}

AnalysedArticle ParallelAnalysis::take(std::unique_lock<std::mutex>& lock) {
  Done done = std::move(done_.extract(next_to_take_++).mapped());
  lock.unlock();
  const InFlight& taken = in_flight_.front();
  bytes_in_flight_ -= taken.bytes;
  if (const auto it = ids_in_flight_.find(taken.id); --it->second == 0) ids_in_flight_.erase(it);
  in_flight_.pop_front();
  if (done.error) std::rethrow_exception(done.error);
  return std::move(*done.article);
}

WordFormCacheStatistics ParallelAnalysis::cache_statistics() const {
  const std::lock_guard lock(mutex_);
  WordFormCacheStatistics total;
  for (const WordFormCacheStatistics& statistics : cache_statistics_) total += statistics;
  return total;
}

void ParallelAnalysis::work(const AnalyzerOptions& options, std::size_t thread) {
  // A failure to set up (the dictionary missing, say) fails every job this thread takes,
  // so the caller hears of it in order, like any other error.
  std::optional<Analyzer> analyzer;
  XapianPositionalPostings postings;
  std::optional<DocumentBuilder> builder;
  std::exception_ptr setup_error;
  try {
    analyzer.emplace(options);
    builder.emplace(*analyzer, postings);
  } catch (...) {
    setup_error = std::current_exception();
  }
  std::unique_lock lock(mutex_);
  for (;;) {
    job_ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
    if (stopping_) return;
    auto [sequence, job] = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    Done done;
    try {
      if (setup_error) std::rethrow_exception(setup_error);
      const std::size_t stored_bytes = job.stored.data.size();
      Xapian::Document document =
          builder->build(job.article, job.date, std::move(job.stored), job.dictionary.get());
      done.article = AnalysedArticle{std::move(job.article.id), std::move(document),
                                     builder->words(), stored_bytes, job.new_id};
    } catch (...) {
      done.error = std::current_exception();
    }
    lock.lock();
    if (analyzer) cache_statistics_[thread] = analyzer->cache_statistics();
    done_.emplace(sequence, std::move(done));
    result_ready_.notify_all();
  }
}

}  // namespace archivar
