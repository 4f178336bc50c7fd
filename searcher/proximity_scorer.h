// ProximityScorer: the second phase of ranking. What the proximity of the query's word
// pairs, and its words and wording used as typed, add to the BM25 score of each of a few
// candidate articles, read from their posting and position lists instead of being checked
// by Xapian's matcher for every article.
#pragma once

#include <xapian.h>

#include <span>
#include <string>
#include <vector>

#include "searcher/proximity.h"

namespace archivar {

/// The BM25 parameters the words were ranked with (Xapian::BM25Weight's k1, b and
/// min_normlen; k2 = 0, k3 = 1): a pair adds a share of what its words weigh.
struct Bm25Parameters {
  double k1 = 1.2;
  double b = 0.75;
  double min_normlen = 0.1;
};

class ProximityScorer {
 public:
  /// @a database must outlive the scorer; its statistics (article count, term
  /// frequencies, average length) weigh the words as Xapian's matcher does.
  /// @a words are the query's ranked words, for ProximityOptions::surface_weight, and
  /// @a typed_pairs its words typed next to each other, for typed_pair_weight.
  ProximityScorer(const Xapian::Database& database, std::span<const WordPair> pairs,
                  std::span<const RankedWord> words, const ProximityOptions& options,
                  const Bm25Parameters& bm25, std::span<const TypedPair> typed_pairs = {});

  /// For each of @a documents (any order), what proximity adds to its score: for each
  /// pair whose words both occur, the pair's weights (ProximityOptions) that apply, times
  /// the sum of the two words' BM25 weights in the article. Equal to what Xapian scores
  /// for the same clauses as OP_NEAR, OP_PHRASE and OP_AND scaled by those weights, when
  /// its matcher checks every article. Plus surface_weight times the share of @a words
  /// (those with surfaces, when there are at least two) that the article uses as typed
  /// (schema::kSurfaceSlot), and typed_pair_weight times the share of @a typed_pairs
  /// (when there are at least two) whose words stand next to each other in the article.
  std::vector<double> bonuses(std::span<const Xapian::docid> documents) const;

  /// Adds its bonus (see bonuses()) to each of @a scores, the words' scores of
  /// @a documents, best first, whose article can be among the @a needed best afterwards;
  /// the others keep their score. Exact for the first @a needed ranks, and cheaper: an
  /// article whose score plus the most its pairs could add stays below the @a needed
  /// best found so far has no position list read, and the articles that stay below even
  /// with the most any article could gain are not looked at at all. The words and wording
  /// as typed count for the first @a needed + kAsTypedMargin of @a documents only (a
  /// lookup each, and the position lists of the typed pairs' words).
  void add_bonuses(std::span<const Xapian::docid> documents, std::span<double> scores,
                   std::size_t needed) const;

  /// Whether no pair and no word can add anything.
  bool empty() const { return pairs_.empty() && words_.empty() && typed_pairs_.empty(); }

 private:
  struct IndexedPair {
    std::size_t left;  ///< index into terms_
    std::size_t right;
    bool neighbours;
  };
  /// The position lists of one article's terms, read once each (in the .cpp).
  class ArticlePositions;
  struct TermPair {
    std::size_t left;  ///< index into typed_terms_
    std::size_t right;
  };
  /// Each term's wdf in each of the documents (documents × terms, row by row), each
  /// document's length, what using the ranked words as typed adds to each, and which
  /// typed terms each of the first documents holds (one row per document).
  struct Frequencies {
    std::vector<Xapian::termcount> wdf;
    std::vector<Xapian::termcount> length;
    std::vector<double> surface_bonus;
    std::vector<std::vector<bool>> holds_typed_term;
  };
  /// With the words and wording as typed of the first @a with_as_typed documents only.
  Frequencies frequencies(std::span<const Xapian::docid> documents,
                          std::size_t with_as_typed) const;
  static constexpr std::size_t kAsTypedMargin = 40;
  /// The share of its words' weight that @a pair adds, with or without proximity found.
  double share(const IndexedPair& pair, bool near, bool adjacent) const;
  double largest_share(const IndexedPair& pair) const;
  /// The words' BM25 weights in an article with these wdfs and length (one per term).
  std::vector<double> word_weights(const Xapian::termcount* wdf, Xapian::termcount length) const;
  /// The bonus of the article whose @a positions are read, whose words weigh @a weights
  /// (one per term, 0 if absent) and whose words and wording as typed add @a as_typed_bonus.
  double bonus(ArticlePositions& positions, const std::vector<double>& weights,
               double as_typed_bonus) const;
  /// What using the ranked words as typed adds to an article with @a signature.
  double surface_bonus(std::string_view signature) const;
  /// What repeating the query's wording adds to the article whose @a positions are read,
  /// which holds the typed terms marked in @a holds (one per typed_terms_).
  double typed_pair_bonus(ArticlePositions& positions, const std::vector<bool>& holds) const;
  /// The most the words and wording as typed can add to any article.
  double largest_as_typed_bonus() const;
  /// What repeating the query's wording adds to the @a i-th of the documents @a found
  /// describes, whose @a positions are read; nothing beyond those whose typed terms were
  /// looked up.
  double wording_bonus(const Frequencies& found, std::size_t i, ArticlePositions& positions) const;
  /// The most the pairs can add to an article whose words weigh @a weights.
  double largest_bonus(const std::vector<double>& weights) const;
  const Xapian::Database& database_;
  ProximityOptions options_;
  Bm25Parameters bm25_;
  std::vector<std::string> terms_;
  /// BM25's weight of each term before the wdf and length part (idf × (k1 + 1)).
  std::vector<double> term_weights_;
  std::vector<IndexedPair> pairs_;
  /// The ranked words with surfaces (none when their form counts nothing).
  std::vector<RankedWord> words_;
  /// The words typed next to each other (none when the wording counts nothing), as indices
  /// into their terms, function words included.
  std::vector<std::string> typed_terms_;
  std::vector<TermPair> typed_pairs_;
  double inverse_average_length_ = 0;
};

}  // namespace archivar
