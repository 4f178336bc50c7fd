#include "indexer/shard_writer.h"

namespace archivar {

ShardWriter::ShardWriter(std::unique_ptr<IndexWriter> writer, std::size_t max_bytes_queued)
    : writer_(std::move(writer)), max_bytes_queued_(max_bytes_queued) {
  thread_ = std::thread([this] { work(); });
}

ShardWriter::~ShardWriter() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ShardWriter::enqueue(Change change) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] {
    return error_ || queue_.empty() || bytes_queued_ + change.bytes <= max_bytes_queued_;
  });
  if (error_) std::rethrow_exception(error_);
  bytes_queued_ += change.bytes;
  queue_.push_back(std::move(change));
  lock.unlock();
  changed_.notify_all();
}

void ShardWriter::put(std::uint64_t sequence, std::string id, Xapian::Document document,
                      std::vector<std::string> words, std::size_t stored_bytes, bool known_new) {
  enqueue({Change::Kind::kPut,
           sequence,
           std::move(id),
           std::move(document),
           std::move(words),
           {},
           stored_bytes,
           known_new});
}

void ShardWriter::set_metadata(std::uint64_t sequence, std::string key, std::string value) {
  enqueue({Change::Kind::kSetMetadata, sequence, std::move(key), {}, {}, std::move(value), 0});
}

void ShardWriter::set_group(std::uint64_t sequence, std::string id, std::string group) {
  enqueue({Change::Kind::kSetGroup, sequence, std::move(id), {}, {}, std::move(group), 0});
}

void ShardWriter::remove(std::uint64_t sequence, std::string id) {
  enqueue({Change::Kind::kRemove, sequence, std::move(id), {}, {}, {}, 0});
}

void ShardWriter::apply(Change& change) {
  switch (change.kind) {
    case Change::Kind::kPut: {
      const auto outcome = writer_->put(change.id, std::move(change.document), change.words,
                                        change.bytes, change.known_new);
      ++(outcome == IndexWriter::Outcome::kAdded ? counts_.added : counts_.replaced);
      break;
    }
    case Change::Kind::kSetGroup:
      counts_.grouped += writer_->set_group(change.id, change.group) ? 1 : 0;
      break;
    case Change::Kind::kRemove:
      ++(writer_->remove(change.id) ? counts_.deleted : counts_.not_found);
      break;
    case Change::Kind::kSetMetadata:
      writer_->set_metadata(change.id, change.group);
      break;
  }
  if (writer_->pending() == 0) committed_through_.store(change.sequence);
}

void ShardWriter::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || finishing_ || !queue_.empty(); });
    if (stopping_) break;
    if (queue_.empty() && finishing_) {
      // The last commit on this thread too: the shards commit at once, not one by one.
      lock.unlock();
      std::exception_ptr error;
      try {
        writer_->commit();
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      error_ = error;
      return;
    }
    Change change = std::move(queue_.front());
    queue_.pop_front();
    bytes_queued_ -= change.bytes;
    lock.unlock();
    changed_.notify_all();
    std::exception_ptr error;
    try {
      apply(change);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    if (error) {
      error_ = error;
      queue_.clear();
      bytes_queued_ = 0;
      changed_.notify_all();
      return;
    }
  }
}

void ShardWriter::finish() {
  {
    const std::lock_guard lock(mutex_);
    finishing_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (error_) std::rethrow_exception(error_);
}

}  // namespace archivar
