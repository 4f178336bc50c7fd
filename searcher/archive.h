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
  /// Show only the best-ranked article of each near-duplicate group (collapsing on
  /// schema::kGroupSlot with Xapian's Enquire::set_collapse_key, so that the counts of the
  /// MSet count groups); off lists every article.
  bool collapse_near_duplicates = true;
  /// When collapsing, fill Hit::similar (one more query per page). Off for ids and runs.
  bool list_similar = true;
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
  /// The ids of the other articles of the hit's near-duplicate group that match the query
  /// too, in result order (see MatchOptions::list_similar).
  std::vector<std::string> similar;
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
  /// Ranking and sort order of @a options.
  void configure(Xapian::Enquire& enquire, const MatchOptions& options);
  /// Fills Hit::similar of @a hits, whose near-duplicate groups are @a groups.
  void find_similar(const Xapian::Query& query, const MatchOptions& options,
                    const std::vector<std::string>& groups, std::vector<Hit>& hits);

  Xapian::Database database_;
  AnalyzerOptions analyzer_options_;
  Xapian::MultiValueKeyMaker undated_last_[2];  // sort keys: oldest first, newest first
};

}  // namespace archivar
