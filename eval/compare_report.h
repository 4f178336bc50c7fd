// CompareReport: prints a Comparison for people (aligned table, p < 0.05 marked `*`) or for
// scripts (tab-separated), with -q also the topics where B lost and won most on the first measure.
#pragma once

#include <cstddef>
#include <string>

#include "eval/comparison.h"

namespace archivar::eval {

enum class CompareFormat {
  kTable,  // for people: which runs, how many topics, the table, a footnote on the tests
  kTsv,    // for scripts: a header line and one line per measure, nothing else
};

struct CompareReportOptions {
  CompareFormat format = CompareFormat::kTable;
  bool per_topic = false;  // -q: the first measure's biggest losses and wins, after the table
  std::size_t top = 10;    // how many losses and wins -q lists
  std::string label_a;     // how the table names run A and run B, e.g. their files
  std::string label_b;
};

/// The whole report, every line ending in a newline.
///
/// Table: `measure A B diff rel% wins losses ties p(rand) p(t) 95% CI of diff`, means and
/// B - A with four decimals, rel% = 100 (B - A) / A with one ('-' when A is 0), p-values with
/// four decimals ('-' when undefined), `*` after p < kSignificanceLevel, the t-test's interval
/// of B - A as `[low, high]`.
/// TSV: the same columns, p-values as plain numbers (%.4g), then `sig(rand)` and `sig(t)`
/// holding `*` or nothing, then `ci95_low` and `ci95_high`; undefined values are `nan`. With -q a
/// blank line and a second block, `measure qid A B diff`: the biggest losses, most negative first,
/// then the biggest wins.
std::string format_comparison(const Comparison& comparison, const CompareReportOptions& options);

}  // namespace archivar::eval
