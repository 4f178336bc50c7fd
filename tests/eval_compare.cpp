// Tests of run comparison (archivar-eval --compare): the Student t distribution, the paired
// t-test and randomisation test against hand-worked values, pairing and tallying, and the binary.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <string>
#include <vector>

#include "eval/comparison.h"
#include "eval/measure.h"
#include "eval/qrels.h"
#include "eval/run.h"
#include "eval/significance.h"
#include "eval/student_t.h"
#include "support/cli.h"

using namespace archivar::eval;
using Catch::Matchers::WithinAbs;

namespace {

constexpr double kPi = std::numbers::pi;

// The exact two-sided p of the sign-flip test: the fraction of all 2^n sign assignments whose
// |sum| reaches the observed |sum| (up to rounding), for checking the sampled test.
double exact_sign_flip_p(const std::vector<double>& differences) {
  double observed = 0.0;
  for (const double d : differences) observed += d;
  const std::size_t n = differences.size();
  std::size_t reaching = 0;
  for (std::size_t signs = 0; signs < (std::size_t{1} << n); ++signs) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      sum += (signs >> i & 1U) != 0 ? -differences[i] : differences[i];
    if (std::fabs(sum) >= std::fabs(observed) - 1e-12) ++reaching;
  }
  return static_cast<double>(reaching) / static_cast<double>(std::size_t{1} << n);
}

const Measure kMap{MeasureKind::kMap, 0};
const Measure kRecipRank{MeasureKind::kRecipRank, 0};

}  // namespace

TEST_CASE("Student t through Boost.Math gives the values of the former incomplete beta",
          "[compare]") {
  // t, df, two-sided p and CDF as the hand-written continued fraction (Lentz) computed them
  // before Boost.Math replaced it; they agree to 1e-9 relative (at df = 1e6 the continued
  // fraction's own error shows), far below the four digits printed.
  struct Point {
    double t, df, two_sided, cdf;
  };
  const Point recorded[] = {
      {0.5, 3, 0.65144796484815093, 0.67427601757592459},
      {2, 10, 0.073388034770740379, 0.96330598261462985},
      {2.228, 10, 0.050011771817111347, 0.97499411409144432},
      {3.5, 4, 0.024896163460222755, 0.98755191826988864},
      {-1.7, 7.5, 0.13006609835733701, 0.065033049178668506},
      {0.01, 30, 0.99208749257317763, 0.50395625371341124},
      {4, 100, 0.00012152364430076524, 0.99993923817784958},
      {10, 2, 0.0098524570233256992, 0.9950737714883372},
      {1.96, 1e+06, 0.049996067604387462, 0.97500196619780621},
      {6.2, 49, 1.1500694488669851e-07, 0.99999994249652757},
      {-0.3, 1190, 0.76422955048059005, 0.38211477524029502},
  };
  for (const Point& point : recorded) {
    INFO("t " << point.t << ", df " << point.df);
    CHECK_THAT(student_t_two_sided(point.t, point.df),
               Catch::Matchers::WithinRel(point.two_sided, 1e-9));
    CHECK_THAT(student_t_cdf(point.t, point.df), Catch::Matchers::WithinRel(point.cdf, 1e-9));
  }
  CHECK(std::isnan(student_t_two_sided(1.0, 0.0)));
  CHECK(std::isnan(student_t_cdf(NAN, 3.0)));
}

TEST_CASE("Student t CDF at known points", "[compare]") {
  // Tables: t = 2.0 with 10 degrees of freedom has two-sided p = 0.07339.
  CHECK_THAT(student_t_two_sided(2.0, 10.0), WithinAbs(0.073388, 1e-5));
  CHECK_THAT(student_t_cdf(2.0, 10.0), WithinAbs(1.0 - 0.073388 / 2, 1e-5));
  CHECK_THAT(student_t_cdf(-2.0, 10.0), WithinAbs(0.073388 / 2, 1e-5));
  // t = 2.228 is the 97.5% quantile for df = 10 (the 95% two-sided critical value).
  CHECK_THAT(student_t_cdf(2.228, 10.0), WithinAbs(0.975, 1e-4));
  // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/pi, so F(1) = 3/4.
  CHECK_THAT(student_t_cdf(1.0, 1.0), WithinAbs(0.75, 1e-12));
  // df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)); F(1) = 1/2 + 1/(2 sqrt 3) = 0.788675.
  CHECK_THAT(student_t_cdf(1.0, 2.0), WithinAbs(0.5 + 1.0 / (2.0 * std::sqrt(3.0)), 1e-12));
  // Large df approaches the normal distribution: Phi(1.96) = 0.975.
  CHECK_THAT(student_t_cdf(1.959964, 1e7), WithinAbs(0.975, 1e-6));
  CHECK(student_t_cdf(0.0, 5.0) == 0.5);
  CHECK(student_t_two_sided(0.0, 5.0) == 1.0);
  CHECK(student_t_two_sided(INFINITY, 5.0) == 0.0);
  CHECK(student_t_cdf(-INFINITY, 5.0) == 0.0);
}

