// Fuzz target: the query language, read as a query and as plain words into Xapian queries.
#include "searcher/query_parser.h"

#include "common/analysis/analyzer.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static archivar::Analyzer analyzer;
  static archivar::QueryParser parser(analyzer);
  const std::string_view query = archivar::fuzz::as_text(data, size);
  try {
    const archivar::ParsedQuery parsed = parser.parse(query);
    (void)parsed.query.get_description();
  } catch (const archivar::QueryError& error) {
    archivar::fuzz::require(error.offset() == std::string::npos || error.offset() <= query.size(),
                            "a query error beyond the query");
  }
  (void)parser.parse_plain(query).query.get_description();
  return 0;
}
