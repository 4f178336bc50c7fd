// IndexWriter's batches (indexer/index_writer.h): a batch is committed when it reaches
// --batch articles or the memory limit, whichever comes first.
#include <catch2/catch.hpp>
#include <string>

#include "common/analysis/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "support/cli.h"

using namespace archivar;
using archivar::test::ScratchDir;

namespace {

Xapian::Document article_document(Analyzer& analyzer, const std::string& id) {
  XapianPositionalPostings postings;
  DocumentBuilder builder(analyzer, postings);
  const Article article{.id = id,
                        .title = "Stadtrat beschließt neuen Haushalt",
                        .text = std::string(2000, 'x') + " Der Kämmerer warnt vor Schulden."};
  return builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {}));
}

}  // namespace

TEST_CASE("a batch is committed by its article count or by its memory", "[indexer]") {
  const ScratchDir dir;
  Analyzer analyzer;
  SECTION("no memory limit: only the count") {
    IndexWriter writer(dir / "db", analyzer.options(), 3);
    writer.put("a", article_document(analyzer, "a"));
    writer.put("b", article_document(analyzer, "b"));
    CHECK(writer.pending() == 2);
    writer.put("c", article_document(analyzer, "c"));
    CHECK(writer.pending() == 0);  // the third article filled the batch
  }
  SECTION("a memory limit below one article's estimate commits every article") {
    IndexWriter writer(dir / "db", analyzer.options(), 1000);
    writer.limit_batch_memory(1024);  // an article of 2 kB is estimated far above 1 kB
    writer.put("a", article_document(analyzer, "a"));
    CHECK(writer.pending() == 0);
  }
  SECTION("a memory limit above the batch lets it grow") {
    IndexWriter writer(dir / "db", analyzer.options(), 1000);
    writer.limit_batch_memory(std::uint64_t{64} << 20);
    for (const char* id : {"a", "b", "c"}) writer.put(id, article_document(analyzer, id));
    CHECK(writer.pending() == 3);
  }
}
