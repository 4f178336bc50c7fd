// Tests of the per-topic measures (eval/measures.h) against values worked out by hand, on
// rankings built from real qrels and run text so that trec_eval's ranking rules are exercised.
#include <catch2/catch.hpp>
#include <sstream>

#include "eval/measures.h"
#include "eval/qrels.h"
#include "eval/run.h"
#include "support/classic_measures.h"

namespace ae = archivar::eval;

namespace {

ae::Qrels qrels_from(const std::string& text) {
  std::istringstream in(text);
  return ae::parse_qrels(in, "qrels");
}

ae::Run run_from(const std::string& text) {
  std::istringstream in(text);
  return ae::parse_run(in, "run");
}

// Topic 1: d1, d2 (graded 2), d4 and d9 relevant (num_rel = 4); d3 judged non-relevant.
constexpr const char* kQrels =
    "1 0 d1 1\n"
    "1 0 d2 2\n"
    "1 0 d3 0\n"
    "1 0 d4 1\n"
    "1 0 d9 1\n";

// The rank column is deliberately wrong: trec_eval ignores it and sorts by score. dX (unjudged)
// and d1 tie at 4.0; docno descending puts "dX" ('X' = 0x58) before "d1" ('1' = 0x31).
// Evaluated order: d3(0) dX(unjudged) d1(1) d2(2) d4(1) d5(unjudged); d9 is never retrieved.
constexpr const char* kRun =
    "1 Q0 d5 1 1.0 t\n"
    "1 Q0 d1 2 4.0 t\n"
    "1 Q0 d4 3 2.0 t\n"
    "1 Q0 dX 4 4.0 t\n"
    "1 Q0 d2 5 3.0 t\n"
    "1 Q0 d3 6 5.0 t\n";

ae::TopicRanking topic_one() {
  const ae::Qrels qrels = qrels_from(kQrels);
  const ae::Run run = run_from(kRun);
  return ae::TopicRanking::make(*qrels.find("1"), run.find("1"));
}

}  // namespace

TEST_CASE("ranking follows score, then docno descending, and ignores the rank column",
          "[eval][measures]") {
  const ae::Run run = run_from(kRun);
  std::vector<std::string> order;
  for (const auto& doc : ae::rank(*run.find("1"))) order.push_back(doc.docno);
  CHECK(order == std::vector<std::string>{"d3", "dX", "d1", "d2", "d4", "d5"});

  const ae::TopicRanking topic = topic_one();
  CHECK(topic.ranked == std::vector<int>{0, ae::kNotJudged, 1, 2, 1, ae::kNotJudged});
  CHECK(topic.ideal == std::vector<int>{2, 1, 1, 1});
  CHECK(topic.num_rel == 4);
}

TEST_CASE("counts: num_ret, num_rel, num_rel_ret", "[eval][measures]") {
  const ae::TopicRanking topic = topic_one();
  CHECK(ae::num_ret(topic) == 6);      // six lines for topic 1
  CHECK(topic.num_rel == 4);           // d1 d2 d4 d9 (d3 has 0)
  CHECK(ae::num_rel_ret(topic) == 3);  // d1 d2 d4; d9 not retrieved, dX/d5 unjudged
}

TEST_CASE("map: precision at each relevant rank, over all relevant", "[eval][measures]") {
  // Relevant at ranks 3, 4, 5: (1/3 + 2/4 + 3/5) / num_rel 4 = 1.433333 / 4 = 0.358333.
  // (d9, relevant but not retrieved, still counts in the denominator.)
  CHECK(ae::average_precision(topic_one()) == Approx(0.3583333333));
}

TEST_CASE("recip_rank: the tie with an unjudged doc is broken by docno", "[eval][measures]") {
  // First relevant (d1) is at rank 3, behind dX which ties with it at 4.0: 1/3.
  // With docno ascending d1 would be rank 2 and this would be 0.5.
  CHECK(ae::reciprocal_rank(topic_one()) == Approx(1.0 / 3.0));
}

TEST_CASE("Rprec: precision after num_rel documents", "[eval][measures]") {
  // R = 4; top 4 = d3 dX d1 d2 -> 2 relevant -> 2/4 = 0.5.
  CHECK(ae::r_precision(topic_one()) == Approx(0.5));
}

TEST_CASE("P at k, including k beyond the retrieved list", "[eval][measures]") {
  const ae::TopicRanking topic = topic_one();
  CHECK(ae::precision_at(topic, 5) == Approx(0.6));    // top 5 holds d1 d2 d4: 3/5
  CHECK(ae::precision_at(topic, 2) == Approx(0.0));    // d3 dX: none
  CHECK(ae::precision_at(topic, 10) == Approx(0.3));   // only 6 retrieved: 3/10, not 3/6
  CHECK(ae::precision_at(topic, 20) == Approx(0.15));  // 3/20
}

TEST_CASE("recall at k", "[eval][measures]") {
  const ae::TopicRanking topic = topic_one();
  CHECK(ae::recall_at(topic, 3) == Approx(0.25));    // d1 only: 1/4
  CHECK(ae::recall_at(topic, 5) == Approx(0.75));    // d1 d2 d4: 3/4
  CHECK(ae::recall_at(topic, 100) == Approx(0.75));  // d9 never retrieved: 3/4
}

