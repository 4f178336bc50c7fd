// IndexInfo: what an Archivar database holds, for `archivar-index --info`: articles, date
// range, sources, sections, analyzer, size on disk and last update.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "common/open_database.h"

namespace archivar {

struct IndexInfo {
  std::filesystem::path path;
  std::uint64_t articles = 0;
  std::uint64_t dated = 0;  ///< articles with a date
  std::string first_date;   ///< YYYY-MM-DD, empty without dated articles
  std::string last_date;
  /// Every source and section with its article count, most frequent first.
  std::vector<std::pair<std::string, std::uint64_t>> sources;
  std::vector<std::pair<std::string, std::uint64_t>> sections;
  std::uint64_t near_duplicate_groups = 0;  ///< groups of two or more articles
  std::uint64_t articles_in_groups = 0;     ///< the articles those groups hold
  std::string analyzer;                     ///< the analyzer options, empty if unknown
  std::uintmax_t bytes_on_disk = 0;
  std::string updated;  ///< when the last run committed, empty if unknown
};

/// Reads what the database at @a path holds. Throws ArchiveOpenError when it is missing or
/// not an Archivar database, or is a stub with program-served shards that @a programs
/// refuses.
IndexInfo read_index_info(const std::filesystem::path& path,
                          ProgramRemotes programs = ProgramRemotes::kRefuse);

/// A report on the database at @a path, one "label  value" line each; field values that
/// came from the archive are made printable (see printable()). Throws as read_index_info.
std::string describe_index(const std::filesystem::path& path,
                           ProgramRemotes programs = ProgramRemotes::kRefuse);

}  // namespace archivar
