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
#include "common/text/control_characters.h"
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
std::vector<std::pair<std::string, std::uint64_t>> field_counts(const Xapian::Database& database,
                                                                std::string_view prefix) {
  std::vector<std::pair<std::string, std::uint64_t>> counts;
  for (auto it = database.allterms_begin(std::string(prefix));
       it != database.allterms_end(std::string(prefix)); ++it) {
    counts.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  }
  std::ranges::sort(counts, [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return counts;
}

std::string describe_counts(const std::vector<std::pair<std::string, std::uint64_t>>& counts) {
  std::string text = std::to_string(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) {
    text +=
        fmt::format("{} {} ({})", i == 0 ? ":" : ",", printable(counts[i].first), counts[i].second);
  }
  return text;
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

IndexInfo read_index_info(const fs::path& path, ProgramRemotes programs) {
  const Xapian::Database database = open_archive_database(path.string(), programs);
  IndexInfo info{.path = path,
                 .articles = database.get_doccount(),
                 .dated = database.get_value_freq(schema::kDateSlot)};
  if (info.dated > 0) {
    const auto [first, last] = date_range(database);
    info.first_date = iso(first);
    info.last_date = iso(last);
  }
  info.sources = field_counts(database, schema::kSourcePrefix);
  info.sections = field_counts(database, schema::kSectionPrefix);
  const std::string group_prefix(schema::kGroupPrefix);
  for (auto it = database.allterms_begin(group_prefix); it != database.allterms_end(group_prefix);
       ++it) {
    if (it.get_termfreq() < 2) continue;
    ++info.near_duplicate_groups;
    info.articles_in_groups += it.get_termfreq();
  }
  info.analyzer = database.get_metadata(std::string(schema::kAnalyzerKey));
  info.bytes_on_disk = directory_bytes(path);
  info.updated = database.get_metadata(std::string(schema::kUpdatedKey));
  return info;
}

std::string describe_index(const fs::path& path, ProgramRemotes programs) {
  const IndexInfo info = read_index_info(path, programs);
  std::string dates = "none";
  if (info.dated > 0) {
    dates = fmt::format("{} .. {}", info.first_date, info.last_date);
    if (info.dated < info.articles) {
      dates += fmt::format(" ({} without a date)", info.articles - info.dated);
    }
  }
  const auto or_dash = [](const std::string& value) { return value.empty() ? "-" : value; };
  return fmt::format(
      "database  {}\n"
      "articles  {}\n"
      "dates     {}\n"
      "sources   {}\n"
      "sections  {}\n"
      "groups    {} of near-duplicates, holding {} articles ({} shown only as similar)\n"
      "analyzer  {}\n"
      "size      {} on disk\n"
      "updated   {}\n",
      printable(path.string()), info.articles, dates, describe_counts(info.sources),
      describe_counts(info.sections), info.near_duplicate_groups, info.articles_in_groups,
      info.articles_in_groups - info.near_duplicate_groups, or_dash(printable(info.analyzer)),
      human_size(info.bytes_on_disk), or_dash(info.updated));
}

}  // namespace archivar
