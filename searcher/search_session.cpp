#include "searcher/search_session.h"

#include <chrono>
#include <stdexcept>

#include "common/read_despite_commits.h"
#include "searcher/date_range.h"

namespace archivar {

SearchSession::SearchSession(const std::vector<std::string>& databases, ProgramRemotes programs)
    : archive_(databases, programs),
      analyzer_(archive_.analyzer_options()),
      parser_(analyzer_, ProximityOptions::none(), &archive_.database(), {},
              &archive_.stored_data()),
      suggester_(archive_, analyzer_) {}

ParsedQuery SearchSession::parse(const SearchRequest& request, std::string_view text,
                                 QueryParser& parser, const std::optional<SimilarQuery>& similar) {
  const bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank && !similar && request.from.empty() && request.to.empty()) {
    throw QueryError("the query is empty: give words to search for", std::string::npos);
  }
  ParsedQuery parsed =
      request.plain ? parser.parse_plain(text, request.word_variants) : parser.parse(text);
  if (similar) {
    parsed.query = parsed.query.empty()
                       ? similar->query
                       : Xapian::Query(Xapian::Query::OP_FILTER, similar->query, parsed.query);
    parsed.highlight_terms.insert(similar->terms.begin(), similar->terms.end());
  }
  if (!request.from.empty() || !request.to.empty()) {
    Xapian::Query dates;
    try {
      dates = date_range_query(request.from, request.to);
    } catch (const std::invalid_argument& e) {
      throw QueryError(std::string("--from/--to: ") + e.what(), std::string::npos);
    }
    // Dates alone ("everything from February 2022") list the whole period.
    const Xapian::Query base = parsed.query.empty() ? Xapian::Query::MatchAll : parsed.query;
    parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, base, dates);
  }
  return parsed;
}

ResultPage SearchSession::search(const SearchRequest& request) {
  // Matching, suggestions and --similar all read the databases: the whole search is
  // tried again on the latest revision.
  return read_despite_commits([&] { return search_once(request); },
                              [&](int /*attempt*/) { archive_.reopen(); });
}

ResultPage SearchSession::search_once(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  std::optional<SimilarQuery> similar;
  if (!request.similar_to.empty()) similar = archive_.similar_query(request.similar_to);
  // Position lists of remote shards cost a round trip each: there Xapian's matcher
  // checks the proximity clauses itself, and phrases as typed are read before matching
  // (the remote matcher cannot run Archivar's code).
  QueryParser with_proximity_clauses(analyzer_, request.match.proximity, &archive_.database(),
                                     {.check_phrases_while_matching = false},
                                     &archive_.stored_data());
  QueryParser& parser = archive_.has_remote_shards() ? with_proximity_clauses : parser_;
  const ParsedQuery parsed = parse(request, request.query, parser, similar);
  // The forms as typed are one value per article of the page and a few more, read from
  // remote shards too, so that an archive ranks alike however it is served. The wording
  // (typed pairs) needs position lists, which remote shards would serve a round trip each.
  const bool local_rerank = !archive_.has_remote_shards() && !similar;
  MatchResult matched = archive_.match(
      parsed.query, request.match,
      local_rerank ? std::span<const WordPair>(parsed.word_pairs) : std::span<const WordPair>{},
      similar ? std::span<const RankedWord>{} : std::span<const RankedWord>(parsed.ranked_words),
      local_rerank ? std::span<const TypedPair>(parsed.typed_pairs) : std::span<const TypedPair>{});
  SnippetGenerator snippets(analyzer_, request.snippet_length);
  ResultPage page;
  page.query = request.query;
  page.similar_to = request.similar_to;
  if (similar) page.near_duplicates_left_out = similar->near_duplicates_left_out;
  page.notes = parsed.notes;
  page.details = parsed.details;
  page.total = matched.total;
  page.total_exact = matched.total_exact;
  page.facets = std::move(matched.facets);
  for (Hit& hit : matched.hits) {
    ResultHit result;
    if (request.match.fetch_stored) {
      result.title = snippets.whole(hit.article.title, parsed.highlight_terms);
      result.snippet =
          snippets.passage(hit.article.text, parsed.highlight_terms, parsed.part_terms);
    }
    result.hit = std::move(hit);
    page.hits.push_back(std::move(result));
  }
  if (request.suggest && request.similar_to.empty()) {
    const auto count = [&](const std::string& text) {
      const MatchOptions exact{.limit = 0, .fetch_stored = false, .exact_total = true};
      try {
        return archive_.match(parse(request, text, parser_).query, exact).total;
      } catch (const QueryError&) {
        return Xapian::doccount{0};  // a correction that cannot be read is no suggestion
      }
    };
    page.suggestion =
        suggester_.suggest(request.query, request.plain, page.total, count, parsed.word_variants);
  }
  page.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (request.explain) {
    // The query as Xapian runs it, shortened (a long query's description costs more than
    // matching a short one: only when asked, and not timed).
    constexpr std::size_t kDescriptionShown = 2000;
    std::string description = parsed.query.get_description();
    if (description.size() > kDescriptionShown) {
      description.resize(kDescriptionShown);
      description += "…";
    }
    page.details.push_back("query as run: " + description);
  }
  return page;
}

}  // namespace archivar
