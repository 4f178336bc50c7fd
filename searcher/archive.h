// Archive: the Archivar databases one search runs over (one or several shards, local or
// remote through Xapian stub files), opened, checked, and matched against queries.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/article.h"
#include "common/open_database.h"

namespace archivar {

enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

struct MatchOptions {
  std::size_t offset = 0;
  std::size_t limit = 10;
  SortOrder sort = SortOrder::kRelevance;
  /// Off when only ids are printed: hits then carry just the article id.
  bool fetch_stored = true;
  /// BM25's term-frequency saturation and length normalisation (Lucene's defaults).
  double bm25_k1 = 1.2;
  double bm25_b = 0.75;
  /// Articles shorter than this fraction of the average are normalised as if this long.
  /// Xapian's default of 0.5 let long articles outrank short ones that carry every query
  /// word (MRR fang-headlines-dev +0.007, mlqa-de-dev +0.003 at 0.1); Lucene has no floor.
  double bm25_min_normlen = 0.1;
};

struct Hit {
  std::size_t rank = 0;  ///< 1-based, counting from the first result, not the page
  double score = 0;
  Article article;  ///< the stored fields (date as YYYY-MM-DD), or only the id
};

struct MatchResult {
  std::vector<Hit> hits;
  Xapian::doccount total_estimate = 0;
};

class Archive {
 public:
  /// Opens every database in @a paths as one. Throws ArchiveOpenError with one
  /// sentence naming the path when one is missing, unreadable or not written by
  /// archivar-index, or when the shards were built with different analyzers.
  explicit Archive(const std::vector<std::string>& paths);

  /// The analyzer options the index was built with; queries must use the same.
  const AnalyzerOptions& analyzer_options() const { return analyzer_options_; }

  /// Ranks documents for @a query with BM25 (or sorts by date, then relevance). Reopens
  /// the databases and retries when an indexer committed meanwhile.
  MatchResult match(const Xapian::Query& query, const MatchOptions& options);

 private:
  MatchResult match_once(const Xapian::Query& query, const MatchOptions& options);

  Xapian::Database database_;
  AnalyzerOptions analyzer_options_;
  Xapian::MultiValueKeyMaker undated_last_[2];  // sort keys: oldest first, newest first
};

}  // namespace archivar
