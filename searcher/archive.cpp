#include "searcher/archive.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/analysis/stop_word_filter.h"
#include "common/index_schema.h"
#include "common/open_database.h"
#include "common/read_despite_commits.h"
#include "searcher/proximity_scorer.h"

namespace archivar {
namespace {

// Terms for "more like this": words of the text, not prefixed terms (ids, sources,
// years) nor function words.
class ContentTerms final : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    const unsigned char first = static_cast<unsigned char>(term.front());
    return !(first >= 'A' && first <= 'Z') && !StopWordFilter::is_stop_word(term);
  }
};

}  // namespace

Archive::Archive(const std::vector<std::string>& paths, ProgramRemotes programs) {
  // Articles without a date come last, oldest first too: "\xff" sorts after every date.
  undated_last_.add_value(schema::kDateSlot, /*reverse=*/false, std::string(schema::kUndatedLast));
  if (paths.empty()) throw ArchiveOpenError("no database given (--db DIR)");
  std::string analyzer_spec;
  std::string first_shard;
  for (const std::string& path : paths) {
    for (ArchiveShard& shard : open_archive_shards(path, programs)) {
      const std::string spec = read_despite_commits(
          [&] { return shard.database.get_metadata(std::string(schema::kAnalyzerKey)); },
          [&](int /*attempt*/) { shard.database.reopen(); });
      if (first_shard.empty()) {
        analyzer_spec = spec;
        first_shard = shard.name;
      } else if (spec != analyzer_spec) {
        throw ArchiveOpenError(fmt::format(
            "'{}' was built with analyzer '{}', but '{}' with '{}': shards searched together "
            "must be indexed alike",
            shard.name, spec, first_shard, analyzer_spec));
      }
      database_.add_database(shard.database);
      has_remote_shards_ = has_remote_shards_ || shard.remote;
      shards_.push_back(std::move(shard));
    }
  }
  std::vector<Xapian::Database> databases;
  for (const ArchiveShard& shard : shards_) databases.push_back(shard.database);
  stored_ = std::make_unique<StoredDataReader>(std::move(databases));
  try {
    analyzer_options_ = AnalyzerOptions::parse(analyzer_spec);
  } catch (const std::invalid_argument& e) {
    throw ArchiveOpenError(
        fmt::format("'{}': {}; was it written by a newer archivar-index?", first_shard, e.what()));
  }
}

void Archive::configure(Xapian::Enquire& enquire, const MatchOptions& options) {
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(options.bm25_k1, 0, 1, options.bm25_b, options.bm25_min_normlen));
  switch (options.sort) {
    case SortOrder::kRelevance:
      // Equal scores by docid here; match() puts those it returns in article id order.
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
      break;
    case SortOrder::kDateDescending:
      // An absent date is the lowest value: last.
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/true);
      break;
    case SortOrder::kDateAscending:
      if (!every_article_has_oldest_first_value_) {
        every_article_has_oldest_first_value_ =
            std::ranges::all_of(shards_, [](const ArchiveShard& shard) {
              return shard.database.get_value_freq(schema::kOldestFirstSlot) ==
                     shard.database.get_doccount();
            });
      }
      if (*every_article_has_oldest_first_value_) {
        enquire.set_sort_by_value_then_relevance(schema::kOldestFirstSlot, /*reverse=*/false);
      } else if (!has_remote_shards_) {
        // Articles indexed before kOldestFirstSlot existed.
        enquire.set_sort_by_key_then_relevance(&undated_last_, /*reverse=*/false);
      } else {
        // Xapian's remote protocol cannot carry a KeyMaker: undated articles come first.
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/false);
      }
      break;
  }
}

