// Date ranges of the query language and of --from/--to, as filters on the date slot.
// "2022", "2022-02", "2022-02-24", "24.02.2022", each end of "A..B" may be left open.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace archivar {

enum class DateBound { kLower, kUpper };

/// The sortable "YYYYMMDD" for one end of a range: a year or month as lower bound is
/// its first day, as upper bound its last. Throws std::invalid_argument.
std::string date_bound(std::string_view text, DateBound bound);

/// A filter for "A..B", "A..", "..B" or a single period "A" (all of that year, month or
/// day). Throws std::invalid_argument with a message for users.
Xapian::Query date_range_query(std::string_view spec);

/// A filter for [from, to] where either may be empty (open).
Xapian::Query date_range_query(std::string_view from, std::string_view to);

}  // namespace archivar