TEST_CASE("ndcg_cut: graded gains, log2(rank+1) discount, ideal from the qrels",
          "[eval][measures]") {
  const ae::TopicRanking topic = topic_one();
  // DCG@10 = 1/log2(4) + 2/log2(5) + 1/log2(6) = 0.5 + 0.861353 + 0.386853 = 1.748206
  //   (ranks 3, 4, 5; unjudged docs and d3 gain nothing)
  // IDCG@10 over gains 2,1,1,1 = 2/1 + 1/log2(3) + 1/log2(4) + 1/log2(5)
  //         = 2 + 0.630930 + 0.5 + 0.430677 = 3.561606
  // nDCG@10 = 1.748206 / 3.561606 = 0.490848 (binary gains would give 0.514337)
  CHECK(ae::ndcg_at(topic, 10) == Approx(0.4908476037));
  // k = 3: DCG = 0.5; IDCG = 2 + 0.630930 + 0.5 = 3.130930 -> 0.159697
  CHECK(ae::ndcg_at(topic, 3) == Approx(0.1596969716));
  // k = 4: DCG = 0.5 + 0.861353 = 1.361353; IDCG = 3.561606 -> 0.382230
  CHECK(ae::ndcg_at(topic, 4) == Approx(0.3822300942));
}

TEST_CASE("ndcg_cut: a perfect ranking scores 1, rank 1 undiscounted", "[eval][measures]") {
  const ae::Qrels qrels = qrels_from("q 0 a 3\nq 0 b 1\n");
  const ae::Run run = run_from("q Q0 a 1 2 t\nq Q0 b 2 1 t\n");
  const ae::TopicRanking perfect = ae::TopicRanking::make(*qrels.find("q"), run.find("q"));
  CHECK(ae::ndcg_at(perfect, 10) == Approx(1.0));
  // Swapped: DCG = 1/1 + 3/log2(3) = 2.892789; IDCG = 3 + 1/log2(3) = 3.630930 -> 0.796709
  const ae::Run swapped = run_from("q Q0 a 1 1 t\nq Q0 b 2 2 t\n");
  const ae::TopicRanking topic = ae::TopicRanking::make(*qrels.find("q"), swapped.find("q"));
  CHECK(ae::ndcg_at(topic, 10) == Approx(0.7967087));
  CHECK(ae::ndcg_at(topic, 1) == Approx(1.0 / 3.0));  // 1 / 3: rank 1 has gain 1 of ideal 3
}

TEST_CASE("a topic without relevant documents scores 0 everywhere", "[eval][measures]") {
  const ae::Qrels qrels = qrels_from("q 0 a 0\nq 0 b 0\n");
  const ae::Run run = run_from("q Q0 a 1 2 t\nq Q0 c 2 1 t\n");
  const ae::TopicRanking topic = ae::TopicRanking::make(*qrels.find("q"), run.find("q"));
  CHECK(ae::num_ret(topic) == 2);
  CHECK(topic.num_rel == 0);
  CHECK(ae::average_precision(topic) == 0.0);
  CHECK(ae::r_precision(topic) == 0.0);
  CHECK(ae::reciprocal_rank(topic) == 0.0);
  CHECK(ae::precision_at(topic, 5) == 0.0);
  CHECK(ae::recall_at(topic, 100) == 0.0);
  CHECK(ae::ndcg_at(topic, 10) == 0.0);
}

TEST_CASE("a topic the run did not answer: nothing retrieved, num_rel kept", "[eval][measures]") {
  const ae::Qrels qrels = qrels_from(kQrels);
  const ae::TopicRanking topic = ae::TopicRanking::make(*qrels.find("1"), nullptr);
  CHECK(ae::num_ret(topic) == 0);
  CHECK(ae::measure_value({ae::MeasureKind::kNumRel, 0}, topic) == 4.0);
  CHECK(ae::average_precision(topic) == 0.0);
  CHECK(ae::precision_at(topic, 5) == 0.0);
  CHECK(ae::recall_at(topic, 100) == 0.0);
  CHECK(ae::ndcg_at(topic, 10) == 0.0);
}

TEST_CASE("negative judgments are unjudged: neither relevant nor gain", "[eval][measures]") {
  // b is relevant (2); a is pooled but unjudged (-1). Ranking a, b: recip_rank 1/2.
  const ae::Qrels qrels = qrels_from("q 0 a -1\nq 0 b 2\n");
  const ae::Run run = run_from("q Q0 a 1 2 t\nq Q0 b 2 1 t\n");
  const ae::TopicRanking topic = ae::TopicRanking::make(*qrels.find("q"), run.find("q"));
  CHECK(topic.num_rel == 1);
  CHECK(ae::reciprocal_rank(topic) == Approx(0.5));
  // DCG = 2/log2(3) = 1.261860; IDCG = 2 -> 0.630930
  CHECK(ae::ndcg_at(topic, 10) == Approx(0.6309297536));
}

TEST_CASE("measure_value dispatches every measure by kind and cutoff", "[eval][measures]") {
  const ae::TopicRanking topic = topic_one();
  const std::vector<ae::Measure> measures = archivar::test::classic_measures();
  const std::vector<double> values = ae::measure_values(measures, topic);
  REQUIRE(values.size() == 14);
  // num_q num_ret num_rel num_rel_ret map Rprec recip_rank P_5 P_10 P_20 recall_100
  // recall_1000 ndcg_cut_10 ndcg_cut_20 (figures from the cases above)
  const std::vector<double> expected = {
      1,   6,   4,    3,    0.3583333333, 0.5,          1.0 / 3.0,
      0.6, 0.3, 0.15, 0.75, 0.75,         0.4908476037, 0.4908476037};
  for (std::size_t i = 0; i < values.size(); ++i) {
    INFO(measures[i].name());
    CHECK(values[i] == Approx(expected[i]));
  }
}
