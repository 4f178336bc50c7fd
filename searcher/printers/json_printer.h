// JsonPrinter: results for scripts — one JSON object per query on one line (JSON Lines
// with --topics), with the snippet's highlights as byte offsets into the snippet, and the
// facet counts and the total when they were counted.
#pragma once

#include "searcher/printers/result_printer.h"

namespace archivar {

class JsonPrinter final : public ResultPrinter {
 public:
  /// With @a count_only, the objects carry the total but no hits.
  JsonPrinter(std::ostream& out, bool count_only) : out_(out), count_only_(count_only) {}
  void print(const ResultPage& page, std::string_view topic_id) override;
  /// {"qid", "query", "error"}: a topic that failed still has its line.
  void print_error(std::string_view query, std::string_view message,
                   std::string_view topic_id) override;
  /// {"id", "title", "text", "date", "source", "section", "url", "author", "origin"}.
  void print_article(const Article& article) override;

 private:
  std::ostream& out_;
  bool count_only_;
};

}  // namespace archivar
