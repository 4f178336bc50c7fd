// ArticleIndexer: the library's one way into the indexer — an article in, its document
// analysed, written and committed by the same DocumentBuilder and IndexWriter as
// archivar-index uses. Kept narrow so that the indexer's pipeline can change behind it.
#pragma once

#include <cstdint>
#include <filesystem>

#include "common/analysis/analyzer.h"
#include "common/article.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/posting_sink.h"

namespace archivar {

class ArticleIndexer {
 public:
  enum class Outcome { kAdded, kReplaced, kUnchanged };

  /// Opens or creates the database at @a database for writing; throws IndexOpenError.
  explicit ArticleIndexer(const std::filesystem::path& database);

  /// Adds or replaces @a article by its id, or leaves it when its stored fields are
  /// unchanged. Throws std::invalid_argument for an article without id, with an overlong
  /// id, or without title and text.
  Outcome add(const Article& article);

  /// Makes everything added durable.
  void commit() { writer_.commit(); }

  std::uint64_t document_count() const { return writer_.document_count(); }

 private:
  IndexWriter writer_;
  Analyzer analyzer_;
  XapianPositionalPostings postings_;
  DocumentBuilder builder_;
};

}  // namespace archivar
