#include "common/date.h"

#include <fmt/format.h>

#include <charconv>

namespace archivar {
namespace {

// Reads exactly @p min..@p max digits at @p pos; advances @p pos.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t min,
                               std::size_t max) {
  std::size_t end = pos;
  while (end < text.size() && end - pos < max && text[end] >= '0' && text[end] <= '9') ++end;
  if (end - pos < min) return std::nullopt;
  int value = 0;
  std::from_chars(text.data() + pos, text.data() + end, value);
  pos = end;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<Date> make(int year, int month, int day) {
  if (!is_valid_day(year, month, day)) return std::nullopt;
  return Date{year, month, day};
}

// ISO: YYYY-MM-DD, optionally followed by 'T' or ' ' and a time we do not interpret.
// A one-digit month or day is read too: exports write "2010-03-5" (GermaParl does), and
// with the four-digit year first it cannot mean anything else.
std::optional<Date> parse_iso(std::string_view text) {
  std::size_t pos = 0;
  const auto year = read_number(text, pos, 4, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  const auto month = read_number(text, pos, 1, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  const auto day = read_number(text, pos, 1, 2);
  if (!day) return std::nullopt;
  if (pos != text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
    ++pos;
    if (!read_number(text, pos, 2, 2) || !expect(text, pos, ':') || !read_number(text, pos, 2, 2)) {
      return std::nullopt;  // "2022-02-24Tfoo" is not a date with a time
    }
  }
  return make(*year, *month, *day);
}

// German: D.M.YYYY or DD.MM.YYYY.
std::optional<Date> parse_german(std::string_view text) {
  std::size_t pos = 0;
  const auto day = read_number(text, pos, 1, 2);
  if (!day || !expect(text, pos, '.')) return std::nullopt;
  const auto month = read_number(text, pos, 1, 2);
  if (!month || !expect(text, pos, '.')) return std::nullopt;
  const auto year = read_number(text, pos, 4, 4);
  if (!year || pos != text.size()) return std::nullopt;
  return make(*year, *month, *day);
}

}  // namespace

bool is_valid_day(int year, int month, int day) {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

std::optional<Date> Date::parse(std::string_view text) {
  text = trim(text);
  if (auto date = parse_iso(text)) return date;
  return parse_german(text);
}

std::string Date::sortable() const {
  return fmt::format("{:04}{:02}{:02}", year, month, day);
}

std::string Date::iso() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace archivar
