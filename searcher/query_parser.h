// QueryParser: reads Archivar's query language into a Xapian query, analysing every word
// with the same German analyzer the index was built with.
//
// Syntax: words (ranked, any may match), "phrases" (also „…“), +required, -excluded,
// AND / OR / NOT (also UND / ODER / NICHT, in capitals), parentheses, and the fields
// title: (titel:), source: (quelle:), section: (rubrik:) and date: (datum:) with
// ranges such as date:2022-02-01..2022-03-31, date:2022, date:..2021-06.
// Precedence, loosest first: OR, AND, NOT, then juxtaposition ("a b" = a OR b, ranked).
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>

#include "common/analysis/analyzer.h"
#include "searcher/query_lexer.h"

namespace archivar {

struct ParsedQuery {
  Xapian::Query query;
  /// Index terms a matching document may contain, for highlighting snippets
  /// (unprefixed; excluded terms are not among them).
  std::set<std::string> highlight_terms;
};

class QueryParser {
 public:
  /// @a analyzer must outlive the parser.
  explicit QueryParser(Analyzer& analyzer);

  /// Parses @a query; throws QueryError (with the byte offset of the problem) when it
  /// cannot be read. An empty query, or one of punctuation only, matches nothing.
  /// German stop words are left out of ranked queries unless the query has nothing
  /// else, and kept in phrases ("Die Linke" in quotes needs "die").
  ParsedQuery parse(std::string_view query);

  /// Reads @a text as plain words, all ranked, with no syntax at all: quotes, operators,
  /// fields and +/- are text. For natural-language topics and pasted headlines.
  ParsedQuery parse_plain(std::string_view text);

 private:
  class Run;
  Analyzer& analyzer_;
};

}  // namespace archivar
