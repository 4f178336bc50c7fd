#include "searcher/proximity_scorer.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <queue>

#include "common/index_schema.h"
#include "common/surface_signature.h"

namespace archivar {
namespace {

// What the two sorted position lists show: both words within the window (at different
// positions), and the right word directly after the left one.
struct PairProximity {
  bool near = false;
  bool adjacent = false;
};

PairProximity proximity_of(const std::vector<Xapian::termpos>& left,
                           const std::vector<Xapian::termpos>& right, Xapian::termpos window) {
  PairProximity found;
  // Xapian's NEAR: the words fit into a window of that many positions.
  const Xapian::termpos widest_gap = window > 0 ? window - 1 : 0;
  auto r = right.begin();
  for (const Xapian::termpos l : left) {
    // The right positions around l: the first not before l - gap, onwards while <= l + gap.
    const Xapian::termpos low = l > widest_gap ? l - widest_gap : 0;
    while (r != right.end() && *r < low) ++r;
    for (auto k = r; k != right.end() && *k <= l + widest_gap; ++k) {
      if (*k != l) found.near = true;
      if (*k == l + 1) found.adjacent = true;
      if (*k > l + 1 && found.near) break;
    }
    if (found.near && found.adjacent) break;
  }
  return found;
}

}  // namespace

// The position lists of one article's terms, each read when first asked for: the ranked
// words' pairs and the typed pairs share most of their terms.
class ProximityScorer::ArticlePositions {
 public:
  ArticlePositions(const Xapian::Database& database, Xapian::docid document)
      : database_(database), document_(document) {}

  const std::vector<Xapian::termpos>& of(const std::string& term) {
    const auto known = std::ranges::find(read_, term, &Read::first);
    if (known != read_.end()) return known->second;
    read_.emplace_back(term,
                       std::vector<Xapian::termpos>(database_.positionlist_begin(document_, term),
                                                    database_.positionlist_end(document_, term)));
    return read_.back().second;
  }

