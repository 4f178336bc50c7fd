// read_despite_commits: reads a Xapian database again when an indexer's commits spoiled
// the read, so that searching while indexing never shows an error for it.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

namespace archivar {

/// read_despite_commits() tries at least this often, and for at least kReadRetryTime,
/// before it gives up on a read that still finds a block damaged, and rethrows.
inline constexpr int kReadAttempts = 10;
inline constexpr std::chrono::milliseconds kReadRetryTime{10'000};
/// A read a writer's commits keep discarding is no damage: it is tried this long, so that
/// on a slow or loaded machine, where no read fits between two commits of small batches,
/// a search waits for the writer to pause or finish rather than fail.
inline constexpr std::chrono::milliseconds kReadRetryTimeWhileCommitting{300'000};

/// Returns @a read(). When it throws Xapian::DatabaseModifiedError (two commits discarded
/// the revision being read) or Xapian::DatabaseCorruptError (Xapian 1.4 may misread a
/// block a commit just reused: "Expected block 475 to be level 1, not 0"), calls
/// @a before_retry(failed_attempts) (reopen the database, or wait) and reads again, waiting
/// 1, 2, 4, ... up to 64 ms before each retry from the third on. A writer committing
/// small batches (20 articles every few milliseconds) can spoil several reads in a row,
/// the more so on a loaded machine where the reader is descheduled: the retries are
/// bounded by time, not by a count. Damage that persists is rethrown.
template <typename Read, typename BeforeRetry>
auto read_despite_commits(Read read, BeforeRetry before_retry) -> decltype(read()) {
  const auto started = std::chrono::steady_clock::now();
  const auto give_up = [&](int attempt, std::chrono::milliseconds retry_time) {
    return attempt >= kReadAttempts && std::chrono::steady_clock::now() >= started + retry_time;
  };
  for (int attempt = 1;; ++attempt) {
    try {
      // Reopening reads the newest revision, which yet another commit can spoil: it is
      // part of the attempt.
      if (attempt > 2) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1 << std::min(attempt - 3, 6)));
      }
      if (attempt > 1) before_retry(attempt - 1);
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (give_up(attempt, kReadRetryTimeWhileCommitting)) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (give_up(attempt, kReadRetryTime)) throw;
    }
  }
}

/// The glass database at @a path opened for reading while a writer may be committing to it:
/// opening reads the newest revision's root blocks, which the next commits can discard.
inline Xapian::Database open_despite_commits(const std::string& path) {
  return read_despite_commits([&] { return Xapian::Database(path, Xapian::DB_BACKEND_GLASS); },
                              [](int /*attempt*/) {});
}

}  // namespace archivar
