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
  /// Those of highlight_terms that stand only for a part of a typed word (of a compound
  /// or a hyphenated word): a passage showing whole words shows better why it matched.
  std::set<std::string> part_terms;
};

/// How much a ranked query rewards query words that stand close together in an article,
/// after Metzler & Croft's sequential dependence model: each pair of neighbours adds an
/// unordered NEAR clause and an ordered, adjacent PHRASE clause, and each pair of words
/// one apart a weaker NEAR clause, all scaled down against the words themselves. Tuned on
/// the dev sets (see README, Ranking).
struct ProximityOptions {
  double near_weight = 0.2;
  Xapian::termpos near_window = 12;  ///< both words within this many positions
  double phrase_weight = 0.1;
  double skip_near_weight = 0.1;  ///< NEAR for the words around a third ("Kurz ... Exit")

  /// No proximity clauses: plain bag-of-words BM25 (for ablation).
  static ProximityOptions none() { return {0, 0, 0, 0}; }
};

class QueryParser {
 public:
  /// @a analyzer must outlive the parser.
  explicit QueryParser(Analyzer& analyzer, ProximityOptions proximity = {});

  /// Parses @a query; throws QueryError (with the byte offset of the problem) when it
  /// cannot be read. An empty query, or one of punctuation only, matches nothing.
  /// German stop words are left out of ranked queries unless the query has nothing
  /// else, and kept in phrases ("Die Linke" in quotes needs "die").
  ParsedQuery parse(std::string_view query);

  /// Reads @a text as plain words, all ranked, with no syntax at all: quotes, operators,
  /// fields and +/- are text. For natural-language topics and pasted headlines, where an
  /// answer need not hold every word: unlike parse(), a part of a compound or hyphenated
  /// word among several words also matches on its own.
  ParsedQuery parse_plain(std::string_view text);

 private:
  class Run;
  Analyzer& analyzer_;
  ProximityOptions proximity_;
};

}  // namespace archivar
