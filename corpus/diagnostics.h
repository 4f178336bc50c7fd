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
  /// A non-empty @a kind ("double-encoded UTF-8") is also counted on its own.
  void repaired(std::string_view where, std::string_view reason, std::string_view group = {},
                std::string_view kind = {});
  /// A record whose id an earlier record of the same batch had; the later one is indexed:
  /// "FILE:LINE: REASON (the earlier record is replaced)". Like repairs, duplicates
  /// sharing a non-empty @a group are reported once and counted each time.
  void duplicate(std::string_view where, std::string_view reason, std::string_view group = {});
  /// A whole input that could not be read, or only partly.
  void input_failed(std::string_view where, std::string_view reason);
  /// Says @a message once per @a key (e.g. once per file for derived ids).
  void note_once(std::string_view key, std::string_view message);
  /// Prints how many further repairs and duplicates each group had; call once at the end
  /// of a run.
  void print_repeated_repairs();

  std::uint64_t skipped_count() const { return skipped_; }
  std::uint64_t repaired_count() const { return repaired_; }
  /// Repairs reported with this @a kind.
  std::uint64_t repaired_count(std::string_view kind) const;
  std::uint64_t duplicate_count() const { return duplicates_; }
  std::uint64_t failed_inputs() const { return failed_inputs_; }
  bool strict() const { return strict_; }

 private:
  void report(std::string_view where, std::string_view reason, std::string_view outcome);
  using GroupCounts = std::map<std::string, std::uint64_t, std::less<>>;  // group -> repeats
  // Whether a report of @a group is the first (an empty group always is); counts repeats.
  static bool first_of_group(GroupCounts& groups, std::string_view group);

  std::ostream& out_;
  std::string program_;
  bool strict_;
  std::uint64_t skipped_ = 0;
  std::uint64_t repaired_ = 0;
  std::uint64_t failed_inputs_ = 0;
  std::uint64_t duplicates_ = 0;
  std::map<std::string, std::uint64_t, std::less<>> repair_kinds_;  // kind -> count
  std::set<std::string, std::less<>> noted_;
  GroupCounts repair_groups_;
  GroupCounts duplicate_groups_;
};

}  // namespace archivar
