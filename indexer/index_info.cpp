#include "indexer/index_info.h"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
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
    text +=
        fmt::format("{} {} ({})", i == 0 ? ":" : ",", printable(counts[i].second), counts[i].first);
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

}  // namespace

std::string describe_index(const fs::path& path, ProgramRemotes programs) {
  const Xapian::Database database = open_archive_database(path.string(), programs);
  const Xapian::doccount articles = database.get_doccount();
  const Xapian::doccount dated = database.get_value_freq(schema::kDateSlot);
  std::string dates = "none";
  if (dated > 0) {
    dates = fmt::format("{} .. {}", iso(database.get_value_lower_bound(schema::kDateSlot)),
                        iso(database.get_value_upper_bound(schema::kDateSlot)));
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
      printable(path.string()), articles, dates, field_counts(database, schema::kSourcePrefix),
      field_counts(database, schema::kSectionPrefix), group_counts(database),
      printable(metadata(schema::kAnalyzerKey)), human_size(directory_bytes(path)),
      metadata(schema::kUpdatedKey));
}

}  // namespace archivar
