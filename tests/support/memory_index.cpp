#include "support/memory_index.h"

#include "common/date.h"
#include "common/index_schema.h"

namespace archivar::test {

MemoryIndex::MemoryIndex(Analyzer& analyzer) : analyzer_(analyzer) {}

void MemoryIndex::add(const Article& article) {
  DocumentBuilder builder(analyzer_, postings_);
  const auto date = Date::parse(article.date);
  db_.replace_document(schema::id_term(article.id),
                       builder.build(article, date, DocumentBuilder::stored_fields(article, date)));
}

}  // namespace archivar::test
