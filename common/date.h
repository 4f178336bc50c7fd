// Date: a calendar day, parsed from the spellings found in German news archives.
// Stored in the index as "YYYYMMDD" so that a string range is a date range.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace archivar {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// Accepts "YYYY-MM-DD", ISO-8601 with a time ("2022-02-24T06:30:00+01:00", the
  /// calendar day as written, no time-zone shift), "DD.MM.YYYY" and "D.M.YYYY".
  /// Returns nullopt for anything else or an impossible day (2022-02-30).
  static std::optional<Date> parse(std::string_view text);

  /// "YYYYMMDD", the sortable form kept in the index's date slot.
  std::string sortable() const;
  /// "YYYY-MM-DD", the form printed to users.
  std::string iso() const;

  auto operator<=>(const Date&) const = default;
};

/// Whether @a year, @a month, @a day name a real day of the Gregorian calendar.
bool is_valid_day(int year, int month, int day);

}  // namespace archivar
