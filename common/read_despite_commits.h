// read_despite_commits: reads a Xapian database again when an indexer's commits spoiled
// the read, so that searching while indexing never shows an error for it.
#pragma once

#include <xapian.h>

#include <chrono>
#include <thread>

namespace archivar {

/// Attempts in all before read_despite_commits() gives up and rethrows.
inline constexpr int kReadAttempts = 10;

/// Returns @a read(). When it throws Xapian::DatabaseModifiedError (two commits discarded
/// the revision being read) or Xapian::DatabaseCorruptError (Xapian 1.4 may misread a
/// block a commit just reused: "Expected block 475 to be level 1, not 0"), calls
/// @a before_retry(failed_attempts) (reopen the database, or wait) and reads again, up to
/// kReadAttempts times in all, waiting 1, 2, 4, ... ms before each retry from the third
/// on: a writer in the same process commits as fast as it writes (a batch of 20 articles
/// every few milliseconds), faster than a long read retried at once. Damage that persists
/// is rethrown.
template <typename Read, typename BeforeRetry>
auto read_despite_commits(Read read, BeforeRetry before_retry) -> decltype(read()) {
  for (int attempt = 1;; ++attempt) {
    try {
      // Reopening reads the newest revision, which yet another commit can spoil: it is
      // part of the attempt.
      if (attempt > 2) std::this_thread::sleep_for(std::chrono::milliseconds(1 << (attempt - 3)));
      if (attempt > 1) before_retry(attempt - 1);
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kReadAttempts) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt >= kReadAttempts) throw;
    }
  }
}

}  // namespace archivar
