// DocumentBuilder: turns an Article into the Xapian document the index schema describes.
// Runs the analyzer over title and text and adds terms, filters, date value and stored data.
#pragma once

#include <xapian.h>

#include <optional>

#include "common/analysis/analyzer.h"
#include "common/article.h"
#include "common/date.h"
#include "indexer/posting_sink.h"

namespace archivar {

class DocumentBuilder {
 public:
  /// Both references must outlive the builder. One builder per thread (the analyzer is
  /// not thread-safe).
  DocumentBuilder(Analyzer& analyzer, PostingSink& postings);

  /// The document for @a article; @a date is its parsed date, if it has one.
  Xapian::Document build(const Article& article, const std::optional<Date>& date);

 private:
  Analyzer& analyzer_;
  PostingSink& postings_;
};

}  // namespace archivar
