#include "searcher/date_range.h"

#include <fmt/format.h>

#include <stdexcept>

#include "common/date.h"
#include "common/index_schema.h"

namespace archivar {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string date_bound(std::string_view text, DateBound bound) {
  const bool lower = bound == DateBound::kLower;
  if (text.size() == 4 && all_digits(text)) {
    return fmt::format("{}{}", text, lower ? "0101" : "1231");
  }
  if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) &&
      all_digits(text.substr(5, 2))) {
    const int month = std::stoi(std::string(text.substr(5, 2)));
    if (month >= 1 && month <= 12) {
      // "31" as the last day of every month is fine for a string comparison.
      return fmt::format("{}{}{}", text.substr(0, 4), text.substr(5, 2), lower ? "01" : "31");
    }
  }
  if (const auto date = Date::parse(text)) return date->sortable();
  throw std::invalid_argument(
      fmt::format("'{}' is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY)", text));
}

Xapian::Query date_range_query(std::string_view from, std::string_view to) {
  if (from.empty() && to.empty())
    throw std::invalid_argument("a date range needs a start or an end");
  const std::string lower = from.empty() ? std::string() : date_bound(from, DateBound::kLower);
  const std::string upper = to.empty() ? std::string() : date_bound(to, DateBound::kUpper);
  if (!lower.empty() && !upper.empty() && lower > upper) {
    throw std::invalid_argument(
        fmt::format("the date range {}..{} ends before it starts", from, to));
  }
  if (upper.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, lower);
  if (lower.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, upper);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lower, upper);
}

Xapian::Query date_range_query(std::string_view spec) {
  const std::size_t dots = spec.find("..");
  if (dots == std::string_view::npos) return date_range_query(spec, spec);
  return date_range_query(spec.substr(0, dots), spec.substr(dots + 2));
}

}  // namespace archivar
