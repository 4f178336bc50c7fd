#include "indexer/json_reports.h"

#include <algorithm>

namespace archivar {
namespace {

// Counts by name in the order given (most frequent first).
nlohmann::ordered_json counts_json(
    const std::vector<std::pair<std::string, std::uint64_t>>& counts) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [name, count] : counts) object[name] = count;
  return object;
}

nlohmann::ordered_json or_null(const std::string& value) {
  return value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

}  // namespace

nlohmann::ordered_json summary_json(const IndexSummary& summary) {
  const double seconds = std::max(summary.seconds, 1e-6);
  const std::uint64_t indexed = summary.added + summary.replaced + summary.unchanged;
  return {
      {"articles",
       {{"indexed", indexed},
        {"added", summary.added},
        {"replaced", summary.replaced},
        {"unchanged", summary.unchanged},
        {"deleted", summary.deleted},
        {"not_found", summary.not_found},
        {"near_duplicates", summary.near_duplicates}}},
      {"warnings",
       {{"skipped", summary.skipped},
        {"repaired", summary.repaired},
        {"double_encoded", summary.double_encoded},
        {"duplicate_ids", summary.duplicates},
        {"failed_inputs", summary.failed_inputs}}},
      {"bytes_read", summary.bytes_read},
      {"seconds", summary.seconds},
      {"docs_per_second", static_cast<double>(indexed) / seconds},
      {"mb_per_second", static_cast<double>(summary.bytes_read) / 1e6 / seconds},
      {"peak_memory_bytes", summary.peak_memory_bytes},
      {"documents_in_database", summary.documents_in_database},
      {"compaction",
       {{"compacted", summary.compacted},
        {"bytes_before", summary.bytes_before_compaction},
        {"bytes_after", summary.bytes_after_compaction},
        {"seconds", summary.compaction_seconds}}},
      {"shards",
       {{"written_at_once", summary.shards},
        {"merged", summary.merged_shards},
        {"merge_seconds", summary.merge_seconds},
        {"articles_of_other_shards", summary.other_shards}}},
      {"analysis_cache",
       {{"hits", summary.analysis_cache.hits},
        {"misses", summary.analysis_cache.misses},
        {"hit_rate", summary.analysis_cache.hit_rate()},
        {"clears", summary.analysis_cache.clears}}},
  };
}

nlohmann::ordered_json info_json(const IndexInfo& info) {
  nlohmann::ordered_json json = {
      {"database", info.path.string()},
      {"articles", info.articles},
      {"dated", info.dated},
      {"first_date", or_null(info.first_date)},
      {"last_date", or_null(info.last_date)},
      {"near_duplicate_groups", info.near_duplicate_groups},
      {"articles_in_groups", info.articles_in_groups},
      {"analyzer", or_null(info.analyzer)},
      {"bytes_on_disk", info.bytes_on_disk},
      {"updated", or_null(info.updated)},
  };
  json["sources"] = counts_json(info.sources);
  json["sections"] = counts_json(info.sections);
  return json;
}

}  // namespace archivar
