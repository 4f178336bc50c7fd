// JsonPrinter: results for scripts — one JSON object per query on one line (JSON Lines
// with --topics), with the snippet's highlights as byte offsets into the snippet.
#pragma once

#include "searcher/printers/result_printer.h"

namespace archivar {

class JsonPrinter final : public ResultPrinter {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}
  void print(const ResultPage& page, std::string_view topic_id) override;

 private:
  std::ostream& out_;
};

}  // namespace archivar