TEST_CASE("paired t-test against hand-computed values", "[compare]") {
  SECTION("differences 1, 2, 3, 4, 5") {
    // mean 3; s^2 = (4 + 1 + 0 + 1 + 4) / 4 = 2.5; se = sqrt(2.5 / 5) = sqrt(0.5) = 0.707107;
    // t = 3 / 0.707107 = 3 sqrt 2 = 4.242641, df = 4. For df = 4 the CDF is closed-form: with
    // u = t / sqrt(t^2 + 4), F(t) = 1/2 + (3u - u^3) / 4, so two-sided p = 1 - (3u - u^3) / 2.
    // t^2 = 18: u = sqrt(18/22) = 0.904534, u^3 = 0.740073, p = 1 - 1.973529 / 2 = 0.013236.
    const std::vector<double> d{1, 2, 3, 4, 5};
    const TTest test = paired_t_test(d);
    CHECK_THAT(test.t, WithinAbs(3.0 * std::sqrt(2.0), 1e-12));
    CHECK(test.df == 4.0);
    CHECK_THAT(test.p, WithinAbs(0.013236, 1e-4));
    const double u = std::sqrt(18.0 / 22.0);
    CHECK_THAT(test.p, WithinAbs(1.0 - (3 * u - u * u * u) / 2, 1e-10));
    // 95 % interval: 3 -/+ t(0.975, 4) se = 3 -/+ 2.776445 * 0.707107 = [1.036757, 4.963243]
    // (the table value of t; R's t.test(1:5) prints the same bounds).
    CHECK_THAT(test.low, WithinAbs(1.036757, 1e-6));
    CHECK_THAT(test.high, WithinAbs(4.963243, 1e-6));
    // B worse by the same amounts: same p, negative t.
    const std::vector<double> negated{-1, -2, -3, -4, -5};
    CHECK_THAT(paired_t_test(negated).t, WithinAbs(-3.0 * std::sqrt(2.0), 1e-12));
    CHECK_THAT(paired_t_test(negated).p, WithinAbs(test.p, 1e-12));
  }
  SECTION("differences 1, 2, 3: t = 2 sqrt 3, df = 2") {
    // mean 2, s = 1, se = 1/sqrt 3, t = 2 sqrt 3 = 3.464102. df = 2: F(t) = 1/2 + t/(2
    // sqrt(2+t^2)), so p = 1 - t / sqrt(2 + t^2) = 1 - sqrt(12/14) = 0.074180.
    const std::vector<double> d{1, 2, 3};
    const TTest test = paired_t_test(d);
    CHECK_THAT(test.t, WithinAbs(2.0 * std::sqrt(3.0), 1e-12));
    CHECK(test.df == 2.0);
    CHECK_THAT(test.p, WithinAbs(0.074180, 1e-4));
    CHECK_THAT(test.p, WithinAbs(1.0 - std::sqrt(12.0 / 14.0), 1e-10));
  }
  SECTION("differences 1, 3: t = 2, df = 1 (Cauchy)") {
    // mean 2, s = sqrt 2, se = sqrt 2 / sqrt 2 = 1, t = 2; p = 1 - 2 atan(2) / pi = 0.295167.
    const std::vector<double> d{1, 3};
    const TTest test = paired_t_test(d);
    CHECK_THAT(test.t, WithinAbs(2.0, 1e-12));
    CHECK_THAT(test.p, WithinAbs(0.295167, 1e-4));
    CHECK_THAT(test.p, WithinAbs(1.0 - 2.0 * std::atan(2.0) / kPi, 1e-10));
    // df = 1: t(0.975) = tan(0.475 pi) = 12.706205; the interval is 2 -/+ 12.706205.
    CHECK_THAT(test.low, WithinAbs(2.0 - std::tan(0.475 * kPi), 1e-9));
    CHECK_THAT(test.high, WithinAbs(2.0 + std::tan(0.475 * kPi), 1e-9));
  }
  SECTION("the interval leaves out 0 exactly when p < 0.05") {
    for (const std::vector<double>& d :
         {std::vector<double>{0.1, 0.3, -0.05, 0.2, 0.15, 0.0, 0.4},
          std::vector<double>{0.1, -0.3, 0.05, 0.2, -0.15, 0.0, 0.1},
          std::vector<double>{-0.2, -0.1, -0.3, -0.25, 0.05, -0.2}}) {
      const TTest test = paired_t_test(d);
      CAPTURE(test.p, test.low, test.high);
      CHECK(test.low < test.high);
      CHECK((test.p < kSignificanceLevel) == (test.low > 0.0 || test.high < 0.0));
    }
  }
  SECTION("degenerate cases") {
    CHECK(std::isnan(paired_t_test(std::vector<double>{}).p));
    CHECK(std::isnan(paired_t_test(std::vector<double>{0.5}).p));  // one topic: no variance
    CHECK(std::isnan(paired_t_test(std::vector<double>{0.5}).low));
    CHECK(paired_t_test(std::vector<double>{0, 0, 0}).p == 1.0);  // no difference at all
    const TTest constant = paired_t_test(std::vector<double>{0.5, 0.5});
    CHECK(constant.p == 0.0);  // the same gain on every topic
    CHECK(std::isinf(constant.t));
    CHECK((constant.low == 0.5 && constant.high == 0.5));
  }
}

