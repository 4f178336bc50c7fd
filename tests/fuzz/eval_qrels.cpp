// Fuzz target: the evaluator's qrels reader, and the measures over the judgments read
// (a run retrieving every judged document).
#include <sstream>

#include "eval/evaluation.h"
#include "eval/input_error.h"
#include "eval/measure.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace archivar::eval;
  std::istringstream in{std::string(archivar::fuzz::as_text(data, size))};
  try {
    const Qrels qrels = parse_qrels(in, "fuzz.qrels");
    Run run;
    double score = 1;
    for (const auto& [qid, judgments] : qrels.topics()) {
      for (const auto& judged : judgments) run.add(qid, judged.first, score /= 2);
    }
    (void)evaluate(qrels, run, default_measures(), {.complete = true});
  } catch (const InputError&) {
    // Reported with file and line by archivar-eval.
  }
  return 0;
}