MatchResult Archive::match(const Xapian::Query& query, const MatchOptions& options,
                           std::span<const WordPair> word_pairs, std::span<const RankedWord> words,
                           std::span<const TypedPair> typed_pairs) {
  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
  configure(enquire, options);
  // The group's best hit in the chosen order stands for it; the MSet's counts then count
  // groups (articles without a group, indexed before groups existed, stand alone).
  if (options.collapse_near_duplicates) enquire.set_collapse_key(schema::kGroupSlot);
  FacetCollector facets(options.facets);
  facets.attach(enquire);
  const bool exact = options.exact_total || !options.facets.empty();
  // Checking at least every document makes the matcher see every match: exact counts.
  const Xapian::doccount check_at_least = exact ? database_.get_doccount() : 0;
  const auto offset = static_cast<Xapian::doccount>(options.offset);
  const auto limit = static_cast<Xapian::doccount>(options.limit);
  const ProximityScorer proximity(database_, word_pairs, words, options.proximity,
                                  {options.bm25_k1, options.bm25_b, options.bm25_min_normlen},
                                  typed_pairs);
  // Every article of the page asked for, and at least rerank_depth: below the page's end
  // the words' order would hold articles the full query ranks higher (see README, Ranking).
  const Xapian::doccount depth =
      std::max(static_cast<Xapian::doccount>(std::min<std::size_t>(
                   options.rerank_depth, std::numeric_limits<Xapian::doccount>::max())),
               offset + limit);
  const bool by_relevance = options.sort == SortOrder::kRelevance;
  const bool rerank = by_relevance && !proximity.empty() && limit > 0;
  // A page of no hits (--limit 0) still fetches a few, so that a query that matches few
  // articles gets their exact number rather than an estimate from term statistics.
  constexpr Xapian::doccount kFetchedForAnEmptyPage = 100;
  const Xapian::MSet counted =
      rerank ? enquire.get_mset(0, depth, check_at_least)
             : enquire.get_mset(offset, limit > 0 || exact ? limit : kFetchedForAnEmptyPage,
                                check_at_least);
  MatchResult result;
  // Xapian knows the number exactly when its bounds meet (it saw every match).
  result.total_exact =
      exact || counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
  result.total =
      result.total_exact ? counted.get_matches_lower_bound() : counted.get_matches_estimated();
  if (!options.facets.empty()) result.facets = facets.counts();
  // The ranked list: counted's, with its best `depth` ranked anew by words and proximity.
  std::vector<Xapian::doccount> order(counted.size());
  std::iota(order.begin(), order.end(), Xapian::doccount{0});
  std::vector<double> scores(counted.size());
  for (Xapian::doccount i = 0; i < counted.size(); ++i) scores[i] = counted[i].get_weight();
  // Equal scores (articles alike) in article id order, so that results repeat across
  // indexing runs: document numbers depend on how many shards the indexer wrote. Only
  // among the articles fetched: which of a tie reaching past the last one fetched (the
  // page, or the best `depth`) makes it, and which reprint stands for a collapsed group,
  // still follow document numbers. The ids are read only for ties; asking the matcher to
  // sort by id would read one for every candidate (ids p50 +18 %).
  std::vector<std::optional<std::string>> ids(counted.size());
  const auto id_of = [&](Xapian::doccount i) -> const std::string& {
    if (!ids[i]) ids[i] = counted[i].get_document().get_value(schema::kIdSlot);
    return *ids[i];
  };
  const auto ranks_before = [&](Xapian::doccount a, Xapian::doccount b) {
    return scores[a] != scores[b] ? scores[a] > scores[b] : id_of(a) < id_of(b);
  };
  if (rerank) {
    const Xapian::doccount reranked = std::min(depth, counted.size());
    std::vector<Xapian::docid> documents;
    for (Xapian::doccount i = 0; i < reranked; ++i) documents.push_back(*counted[i]);
    proximity.add_bonuses(documents, std::span(scores).first(reranked), offset + limit);
    std::sort(order.begin(), order.begin() + reranked, ranks_before);
  } else if (by_relevance) {
    std::sort(order.begin(), order.end(), ranks_before);  // within the page
  }
  std::vector<Xapian::doccount> page;
  const Xapian::doccount first = rerank ? offset : 0;
  for (Xapian::doccount i = first; i < counted.size() && i < first + limit; ++i) {
    page.push_back(order[i]);
  }
  std::vector<std::string> groups;
  for (std::size_t i = 0; i < page.size(); ++i) {
    const Xapian::MSetIterator it = counted[page[i]];
    const Xapian::doccount rank = offset + static_cast<Xapian::doccount>(i);
    Hit hit;
    hit.rank = rank + 1;
    hit.score = scores[page[i]];
    const Xapian::Document document = it.get_document();
    if (options.fetch_stored) {
      hit.article = stored_fields(document);
    } else {
      hit.article.id = document.get_value(schema::kIdSlot);
      if (hit.article.id.empty()) hit.article = stored_fields(document);
    }
    groups.push_back(it.get_collapse_key());
    result.hits.push_back(std::move(hit));
  }
  if (options.collapse_near_duplicates && options.list_similar) {
    find_similar(query, options, groups, result.hits);
  }
  return result;
}

