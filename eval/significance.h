// Paired significance tests on per-topic differences (B - A): could a difference between two
// runs on these topics be chance? A randomisation (sign-flip) test and Student's paired t-test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace archivar::eval {

/// Random sign flips the randomisation test draws, and the fixed seed that makes it repeatable.
inline constexpr std::size_t kRandomisationSamples = 100'000;
inline constexpr std::uint64_t kRandomisationSeed = 0x4172636869766172;  // "Archivar"

/// Two-sided p-value of the paired randomisation (permutation) test: under the null hypothesis
/// each topic's difference is as likely to have the opposite sign. Draws `samples` sign
/// assignments from std::mt19937_64(seed) (one bit per topic, the same on every platform) and
/// returns (k + 1) / (samples + 1), k = assignments with |mean| >= the observed |mean| (up to
/// rounding). No differences: NaN; all differences 0: 1.
double randomisation_test(std::span<const double> differences,
                          std::size_t samples = kRandomisationSamples,
                          std::uint64_t seed = kRandomisationSeed);

/// Significance level: the reports mark a p below it with `*`.
inline constexpr double kSignificanceLevel = 0.05;
/// The confidence of TTest's interval, which leaves out 0 exactly when the test's p is below
/// kSignificanceLevel.
inline constexpr double kConfidence = 1.0 - kSignificanceLevel;

/// Student's paired t-test: t = mean / (s / sqrt(n)), s the sample standard deviation (n - 1),
/// df = n - 1, p two-sided; and the kConfidence interval of the mean difference,
/// mean -/+ t(1 - kSignificanceLevel / 2, df) * s / sqrt(n).
struct TTest {
  double t = 0.0;
  double df = 0.0;
  double p = 0.0;    // NaN for fewer than two differences
  double low = 0.0;  // the interval's bounds; NaN for fewer than two differences
  double high = 0.0;
};

/// The paired t-test of the differences. When they do not vary (s = 0), t is 0 and p is 1 if
/// their mean is 0, else t is infinite and p is 0; the interval is the mean alone.
TTest paired_t_test(std::span<const double> differences);

}  // namespace archivar::eval
