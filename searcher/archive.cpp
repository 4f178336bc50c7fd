#include "searcher/archive.h"

#include <fmt/format.h>

#include <unordered_map>

#include "common/index_schema.h"
#include "common/open_database.h"

namespace archivar {
Archive::Archive(const std::vector<std::string>& paths) {
  // Articles without a date come last in either direction: "\xff" sorts after every date.
  undated_last_[0].add_value(schema::kDateSlot, /*reverse=*/false, "\xff");
  undated_last_[1].add_value(schema::kDateSlot, /*reverse=*/true, "");
  if (paths.empty()) throw ArchiveOpenError("no database given (--db DIR)");
  std::string analyzer_spec;
  for (const std::string& path : paths) {
    Xapian::Database shard = open_archive_database(path);
    const std::string spec = shard.get_metadata(std::string(schema::kAnalyzerKey));
    if (analyzer_spec.empty()) {
      analyzer_spec = spec;
    } else if (spec != analyzer_spec) {
      throw ArchiveOpenError(
          fmt::format("'{}' was built with analyzer '{}', the other databases with '{}'", path,
                      spec, analyzer_spec));
    }
    database_.add_database(shard);
  }
  try {
    analyzer_options_ = AnalyzerOptions::parse(analyzer_spec);
  } catch (const std::invalid_argument& e) {
    throw ArchiveOpenError(fmt::format("'{}': {}; was it written by a newer archivar-index?",
                                       paths.front(), e.what()));
  }
}

MatchResult Archive::match(const Xapian::Query& query, const MatchOptions& options) {
  for (int attempt = 0;; ++attempt) {
    try {
      return match_once(query, options);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 5) throw;
      database_.reopen();  // an indexer committed while we read: read the new revision
    }
  }
}

void Archive::configure(Xapian::Enquire& enquire, const MatchOptions& options) {
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(options.bm25_k1, 0, 1, options.bm25_b, options.bm25_min_normlen));
  switch (options.sort) {
    case SortOrder::kRelevance:
      // Equal scores are ordered by docid, so runs are repeatable.
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
      break;
    case SortOrder::kDateAscending:
    case SortOrder::kDateDescending:
      enquire.set_sort_by_key_then_relevance(
          &undated_last_[options.sort == SortOrder::kDateDescending],
          /*reverse=*/false);
      break;
  }
}

MatchResult Archive::match_once(const Xapian::Query& query, const MatchOptions& options) {
  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
  configure(enquire, options);
  // The group's best hit in the chosen order stands for it; the MSet's counts then count
  // groups (articles without a group, indexed before groups existed, stand alone).
  if (options.collapse_near_duplicates) enquire.set_collapse_key(schema::kGroupSlot);
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                             static_cast<Xapian::doccount>(options.limit));
  MatchResult result;
  result.total_estimate = mset.get_matches_estimated();
  std::vector<std::string> groups;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = options.offset + it.get_rank() + 1;
    hit.score = it.get_weight();
    const Xapian::Document document = it.get_document();
    if (options.fetch_stored) {
      hit.article = schema::decode_stored(document.get_data());
    } else {
      hit.article.id = document.get_value(schema::kIdSlot);
      if (hit.article.id.empty()) hit.article = schema::decode_stored(document.get_data());
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

}  // namespace archivar
