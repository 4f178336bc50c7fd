// Diagnostics: where readers and the indexer report bad input, by file and line.
// Counts what was skipped or repaired, and in strict mode turns the first problem into an error.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

namespace archivar {

/// Thrown in strict mode for the first bad record, and for problems no run can survive.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Diagnostics {
 public:
  /// Writes messages to @a out, prefixed with @a program ("archivar-index").
  Diagnostics(std::ostream& out, std::string program, bool strict);

  /// A record that could not be indexed: "FILE:LINE: REASON (skipped)".
  void skipped(std::string_view where, std::string_view reason);
  /// A record indexed after a repair: "FILE:LINE: REASON (repaired)". Repairs sharing a
  /// non-empty @a group (say, one file's encoding) are reported once and counted each time.
  void repaired(std::string_view where, std::string_view reason, std::string_view group = {});
  /// A whole input that could not be read, or only partly.
  void input_failed(std::string_view where, std::string_view reason);
  /// Says @a message once per @a key (e.g. once per file for derived ids).
  void note_once(std::string_view key, std::string_view message);
  /// Prints how many further repairs each group had; call once at the end of a run.
  void print_repeated_repairs();

  std::uint64_t skipped_count() const { return skipped_; }
  std::uint64_t repaired_count() const { return repaired_; }
  std::uint64_t failed_inputs() const { return failed_inputs_; }
  bool strict() const { return strict_; }

 private:
  void report(std::string_view where, std::string_view reason, std::string_view outcome);

  std::ostream& out_;
  std::string program_;
  bool strict_;
  std::uint64_t skipped_ = 0;
  std::uint64_t repaired_ = 0;
  std::uint64_t failed_inputs_ = 0;
  std::set<std::string, std::less<>> noted_;
  std::map<std::string, std::uint64_t, std::less<>> repair_groups_;  // group -> repeats
};

}  // namespace archivar
