#include "corpus/diagnostics.h"

#include <fmt/format.h>

#include "common/text/control_characters.h"

namespace archivar {
namespace {

std::string_view first_of_group_outcome(std::string_view group) {
  return group.empty() ? "repaired" : "repaired; further ones in this file are counted, not shown";
}

}  // namespace

Diagnostics::Diagnostics(std::ostream& out, std::string program, bool strict)
    : out_(out), program_(std::move(program)), strict_(strict) {}

void Diagnostics::report(std::string_view where, std::string_view reason,
                         std::string_view outcome) {
  if (strict_) throw InputError(fmt::format("{}: {}", where, reason));
  out_ << fmt::format("{}: warning: {}: {} ({})\n", program_, printable(where), printable(reason),
                      outcome);
}

void Diagnostics::skipped(std::string_view where, std::string_view reason) {
  report(where, reason, "skipped");
  ++skipped_;
}

bool Diagnostics::first_of_group(GroupCounts& groups, std::string_view group) {
  if (group.empty()) return true;
  const auto [it, first] = groups.try_emplace(std::string(group), 0);
  if (!first) ++it->second;
  return first;
}

void Diagnostics::repaired(std::string_view where, std::string_view reason, std::string_view group,
                           std::string_view kind) {
  ++repaired_;
  if (!kind.empty()) ++repair_kinds_[std::string(kind)];
  if (first_of_group(repair_groups_, group)) {
    report(where, reason, first_of_group_outcome(group));
  }
}

std::uint64_t Diagnostics::repaired_count(std::string_view kind) const {
  const auto it = repair_kinds_.find(kind);
  return it != repair_kinds_.end() ? it->second : 0;
}

void Diagnostics::duplicate(std::string_view where, std::string_view reason,
                            std::string_view group) {
  ++duplicates_;
  if (!first_of_group(duplicate_groups_, group)) return;
  report(where, reason,
         group.empty() ? "the earlier record is replaced"
                       : "the earlier record is replaced; further ones are counted, not shown");
}

void Diagnostics::print_repeated_repairs() {
  for (const auto& [group, repeats] : repair_groups_) {
    if (repeats > 0)
      out_ << fmt::format("{}: note: {}: {} more repaired the same way\n", program_,
                          printable(group), repeats);
  }
  for (const auto& [group, repeats] : duplicate_groups_) {
    if (repeats > 0) {
      out_ << fmt::format("{}: note: {}: {} more\n", program_, printable(group), repeats);
    }
  }
}

void Diagnostics::input_failed(std::string_view where, std::string_view reason) {
  // Read errors name their input themselves; say it once.
  if (reason.starts_with(where) && reason.substr(where.size()).starts_with(": ")) {
    reason.remove_prefix(where.size() + 2);
  }
  report(where, reason, "rest of input skipped");
  ++failed_inputs_;
}

void Diagnostics::note_once(std::string_view key, std::string_view message) {
  if (!noted_.emplace(key).second) return;
  out_ << fmt::format("{}: note: {}\n", program_, printable(message));
}

}  // namespace archivar
