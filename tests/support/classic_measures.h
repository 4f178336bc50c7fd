// The fourteen measures archivar-eval printed by default before it printed trec_eval's own
// default set; the evaluation tests work their figures out by hand for these.
#pragma once

#include <vector>

#include "eval/measure.h"

namespace archivar::test {

/// num_q num_ret num_rel num_rel_ret map Rprec recip_rank P_5 P_10 P_20 recall_100
/// recall_1000 ndcg_cut_10 ndcg_cut_20, in that (trec_eval's) order.
std::vector<eval::Measure> classic_measures();

}  // namespace archivar::test