TEST_CASE("randomisation test matches the enumeration of all 2^4 sign flips", "[compare]") {
  SECTION("1, 2, 3, 4: only all-plus and all-minus reach |sum| 10: p = 2/16") {
    const std::vector<double> d{1, 2, 3, 4};
    REQUIRE(exact_sign_flip_p(d) == 2.0 / 16);
    CHECK_THAT(randomisation_test(d), WithinAbs(2.0 / 16, 0.01));
  }
  SECTION("1, 2, 3, -0.5: observed 5.5; +-6.5 and +-5.5 reach it: p = 4/16") {
    // The sums are s1 + 2 s2 + 3 s3 + 0.5 s4. Flipping any of 1, 2, 3 (and its negation) lowers
    // |sum| to at most 4.5; only (+,+,+,+-) and (-,-,-,+-) remain: 4 of 16.
    const std::vector<double> d{1, 2, 3, -0.5};
    REQUIRE(exact_sign_flip_p(d) == 4.0 / 16);
    CHECK_THAT(randomisation_test(d), WithinAbs(4.0 / 16, 0.01));
  }
  SECTION("0.3, 0.1, 0.2, -0.2: equal sums up to rounding count: p = 8/16") {
    // Observed 0.4. With k = s3 + s4: k = 0 (2 ways): |+-0.3 +-0.1| >= 0.4 in 2 of 4;
    // k = +2: 0.4 + (+-0.3 +-0.1) >= 0.4 in 2 of 4; k = -2 likewise 2. 2*2 + 2 + 2 = 8 of 16.
    const std::vector<double> d{0.3, 0.1, 0.2, -0.2};
    REQUIRE(exact_sign_flip_p(d) == 8.0 / 16);
    CHECK_THAT(randomisation_test(d), WithinAbs(8.0 / 16, 0.01));
  }
  SECTION("p = (k + 1) / (N + 1), repeatable with the fixed seed") {
    const std::vector<double> d{0.7, -0.1, 0.4, 0.25, 0.05, -0.3, 0.6};
    CHECK(randomisation_test(d) == randomisation_test(d));
    // Every assignment reaches a zero observed sum: (N + 1) / (N + 1).
    CHECK(randomisation_test(std::vector<double>{0, 0, 0}) == 1.0);
    CHECK(randomisation_test(std::vector<double>{0.5, -0.5}, 1000) == 1.0);
    // 20 equal gains: only 2 of 2^20 assignments reach; the sample finds ~0: p ~ 1 / (N + 1).
    const std::vector<double> gains(20, 0.1);
    CHECK(randomisation_test(gains) < 1e-4);
    CHECK(std::isnan(randomisation_test(std::vector<double>{})));
  }
}

