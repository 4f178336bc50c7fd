// ArticleIndexer: the library's one way into the indexer — articles in, indexed by the same
// run as archivar-index's: analysis, near-duplicate groups, shards, vocabulary, compaction.
#pragma once

#include <filesystem>
#include <vector>

#include "common/article.h"
#include "indexer/index_run.h"

namespace archivar {

class ArticleIndexer {
 public:
  /// Throws std::invalid_argument for an article the library refuses: without an id, with
  /// an overlong id, with a field that is not UTF-8, or without title and text.
  static void check(const Article& article);

  /// Indexes @a articles (each checked first, before anything is written) into the
  /// database at @a database, quietly, and commits. Throws IndexOpenError when the
  /// database cannot be written.
  static IndexSummary index(const std::filesystem::path& database, std::vector<Article> articles);
};

}  // namespace archivar
