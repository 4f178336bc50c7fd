// Progress: tells a person how far a long indexing run is — articles, MB read, MB/s and,
// when the input size is known, the time left. A live line on a terminal, else a log line
// every ten seconds (or as often as asked).
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string_view>

namespace archivar {

class Progress {
 public:
  /// Writes to @a out (stderr); @a terminal chooses the live line; @a stored_total is
  /// the inputs' size on disk (compressed or not), 0 when unknown (standard input);
  /// @a log_interval is the time between log lines when @a out is not a terminal.
  Progress(std::ostream& out, bool terminal, std::uint64_t stored_total,
           std::chrono::milliseconds log_interval = std::chrono::seconds(10));

  /// Reports the counts so far: articles, @a bytes of text read (uncompressed) and
  /// @a stored_bytes of the inputs taken from disk, which give the share done and the
  /// time left. Cheap, and prints only when it is time to.
  void update(std::uint64_t articles, std::uint64_t bytes, std::uint64_t stored_bytes);

  /// Names a long last step that has no counts to show (compaction). On a terminal it
  /// takes the live line; in a log it is written only once the run has logged progress,
  /// so that short runs stay quiet.
  void step(std::string_view name);

  /// Clears the live line before the summary.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  void print(std::uint64_t articles, std::uint64_t bytes, std::uint64_t stored_bytes);

  std::ostream& out_;
  bool terminal_;
  std::uint64_t stored_total_;
  std::chrono::milliseconds log_interval_;
  Clock::time_point started_ = Clock::now();
  Clock::time_point last_print_ = started_;
  std::uint64_t updates_ = 0;
  bool printed_ = false;
};

}  // namespace archivar
