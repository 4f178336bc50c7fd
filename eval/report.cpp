#include "eval/report.h"

#include <fmt/format.h>

namespace archivar::eval {

std::string format_line(std::string_view measure, std::string_view qid, double value,
                        bool integer) {
  if (integer) return fmt::format("{:<22}\t{}\t{}\n", measure, qid, static_cast<long>(value));
  // Right-aligned explicitly: fmt would put "nan" (trec_eval's 0 / 0 of an empty ranking) left.
  return fmt::format("{:<22}\t{}\t{:>6.4f}\n", measure, qid, value);
}

std::string format_report(const Evaluation& evaluation, ReportOptions options) {
  std::string out;
  const auto& measures = evaluation.measures;
  if (options.per_topic) {
    for (const TopicEvaluation& topic : evaluation.topics) {
      for (std::size_t i = 0; i < measures.size(); ++i) {
        if (!measures[i].per_topic()) continue;
        if (measures[i].kind == MeasureKind::kRelstring) {
          out += fmt::format("{:<22}\t{}\t'{}'\n", measures[i].name(), topic.qid, topic.relstring);
          continue;
        }
        out += format_line(measures[i].name(), topic.qid, topic.values[i], measures[i].is_count());
      }
    }
  }
  if (options.runid) out += fmt::format("{:<22}\t{}\t{}\n", "runid", "all", evaluation.run_id);
  for (std::size_t i = 0; i < measures.size(); ++i) {
    if (!measures[i].in_summary()) continue;
    out += format_line(measures[i].name(), "all", evaluation.summary[i], measures[i].is_count());
  }
  return out;
}

}  // namespace archivar::eval
