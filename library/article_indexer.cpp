#include "library/article_indexer.h"

#include <fmt/format.h>

#include <sstream>
#include <stdexcept>

#include "common/index_schema.h"
#include "common/text/utf8.h"
#include "corpus/diagnostics.h"

namespace archivar {

void ArticleIndexer::check(const Article& article) {
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
}

IndexSummary ArticleIndexer::index(const std::filesystem::path& database,
                                   std::vector<Article> articles) {
  for (const Article& article : articles) check(article);
  IndexRunOptions options;
  options.database = database;
  options.articles = std::move(articles);
  options.show_progress = false;
  // What the run would warn about (an unparsable date, say) the library leaves unsaid.
  std::ostringstream messages;
  Diagnostics diagnostics(messages, "archivar", /*strict=*/false);
  return run_index(std::move(options), diagnostics);
}

}  // namespace archivar
