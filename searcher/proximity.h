// Proximity of query words: which pairs of ranked query words count extra when they stand
// close together in an article (WordPair), and how much (ProximityOptions); and which
// words and neighbouring words an article uses as typed (RankedWord, TypedPair), which
// counts too.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace archivar {

/// How much a ranked query rewards query words that stand close together in an article,
/// after Metzler & Croft's sequential dependence model: each pair of neighbouring words
/// adds what they weigh in the article (their BM25 parts) scaled by near_weight when
/// both stand within near_window positions, by phrase_weight when the second follows the
/// first directly, and by pair_weight when both occur at all; each pair of words one apart
/// adds skip_near_weight when within the window. All are scaled down against the words
/// themselves. Tuned on fang-headlines-train (see README, Ranking).
///
/// surface_weight rewards the query's words in the very form they were typed (case aside):
/// it adds surface_weight times the share of the ranked words whose forms the article uses
/// (SurfaceSignature), which the stemmed index cannot tell apart. Chosen by
/// cross-validation on fang-headlines-train.
///
/// typed_pair_weight rewards the query's wording: it adds typed_pair_weight times the share
/// of the query's neighbouring words, function words included (TypedPair), that stand next
/// to each other in the article too. Chosen by cross-validation on fang-headlines-train.
struct ProximityOptions {
  double near_weight = 0.2;
  Xapian::termpos near_window = 12;  ///< both words within this many positions
  double phrase_weight = 0.1;
  double skip_near_weight = 0.1;  ///< NEAR for the words around a third ("Kurz ... Exit")
  double pair_weight = 0;         ///< both words anywhere in the article
  double surface_weight = 4;      ///< the share of ranked words used in their typed form
  double typed_pair_weight = 4;   ///< the share of neighbouring words next to each other

  /// No proximity: plain bag-of-words BM25 (for ablation).
  static ProximityOptions none() { return {0, 0, 0, 0, 0, 0, 0}; }
  bool any() const {
    return near_weight > 0 || phrase_weight > 0 || skip_near_weight > 0 || pair_weight > 0 ||
           surface_weight > 0 || typed_pair_weight > 0;
  }
};

/// Two ranked query words whose proximity in an article counts, as index terms: the last
/// term of the left word and the first of the right (of a compound or hyphenated word, its
/// edge parts).
struct WordPair {
  std::string left;
  std::string right;
  /// Neighbours in the query; otherwise one word stands between them.
  bool neighbours = true;

  bool operator==(const WordPair&) const = default;
};

/// A ranked query word as typed: the surface_hash of each of its surface_words (one, or the
/// parts of a hyphenated word); an article that uses them all uses the word as typed.
struct RankedWord {
  std::vector<std::uint16_t> surfaces;

  bool operator==(const RankedWord&) const = default;
};

/// Two words that stand next to each other in the query as typed, function words included
/// ("in der Krise"), as index terms: the last term of the left word and the first of the
/// right, or two neighbouring parts of a hyphenated word. An article in which they stand
/// next to each other too repeats the query's wording, which a headline's article mostly
/// does and an article on the same story less often.
struct TypedPair {
  std::string left;
  std::string right;

  bool operator==(const TypedPair&) const = default;
};

}  // namespace archivar