 private:
  using Read = std::pair<std::string, std::vector<Xapian::termpos>>;
  const Xapian::Database& database_;
  Xapian::docid document_;
  std::deque<Read> read_;  // a deque: references handed out stay valid as it grows
};

ProximityScorer::ProximityScorer(const Xapian::Database& database, std::span<const WordPair> pairs,
                                 std::span<const RankedWord> words, const ProximityOptions& options,
                                 const Bm25Parameters& bm25, std::span<const TypedPair> typed_pairs)
    : database_(database), options_(options), bm25_(bm25) {
  if (!options.any()) return;
  // Each term once, however many pairs it is in: its lists are read once per article.
  const auto index_in = [](std::vector<std::string>& terms, const std::string& term) {
    const auto found = std::ranges::find(terms, term);
    if (found != terms.end()) return static_cast<std::size_t>(found - terms.begin());
    terms.push_back(term);
    return terms.size() - 1;
  };
  const auto index_of = [&](const std::string& term) { return index_in(terms_, term); };
  for (const WordPair& pair : pairs) {
    const bool counts = pair.neighbours ? (options.near_weight > 0 || options.phrase_weight > 0 ||
                                           options.pair_weight > 0)
                                        : options.skip_near_weight > 0;
    if (counts) pairs_.push_back({index_of(pair.left), index_of(pair.right), pair.neighbours});
  }
  if (options.surface_weight > 0) {
    for (const RankedWord& word : words) {
      if (!word.surfaces.empty()) words_.push_back(word);
    }
    // A share of one word would put every article using its typed form above every other,
    // whatever BM25 says: the forms count among several words, as proximity does.
    if (words_.size() < 2) words_.clear();
  }
  // As with the forms: one pair's wording would outweigh what BM25 says of the words.
  if (options.typed_pair_weight > 0 && typed_pairs.size() >= 2) {
    for (const TypedPair& pair : typed_pairs) {
      typed_pairs_.push_back(
          {index_in(typed_terms_, pair.left), index_in(typed_terms_, pair.right)});
    }
  }
  const double articles = database.get_doccount();
  for (const std::string& term : terms_) {
    // Xapian::BM25Weight::init without relevance information, k3 = 1 and a wqf of 1.
    const double frequency = database.get_termfreq(term);
    double odds = (articles - frequency + 0.5) / (frequency + 0.5);
    if (odds < 2) odds = odds * 0.5 + 1;  // as Xapian: no negative weight for common terms
    term_weights_.push_back(frequency > 0 ? std::log(odds) * (bm25.k1 + 1) : 0.0);
  }
  const double average = database.get_avlength();
  inverse_average_length_ = average > 0 ? 1 / average : 0;
}

ProximityScorer::Frequencies ProximityScorer::frequencies(std::span<const Xapian::docid> documents,
                                                          std::size_t with_as_typed) const {
  // Walk each term's posting list once, in docid order, skipping to the documents.
  std::vector<std::size_t> by_docid(documents.size());
  std::iota(by_docid.begin(), by_docid.end(), std::size_t{0});
  std::ranges::sort(by_docid, {}, [&](std::size_t i) { return documents[i]; });
  const std::size_t term_count = terms_.size();
  Frequencies found{std::vector<Xapian::termcount>(documents.size() * term_count, 0),
                    std::vector<Xapian::termcount>(documents.size(), 0),
                    std::vector<double>(documents.size(), 0.0)};
  if (!words_.empty()) {
    // One pass over the signatures' value stream, as over the postings below.
    Xapian::ValueIterator signature = database_.valuestream_begin(schema::kSurfaceSlot);
    const Xapian::ValueIterator end = database_.valuestream_end(schema::kSurfaceSlot);
    for (const std::size_t i : by_docid) {
      if (i >= with_as_typed) continue;
      if (signature == end) break;
      signature.skip_to(documents[i]);
      if (signature == end) break;
      if (signature.get_docid() == documents[i]) found.surface_bonus[i] = surface_bonus(*signature);
    }
  }
  for (std::size_t t = 0; t < term_count; ++t) {
    if (term_weights_[t] == 0) continue;
    Xapian::PostingIterator posting = database_.postlist_begin(terms_[t]);
    const Xapian::PostingIterator end = database_.postlist_end(terms_[t]);
    for (const std::size_t i : by_docid) {
      posting.skip_to(documents[i]);
      if (posting == end) break;
      if (*posting != documents[i]) continue;
      found.wdf[i * term_count + t] = posting.get_wdf();
      found.length[i] = posting.get_doclength();
    }
  }
  if (!typed_pairs_.empty()) {
    // Which articles hold each typed term: their position lists are read only then. A
    // ranked word's term shows it by its wdf, read above; the others (function words, a
    // hyphenated word's inner parts) by a walk of their own.
    found.holds_typed_term.assign(std::min(with_as_typed, documents.size()),
                                  std::vector<bool>(typed_terms_.size(), false));
    for (std::size_t t = 0; t < typed_terms_.size(); ++t) {
      const auto ranked = std::ranges::find(terms_, typed_terms_[t]);
      if (ranked != terms_.end()) {
        const auto r = static_cast<std::size_t>(ranked - terms_.begin());
        for (std::size_t i = 0; i < found.holds_typed_term.size(); ++i) {
          found.holds_typed_term[i][t] = found.wdf[i * term_count + r] > 0;
        }
        continue;
      }
      Xapian::PostingIterator posting = database_.postlist_begin(typed_terms_[t]);
      const Xapian::PostingIterator end = database_.postlist_end(typed_terms_[t]);
      for (const std::size_t i : by_docid) {
        if (i >= found.holds_typed_term.size()) continue;
        posting.skip_to(documents[i]);
        if (posting == end) break;
        found.holds_typed_term[i][t] = *posting == documents[i];
      }
    }
  }
  return found;
}

double ProximityScorer::share(const IndexedPair& pair, bool near, bool adjacent) const {
  if (!pair.neighbours) return near ? options_.skip_near_weight : 0;
  return options_.pair_weight + (near ? options_.near_weight : 0) +
         (adjacent ? options_.phrase_weight : 0);
}

double ProximityScorer::largest_share(const IndexedPair& pair) const {
  return share(pair, true, true);
}

std::vector<double> ProximityScorer::word_weights(const Xapian::termcount* wdf,
                                                  Xapian::termcount length) const {
  const double normalised = std::max(length * inverse_average_length_, bm25_.min_normlen);
  const double saturation = bm25_.k1 * (normalised * bm25_.b + (1 - bm25_.b));
  std::vector<double> weights(terms_.size());
  for (std::size_t t = 0; t < terms_.size(); ++t) {
    weights[t] = wdf[t] == 0 ? 0 : term_weights_[t] * (wdf[t] / (saturation + wdf[t]));
  }
  return weights;
}

double ProximityScorer::surface_bonus(std::string_view signature) const {
  std::size_t used = 0;
  for (const RankedWord& word : words_) {
    used += std::ranges::all_of(
        word.surfaces, [&](std::uint16_t hash) { return signature_holds(signature, hash); });
  }
  return options_.surface_weight * static_cast<double>(used) / static_cast<double>(words_.size());
}

double ProximityScorer::typed_pair_bonus(ArticlePositions& positions,
                                         const std::vector<bool>& holds) const {
  std::size_t repeated = 0;
  for (const TermPair& pair : typed_pairs_) {
    if (!holds[pair.left] || !holds[pair.right]) continue;
    constexpr Xapian::termpos kNextToEachOther = 2;
    repeated += proximity_of(positions.of(typed_terms_[pair.left]),
                             positions.of(typed_terms_[pair.right]), kNextToEachOther)
                    .adjacent;
  }
  return options_.typed_pair_weight * static_cast<double>(repeated) /
         static_cast<double>(typed_pairs_.size());
}

double ProximityScorer::largest_as_typed_bonus() const {
  return (words_.empty() ? 0 : options_.surface_weight) +
         (typed_pairs_.empty() ? 0 : options_.typed_pair_weight);
}

double ProximityScorer::wording_bonus(const Frequencies& found, std::size_t i,
                                      ArticlePositions& positions) const {
  return i < found.holds_typed_term.size() ? typed_pair_bonus(positions, found.holds_typed_term[i])
                                           : 0.0;
}

double ProximityScorer::largest_bonus(const std::vector<double>& weights) const {
  double most = 0;
  for (const IndexedPair& pair : pairs_) {
    if (weights[pair.left] > 0 && weights[pair.right] > 0) {
      most += largest_share(pair) * (weights[pair.left] + weights[pair.right]);
    }
  }
  return most;
}

double ProximityScorer::bonus(ArticlePositions& positions, const std::vector<double>& weights,
                              double as_typed_bonus) const {
  double sum = as_typed_bonus;
  for (const IndexedPair& pair : pairs_) {
    // A term weighs nothing in an article without it (or when no article holds it).
    if (weights[pair.left] == 0 || weights[pair.right] == 0) continue;
    const bool need_positions =
        !pair.neighbours || options_.near_weight > 0 || options_.phrase_weight > 0;
    const PairProximity found =
        need_positions ? proximity_of(positions.of(terms_[pair.left]),
                                      positions.of(terms_[pair.right]), options_.near_window)
                       : PairProximity{};
    sum += share(pair, found.near, found.adjacent) * (weights[pair.left] + weights[pair.right]);
  }
  return sum;
}

std::vector<double> ProximityScorer::bonuses(std::span<const Xapian::docid> documents) const {
  std::vector<double> bonus_of(documents.size(), 0.0);
  if (empty() || documents.empty()) return bonus_of;
  const Frequencies found = frequencies(documents, documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    ArticlePositions positions(database_, documents[i]);
    bonus_of[i] =
        bonus(positions, word_weights(found.wdf.data() + i * terms_.size(), found.length[i]),
              found.surface_bonus[i] + wording_bonus(found, i, positions));
  }
  return bonus_of;
}

void ProximityScorer::add_bonuses(std::span<const Xapian::docid> documents,
                                  std::span<double> scores, std::size_t needed) const {
  if (empty() || documents.empty() || needed == 0) return;
  needed = std::min(needed, documents.size());
  // No article gains more than every pair's largest share of its words' largest weights,
  // and the needed-th score can only rise: below that, no article can reach the page.
  double most_anyone_gains = largest_as_typed_bonus();
  for (const IndexedPair& pair : pairs_) {
    most_anyone_gains +=
        largest_share(pair) * (term_weights_[pair.left] + term_weights_[pair.right]);
  }
  // Scores are summed in another order than compared: a margin for their rounding.
  constexpr double kRounding = 1e-9;
  const double needed_score = scores[needed - 1];
  std::size_t considered = needed;
  while (considered < documents.size() &&
         scores[considered] + most_anyone_gains + kRounding >= needed_score) {
    ++considered;
  }
  // The words and wording as typed are read for the page and some ranks beyond it: each
  // article costs a value lookup and the position lists of the query's words. Top 10 on
  // fang-headlines-train, MRR@10: 0.5213 with the wording read to rank 30, 0.5251 to rank
  // 50, 0.5259 to rank 100, which cost a headline query of fang-headlines-dev +0.3, +0.7
  // and +1.4 ms; the forms alone kept at rank 30 what reading all 100 found.
  const Frequencies found =
      frequencies(documents.first(considered), std::min(considered, needed + kAsTypedMargin));
  // The needed best scores so far, worst on top; ties as the ranking breaks them (the
  // lower docid first), so that a tie with the worst cannot displace it.
  const auto ranks_before = [&](std::size_t a, std::size_t b) {
    return scores[a] != scores[b] ? scores[a] > scores[b] : documents[a] < documents[b];
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(ranks_before)> best(
      ranks_before);
  for (std::size_t i = 0; i < considered; ++i) {
    const std::vector<double> weights =
        word_weights(found.wdf.data() + i * terms_.size(), found.length[i]);
    const bool full = best.size() == needed;
    // Position lists are read only for an article that can still reach the page: first
    // those of the typed pairs' words, then, if the wording did not leave it behind, those
    // of the ranked words' pairs.
    const double most_pairs_add = largest_bonus(weights);
    const double surface = found.surface_bonus[i];
    const double most_wording_adds =
        i < found.holds_typed_term.size() ? options_.typed_pair_weight : 0.0;
    const auto stays_below = [&](double at_most) {
      return full && at_most + kRounding < scores[best.top()];
    };
    if (stays_below(scores[i] + surface + most_wording_adds + most_pairs_add)) continue;
    ArticlePositions positions(database_, documents[i]);
    const double as_typed = surface + wording_bonus(found, i, positions);
    if (stays_below(scores[i] + as_typed + most_pairs_add)) continue;
    scores[i] += bonus(positions, weights, as_typed);
    if (!full) {
      best.push(i);
    } else if (ranks_before(i, best.top())) {
      best.pop();
      best.push(i);
    }
  }
}

}  // namespace archivar
