// Measure: names one trec_eval measure, e.g. `map`, `P_10`, `iprec_at_recall_0.10`: a kind and,
// for the families with cutoffs (P, recall, ndcg_cut, iprec_at_recall, ...), a cutoff. Parses
// `-m` arguments (names, families with parameters, trec_eval's nicknames official, all_trec and
// set); sorts in trec_eval's print order.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::eval {

/// In the order trec_eval prints its measures (the table in its measures.c).
enum class MeasureKind {
  kNumQ,                // topics evaluated (summary only)
  kNumRet,              // documents retrieved
  kNumRel,              // relevant documents in the qrels
  kNumRelRet,           // relevant documents retrieved
  kMap,                 // average precision
  kGmMap,               // average precision, geometric mean over topics (summary only)
  kRprec,               // precision after R = num_rel documents
  kBpref,               // binary preference: judged relevant above judged non-relevant
  kRecipRank,           // 1 / rank of the first relevant document
  kIprecAtRecall,       // interpolated precision at a recall level (cutoff 0.0 .. 1.0)
  kP,                   // precision at a cutoff
  kRelstring,           // the judgments of the first 10 documents as text (per topic only)
  kRecall,              // recall at a cutoff
  kInfAP,               // inferred average precision
  kGmBpref,             // bpref, geometric mean over topics (summary only)
  kRprecMult,           // precision at a multiple of R (cutoff 0.2 .. 2.0)
  kUtility,             // relevant retrieved minus non-relevant retrieved
  k11ptAvg,             // interpolated precision averaged over the 11 recall levels
  kBinG,                // binary G: 1 / log2(2 + non-relevant above) per relevant document
  kG,                   // normalised gain G
  kDcg,                 // discounted cumulative gain of the whole ranking
  kIdealDcg,            // the ideal ranking's DCG
  kNdcg,                // DCG / ideal DCG, the whole ranking
  kNdcgRel,             // nDCG averaged over the relevant documents
  kRndcg,               // nDCG averaged at the changes of the ideal gain level
  kNdcgCut,             // nDCG at a cutoff
  kMapCut,              // average precision of the first k documents
  kRelativeP,           // precision at a cutoff over the best possible at that cutoff
  kSuccess,             // 1 if a relevant document is among the first k
  kSetP,                // relevant retrieved / retrieved
  kSetRelativeP,        // relevant retrieved / min(retrieved, relevant)
  kSetRecall,           // relevant retrieved / relevant
  kSetMap,              // set precision * set recall
  kSetF,                // harmonic mean of set precision and set recall
  kNumNonrelJudgedRet,  // judged non-relevant documents retrieved
};

struct Measure {
  MeasureKind kind = MeasureKind::kMap;
  /// The cutoff of a family: a number of documents (P, recall, ndcg_cut, map_cut, relative_P,
  /// success), a recall level (iprec_at_recall) or a multiple of R (Rprec_mult); 0 otherwise.
  double cutoff = 0;

  /// trec_eval's name: "map", "P_10", "iprec_at_recall_0.10", "Rprec_mult_1.00", ...
  std::string name() const;
  /// num_q, num_ret, num_rel, num_rel_ret, num_nonrel_judged_ret: integers, summed over topics
  /// instead of averaged.
  bool is_count() const noexcept;
  /// Averaged over topics as a geometric mean (gm_map, gm_bpref), from per-topic logarithms.
  bool is_geometric() const noexcept;
  /// Printed per topic with -q (all but num_q, gm_map and gm_bpref, as trec_eval).
  bool per_topic() const noexcept;
  /// Printed in the summary (all but relstring, which is per topic only).
  bool in_summary() const noexcept { return kind != MeasureKind::kRelstring; }

  auto operator<=>(const Measure&) const = default;
};

/// Which measures a report shows: the numeric ones, plus trec_eval's `runid` line.
struct MeasureSelection {
  std::vector<Measure> measures;  // sorted, without duplicates
  bool runid = false;

  /// Adds the measures named by one `-m` argument: a name ("map", "P_10", "runid"), a family
  /// with all its default cutoffs ("P", "iprec_at_recall"), trec_eval's form family.cutoffs
  /// ("P.5,10", "ndcg_cut.10", "iprec_at_recall.0.5,1"), or a nickname: "official" (what
  /// trec_eval prints by default), "all_trec", "set". Throws std::invalid_argument.
  void add(std::string_view spec);
};

/// What archivar-eval prints without -m, as trec_eval does: its "official" measures (runid,
/// num_q, num_ret, num_rel, num_rel_ret, map, gm_map, Rprec, bpref, recip_rank,
/// iprec_at_recall_0.00 .. 1.00, P_5 .. P_1000).
MeasureSelection default_selection();

/// The measures of default_selection(), for callers that want every value per topic.
std::vector<Measure> default_measures();

}  // namespace archivar::eval
