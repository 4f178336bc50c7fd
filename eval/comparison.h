// Comparison: two runs scored on the same topics, measure by measure: the means, B - A, on how
// many topics B wins or loses, and paired significance tests, to accept a change on evidence.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "eval/measure.h"
#include "eval/qrels.h"
#include "eval/run.h"
#include "eval/significance.h"

namespace archivar::eval {

/// One topic's value of one measure in run A and in run B.
struct TopicPair {
  std::string qid;
  double a = 0.0;
  double b = 0.0;

  double difference() const noexcept { return b - a; }
};

/// Topics where B is better, worse, or exactly equal (difference 0).
struct Tally {
  std::size_t wins = 0;
  std::size_t losses = 0;
  std::size_t ties = 0;

  bool operator==(const Tally&) const = default;
};

Tally tally(std::span<const TopicPair> topics);

struct MeasureComparison {
  Measure measure;
  std::vector<TopicPair> topics;  // qid order
  double mean_a = 0.0;            // over `topics`, summed in qid order as trec_eval does
  double mean_b = 0.0;
  Tally tally;
  double p_randomisation = 0.0;  // randomisation_test() of the differences
  TTest t_test;                  // paired_t_test() of the differences

  double difference() const noexcept { return mean_b - mean_a; }
  /// (B - A) / A; nullopt when A's mean is 0.
  std::optional<double> relative_difference() const;
};

struct Comparison {
  std::vector<MeasureComparison> measures;  // in the order requested
  std::vector<std::string> qids;            // the compared topics, qid order
  /// Judged topics left out because a run did not answer them (only without -c).
  std::size_t left_out = 0;
  std::string run_id_a;
  std::string run_id_b;
};

/// What --compare compares without -m: map, ndcg_cut_10, recip_rank, P_10, recall_100.
std::vector<Measure> default_compare_measures();

/// The measures named by `-m` arguments, in the order given (the first is the one -q details),
/// without duplicates and without num_q, which has no per-topic value. Empty `specs`: the
/// defaults. Throws std::invalid_argument for an unknown name or if no measure is left.
std::vector<Measure> compare_measures(std::span<const std::string> specs);

/// One measure's values of the topics that both evaluations scored, in qid order. Throws
/// std::out_of_range if either did not compute the measure.
std::vector<TopicPair> pair_topics(const Evaluation& a, const Evaluation& b,
                                   const Measure& measure);

/// Means, tally and significance tests of one measure's topic pairs.
MeasureComparison compare_measure(const Measure& measure, std::vector<TopicPair> topics);

/// Scores both runs against `qrels` and compares them on the topics trec_eval would average
/// over: with options.complete every qrels topic (a topic missing from a run counts 0),
/// otherwise the judged topics that both runs answered.
Comparison compare_runs(const Qrels& qrels, const Run& a, const Run& b,
                        std::span<const Measure> measures, EvalOptions options = {});

}  // namespace archivar::eval
