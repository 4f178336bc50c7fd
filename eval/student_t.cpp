#include "eval/student_t.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace archivar::eval {

double student_t_two_sided(double t, double df) {
  if (std::isnan(t) || std::isnan(df) || df <= 0.0) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(t)) return 0.0;
  // The upper tail as a complement, so that a tiny p-value keeps its digits.
  const boost::math::students_t distribution(df);
  return std::clamp(2.0 * boost::math::cdf(boost::math::complement(distribution, std::fabs(t))),
                    0.0, 1.0);
}

double student_t_cdf(double t, double df) {
  const double tail = student_t_two_sided(t, df) / 2.0;  // P(T >= |t|), by symmetry
  return t < 0.0 ? tail : 1.0 - tail;
}

double student_t_quantile(double probability, double df) {
  if (!(probability > 0.0 && probability < 1.0) || !(df > 0.0)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return boost::math::quantile(boost::math::students_t(df), probability);
}

}  // namespace archivar::eval
