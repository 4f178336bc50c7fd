// Tests of run evaluation over topics (eval/evaluation.h) and of the trec_eval text format
// (eval/report.h), on tests/data/eval/{qrels.txt,run.trec}, with every figure worked by hand.
#include <catch2/catch.hpp>

#include "eval/evaluation.h"
#include "eval/qrels.h"
#include "eval/report.h"
#include "eval/run.h"
#include "support/classic_measures.h"

namespace ae = archivar::eval;

namespace {

const std::string kData = ARCHIVAR_SOURCE_DIR "/tests/data/eval/";

// Per topic of the fixture (see the comments in the data files):
//  topic 1: d3(0) dX(-) d1(1) d2(2) d4(1) d5(-), num_rel 4 (d9 not retrieved)
//    map (1/3 + 2/4 + 3/5)/4 = 0.358333, Rprec 2/4, recip_rank 1/3, P_5 3/5, P_10 3/10,
//    P_20 3/20, recall 3/4, ndcg_cut_10 = ndcg_cut_20 = 1.748206 / 3.561606 = 0.490848
//  topic 2: e0(-) e2(0) e1(1), num_rel 1
//    map 1/3, Rprec 0/1, recip_rank 1/3, P_5 1/5, P_10 1/10, P_20 1/20, recall 1,
//    ndcg (1/log2(4)) / 1 = 0.5
//  topic 3: not in the run, num_rel 2 (f1, f2)
//  topic 4: g1(0) g2(-), num_rel 0: everything 0
//  topic 5: not in the qrels: ignored
struct Fixture {
  ae::Qrels qrels = ae::read_qrels(kData + "qrels.txt");
  ae::Run run = ae::read_run(kData + "run.trec");
  std::vector<ae::Measure> measures = archivar::test::classic_measures();

  ae::Evaluation evaluate(bool complete) const {
    return ae::evaluate(qrels, run, measures, ae::EvalOptions{.complete = complete});
  }
};

std::vector<std::string> qids(const ae::Evaluation& evaluation) {
  std::vector<std::string> result;
  for (const auto& topic : evaluation.topics) result.push_back(topic.qid);
  return result;
}

void check_summary(const ae::Evaluation& evaluation, const std::vector<double>& expected) {
  REQUIRE(evaluation.summary.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(evaluation.measures[i].name());
    CHECK(evaluation.summary[i] == Approx(expected[i]));
  }
}

}  // namespace

TEST_CASE("without -c: topics in both files, run-only topics ignored", "[eval][evaluation]") {
  const ae::Evaluation evaluation = Fixture{}.evaluate(false);
  CHECK(qids(evaluation) == std::vector<std::string>{"1", "2", "4"});
  CHECK(evaluation.run_id == "test-run");
  // Over topics 1, 2, 4 (3 topics):
  //   num_ret 6+3+2 = 11; num_rel 4+1+0 = 5; num_rel_ret 3+1+0 = 4
  //   map (0.358333 + 0.333333 + 0)/3 = 0.230556; Rprec (0.5+0+0)/3 = 0.166667
  //   recip_rank (1/3 + 1/3 + 0)/3 = 0.222222; P_5 (0.6+0.2+0)/3 = 0.266667
  //   P_10 (0.3+0.1)/3 = 0.133333; P_20 (0.15+0.05)/3 = 0.066667
  //   recall_100 = recall_1000 = (0.75+1+0)/3 = 0.583333
  //   ndcg_cut_10 = ndcg_cut_20 = (0.490848+0.5+0)/3 = 0.330283
  check_summary(evaluation,
                {3, 11, 5, 4, 0.2305555556, 0.1666666667, 0.2222222222, 0.2666666667, 0.1333333333,
                 0.0666666667, 0.5833333333, 0.5833333333, 0.3302825346, 0.3302825346});
}

