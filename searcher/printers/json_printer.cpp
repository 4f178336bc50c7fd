#include "searcher/printers/json_printer.h"

#include <nlohmann/json.hpp>

namespace archivar {

void JsonPrinter::print(const ResultPage& page, std::string_view topic_id) {
  nlohmann::ordered_json result;
  if (!topic_id.empty()) result["qid"] = topic_id;
  result["query"] = page.query;
  if (!page.similar_to.empty()) {
    result["similar_to"] = page.similar_to;
    result["near_duplicates_left_out"] = page.near_duplicates_left_out;
  }
  if (!count_only_) result["total_estimate"] = page.total;
  if (page.total_exact) result["total"] = page.total;
  result["took_ms"] = page.took_ms;
  if (page.suggestion) result["suggestion"] = *page.suggestion;
  if (!page.notes.empty()) result["notes"] = page.notes;
  if (!page.facets.empty()) {
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const FacetCounts& counts : page.facets) {
      nlohmann::ordered_json values = nlohmann::ordered_json::object();
      for (const FacetValue& value : counts.values) values[value.label] = value.count;
      facets[std::string(facet_name(counts.facet))] = std::move(values);
    }
    result["facets"] = std::move(facets);
  }
  if (!count_only_) {
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
  }
  // Stored text is valid UTF-8 (the indexer repairs it); replace anything else anyway.
  out_ << result.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void JsonPrinter::print_error(std::string_view query, std::string_view message,
                              std::string_view topic_id) {
  nlohmann::ordered_json result;
  if (!topic_id.empty()) result["qid"] = topic_id;
  result["query"] = query;
  result["error"] = message;
  out_ << result.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void JsonPrinter::print_article(const Article& article) {
  const nlohmann::ordered_json result = {
      {"id", article.id},     {"title", article.title},   {"text", article.text},
      {"date", article.date}, {"source", article.source}, {"section", article.section},
      {"url", article.url},   {"author", article.author}, {"origin", article.origin}};
  out_ << result.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace archivar
