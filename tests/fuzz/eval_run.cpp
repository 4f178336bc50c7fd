// Fuzz target: the evaluator's run reader, and the measures of the run read against
// qrels judging every retrieved document relevant.
#include <sstream>

#include "eval/evaluation.h"
#include "eval/input_error.h"
#include "eval/measure.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace archivar::eval;
  std::istringstream in{std::string(archivar::fuzz::as_text(data, size))};
  try {
    const Run run = parse_run(in, "fuzz.run");
    Qrels qrels;
    for (const auto& [qid, retrieved] : run.topics()) {
      for (const auto& found : retrieved) qrels.add(qid, found.first, 1);
    }
    for (const auto& [qid, retrieved] : run.topics()) (void)rank(retrieved);
    (void)evaluate(qrels, run, default_measures());
  } catch (const InputError&) {
    // Reported with file and line by archivar-eval.
  }
  return 0;
}
