// Evaluation: a run scored against qrels as trec_eval scores it: every requested measure per
// topic, and the summary over topics (means; sums for num_*), averaged with or without -c.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eval/measure.h"
#include "eval/qrels.h"
#include "eval/run.h"

namespace archivar::eval {

struct EvalOptions {
  /// trec_eval's -c: evaluate every topic of the qrels; a topic the run did not answer counts as
  /// an empty ranking (0 for every measure except num_rel, which keeps the qrels' count).
  /// Without it, only topics in both the run and the qrels are evaluated.
  bool complete = false;
};

struct TopicEvaluation {
  std::string qid;
  bool in_run = true;          // false: a qrels topic missing from the run (only with -c)
  std::vector<double> values;  // parallel to Evaluation::measures
  /// trec_eval's relstring, when the measures include it.
  std::string relstring;
};

struct Evaluation {
  std::vector<Measure> measures;
  /// The evaluated topics in byte order of the qid. Run topics without judgments are ignored.
  std::vector<TopicEvaluation> topics;
  /// Per measure over `topics`: num_q is their number; the other counts are sums; gm_map and
  /// gm_bpref are geometric means (of the per-topic logarithms); every other measure is the
  /// mean (0 when no topic was evaluated).
  std::vector<double> summary;
  /// The run's tag, printed by trec_eval as `runid`.
  std::string run_id;

  /// Index of `measure` in `measures`, or nullopt if it was not computed.
  std::optional<std::size_t> index_of(const Measure& measure) const;
  /// (qid, value) of one measure for every evaluated topic, e.g. to compare two runs topic by
  /// topic. Throws std::out_of_range if the measure was not computed.
  std::vector<std::pair<std::string, double>> per_topic(const Measure& measure) const;
  /// The summary value of one measure. Throws std::out_of_range if it was not computed.
  double summary_of(const Measure& measure) const;
};

/// Scores `run` against `qrels` with `measures` (computed in the order given).
Evaluation evaluate(const Qrels& qrels, const Run& run, std::span<const Measure> measures,
                    EvalOptions options = {});

}  // namespace archivar::eval
