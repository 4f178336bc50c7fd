// Archive: the Archivar databases one search runs over (one or several shards, local or
// remote through Xapian stub files), opened, checked, and matched against queries.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/article.h"
#include "common/open_database.h"
#include "common/stored_data.h"
#include "searcher/facets.h"
#include "searcher/proximity.h"

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
  /// Count every matching article, so that the total is exact rather than an estimate.
  /// The matcher then cannot stop early: slower for queries with many matches.
  bool exact_total = false;
  /// Facets counted over the whole result set (implies an exact total).
  std::vector<Facet> facets;
  /// BM25's term-frequency saturation and length normalisation (Lucene's defaults).
  double bm25_k1 = 1.2;
  double bm25_b = 0.75;
  /// Articles shorter than this fraction of the average are normalised as if this long.
  /// Xapian's default of 0.5 let long articles outrank short ones that carry every query
  /// word (MRR fang-headlines-dev +0.007, mlqa-de-dev +0.003 at 0.1); Lucene has no floor.
  double bm25_min_normlen = 0.1;
  /// What the proximity of the query's words adds (see ProximityScorer).
  ProximityOptions proximity;
  /// Of the articles the words alone rank best, how many the proximity of their words
  /// ranks anew (Archive::match): at least this many, and every article up to the end of
  /// the page. Measured on fang-headlines-train (see README, Ranking).
  std::size_t rerank_depth = 100;
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
  /// Matching articles: exact when total_exact, else Xapian's estimate.
  Xapian::doccount total = 0;
  bool total_exact = false;
  std::vector<FacetCounts> facets;  ///< as asked for in MatchOptions::facets
};

/// The query for articles like a given one (see Archive::similar_query).
struct SimilarQuery {
  Xapian::Query query;
  /// The article's characteristic index terms the query is made of, best first.
  std::vector<std::string> terms;
  /// How many near-duplicates of the article the query leaves out.
  Xapian::doccount near_duplicates_left_out = 0;
};

/// --similar named an id the archive does not hold.
class ArticleNotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Archive {
 public:
  /// Opens every database in @a paths as one (each may be a stub file listing shards).
  /// Throws ArchiveOpenError with one sentence naming the path when one is missing,
  /// unreadable or not written by archivar-index, or when the shards were built with
  /// different analyzers.
  /// A stub's shards served by programs are opened only as @a programs allows.
  explicit Archive(const std::vector<std::string>& paths,
                   ProgramRemotes programs = ProgramRemotes::kRefuse);

  /// The analyzer options the index was built with; queries must use the same.
  const AnalyzerOptions& analyzer_options() const { return analyzer_options_; }

  /// Every shard on its own, for what Xapian does not combine across shards (metadata).
  const std::vector<ArchiveShard>& shards() const { return shards_; }

  /// All shards as one database.
  const Xapian::Database& database() const { return database_; }

  /// Reads the stored fields of any shard's document (each shard keeps the dictionaries
  /// of its own compressed fields).
  StoredDataReader& stored_data() { return *stored_; }

  /// Moves to the databases' latest revisions: after an indexer's commits spoiled a read
  /// (see read_despite_commits, which SearchSession wraps each search in).
  void reopen() { database_.reopen(); }

  /// Ranks documents for @a query with BM25 (or sorts by date, then relevance; undated
  /// articles last, except oldest first over remote shards indexed before
  /// schema::kOldestFirstSlot existed, where they come first).
  ///
  /// Ranking by relevance, the proximity of @a word_pairs and the use of @a words and
  /// @a typed_pairs as typed then rank the best MatchOptions::rerank_depth articles (and at least
  /// those up to the page's end) anew (ProximityScorer, with MatchOptions::proximity): two phases,
  /// so that position lists are read for a few articles rather than checked by the matcher for
  /// every article holding two of the words. Over remote shards, whose positions would cost
  /// a round trip each, pass the proximity clauses in @a query instead (QueryParser with
  /// proximity weights); the words' forms are read from them too, the wording is not.
  MatchResult match(const Xapian::Query& query, const MatchOptions& options,
                    std::span<const WordPair> word_pairs = {},
                    std::span<const RankedWord> words = {},
                    std::span<const TypedPair> typed_pairs = {});

  /// Whether some shard is served by xapian-tcpsrv or a program (see match).
  bool has_remote_shards() const { return has_remote_shards_; }

  /// The stored fields of the article with id @a id (--show); nothing when there is none.
  std::optional<Article> article(const std::string& id);

  /// Articles like the article @a id: relevance feedback with that article as the only
  /// relevant one (Xapian's RSet and ESet) gives its @a term_count most characteristic
  /// terms, which are ORed; the article itself and its near-duplicates (its group) are
  /// excluded: they are the same story, not more like it. Throws ArticleNotFound.
  SimilarQuery similar_query(const std::string& id, std::size_t term_count = 25);

  /// The stored fields of @a document (of one of the shards).
  Article stored_fields(const Xapian::Document& document);

  /// Notes for stderr when the databases cannot count @a facets fully: written by an
  /// archivar-index older than the facets' value slots.
  std::vector<std::string> facet_warnings(const std::vector<Facet>& facets) const;

 private:
  /// Ranking and sort order of @a options.
  void configure(Xapian::Enquire& enquire, const MatchOptions& options);
  /// Fills Hit::similar of @a hits, whose near-duplicate groups are @a groups.
  void find_similar(const Xapian::Query& query, const MatchOptions& options,
                    const std::vector<std::string>& groups, std::vector<Hit>& hits);

  std::vector<ArchiveShard> shards_;
  Xapian::Database database_;
  /// The hits' stored fields, decompressed with the dictionaries the shards keep.
  std::unique_ptr<StoredDataReader> stored_;
  AnalyzerOptions analyzer_options_;
  /// Oldest first, undated last, for articles indexed before kOldestFirstSlot existed.
  Xapian::MultiValueKeyMaker undated_last_;
  bool has_remote_shards_ = false;
  /// Whether every shard has schema::kOldestFirstSlot for all its articles; asked on the
  /// first oldest-first sort, not on every start (a round trip per remote shard).
  std::optional<bool> every_article_has_oldest_first_value_;
};

}  // namespace archivar
