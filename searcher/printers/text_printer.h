// TextPrinter: results for people at a terminal — rank, title, date, source, id and a
// snippet with the matches in bold colour (only when colour is on), then the total and
// the facet tables; or, with --count, only the number.
#pragma once

#include "searcher/printers/result_printer.h"

namespace archivar {

class TextPrinter final : public ResultPrinter {
 public:
  TextPrinter(std::ostream& out, bool color, bool count_only)
      : out_(out), color_(color), count_only_(count_only) {}
  void print(const ResultPage& page, std::string_view topic_id) override;
  /// The title, a line of its fields, then the text, and a blank line.
  void print_article(const Article& article) override;

 private:
  std::string marked(const Snippet& snippet, std::string_view base_style) const;

  std::ostream& out_;
  bool color_;
  bool count_only_;
};

}  // namespace archivar