// Xapian's collapse count is only a lower bound (the matcher skips documents that cannot
// make the page), so the other members are asked for: the query restricted to the page's
// groups, uncollapsed, in the same order.
void Archive::find_similar(const Xapian::Query& query, const MatchOptions& options,
                           const std::vector<std::string>& groups, std::vector<Hit>& hits) {
  std::vector<Xapian::Query> group_terms;
  std::unordered_map<std::string, std::size_t> hit_of_group;
  Xapian::doccount members_at_most = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].empty()) continue;
    const std::string term = schema::group_term(groups[i]);
    members_at_most += database_.get_termfreq(term);
    group_terms.emplace_back(term);
    hit_of_group.emplace(groups[i], i);
  }
  if (group_terms.empty()) return;
  Xapian::Enquire enquire(database_);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, query,
                    Xapian::Query(Xapian::Query::OP_OR, group_terms.begin(), group_terms.end())));
  configure(enquire, options);
  const Xapian::MSet members = enquire.get_mset(0, members_at_most);
  for (auto it = members.begin(); it != members.end(); ++it) {
    const Xapian::Document document = it.get_document();
    const auto hit = hit_of_group.find(document.get_value(schema::kGroupSlot));
    if (hit == hit_of_group.end()) continue;
    std::string id = document.get_value(schema::kIdSlot);
    if (id != hits[hit->second].article.id) hits[hit->second].similar.push_back(std::move(id));
  }
}

std::optional<Article> Archive::article(const std::string& id) {
  const std::string term = schema::id_term(id);
  const Xapian::PostingIterator posting = database_.postlist_begin(term);
  if (posting == database_.postlist_end(term)) return std::nullopt;
  return stored_fields(database_.get_document(*posting));
}

SimilarQuery Archive::similar_query(const std::string& id, std::size_t term_count) {
  const std::string id_term = schema::id_term(id);
  const Xapian::PostingIterator posting = database_.postlist_begin(id_term);
  if (posting == database_.postlist_end(id_term)) {
    throw ArticleNotFound(fmt::format("no article with id '{}'", id));
  }
  // Not worth showing beside the article: the article itself, and its near-duplicates
  // (the same story reprinted), which would otherwise fill the top of the list.
  std::vector<Xapian::docid> same_story{*posting};
  Xapian::Query excluded(id_term);
  const std::string group = database_.get_document(*posting).get_value(schema::kGroupSlot);
  if (!group.empty()) {
    const std::string group_term = schema::group_term(group);
    same_story.assign(database_.postlist_begin(group_term), database_.postlist_end(group_term));
    excluded = Xapian::Query(Xapian::Query::OP_OR, excluded, Xapian::Query(group_term));
  }
  SimilarQuery similar;
  similar.near_duplicates_left_out = static_cast<Xapian::doccount>(same_story.size()) - 1;

  Xapian::RSet relevant;
  relevant.add_document(*posting);
  Xapian::Enquire enquire(database_);
  const ContentTerms content_terms;
  // Terms of this story alone weigh most but find nothing else: ask for more and keep
  // those that articles outside it have too.
  const Xapian::ESet expansion =
      enquire.get_eset(static_cast<Xapian::termcount>(term_count * 4), relevant,
                       Xapian::Enquire::USE_EXACT_TERMFREQ, &content_terms);
  const auto found_elsewhere = [&](const std::string& term) {
    Xapian::doccount in_story = 0;
    Xapian::PostingIterator it = database_.postlist_begin(term);
    for (const Xapian::docid member : same_story) {  // ascending: postlist order
      it.skip_to(member);
      if (it == database_.postlist_end(term)) break;
      in_story += *it == member;
    }
    return database_.get_termfreq(term) > in_story;
  };
  for (auto it = expansion.begin(); it != expansion.end() && similar.terms.size() < term_count;
       ++it) {
    if (found_elsewhere(*it)) similar.terms.push_back(*it);
  }
  const Xapian::Query like(Xapian::Query::OP_OR, similar.terms.begin(), similar.terms.end());
  similar.query = Xapian::Query(Xapian::Query::OP_AND_NOT, like, excluded);
  return similar;
}

Article Archive::stored_fields(const Xapian::Document& document) {
  return schema::decode_stored(stored_->json(document.get_data()));
}

std::vector<std::string> Archive::facet_warnings(const std::vector<Facet>& facets) const {
  std::vector<std::string> warnings;
  for (const Facet facet : facets) {
    if (facet != Facet::kSource && facet != Facet::kSection) continue;
    const bool source = facet == Facet::kSource;
    const Xapian::valueno slot = source ? schema::kSourceSlot : schema::kSectionSlot;
    const std::string prefix(source ? schema::kSourcePrefix : schema::kSectionPrefix);
    for (const ArchiveShard& shard : shards_) {
      if (shard.database.get_value_freq(slot) == 0 &&
          shard.database.allterms_begin(prefix) != shard.database.allterms_end(prefix)) {
        warnings.push_back(fmt::format(
            "'{}' was indexed by an older archivar-index and cannot count {}s; index its "
            "inputs again (unchanged articles are rewritten once) to count them",
            shard.name, facet_name(facet)));
      }
    }
  }
  return warnings;
}

}  // namespace archivar
