#include "eval/significance.h"

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "eval/student_t.h"

namespace archivar::eval {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Sums that differ by less than this fraction of sum |d| are equal: a sign assignment that
// reproduces the observed sum in another order must count, whatever the rounding.
constexpr double kRelativeTolerance = 1e-10;

double sum_of(std::span<const double> values) {
  double sum = 0.0;
  for (const double value : values) sum += value;
  return sum;
}

}  // namespace

double randomisation_test(std::span<const double> differences, std::size_t samples,
                          std::uint64_t seed) {
  if (differences.empty()) return kNaN;
  // Comparing sums is comparing means: every assignment has the same number of topics.
  const double observed = std::fabs(sum_of(differences));
  double sum_abs = 0.0;
  for (const double difference : differences) sum_abs += std::fabs(difference);
  const double threshold = observed - kRelativeTolerance * sum_abs;

  std::mt19937_64 random(seed);
  std::size_t at_least_as_extreme = 0;
  for (std::size_t sample = 0; sample < samples; ++sample) {
    double sum = 0.0;
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < differences.size(); ++i) {
      if (i % 64 == 0) bits = random();
      // Flips the sign bit without a branch: half of all flips would be mispredicted.
      const std::uint64_t sign = (bits & 1U) << 63U;
      sum += std::bit_cast<double>(std::bit_cast<std::uint64_t>(differences[i]) ^ sign);
      bits >>= 1U;
    }
    if (std::fabs(sum) >= threshold) ++at_least_as_extreme;
  }
  return static_cast<double>(at_least_as_extreme + 1) / static_cast<double>(samples + 1);
}

TTest paired_t_test(std::span<const double> differences) {
  const std::size_t n = differences.size();
  if (n < 2) return {kNaN, kNaN, kNaN, kNaN, kNaN};
  const double count = static_cast<double>(n);
  const double mean = sum_of(differences) / count;
  double squares = 0.0;
  for (const double difference : differences) squares += (difference - mean) * (difference - mean);
  const double df = count - 1.0;
  const double standard_error = std::sqrt(squares / df) / std::sqrt(count);
  if (standard_error == 0.0) {
    if (mean == 0.0) return {0.0, df, 1.0, mean, mean};
    return {std::copysign(std::numeric_limits<double>::infinity(), mean), df, 0.0, mean, mean};
  }
  const double t = mean / standard_error;
  const double half_width = student_t_quantile(1.0 - kSignificanceLevel / 2.0, df) * standard_error;
  return {t, df, student_t_two_sided(t, df), mean - half_width, mean + half_width};
}

}  // namespace archivar::eval
