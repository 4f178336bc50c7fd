// TopicRanking and the measure functions: score one topic of a run against its judgments exactly
// as trec_eval does (relevant = judged value >= 1; gains = judged values; the arithmetic of its
// measure definitions, edge cases included).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "eval/measure.h"
#include "eval/qrels.h"
#include "eval/run.h"

namespace archivar::eval {

/// Judged value of a retrieved document that the qrels do not mention (not in the pool).
inline constexpr int kNotJudged = -1;
/// Judged value of a retrieved document the qrels list with a negative value: in the pool, but
/// not judged (as for infAP's sampled pools).
inline constexpr int kUnjudgedInPool = -2;

/// What the measures need of one topic: the judged value at each rank of the run, and the
/// judged values of the qrels.
struct TopicRanking {
  std::vector<int> ranked;      // judged value (>= 0), kNotJudged or kUnjudgedInPool, by rank
  std::vector<int> ideal;       // judged values >= 1 of the topic, descending (the ideal ranking)
  std::vector<int> rel_levels;  // judged documents of each value 0, 1, ... up to the highest
  int num_rel = 0;              // judged relevant documents (== ideal.size())

  /// Ranks `retrieved` (score descending, docno descending) and looks each document up in
  /// `judgments`. A null `retrieved` is a topic the run did not answer: nothing retrieved.
  static TopicRanking make(const Judgments& judgments, const Retrieved* retrieved);
};

int num_ret(const TopicRanking& topic);
int num_rel_ret(const TopicRanking& topic);
/// Sum over relevant retrieved documents of precision at their rank, divided by num_rel.
double average_precision(const TopicRanking& topic);
/// Relevant documents among the first num_rel retrieved, divided by num_rel.
double r_precision(const TopicRanking& topic);
/// 1 / rank of the first relevant document; 0 if none was retrieved.
double reciprocal_rank(const TopicRanking& topic);
/// Relevant documents among the first k, divided by k (missing ranks count as non-relevant).
double precision_at(const TopicRanking& topic, int k);
/// Relevant documents among the first k, divided by num_rel; 0 if the topic has none.
double recall_at(const TopicRanking& topic, int k);
/// DCG of the first k documents divided by the DCG of the first k of the ideal ranking;
/// 0 if the topic has no relevant document.
double ndcg_at(const TopicRanking& topic, int k);
/// Binary preference: for each judged relevant document, the share of the first num_rel judged
/// non-relevant documents ranked below it, averaged over num_rel (unjudged documents ignored).
double bpref(const TopicRanking& topic);
/// The largest precision at or after the rank where `level` of the relevant documents
/// (rounded as trec_eval: level * num_rel + 0.9, truncated) have been retrieved.
double interpolated_precision_at_recall(const TopicRanking& topic, double level);

/// One measure of one topic. num_q is 1: the topic counts once; gm_map and gm_bpref are the
/// logarithms the geometric mean averages; relstring is 0 (see relevance_string).
double measure_value(const Measure& measure, const TopicRanking& topic);

/// Every measure of `measures`, in that order.
std::vector<double> measure_values(std::span<const Measure> measures, const TopicRanking& topic);

/// trec_eval's relstring: one character per document of the first 10, its judged value 0-9,
/// '>' above 9, '-' not in the pool, '.' in the pool but unjudged.
std::string relevance_string(const TopicRanking& topic);

}  // namespace archivar::eval
