// JSON reports: the indexer's run summary and --info as one JSON object each, for scripts
// (archivar-index --json, --info --json; bench/ reads them instead of the text).
#pragma once

#include <nlohmann/json.hpp>

#include "indexer/index_info.h"
#include "indexer/index_run.h"

namespace archivar {

/// {"articles": {"indexed", "added", "replaced", "unchanged", "deleted", "not_found",
/// "near_duplicates"}, "warnings": {"skipped", "repaired", "double_encoded",
/// "duplicate_ids", "failed_inputs"}, "bytes_read", "seconds", "docs_per_second",
/// "mb_per_second", "peak_memory_bytes", "documents_in_database", "compaction":
/// {"compacted", "bytes_before", "bytes_after", "seconds"}}.
nlohmann::ordered_json summary_json(const IndexSummary& summary);

/// {"database", "articles", "dated", "first_date", "last_date" (null without dates),
/// "near_duplicate_groups", "articles_in_groups", "analyzer", "bytes_on_disk", "updated",
/// "sources": {name: count}, "sections": {name: count}} (both most frequent first).
nlohmann::ordered_json info_json(const IndexInfo& info);

}  // namespace archivar
