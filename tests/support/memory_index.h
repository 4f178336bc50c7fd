// A test helper: an in-memory Xapian database filled through the real DocumentBuilder, so
// that parser, facet and ranking tests search documents exactly as the indexer writes them.
#pragma once

#include <xapian.h>

#include "common/analysis/analyzer.h"
#include "common/article.h"
#include "indexer/document_builder.h"

namespace archivar::test {

class MemoryIndex {
 public:
  /// Articles are analysed with @a analyzer, which must outlive the index.
  explicit MemoryIndex(Analyzer& analyzer);

  /// Adds @a article (replacing one with its id), its date parsed as the indexer does.
  void add(const Article& article);

  Xapian::WritableDatabase& db() { return db_; }

 private:
  Analyzer& analyzer_;
  XapianPositionalPostings postings_;
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

}  // namespace archivar::test
