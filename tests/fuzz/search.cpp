// Fuzz target: a whole search, as archivar-search runs one: parse, match, the second
// phase of ranking (proximity, words as typed), near-duplicate collapsing and snippets,
// over a small archive the target indexes once. The first byte chooses the options, the
// rest is the query; the page must be consistent whatever the query.
#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common/article.h"
#include "corpus/diagnostics.h"
#include "fuzz_target.h"
#include "indexer/index_run.h"
#include "searcher/query_lexer.h"
#include "searcher/search_session.h"
#include "support/scratch_dir.h"

namespace {

using archivar::fuzz::require;

// Sentences the articles are made of: compounds, hyphenated words, umlauts and ß in both
// spellings, names, numbers and stop words, so that every kind of query word finds some.
const std::vector<std::string> kSentences = {
    "Die Außenministerin reiste mitten in der Ukraine-Krise nach Kiew.",
    "Der Aussenminister sprach in München mit dem Botschaftspersonal.",
    "Das Personal der Botschaft wurde in der Krise verringert.",
    "Die Deutsche Bahn streicht wegen des Streiks viele Fernzüge.",
    "Die erste Straßenbahn erreichte die neue Haltestelle in der Strasse am Markt.",
    "Christian Drosten und Alexander Kekulé stritten über den Corona-Test.",
    "Die Impfpflicht für Pflegekräfte gilt seit dem 15. März 2022.",
    "In Muenchen stiegen die Zahlen, der Inzidenzwert lag bei 312,5.",
    "Die Maskenpflicht im Nahverkehr endet, sagte der Gesundheitsminister.",
    "Der Bundestag beschloss das Gesetz mit 412 zu 201 Stimmen.",
    "Wer hat die Zahl der Coronatests erhöht und warum?",
    "Die Linke forderte eine Übergewinnsteuer für Energiekonzerne.",
    "Das Kernkraftwerk geht nach 35 Jahren vom Netz.",
    "Lockdown-Verlängerung: Schulen bleiben bis Ostern geschlossen.",
};

const std::vector<std::string> kSources = {"Tagesblick", "Rheinische Rundschau", "Alpenpost"};

std::vector<archivar::Article> articles() {
  std::vector<archivar::Article> made;
  for (std::size_t i = 0; i < 24; ++i) {
    archivar::Article article;
    article.id = fmt::format("a{}", i);
    article.title = kSentences[(i * 5) % kSentences.size()];
    for (std::size_t j = 0; j < 4 + i % 5; ++j) {
      article.text += kSentences[(i * 3 + j * 7) % kSentences.size()] + " ";
    }
    article.date = fmt::format("{}-0{}-1{}", 2020 + i % 4, 1 + i % 9, i % 10);
    article.source = kSources[i % kSources.size()];
    article.section = i % 2 == 0 ? "Politik" : "";
    article.origin = article.id;
    made.push_back(std::move(article));
  }
  // A near-duplicate of the first: one word added.
  archivar::Article copy = made.front();
  copy.id = "a0-copy";
  copy.text += "Ergänzt.";
  made.push_back(std::move(copy));
  return made;
}

// The archive, indexed once per process into a directory of its own, removed at exit
// (the session closes first: members go in reverse order).
class FuzzArchive {
 public:
  FuzzArchive() {
    archivar::IndexRunOptions options;
    options.database = directory_.path() / "db";
    options.articles = articles();
    options.threads = 1;
    options.show_progress = false;
    const std::size_t count = options.articles.size();
    std::ostream discarded(nullptr);
    archivar::Diagnostics diagnostics(discarded, "fuzz-search", /*strict=*/false);
    require(archivar::run_index(std::move(options), diagnostics).documents_in_database == count,
            "the archive to search was not indexed whole");
    session_.emplace(std::vector<std::string>{directory_ / "db"});
  }

  archivar::SearchSession& session() { return *session_; }

 private:
  archivar::test::ScratchDir directory_;
  std::optional<archivar::SearchSession> session_;
};

// The options byte: bit 0 plain words, bits 1-2 the order, bit 3 skips two hits, bit 4
// lists near-duplicates, bits 5-7 the page size (1 to 29).
archivar::SearchRequest request_for(std::uint8_t options, std::string_view query) {
  archivar::SearchRequest request;
  request.query = std::string(query);
  request.plain = (options & 1) != 0;
  switch ((options >> 1) & 3) {
    case 1:
      request.match.sort = archivar::SortOrder::kDateAscending;
      break;
    case 2:
      request.match.sort = archivar::SortOrder::kDateDescending;
      break;
    default:
      request.match.sort = archivar::SortOrder::kRelevance;
  }
  request.match.offset = (options & 8) != 0 ? 2 : 0;
  request.match.collapse_near_duplicates = (options & 16) == 0;
  request.match.limit = 1 + 4 * (options >> 5);
  request.snippet_length = 80;
  request.suggest = true;
  return request;
}

void check(const archivar::SearchRequest& request, const archivar::ResultPage& page) {
  require(page.hits.size() <= request.match.limit, "more hits than the page holds");
  // An offset past the last hit leaves the page empty, whatever the total.
  require(!page.total_exact || page.hits.empty() ||
              page.total >= request.match.offset + page.hits.size(),
          "an exact total below the hits shown");
  for (std::size_t i = 0; i < page.hits.size(); ++i) {
    const archivar::ResultHit& hit = page.hits[i];
    require(hit.hit.rank == request.match.offset + i + 1, "ranks not counted from the offset");
    if (request.match.sort == archivar::SortOrder::kRelevance && i > 0) {
      require(hit.hit.score <= page.hits[i - 1].hit.score, "relevance order with rising scores");
    }
    // The archive's texts are UTF-8, so every title and snippet must be.
    archivar::fuzz::check_snippet(hit.title, true);
    archivar::fuzz::check_snippet(hit.snippet, true);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static FuzzArchive archive;
  if (size == 0) return 0;
  const std::string_view query = archivar::fuzz::as_text(data + 1, size - 1);
  const archivar::SearchRequest request = request_for(data[0], query);
  try {
    check(request, archive.session().search(request));
  } catch (const archivar::QueryError&) {
    // A query that cannot be read is refused with a message; that is its right answer.
  }
  return 0;
}