TEST_CASE("wins, losses and ties, means and relative difference", "[compare]") {
  const std::vector<TopicPair> pairs{
      {"1", 0.5, 0.75}, {"2", 0.25, 0.25}, {"3", 0.5, 0.25}, {"4", 0.0, 1e-9}, {"5", 0.0, 0.0}};
  // B - A: +0.25 win, 0 tie, -0.25 loss, +1e-9 win (no tolerance), 0 tie.
  CHECK(tally(pairs) == Tally{.wins = 2, .losses = 1, .ties = 2});

  const MeasureComparison m = compare_measure(kMap, pairs);
  CHECK_THAT(m.mean_a, WithinAbs(1.25 / 5, 1e-12));
  CHECK_THAT(m.mean_b, WithinAbs((1.25 + 1e-9) / 5, 1e-12));
  CHECK_THAT(m.difference(), WithinAbs(1e-9 / 5, 1e-15));
  REQUIRE(m.relative_difference().has_value());
  CHECK_THAT(*m.relative_difference(), WithinAbs(1e-9 / 1.25, 1e-15));
  CHECK(m.tally == Tally{2, 1, 2});

  const MeasureComparison from_zero = compare_measure(kMap, {{"1", 0.0, 0.5}, {"2", 0.0, 0.0}});
  CHECK_FALSE(from_zero.relative_difference().has_value());  // B - A relative to 0: undefined
  CHECK(from_zero.tally == Tally{1, 0, 1});
}

TEST_CASE("compare_measures keeps the -m order, drops duplicates and num_q", "[compare]") {
  CHECK(compare_measures({}) == default_compare_measures());
  REQUIRE(default_compare_measures().size() == 5);
  CHECK(default_compare_measures().front().name() == "map");

  const std::vector<std::string> specs{"P_10", "runid", "map", "num_q", "P.5,10", "map"};
  const std::vector<Measure> measures = compare_measures(specs);
  REQUIRE(measures.size() == 3);
  CHECK(measures[0].name() == "P_10");
  CHECK(measures[1].name() == "map");
  CHECK(measures[2].name() == "P_5");

  CHECK_THROWS_AS(compare_measures(std::vector<std::string>{"num_q"}), std::invalid_argument);
  CHECK_THROWS_AS(compare_measures(std::vector<std::string>{"mrr"}), std::invalid_argument);
}

TEST_CASE("topics compared: both runs' without -c, every qrels topic with -c", "[compare]") {
  // Topics 1, 2, 3 each have one relevant document. A answers 1 and 2, B answers 2 and 3, each
  // with the relevant document first (recip_rank 1), except A on topic 2 (second: 0.5).
  Qrels qrels;
  for (const char* qid : {"1", "2", "3"}) qrels.add(qid, std::string("rel") + qid, 1);
  Run a;
  a.add("1", "rel1", 2.0);
  a.add("2", "junk", 2.0);
  a.add("2", "rel2", 1.0);
  a.set_run_id("a");
  Run b;
  b.add("2", "rel2", 1.0);
  b.add("3", "rel3", 1.0);
  b.add("9", "unjudged", 1.0);  // not in the qrels: never compared
  b.set_run_id("b");
  const std::vector<Measure> measures{kRecipRank};

  SECTION("without -c: topics in the qrels and in both runs") {
    const Comparison c = compare_runs(qrels, a, b, measures);
    CHECK(c.qids == std::vector<std::string>{"2"});
    CHECK(c.left_out == 2);
    CHECK(c.run_id_a == "a");
    CHECK(c.run_id_b == "b");
    REQUIRE(c.measures.size() == 1);
    const MeasureComparison& m = c.measures[0];
    REQUIRE(m.topics.size() == 1);
    CHECK(m.topics[0].a == 0.5);
    CHECK(m.topics[0].b == 1.0);
    CHECK(m.tally == Tally{1, 0, 0});
  }
  SECTION("with -c: every qrels topic; one a run misses counts 0") {
    const Comparison c = compare_runs(qrels, a, b, measures, EvalOptions{.complete = true});
    CHECK(c.qids == std::vector<std::string>{"1", "2", "3"});
    CHECK(c.left_out == 0);
    const MeasureComparison& m = c.measures.at(0);
    REQUIRE(m.topics.size() == 3);
    CHECK((m.topics[0].a == 1.0 && m.topics[0].b == 0.0));  // topic 1: B did not answer
    CHECK((m.topics[1].a == 0.5 && m.topics[1].b == 1.0));
    CHECK((m.topics[2].a == 0.0 && m.topics[2].b == 1.0));  // topic 3: A did not answer
    CHECK_THAT(m.mean_a, WithinAbs(1.5 / 3, 1e-12));
    CHECK_THAT(m.mean_b, WithinAbs(2.0 / 3, 1e-12));
    CHECK(m.tally == Tally{2, 1, 0});
  }
  SECTION("runs without a common judged topic compare nothing") {
    Run only_1;
    only_1.add("1", "rel1", 1.0);
    Run only_3;
    only_3.add("3", "rel3", 1.0);
    CHECK(compare_runs(qrels, only_1, only_3, measures).qids.empty());
    CHECK(compare_runs(qrels, only_1, only_3, measures, {.complete = true}).qids.size() == 3);
  }
}

