#include "library/article_indexer.h"

#include <fmt/format.h>

#include <stdexcept>

#include "common/date.h"
#include "common/index_schema.h"
#include "common/text/utf8.h"

namespace archivar {
namespace {

// Large enough that the whole call is one batch: the caller commits.
constexpr std::uint64_t kOneBatch = std::uint64_t{1} << 62;

}  // namespace

ArticleIndexer::ArticleIndexer(const std::filesystem::path& database)
    : writer_(database, std::nullopt, kOneBatch),
      analyzer_(writer_.analyzer()),
      builder_(analyzer_, postings_) {}

ArticleIndexer::Outcome ArticleIndexer::add(const Article& article) {
  if (article.id.empty()) throw std::invalid_argument("a document without an id");
  if (article.id.size() > schema::kMaxIdBytes) {
    throw std::invalid_argument(
        fmt::format("document '{}': id longer than {} bytes", article.id, schema::kMaxIdBytes));
  }
  for (const std::string* field :
       {&article.id, &article.title, &article.text, &article.date, &article.source,
        &article.section, &article.url, &article.author}) {
    if (!is_valid_utf8(*field)) {
      throw std::invalid_argument(
          fmt::format("document '{}': a field is not valid UTF-8", repair_utf8(article.id).text));
    }
  }
  if (article.title.empty() && article.text.empty()) {
    throw std::invalid_argument(
        fmt::format("document '{}' has neither title nor text", article.id));
  }
  const std::optional<Date> date = article.date.empty() ? std::nullopt : Date::parse(article.date);
  std::string stored = DocumentBuilder::stored_fields(article, date);
  if (writer_.holds(article.id, schema::document_hash(stored))) return Outcome::kUnchanged;
  Xapian::Document document = builder_.build(article, date, std::move(stored));
  const IndexWriter::Outcome outcome =
      writer_.put(article.id, std::move(document), builder_.words());
  return outcome == IndexWriter::Outcome::kAdded ? Outcome::kAdded : Outcome::kReplaced;
}

}  // namespace archivar
