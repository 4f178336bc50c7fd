#include "indexer/index_info.h"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/index_schema.h"
#include "common/open_database.h"
#include "indexer/database_compaction.h"

namespace fs = std::filesystem;

namespace archivar {
namespace {

std::string human_size(std::uintmax_t bytes) {
  if (bytes >= 1'000'000'000) return fmt::format("{:.1f} GB", static_cast<double>(bytes) / 1e9);
  if (bytes >= 1'000'000) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
  return fmt::format("{:.0f} KB", static_cast<double>(bytes) / 1e3);
}

std::string iso(const std::string& sortable) {
  return sortable.size() == 8 ? fmt::format("{}-{}-{}", sortable.substr(0, 4),
                                            sortable.substr(4, 2), sortable.substr(6, 2))
                              : sortable;
}

// Every value of a boolean field with its article count, most frequent first.
std::string field_counts(const Xapian::Database& database, std::string_view prefix) {
  std::vector<std::pair<Xapian::doccount, std::string>> counts;
  for (auto it = database.allterms_begin(std::string(prefix));
       it != database.allterms_end(std::string(prefix)); ++it) {
    counts.emplace_back(it.get_termfreq(), (*it).substr(prefix.size()));
  }
  std::ranges::sort(counts, [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::string text = std::to_string(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) {
    text += fmt::format("{} {} ({})", i == 0 ? ":" : ",", counts[i].second, counts[i].first);
  }
  return text;
}

// Near-duplicate groups of two or more articles: how many, and how many articles they hold.
std::string group_counts(const Xapian::Database& database) {
  const std::string prefix(schema::kGroupPrefix);
  Xapian::doccount groups = 0, members = 0;
  for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
    if (it.get_termfreq() < 2) continue;
    ++groups;
    members += it.get_termfreq();
  }
  return fmt::format("{} of near-duplicates, holding {} articles ({} shown only as similar)",
                     groups, members, members - groups);
}

// The first and last date of the articles the database holds. Xapian keeps a value
// slot's bounds as they grew, not as deletions shrink them, so they are narrowed to the
// months that still have articles (kMonthPrefix terms), and within those to the dates
// their articles carry.
std::pair<std::string, std::string> date_range(const Xapian::Database& database) {
  std::string lowest = database.get_value_lower_bound(schema::kDateSlot);
  std::string highest = database.get_value_upper_bound(schema::kDateSlot);
  const std::string prefix(schema::kMonthPrefix);
  std::string first_month, last_month;
  for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
    if (first_month.empty()) first_month = *it;
    last_month = *it;
  }
  if (first_month.empty()) return {lowest, highest};  // written before month terms
  const auto dates_of = [&](const std::string& month) {
    std::vector<std::string> dates;
    for (auto it = database.postlist_begin(month); it != database.postlist_end(month); ++it) {
      const std::string date = database.get_document(*it).get_value(schema::kDateSlot);
      if (!date.empty()) dates.push_back(date);
    }
    return dates;
  };
  const std::vector<std::string> first = dates_of(first_month), last = dates_of(last_month);
  if (!first.empty()) lowest = *std::ranges::min_element(first);
  if (!last.empty()) highest = *std::ranges::max_element(last);
  return {lowest, highest};
}

}  // namespace

std::string describe_index(const fs::path& path) {
  const Xapian::Database database = open_archive_database(path.string());
  const Xapian::doccount articles = database.get_doccount();
  const Xapian::doccount dated = database.get_value_freq(schema::kDateSlot);
  std::string dates = "none";
  if (dated > 0) {
    const auto [first, last] = date_range(database);
    dates = fmt::format("{} .. {}", iso(first), iso(last));
    if (dated < articles) dates += fmt::format(" ({} without a date)", articles - dated);
  }
  const auto metadata = [&database](std::string_view key) {
    const std::string value = database.get_metadata(std::string(key));
    return value.empty() ? std::string("-") : value;
  };
  return fmt::format(
      "database  {}\n"
      "articles  {}\n"
      "dates     {}\n"
      "sources   {}\n"
      "sections  {}\n"
      "groups    {}\n"
      "analyzer  {}\n"
      "size      {} on disk\n"
      "updated   {}\n",
      path.string(), articles, dates, field_counts(database, schema::kSourcePrefix),
      field_counts(database, schema::kSectionPrefix), group_counts(database),
      metadata(schema::kAnalyzerKey), human_size(directory_bytes(path)),
      metadata(schema::kUpdatedKey));
}

}  // namespace archivar