namespace {

using archivar::test::binary;
using archivar::test::CommandResult;
using archivar::test::shell_quote;
using archivar::test::source_path;

// archivar-eval ARGS QRELS RUN_A RUN_B with the files in tests/data/eval/: qrels.txt, run.trec
// (A) and compare-run-b.trec (B).
CommandResult compare(const std::string& args) {
  const std::string data = source_path("tests/data/eval/");
  return archivar::test::run(shell_quote(binary("archivar-eval")) + " " + args + " --compare " +
                             shell_quote(data + "qrels.txt") + " " +
                             shell_quote(data + "run.trec") + " " +
                             shell_quote(data + "compare-run-b.trec"));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("archivar-eval --compare prints the table's numbers", "[compare]") {
  // Per topic (see the comments of the data files), recip_rank and map:
  //   topic  A recip  A map   B recip  B map
  //   1      1/3      0.3583  1        1       (A ranks d3 dX d1 d2 d4: AP = (1/3+2/4+3/5)/4)
  //   2      1/3      0.3333  0        0
  //   3      -        -       1        1       (missing from A)
  //   4      0        0       -        -       (missing from B)
  SECTION("without -c: topics 1 and 2") {
    const CommandResult r = compare("-m recip_rank -m map");
    CHECK(r.err.empty());
    REQUIRE(r.status == 0);
    // recip_rank: A 1/3, B 1/2, diff 1/6, rel 50%, 1 win 1 loss. Differences (2/3, -1/3): every
    // sign flip has |sum| >= 1/3: p(rand) = 1. t: mean 1/6, s = (2/3 + 1/3) / sqrt 2, se = s /
    // sqrt 2 = 1/2, t = 1/3, df = 1: p = 1 - 2 atan(1/3) / pi = 0.7952.
    // map: A (0.358333 + 0.333333) / 2 = 0.345833, B 0.5, diff 0.154167, rel 44.58%;
    // differences (0.641667, -0.333333): p(rand) = 1; se = 0.975 / 2, t = 0.316239, df = 1:
    // p = 1 - 2 atan(0.316239) / pi = 0.8050.
    const std::vector<std::string> expected{
        "topics: 2 (2 judged topics not answered by both runs left out; -c counts them 0)",
        "",
        "measure          A       B     diff   rel%  wins  losses  ties  p(rand)     p(t)   "
        "    95% CI of diff",
        "recip_rank  0.3333  0.5000  +0.1667  +50.0     1       1     0   1.0000   0.7952   "
        "[-6.1864, +6.5198]",
        "map         0.3458  0.5000  +0.1542  +44.6     1       1     0   1.0000   0.8050   "
        "[-6.0401, +6.3484]",
    };
    const std::vector<std::string> lines = lines_of(r.out);
    REQUIRE(lines.size() >= 7);
    CHECK(lines[0] == "A: " + source_path("tests/data/eval/run.trec") + " (test-run)");
    CHECK(lines[1] == "B: " + source_path("tests/data/eval/compare-run-b.trec") + " (run-b)");
    CHECK(std::vector<std::string>(lines.begin() + 2, lines.begin() + 7) == expected);
    CHECK(compare("-m recip_rank -m map").out == r.out);  // the fixed seed: repeatable
  }

  SECTION("with -c, --format tsv: topics 1 to 4, the missing ones counting 0") {
    const CommandResult r = compare("-c -m recip_rank -m map --format tsv");
    CHECK(r.err.empty());
    REQUIRE(r.status == 0);
    // recip_rank: A (1/3, 1/3, 0, 0) mean 1/6, B (1, 0, 1, 0) mean 1/2, diff 1/3, rel 200%;
    // 2 wins (1, 3), 1 loss (2), 1 tie (4). Differences in thirds (2, -1, 3, 0): of the 8 sign
    // flips of the non-zero ones, sums 6, 0, 4, -2, 2, -4, 0, -6 reach |4| 4 times: p = 1/2.
    // t: mean 1/3; deviations in thirds 1, -2, 2, -1: s^2 = 10/3 / 9, se = sqrt(10/27) / 2,
    // t = sqrt 1.2 = 1.095445, df = 3; with u = t / sqrt 3, p = 1 - 2/pi (u/(1+u^2) + atan u)
    // = 0.3534.
    // map: A (0.358333 + 0.333333) / 4 = 0.172917, B 0.5, diff 0.327083, rel 189.16%.
    const std::vector<std::string> lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] ==
          "measure\tA\tB\tdiff\trel%\twins\tlosses\tties\tp(rand)\tp(t)\tsig(rand)\tsig(t)"
          "\tci95_low\tci95_high");
    const std::string p_rand = "\t0.4984\t";  // sampled from p = 8/16 with the fixed seed
    // Interval: 1/3 -/+ t(0.975, 3) se = 1/3 -/+ 3.182446 * sqrt(10/27) / 2 = 1/3 -/+ 0.968387:
    // [-0.635054, 1.301721].
    CHECK(lines[1] == "recip_rank\t0.1667\t0.5000\t0.3333\t200.00\t2\t1\t1" + p_rand +
                          "0.3534\t\t\t-0.6351\t1.3017");
    CHECK(lines[2].starts_with("map\t0.1729\t0.5000\t0.3271\t189.16\t2\t1\t1\t"));
  }

