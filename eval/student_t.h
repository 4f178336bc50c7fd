// Student's t distribution, for the paired t-test: its CDF and two-sided tail probability through
// the regularized incomplete beta function, computed here so that no statistics library is needed.
#pragma once

namespace archivar::eval {

/// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and 0 <= x <= 1 (x is
/// clamped to [0, 1]). Accurate to about 1e-14 (Lentz's continued fraction).
double regularized_incomplete_beta(double a, double b, double x);

/// P(T <= t) for T with Student's t distribution of df > 0 degrees of freedom (df need not be an
/// integer). t may be infinite.
double student_t_cdf(double t, double df);

/// P(|T| >= |t|): the two-sided p-value of the statistic t with df degrees of freedom.
double student_t_two_sided(double t, double df);

}  // namespace archivar::eval
