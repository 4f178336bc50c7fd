// Report: writes an Evaluation in trec_eval's text format, one `measure<TAB>qid<TAB>value` line
// per value (name padded to 22 columns; %6.4f, integers for num_*), per-topic lines first with -q.
#pragma once

#include <string>
#include <string_view>

#include "eval/evaluation.h"

namespace archivar::eval {

struct ReportOptions {
  bool per_topic = false;  // -q: each topic's lines (qid order) before the `all` lines
  bool runid = false;      // trec_eval's `runid  all  TAG` line, first of the summary
};

/// One line, with its newline, exactly as trec_eval prints it.
std::string format_line(std::string_view measure, std::string_view qid, double value, bool integer);

/// The whole report.
std::string format_report(const Evaluation& evaluation, ReportOptions options);

}  // namespace archivar::eval
