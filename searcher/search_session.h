// SearchSession: answers query strings against one Archive — parse with the index's own
// analyzer, match, then cut snippets — and times the whole of it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "searcher/archive.h"
#include "searcher/facets.h"
#include "searcher/query_parser.h"
#include "searcher/snippet_generator.h"
#include "searcher/spelling_suggester.h"

namespace archivar {

struct SearchRequest {
  std::string query;
  std::string from;  ///< date filter, as for date: ranges; empty = open
  std::string to;
  /// Articles like the one with this id (see Archive::similar_query); a query, if
  /// given too, then only filters them.
  std::string similar_to;
  MatchOptions match;
  std::size_t snippet_length = 240;
  /// Read the query as plain words, without query syntax (see QueryParser::parse_plain).
  bool plain = false;
  /// Which rare words of plain text also match the archive's other forms of them.
  WordVariantOptions word_variants;
  /// Propose a corrected query when this one finds few hits (see SpellingSuggester).
  bool suggest = false;
  /// Add the query as Xapian runs it to ResultPage::details (--verbose).
  bool explain = false;
};

struct ResultHit {
  Hit hit;
  Snippet title;    ///< the whole title with its matches marked
  Snippet snippet;  ///< the best passage of the text
};

struct ResultPage {
  std::string query;
  std::string similar_to;  ///< the request's, for printing
  /// Near-duplicates of the similar_to article, left out of its similar articles.
  Xapian::doccount near_duplicates_left_out = 0;
  Xapian::doccount total = 0;  ///< matching articles: exact when total_exact, else estimated
  bool total_exact = false;
  std::vector<FacetCounts> facets;
  /// A corrected query that finds more, when the request asked for one and this query
  /// found few hits.
  std::optional<std::string> suggestion;
  double took_ms = 0;  ///< parse, match, fetch the hits with their snippets, suggest
  /// How the query was read, where the user should know (ParsedQuery::notes), and details
  /// for --verbose (ParsedQuery::details).
  std::vector<std::string> notes;
  std::vector<std::string> details;
  std::vector<ResultHit> hits;
};

class SearchSession {
 public:
  /// Opens @a databases (see Archive); throws ArchiveOpenError.
  explicit SearchSession(const std::vector<std::string>& databases,
                         ProgramRemotes programs = ProgramRemotes::kRefuse);

  /// Throws QueryError for a query (or --from/--to) that cannot be read, ArticleNotFound
  /// for a similar_to id the archive does not hold. Reads the databases' latest revision
  /// again when an indexer's commits discarded the one being read.
  ResultPage search(const SearchRequest& request);

  Archive& archive() { return archive_; }

 private:
  ResultPage search_once(const SearchRequest& request);
  /// @a text parsed by @a parser as @a request says, with the date filters, and as a
  /// filter of @a similar (--similar) when given.
  ParsedQuery parse(const SearchRequest& request, std::string_view text, QueryParser& parser,
                    const std::optional<SimilarQuery>& similar = std::nullopt);

  Archive archive_;
  Analyzer analyzer_;
  /// Without proximity clauses: the words rank, and their pairs' proximity ranks the best
  /// articles anew (Archive::match); over remote shards a parser with the request's
  /// proximity weights puts the clauses into the query instead.
  QueryParser parser_;
  SpellingSuggester suggester_;
};

}  // namespace archivar
