// Measure: names one trec_eval measure, e.g. `map`, `P_10`, `ndcg_cut_20`: a kind and, for the
// families P, recall and ndcg_cut, a cutoff. Parses `-m` arguments; sorts in trec_eval's print
// order.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::eval {

/// In the order trec_eval prints its measures (its table in measures.c).
enum class MeasureKind {
  kNumQ,       // topics evaluated (summary only)
  kNumRet,     // documents retrieved
  kNumRel,     // relevant documents in the qrels
  kNumRelRet,  // relevant documents retrieved
  kMap,        // average precision
  kRprec,      // precision after R = num_rel documents
  kRecipRank,  // 1 / rank of the first relevant document
  kP,          // precision at a cutoff
  kRecall,     // recall at a cutoff
  kNdcgCut,    // nDCG at a cutoff, gain = judged value
};

struct Measure {
  MeasureKind kind = MeasureKind::kMap;
  int cutoff = 0;  // > 0 for kP, kRecall and kNdcgCut; 0 otherwise

  /// trec_eval's name: "map", "P_10", "ndcg_cut_20", ...
  std::string name() const;
  /// num_q, num_ret, num_rel, num_rel_ret: integers, summed over topics instead of averaged.
  bool is_count() const noexcept;
  /// Printed per topic with -q (every measure but num_q, as trec_eval).
  bool per_topic() const noexcept { return kind != MeasureKind::kNumQ; }

  auto operator<=>(const Measure&) const = default;
};

/// Which measures a report shows: the numeric ones, plus trec_eval's `runid` line.
struct MeasureSelection {
  std::vector<Measure> measures;  // sorted, without duplicates
  bool runid = false;

  /// Adds the measures named by one `-m` argument: a name ("map", "P_10", "runid") or trec_eval's
  /// grouped form "P.5,10", "ndcg_cut.10", "recall.100"; "P", "recall" and "ndcg_cut" alone mean
  /// trec_eval's default cutoffs 5,10,15,20,30,100,200,500,1000. Throws std::invalid_argument.
  void add(std::string_view spec);
};

/// What archivar-eval prints without -m: runid and num_q, num_ret, num_rel, num_rel_ret, map,
/// Rprec, recip_rank, P_5, P_10, P_20, recall_100, recall_1000, ndcg_cut_10, ndcg_cut_20.
MeasureSelection default_selection();

/// The measures of default_selection(), for callers that want every value per topic.
std::vector<Measure> default_measures();

}  // namespace archivar::eval
