#include "eval/student_t.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace archivar::eval {

namespace {

// The continued fraction of I_x(a, b) (Numerical Recipes' betacf), evaluated by the modified
// Lentz method; converges quickly for x < (a + 1) / (a + b + 2). y is 1 - x, passed separately
// because the caller can often compute it without cancellation.
double beta_continued_fraction(double a, double b, double x) {
  constexpr int kMaxIterations = 1000;
  constexpr double kEpsilon = 1e-15;
  constexpr double kTiny = 1e-300;
  const auto guard = [](double value) { return std::fabs(value) < kTiny ? kTiny : value; };

  const double qab = a + b;
  const double qap = a + 1.0;
  const double qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 / guard(1.0 - qab * x / qap);
  double h = d;
  for (int m = 1; m <= kMaxIterations; ++m) {
    const double m2 = 2.0 * m;
    // Even step.
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 / guard(1.0 + aa * d);
    c = guard(1.0 + aa / c);
    h *= d * c;
    // Odd step.
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 / guard(1.0 + aa * d);
    c = guard(1.0 + aa / c);
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < kEpsilon) break;
  }
  return h;
}

// I_x(a, b) with y = 1 - x given separately (both in [0, 1]).
double incomplete_beta(double a, double b, double x, double y) {
  if (x <= 0.0) return 0.0;
  if (y <= 0.0) return 1.0;
  // x^a y^b / (a B(a, b)) is the factor in front of the continued fraction.
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log(y);
  const double front = std::exp(log_front);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  // Symmetry I_x(a, b) = 1 - I_y(b, a), where the continued fraction converges.
  return 1.0 - front * beta_continued_fraction(b, a, y) / b;
}

}  // namespace

double regularized_incomplete_beta(double a, double b, double x) {
  const double clamped = std::clamp(x, 0.0, 1.0);
  return incomplete_beta(a, b, clamped, 1.0 - clamped);
}

double student_t_two_sided(double t, double df) {
  if (std::isnan(t) || std::isnan(df) || df <= 0.0) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(t)) return 0.0;
  // P(|T| >= |t|) = I_x(df/2, 1/2) with x = df / (df + t^2); 1 - x = t^2 / (df + t^2).
  const double t2 = t * t;
  const double x = df / (df + t2);
  const double y = t2 / (df + t2);
  return std::clamp(incomplete_beta(df / 2.0, 0.5, x, y), 0.0, 1.0);
}

double student_t_cdf(double t, double df) {
  const double tail = student_t_two_sided(t, df) / 2.0;  // P(T >= |t|), by symmetry
  return t < 0.0 ? tail : 1.0 - tail;
}

}  // namespace archivar::eval
