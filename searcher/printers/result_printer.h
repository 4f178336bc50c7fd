// ResultPrinter: writes result pages in one output format (text, json, ids, trec).
// The searcher decides what to show; printers only decide how.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "searcher/search_session.h"

namespace archivar {

class ResultPrinter {
 public:
  virtual ~ResultPrinter() = default;

  /// Prints @a page; @a topic_id is the topic's id when queries come from --topics.
  virtual void print(const ResultPage& page, std::string_view topic_id) = 0;

  /// Records that @a query could not be searched (the message also goes to stderr).
  /// Only formats with one record per query print anything, so that a batch run keeps
  /// one line per topic.
  virtual void print_error(std::string_view /*query*/, std::string_view /*message*/,
                           std::string_view /*topic_id*/) {}

  /// Prints the whole of @a article (--show); formats without fields print its id.
  virtual void print_article(const Article& article) = 0;
};

enum class OutputFormat { kText, kJson, kIds, kTrec };

struct PrinterOptions {
  OutputFormat format = OutputFormat::kText;
  bool color = false;
  std::string run_tag = "archivar";
  /// Only the number of matching articles (and facets, if counted), no hits: --count.
  bool count_only = false;
};

std::unique_ptr<ResultPrinter> make_printer(const PrinterOptions& options, std::ostream& out);

}  // namespace archivar
