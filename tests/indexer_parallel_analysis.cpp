// ParallelAnalysis: documents come back in submission order, equal to those one thread
// builds, however many threads and however little may be in flight.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/parallel_analysis.h"
#include "indexer/posting_sink.h"
#include "support/read_articles.h"

using namespace archivar;

namespace {

std::vector<Article> demo_articles() {
  std::vector<Article> articles;
  for (const char* name : {"politik.jsonl", "wirtschaft.jsonl", "kultur-sport.jsonl",
                           "regionales.jsonl", "wissenschaft-panorama.jsonl"}) {
    const std::filesystem::path file =
        std::filesystem::path(ARCHIVAR_SOURCE_DIR) / "corpus/demo" / name;
    for (Article& article : test::read_articles(file, InputFormat::kJsonLines).articles) {
      articles.push_back(std::move(article));
    }
  }
  return articles;
}

// A document's terms with their wdf and positions, as one comparable text.
std::string describe(const Xapian::Document& document) {
  std::string text = document.get_data() + "\n";
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    text += fmt::format("{} {}:", *term, term.get_wdf());
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      text += fmt::format(" {}", *pos);
    }
    text += '\n';
  }
  return text;
}

AnalysisJob job_for(const Article& article) {
  const std::optional<Date> date = Date::parse(article.date);
  return AnalysisJob{article, date, DocumentBuilder::stored_fields(article, date)};
}

}  // namespace

TEST_CASE("parallel analysis returns what one thread builds, in submission order",
          "[indexer][parallel]") {
  const std::vector<Article> articles = demo_articles();
  REQUIRE(articles.size() >= 20);
  const AnalyzerOptions options;
  Analyzer analyzer(options);
  XapianPositionalPostings postings;
  DocumentBuilder builder(analyzer, postings);
  std::vector<std::string> expected;
  std::vector<std::vector<std::string>> expected_words;
  for (const Article& article : articles) {
    const AnalysisJob job = job_for(article);
    expected.push_back(describe(builder.build(article, job.date, job.stored)));
    expected_words.push_back(builder.words());
  }

  const unsigned threads = GENERATE(1U, 3U);
  // 1 byte: every job waits for the one before to be taken; 1 MB: all run ahead at once.
  const std::size_t max_bytes = GENERATE(std::size_t{1}, std::size_t{1} << 20);
  CAPTURE(threads, max_bytes);
  ParallelAnalysis analysis(options, threads, max_bytes);
  std::vector<AnalysedArticle> results;
  bool ever_refused = false;
  for (const Article& article : articles) {
    AnalysisJob job = job_for(article);
    while (!analysis.can_submit(job)) {
      ever_refused = true;
      results.push_back(*analysis.next());
    }
    CHECK_FALSE(analysis.in_flight(article.id));
    analysis.submit(std::move(job));
    CHECK(analysis.in_flight(article.id));
    while (std::optional<AnalysedArticle> ready = analysis.try_next()) {
      results.push_back(std::move(*ready));
    }
  }
  while (std::optional<AnalysedArticle> rest = analysis.next()) results.push_back(std::move(*rest));
  CHECK(ever_refused == (max_bytes == 1));
  REQUIRE(results.size() == articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    CAPTURE(i);
    CHECK(results[i].id == articles[i].id);
    CHECK(describe(results[i].document) == expected[i]);
    CHECK(results[i].words == expected_words[i]);
    CHECK_FALSE(analysis.in_flight(articles[i].id));
  }
  CHECK_FALSE(analysis.next().has_value());
}

TEST_CASE("an id stays in flight until its last submitted job is taken", "[indexer][parallel]") {
  ParallelAnalysis analysis(AnalyzerOptions{}, 2, std::size_t{1} << 20);
  Article first{.id = "same", .title = "Erste Fassung", .text = "Ebbe"};
  Article second{.id = "same", .title = "Zweite Fassung", .text = "Flut"};
  analysis.submit(job_for(first));
  analysis.submit(job_for(second));
  const std::optional<AnalysedArticle> taken_first = analysis.next();
  REQUIRE(taken_first);
  CHECK(taken_first->document.get_data().find("Erste") != std::string::npos);
  CHECK(analysis.in_flight("same"));
  const std::optional<AnalysedArticle> taken_second = analysis.next();
  REQUIRE(taken_second);
  CHECK(taken_second->document.get_data().find("Zweite") != std::string::npos);
  CHECK_FALSE(analysis.in_flight("same"));
}
