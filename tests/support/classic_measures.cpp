#include "support/classic_measures.h"

namespace archivar::test {

std::vector<eval::Measure> classic_measures() {
  eval::MeasureSelection selection;
  for (const char* name : {"num_q", "num_ret", "num_rel", "num_rel_ret", "map", "Rprec",
                           "recip_rank", "P.5,10,20", "recall.100,1000", "ndcg_cut.10,20"}) {
    selection.add(name);
  }
  return selection.measures;
}

}  // namespace archivar::test
