#include "searcher/printers/json_printer.h"

#include <nlohmann/json.hpp>

namespace archivar {

void JsonPrinter::print(const ResultPage& page, std::string_view topic_id) {
  nlohmann::ordered_json result;
  if (!topic_id.empty()) result["qid"] = topic_id;
  result["query"] = page.query;
  result["total_estimate"] = page.total_estimate;
  result["took_ms"] = page.took_ms;
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const ResultHit& hit : page.hits) {
    const Article& article = hit.hit.article;
    nlohmann::ordered_json highlights = nlohmann::ordered_json::array();
    for (const auto& [start, end] : hit.snippet.highlights) highlights.push_back({start, end});
    hits.push_back({{"rank", hit.hit.rank},
                    {"id", article.id},
                    {"score", hit.hit.score},
                    {"title", article.title},
                    {"date", article.date},
                    {"source", article.source},
                    {"section", article.section},
                    {"url", article.url},
                    {"origin", article.origin},
                    {"snippet", hit.snippet.text},
                    {"highlights", std::move(highlights)},
                    {"similar", hit.hit.similar}});
  }
  result["hits"] = std::move(hits);
  // Stored text is valid UTF-8 (the indexer repairs it); replace anything else anyway.
  out_ << result.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace archivar
