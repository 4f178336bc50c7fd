#include "searcher/printers/result_printer.h"

#include "searcher/printers/json_printer.h"
#include "searcher/printers/plain_printers.h"
#include "searcher/printers/text_printer.h"

namespace archivar {

std::unique_ptr<ResultPrinter> make_printer(const PrinterOptions& options, std::ostream& out) {
  switch (options.format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonPrinter>(out, options.count_only);
    case OutputFormat::kIds:
      return std::make_unique<IdsPrinter>(out);
    case OutputFormat::kTrec:
      return std::make_unique<TrecPrinter>(out, options.run_tag);
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextPrinter>(out, options.color, options.count_only);
}

}  // namespace archivar
