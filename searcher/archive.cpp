#include "searcher/archive.h"

#include <fmt/format.h>

#include <cstdlib>

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

MatchResult Archive::match_once(const Xapian::Query& query, const MatchOptions& options) {
  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
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
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                             static_cast<Xapian::doccount>(options.limit));
  MatchResult result;
  result.total_estimate = mset.get_matches_estimated();
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
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace archivar
