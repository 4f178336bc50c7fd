// The library's facade (include/archivar/archivar.h) over SearchSession and
// ArticleIndexer: translates the public types and errors, nothing more.
#include <archivar/archivar.h>
#include <xapian.h>

#include "common/article.h"
#include "common/version.h"
#include "library/article_indexer.h"
#include "searcher/search_session.h"

namespace archivar {
namespace {

SortOrder sort_order(SearchOptions::Sort sort) {
  switch (sort) {
    case SearchOptions::Sort::kDateAscending:
      return SortOrder::kDateAscending;
    case SearchOptions::Sort::kDateDescending:
      return SortOrder::kDateDescending;
    case SearchOptions::Sort::kRelevance:
      break;
  }
  return SortOrder::kRelevance;
}

SearchHit public_hit(ResultHit&& result) {
  Article& article = result.hit.article;
  return SearchHit{.rank = result.hit.rank,
                   .score = result.hit.score,
                   .id = std::move(article.id),
                   .title = std::move(article.title),
                   .date = std::move(article.date),
                   .source = std::move(article.source),
                   .section = std::move(article.section),
                   .url = std::move(article.url),
                   .origin = std::move(article.origin),
                   .snippet = std::move(result.snippet.text),
                   .highlights = std::move(result.snippet.highlights),
                   .similar = std::move(result.hit.similar)};
}

// Runs @a action, rethrowing what the internals throw as archivar::Error.
template <typename Action>
auto translating_errors(Action&& action) -> decltype(action()) {
  try {
    return action();
  } catch (const Error&) {
    throw;
  } catch (const Xapian::Error& error) {
    throw Error(error.get_description());
  } catch (const std::exception& error) {
    throw Error(error.what());
  }
}

}  // namespace

struct Database::Impl {
  explicit Impl(const std::string& path) : session(std::vector<std::string>{path}) {}
  SearchSession session;
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::string& path) {
  return translating_errors([&] { return Database(std::make_unique<Impl>(path)); });
}

SearchResults Database::search(std::string_view query, const SearchOptions& options) {
  return translating_errors([&] {
    SearchRequest request;
    request.query = std::string(query);
    request.from = options.from;
    request.to = options.to;
    request.plain = options.plain;
    request.snippet_length = options.snippet_length;
    request.suggest = true;
    request.match.limit = options.limit;
    request.match.offset = options.offset;
    request.match.sort = sort_order(options.sort);
    request.match.collapse_near_duplicates = options.collapse_near_duplicates;
    ResultPage page = impl_->session.search(request);
    SearchResults results{.total_estimate = page.total,
                          .suggestion = std::move(page.suggestion),
                          .took_ms = page.took_ms};
    results.hits.reserve(page.hits.size());
    for (ResultHit& hit : page.hits) results.hits.push_back(public_hit(std::move(hit)));
    return results;
  });
}

std::uint64_t Database::size() const {
  return translating_errors([&] { return impl_->session.archive().database().get_doccount(); });
}

IndexReport Database::index(const std::string& path, const std::vector<Document>& documents) {
  return translating_errors([&] {
    std::vector<Article> articles;
    articles.reserve(documents.size());
    for (const Document& document : documents) {
      articles.push_back(Article{.id = document.id,
                                 .title = document.title,
                                 .text = document.text,
                                 .date = document.date,
                                 .source = document.source,
                                 .section = document.section,
                                 .url = document.url,
                                 .author = document.author,
                                 .origin = document.id});
    }
    const IndexSummary summary = ArticleIndexer::index(path, std::move(articles));
    return IndexReport{.added = summary.added,
                       .replaced = summary.replaced,
                       .unchanged = summary.unchanged,
                       .documents_in_database = summary.documents_in_database};
  });
}

std::string_view library_version() {
  return version();
}

}  // namespace archivar