TEST_CASE("with -c: every qrels topic, a missing one counting 0", "[eval][evaluation]") {
  const ae::Evaluation evaluation = Fixture{}.evaluate(true);
  CHECK(qids(evaluation) == std::vector<std::string>{"1", "2", "3", "4"});
  CHECK_FALSE(evaluation.topics[2].in_run);
  CHECK(evaluation.topics[1].in_run);
  // Topic 3 adds 0 to every sum but num_rel (+2, as trec_eval's -c), and 1 to the divisor:
  //   num_q 4; num_ret 11; num_rel 5+2 = 7; num_rel_ret 4
  //   map 0.691667/4 = 0.172917; Rprec 0.5/4 = 0.125; recip_rank 0.666667/4 = 0.166667
  //   P_5 0.8/4 = 0.2; P_10 0.4/4 = 0.1; P_20 0.2/4 = 0.05; recall 1.75/4 = 0.4375
  //   ndcg_cut 0.990848/4 = 0.247712
  check_summary(evaluation, {4, 11, 7, 4, 0.1729166667, 0.125, 0.1666666667, 0.2, 0.1, 0.05, 0.4375,
                             0.4375, 0.2477119009, 0.2477119009});
}

TEST_CASE("per-topic values of one measure, for comparing runs", "[eval][evaluation]") {
  const ae::Evaluation evaluation = Fixture{}.evaluate(true);
  const auto rr = evaluation.per_topic({ae::MeasureKind::kRecipRank, 0});
  REQUIRE(rr.size() == 4);
  CHECK(rr[0].first == "1");
  CHECK(rr[0].second == Approx(1.0 / 3.0));
  CHECK(rr[2].first == "3");
  CHECK(rr[2].second == 0.0);
  CHECK(evaluation.summary_of({ae::MeasureKind::kNumRel, 0}) == 7.0);
  CHECK_THROWS_AS(evaluation.per_topic({ae::MeasureKind::kP, 7}), std::out_of_range);
}

TEST_CASE("no common topic: nothing evaluated", "[eval][evaluation]") {
  Fixture fixture;
  fixture.run = ae::Run{};
  fixture.run.add("99", "d1", 1.0);
  const ae::Evaluation evaluation = fixture.evaluate(false);
  CHECK(evaluation.topics.empty());
  CHECK(evaluation.summary[0] == 0.0);  // num_q
  CHECK(evaluation.summary[4] == 0.0);  // map: no division by zero
}

TEST_CASE("report lines are trec_eval's: %-22s, tab, qid, tab, %6.4f or %ld", "[eval][report]") {
  CHECK(ae::format_line("map", "all", 0.1729166667, false) ==
        "map                   \tall\t0.1729\n");
  CHECK(ae::format_line("num_rel", "all", 7, true) == "num_rel               \tall\t7\n");
  CHECK(ae::format_line("ndcg_cut_10", "q42", 1.0, false) ==
        "ndcg_cut_10           \tq42\t1.0000\n");
  // printf rounds the exact binary value, half to even on a tie: 0.03125 -> 0.0312.
  CHECK(ae::format_line("P_5", "all", 0.03125, false) == "P_5                   \tall\t0.0312\n");
}

TEST_CASE("report: -q puts each topic's lines first, then runid and the summary",
          "[eval][report]") {
  Fixture fixture;
  fixture.measures = {
      {ae::MeasureKind::kNumQ, 0}, {ae::MeasureKind::kNumRel, 0}, {ae::MeasureKind::kRecipRank, 0}};
  const ae::Evaluation evaluation = fixture.evaluate(true);
  // num_q has no per-topic line, as in trec_eval.
  CHECK(ae::format_report(evaluation, {.per_topic = true, .runid = true}) ==
        "num_rel               \t1\t4\n"
        "recip_rank            \t1\t0.3333\n"
        "num_rel               \t2\t1\n"
        "recip_rank            \t2\t0.3333\n"
        "num_rel               \t3\t2\n"
        "recip_rank            \t3\t0.0000\n"
        "num_rel               \t4\t0\n"
        "recip_rank            \t4\t0.0000\n"
        "runid                 \tall\ttest-run\n"
        "num_q                 \tall\t4\n"
        "num_rel               \tall\t7\n"
        "recip_rank            \tall\t0.1667\n");
  CHECK(ae::format_report(evaluation, {}) ==
        "num_q                 \tall\t4\n"
        "num_rel               \tall\t7\n"
        "recip_rank            \tall\t0.1667\n");
}