  SECTION("-q lists the first measure's losses and wins") {
    const CommandResult r = compare("-q -c -m recip_rank -m map");
    REQUIRE(r.status == 0);
    CHECK(
        r.out.ends_with("\nrecip_rank per topic, losses of B (all 1):\n"
                        "qid       A       B     diff\n"
                        "2    0.3333  0.0000  -0.3333\n"
                        "\n"
                        "recip_rank per topic, wins of B (all 2):\n"
                        "qid       A       B     diff\n"
                        "3    0.0000  1.0000  +1.0000\n"
                        "1    0.3333  1.0000  +0.6667\n"));
  }

  SECTION("without -m: map, ndcg_cut_10, recip_rank, P_10, recall_100") {
    const CommandResult r = compare("--format tsv");
    REQUIRE(r.status == 0);
    const std::vector<std::string> lines = lines_of(r.out);
    REQUIRE(lines.size() == 6);
    CHECK(lines[1].starts_with("map\t"));
    CHECK(lines[2].starts_with("ndcg_cut_10\t"));
    CHECK(lines[3].starts_with("recip_rank\t"));
    CHECK(lines[4].starts_with("P_10\t"));
    CHECK(lines[5].starts_with("recall_100\t"));
  }
}

TEST_CASE("archivar-eval --compare: wrong usage is one line and exit 2", "[compare]") {
  const std::string data = source_path("tests/data/eval/");
  const std::string eval = shell_quote(binary("archivar-eval")) + " ";
  const std::string qrels = shell_quote(data + "qrels.txt");
  const std::string run = shell_quote(data + "run.trec");
  for (const std::string& args :
       {"--compare " + qrels + " " + run,                           // two files
        "--compare " + qrels + " " + run + " " + run + " " + run,   // four files
        "--format xml --compare " + qrels + " " + run + " " + run,  // unknown format
        "--format tsv " + qrels + " " + run,                        // --format alone
        "-m num_q --compare " + qrels + " " + run + " " + run}) {   // nothing per topic
    INFO(args);
    const CommandResult r = archivar::test::run(eval + args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("archivar-eval: "));
    CHECK(r.err.find('\n') == r.err.size() - 1);
  }
  // Runs without a common judged topic: an input problem, exit 1.
  const archivar::test::ScratchDir scratch;
  archivar::test::write_file(scratch / "unjudged.trec", "9 Q0 x1 1 1.0 other\n");
  const CommandResult none = archivar::test::run(eval + "--compare " + qrels + " " + run + " " +
                                                 shell_quote(scratch / "unjudged.trec"));
  CHECK(none.status == 1);
  CHECK(none.err.find("no topic of") != std::string::npos);
  // With -c every judged topic is compared, the unanswered ones counting 0.
  const CommandResult complete = archivar::test::run(eval + "-c --compare " + qrels + " " + run +
                                                     " " + shell_quote(scratch / "unjudged.trec"));
  CHECK(complete.status == 0);
  CHECK(complete.out.find("topics: 4\n") != std::string::npos);
}
