#include "searcher/proximity_scorer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

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

ProximityScorer::ProximityScorer(const Xapian::Database& database, std::span<const WordPair> pairs,
                                 const ProximityOptions& options, const Bm25Parameters& bm25)
    : database_(database), options_(options), bm25_(bm25) {
  if (!options.any()) return;
  const auto index_of = [&](const std::string& term) {
    const auto found = std::ranges::find(terms_, term);
    if (found != terms_.end()) return static_cast<std::size_t>(found - terms_.begin());
    terms_.push_back(term);
    return terms_.size() - 1;
  };
  for (const WordPair& pair : pairs) {
    const bool counts = pair.neighbours ? (options.near_weight > 0 || options.phrase_weight > 0 ||
                                           options.pair_weight > 0)
                                        : options.skip_near_weight > 0;
    if (counts) pairs_.push_back({index_of(pair.left), index_of(pair.right), pair.neighbours});
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

std::vector<double> ProximityScorer::bonuses(std::span<const Xapian::docid> documents) const {
  std::vector<double> bonus(documents.size(), 0.0);
  if (pairs_.empty() || documents.empty()) return bonus;
  // Walk each term's posting list once, in docid order: its wdf in each candidate.
  std::vector<std::size_t> by_docid(documents.size());
  std::iota(by_docid.begin(), by_docid.end(), std::size_t{0});
  std::ranges::sort(by_docid, {}, [&](std::size_t i) { return documents[i]; });
  const std::size_t term_count = terms_.size();
  std::vector<Xapian::termcount> wdf(documents.size() * term_count, 0);
  std::vector<Xapian::termcount> length(documents.size(), 0);
  for (std::size_t t = 0; t < term_count; ++t) {
    if (term_weights_[t] == 0) continue;
    Xapian::PostingIterator posting = database_.postlist_begin(terms_[t]);
    const Xapian::PostingIterator end = database_.postlist_end(terms_[t]);
    for (const std::size_t i : by_docid) {
      posting.skip_to(documents[i]);
      if (posting == end) break;
      if (*posting != documents[i]) continue;
      wdf[i * term_count + t] = posting.get_wdf();
      length[i] = posting.get_doclength();
    }
  }
  std::vector<std::vector<Xapian::termpos>> positions(term_count);
  std::vector<bool> read(term_count);
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const Xapian::termcount* counts = &wdf[i * term_count];
    const double normalised = std::max(length[i] * inverse_average_length_, bm25_.min_normlen);
    const double saturation = bm25_.k1 * (normalised * bm25_.b + (1 - bm25_.b));
    const auto weight = [&](std::size_t t) {
      return term_weights_[t] * (counts[t] / (saturation + counts[t]));
    };
    const auto positions_of = [&](std::size_t t) -> const std::vector<Xapian::termpos>& {
      if (!read[t]) {
        positions[t].assign(database_.positionlist_begin(documents[i], terms_[t]),
                            database_.positionlist_end(documents[i], terms_[t]));
        read[t] = true;
      }
      return positions[t];
    };
    std::fill(read.begin(), read.end(), false);
    for (const IndexedPair& pair : pairs_) {
      if (counts[pair.left] == 0 || counts[pair.right] == 0) continue;
      const double words = weight(pair.left) + weight(pair.right);
      const bool need_positions = pair.neighbours
                                      ? options_.near_weight > 0 || options_.phrase_weight > 0
                                      : true;
      const PairProximity found =
          need_positions ? proximity_of(positions_of(pair.left), positions_of(pair.right),
                                        options_.near_window)
                         : PairProximity{};
      double share = 0;
      if (pair.neighbours) {
        share = options_.pair_weight + (found.near ? options_.near_weight : 0) +
                (found.adjacent ? options_.phrase_weight : 0);
      } else if (found.near) {
        share = options_.skip_near_weight;
      }
      bonus[i] += share * words;
    }
  }
  return bonus;
}

}  // namespace archivar
