// Printers for pipelines: IdsPrinter writes one article id per line; TrecPrinter writes a
// TREC run ("qid Q0 docid rank score tag") for trec_eval and archivar-eval. For --show,
// both print the article's id.
#pragma once

#include <string>

#include "searcher/printers/result_printer.h"

namespace archivar {

class IdsPrinter final : public ResultPrinter {
 public:
  explicit IdsPrinter(std::ostream& out) : out_(out) {}
  /// With --topics, "qid<TAB>id" lines.
  void print(const ResultPage& page, std::string_view topic_id) override;
  void print_article(const Article& article) override;

 private:
  std::ostream& out_;
};

class TrecPrinter final : public ResultPrinter {
 public:
  TrecPrinter(std::ostream& out, std::string run_tag) : out_(out), run_tag_(std::move(run_tag)) {}

  /// Scores are made strictly decreasing within a topic: trec_eval re-sorts by score and
  /// breaks ties by docno, which would otherwise reorder equal-scored hits.
  void print(const ResultPage& page, std::string_view topic_id) override;
  void print_article(const Article& article) override;

 private:
  std::ostream& out_;
  std::string run_tag_;
};

}  // namespace archivar
