// QueryParser: reads Archivar's query language into a Xapian query, analysing every word
// with the same German analyzer the index was built with.
//
// Syntax: words (ranked, any may match), "phrases" (also „…“, »…«, «…»), +required,
// -excluded (also !), AND / OR / NOT (also UND / ODER / NICHT in capitals, &&, ||, and
// AND NOT), parentheses, NEAR and NEAR/n between words, "phrase"~n, word^2 boosts,
// wildcards (Drost*, Mask?npflicht), and the fields title: (titel:), source: (quelle:),
// section: (rubrik:), date: (datum:) with ranges such as date:2022-02-01..2022-03-31,
// author: (autor:), url: and id:. Precedence, loosest first: OR, AND, NOT, then
// juxtaposition ("a b" = a OR b, ranked), then NEAR.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/stored_data.h"
#include "searcher/proximity.h"
#include "searcher/query_lexer.h"
#include "searcher/word_variants.h"

namespace archivar {

struct ParsedQuery {
  Xapian::Query query;
  /// Index terms a matching document may contain, for highlighting snippets
  /// (unprefixed; excluded terms are not among them).
  std::set<std::string> highlight_terms;
  /// Those of highlight_terms that stand only for a part of a typed word (of a compound
  /// or a hyphenated word): a passage showing whole words shows better why it matched.
  std::set<std::string> part_terms;
  /// The index term of each rare word that also matched the archive's other forms of it
  /// (parse_plain), with those forms: such a word is found, even where no article has it
  /// as typed.
  std::map<std::string, std::set<std::string>> word_variants;
  /// What the user should know about how the query was read: a wildcard over its limit,
  /// words left out of a long query, a phrase too frequent to check as typed.
  std::vector<std::string> notes;
  /// Details for --verbose: which words a long query left out.
  std::vector<std::string> details;
  /// The pairs of ranked words whose proximity counts (see ProximityOptions), whether or
  /// not the parser put proximity clauses into the query; none for a pasted text.
  std::vector<WordPair> word_pairs;
  /// The ranked words, for what using each as typed adds (ProximityOptions::surface_weight);
  /// none for a pasted text.
  std::vector<RankedWord> ranked_words;
  /// The words typed next to each other, function words included, for what repeating the
  /// query's wording adds (ProximityOptions::typed_pair_weight); none for a pasted text.
  std::vector<TypedPair> typed_pairs;
};

/// Bounds on the work one query may ask for, so that any query answers in well under a
/// second or is refused: "Any query, however long or deeply nested".
struct QueryLimits {
  /// Parentheses (and fields) nested deeper than this are refused.
  std::size_t max_depth = 100;
  /// Of more ranked words and phrases side by side, the most selective (fewest articles)
  /// are kept: a pasted article is searched by its rarest words.
  std::size_t max_ranked_clauses = 64;
  /// Index terms in all; a query that needs more is refused.
  std::size_t max_terms = 50'000;
  /// Index words one wildcard may stand for; beyond, the most frequent are searched.
  std::size_t max_wildcard_terms = 500;
  /// Articles the quoted phrases of one query may match for them to be checked as typed
  /// (ExactPhrase); beyond, a phrase is matched by its words alone, with a note. A check
  /// reads the article's stored text: about 0.07 ms each on FANG-COVID.
  Xapian::doccount max_phrase_candidates = 3'000;
  /// Whether those articles are read as the matcher reaches them (a required word, a date
  /// range or a field beside the phrase then limits what is read) rather than all before
  /// the query runs; only Archivar's own code can do the first, so not over remote shards
  /// (PhraseCheck).
  bool check_phrases_while_matching = true;
};

class QueryParser {
 public:
  /// @a analyzer must outlive the parser. With weights in @a proximity, the query holds
  /// proximity clauses (Xapian's NEAR and PHRASE, evaluated by its matcher: for remote
  /// shards); without, ProximityScorer adds them to the best articles afterwards. With @a database
  /// (which must outlive it too), wildcards are expanded over its words, phrases are checked as
  /// typed, and long queries keep their most selective words; without, wildcards and quoted phrases
  /// are read by their words alone.
  ///
  /// Phrases are checked in the stored fields as @a stored reads them: that of the
  /// archive's shards, each of which keeps the dictionaries of its own compressed fields.
  /// Without, the parser reads them through its own reader over @a database, which serves
  /// a database that is not a union of shards.
  explicit QueryParser(Analyzer& analyzer, ProximityOptions proximity = {},
                       const Xapian::Database* database = nullptr, QueryLimits limits = {},
                       StoredDataReader* stored = nullptr);

  /// Parses @a query; throws QueryError (with the byte offset of the problem) when it
  /// cannot be read: unknown fields, nesting beyond the limit, a query of stop words
  /// alone (outside quotes), one of punctuation alone. A blank query matches nothing.
  /// German stop words are left out of ranked queries and kept in phrases ("Die Linke"
  /// in quotes needs "die").
  ParsedQuery parse(std::string_view query);

  /// Reads @a text as plain words, all ranked, with no syntax at all: quotes, operators,
  /// fields and +/- are text. For natural-language topics and pasted headlines, where an
  /// answer need not hold every word: unlike parse(), a part of a compound or hyphenated
  /// word among several words also matches on its own, and a hyphenated word alone
  /// matches its parts anywhere; and a rare word also matches the archive's other forms of
  /// it, as @a variants says (see WordVariantOptions; with a database only).
  ParsedQuery parse_plain(std::string_view text, const WordVariantOptions& variants = {});

 private:
  class Run;
  Analyzer& analyzer_;
  ProximityOptions proximity_;
  const Xapian::Database* database_;
  QueryLimits limits_;
  std::unique_ptr<StoredDataReader> own_stored_;  ///< when none was given
  StoredDataReader* stored_;
};

}  // namespace archivar
