// Tests of Date (common/date.h): the spellings of German news archives it accepts, the
// impossible or malformed ones it rejects, and the index and display forms it writes.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "common/date.h"

namespace {

using archivar::Date;

// "YYYY-MM-DD" of a parsed date, or "(rejected)".
std::string parsed(std::string_view text) {
  const std::optional<Date> date = Date::parse(text);
  if (!date) return "(rejected)";
  return std::to_string(date->year) + "-" + std::to_string(date->month) + "-" +
         std::to_string(date->day);
}

}  // namespace

TEST_CASE("date: ISO calendar days", "[date]") {
  CHECK(parsed("2022-02-24") == "2022-2-24");
  CHECK(parsed("1999-12-31") == "1999-12-31");
  CHECK(parsed("2022-01-01") == "2022-1-1");
}

TEST_CASE("date: ISO with a time keeps the day as written", "[date]") {
  CHECK(parsed("2022-02-24T06:30:00+01:00") == "2022-2-24");
  CHECK(parsed("2022-02-24T06:30:00Z") == "2022-2-24");
  CHECK(parsed("2022-02-24T23:30:00-05:00") == "2022-2-24");  // no shift to UTC
  CHECK(parsed("2022-02-24T06:30") == "2022-2-24");
  CHECK(parsed("2022-02-24 06:30:00") == "2022-2-24");
}

TEST_CASE("date: German day.month.year", "[date]") {
  CHECK(parsed("24.02.2022") == "2022-2-24");
  CHECK(parsed("4.2.2022") == "2022-2-4");
  CHECK(parsed("04.2.2022") == "2022-2-4");
  CHECK(parsed("2010-03-5") == "2010-3-5");  // one-digit month or day, as exports write them
  CHECK(parsed("2010-3-05") == "2010-3-5");
  CHECK(parsed("31.12.1999") == "1999-12-31");
}

TEST_CASE("date: surrounding spaces and tabs are ignored", "[date]") {
  CHECK(parsed("  2022-02-24  ") == "2022-2-24");
  CHECK(parsed("\t24.02.2022 ") == "2022-2-24");
}

TEST_CASE("date: leap years", "[date]") {
  CHECK(parsed("2024-02-29") == "2024-2-29");
  CHECK(parsed("29.02.2024") == "2024-2-29");
  CHECK(parsed("2000-02-29") == "2000-2-29");   // divisible by 400
  CHECK(parsed("1900-02-29") == "(rejected)");  // divisible by 100, not by 400
  CHECK(parsed("29.02.2021") == "(rejected)");
  CHECK(parsed("2021-02-28") == "2021-2-28");
}

TEST_CASE("date: impossible days are rejected", "[date]") {
  CHECK(parsed("2022-02-30") == "(rejected)");
  CHECK(parsed("2022-04-31") == "(rejected)");
  CHECK(parsed("2022-13-01") == "(rejected)");
  CHECK(parsed("2022-00-10") == "(rejected)");
  CHECK(parsed("2022-01-00") == "(rejected)");
  CHECK(parsed("0000-01-01") == "(rejected)");
  CHECK(parsed("32.01.2022") == "(rejected)");
  CHECK(parsed("31.11.2022") == "(rejected)");
}

TEST_CASE("date: malformed text is rejected", "[date]") {
  CHECK(parsed("") == "(rejected)");
  CHECK(parsed("   ") == "(rejected)");
  CHECK(parsed("garbage") == "(rejected)");
  CHECK(parsed("2022-02-24Tfoo") == "(rejected)");
  CHECK(parsed("2022-02-24T") == "(rejected)");
  CHECK(parsed("2022-02-24x") == "(rejected)");
  CHECK(parsed("2022-024-01") == "(rejected)");
  CHECK(parsed("2022-02-245") == "(rejected)");
  CHECK(parsed("22-02-24") == "(rejected)");
  CHECK(parsed("2022/02/24") == "(rejected)");
  CHECK(parsed("24.02.22") == "(rejected)");  // two-digit year
  CHECK(parsed("24.02.2022.") == "(rejected)");
  CHECK(parsed("24. Februar 2022") == "(rejected)");
  CHECK(parsed("024.02.2022") == "(rejected)");
  CHECK(parsed("20220224") == "(rejected)");
}

TEST_CASE("date: sortable and ISO forms", "[date]") {
  const Date date{2022, 2, 4};
  CHECK(date.sortable() == "20220204");
  CHECK(date.iso() == "2022-02-04");
  CHECK(Date{987, 1, 2}.sortable() == "09870102");
  CHECK(Date{987, 1, 2}.iso() == "0987-01-02");
  const std::optional<Date> parsed_date = Date::parse("4.2.2022");
  REQUIRE(parsed_date);
  CHECK(parsed_date->sortable() == "20220204");
  CHECK(parsed_date->iso() == "2022-02-04");
}

TEST_CASE("date: the ISO form parses back to the same day", "[date]") {
  for (const char* text : {"2022-02-24", "2024-02-29", "1999-12-31"}) {
    const std::optional<Date> date = Date::parse(text);
    REQUIRE(date);
    CHECK(date->iso() == text);
    CHECK(Date::parse(date->iso()) == date);
  }
}

TEST_CASE("date: comparison follows the calendar", "[date]") {
  CHECK(Date{2022, 1, 31} < Date{2022, 2, 1});
  CHECK(Date{2021, 12, 31} < Date{2022, 1, 1});
  CHECK(Date{2022, 2, 24} == Date{2022, 2, 24});
  CHECK(Date{2022, 1, 31}.sortable() < Date{2022, 2, 1}.sortable());
}

TEST_CASE("date: is_valid_day", "[date]") {
  CHECK(archivar::is_valid_day(2022, 12, 31));
  CHECK(archivar::is_valid_day(2024, 2, 29));
  CHECK_FALSE(archivar::is_valid_day(2023, 2, 29));
  CHECK_FALSE(archivar::is_valid_day(2022, 6, 31));
  CHECK_FALSE(archivar::is_valid_day(2022, 0, 1));
  CHECK_FALSE(archivar::is_valid_day(2022, 13, 1));
  CHECK_FALSE(archivar::is_valid_day(2022, 1, 0));
  CHECK_FALSE(archivar::is_valid_day(0, 1, 1));
}
