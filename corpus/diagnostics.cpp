#include "corpus/diagnostics.h"

#include <fmt/format.h>

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
  out_ << fmt::format("{}: warning: {}: {} ({})\n", program_, where, reason, outcome);
}

void Diagnostics::skipped(std::string_view where, std::string_view reason) {
  report(where, reason, "skipped");
  ++skipped_;
}

void Diagnostics::repaired(std::string_view where, std::string_view reason,
                           std::string_view group) {
  ++repaired_;
  if (!group.empty()) {
    const auto [it, first] = repair_groups_.try_emplace(std::string(group), 0);
    if (!first) {
      ++it->second;
      return;
    }
  }
  report(where, reason, first_of_group_outcome(group));
}

void Diagnostics::print_repeated_repairs() {
  for (const auto& [group, repeats] : repair_groups_) {
    if (repeats > 0)
      out_ << fmt::format("{}: note: {}: {} more repaired the same way\n", program_, group,
                          repeats);
  }
}

void Diagnostics::input_failed(std::string_view where, std::string_view reason) {
  report(where, reason, "rest of input skipped");
  ++failed_inputs_;
}

void Diagnostics::note_once(std::string_view key, std::string_view message) {
  if (!noted_.emplace(key).second) return;
  out_ << fmt::format("{}: note: {}\n", program_, message);
}

}  // namespace archivar
