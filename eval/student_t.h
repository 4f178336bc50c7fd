// Student's t distribution, for the paired t-test: its CDF, two-sided tail probability and
// quantile, from Boost.Math (header-only; Boost comes with Boost.Program_options anyway).
#pragma once

namespace archivar::eval {

/// P(T <= t) for T with Student's t distribution of df > 0 degrees of freedom (df need not be an
/// integer). t may be infinite; NaN for a NaN argument or df <= 0.
double student_t_cdf(double t, double df);

/// P(|T| >= |t|): the two-sided p-value of the statistic t with df degrees of freedom.
double student_t_two_sided(double t, double df);

/// The t with P(T <= t) = probability, for 0 < probability < 1 and df > 0 (the bound of a
/// confidence interval); NaN otherwise.
double student_t_quantile(double probability, double df);

}  // namespace archivar::eval
