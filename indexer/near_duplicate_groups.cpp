#include "indexer/near_duplicate_groups.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "common/index_schema.h"
#include "common/read_despite_commits.h"
#include "indexer/min_hash.h"

namespace archivar {
namespace {

// Leaves out of a match the committed versions of articles the run has changed since, and
// the article being grouped itself.
class CurrentOthers final : public Xapian::MatchDecider {
 public:
  CurrentOthers(const UncommittedArticles& uncommitted, const std::string& self)
      : uncommitted_(uncommitted), self_(self) {}
  bool operator()(const Xapian::Document& document) const override {
    const std::string id = document.get_value(schema::kIdSlot);
    return id != self_ && uncommitted_.latest(id) == nullptr;
  }

 private:
  const UncommittedArticles& uncommitted_;
  const std::string& self_;
};

}  // namespace

NearDuplicateGroups::NearDuplicateGroups(const std::vector<std::filesystem::path>& shards,
                                         const UncommittedArticles& uncommitted,
                                         NearDuplicateOptions options)
    : paths_(shards), uncommitted_(uncommitted), options_(options) {
  reopen();
}

void NearDuplicateGroups::reopen() {
  Xapian::Database all;
  for (const auto& path : paths_) all.add_database(Xapian::Database(path.string()));
  committed_ = all;
}

bool NearDuplicateGroups::current_other(const Xapian::Document& document,
                                        const std::string& self) const {
  return CurrentOthers(uncommitted_, self)(document);
}

NearDuplicateGroups::Candidate NearDuplicateGroups::candidate_of(
    const Xapian::Document& document) const {
  return {document.get_value(schema::kIdSlot), document.get_value(schema::kGroupSlot),
          MinHashSignature::parse(document.get_value(schema::kFingerprintSlot)),
          document.get_value(schema::kShortTextSlot)};
}

GroupAssignment NearDuplicateGroups::assign(const std::string& id,
                                            const Xapian::Document& document) {
  const std::optional<MinHashSignature> signature =
      MinHashSignature::parse(document.get_value(schema::kFingerprintSlot));
  const std::string short_text_key = document.get_value(schema::kShortTextSlot);
  const std::optional<Candidate> match = read_despite_commits(
      [&]() -> std::optional<Candidate> {
        if (signature) return closest(*signature, id);
        if (!short_text_key.empty()) return oldest_copy(short_text_key, id);
        return std::nullopt;
      },
      [&](int /*attempt*/) { reopen(); });
  GroupAssignment assignment;
  if (!match) return assignment;
  if (!match->group.empty()) {
    assignment.group = match->group;
    return assignment;
  }
  // It stood alone: the two start a group, labelled by the first.
  assignment.group = read_despite_commits([&] { return new_label(match->id); },
                                          [&](int /*attempt*/) { reopen(); });
  assignment.founder = UncommittedChange{.id = match->id,
                                         .signature = match->signature,
                                         .short_text_key = match->short_text_key,
                                         .group = assignment.group};
  return assignment;
}

std::optional<NearDuplicateGroups::Candidate> NearDuplicateGroups::closest(
    const MinHashSignature& signature, const std::string& id) {
  const std::vector<std::string> keys = signature.band_keys();
  struct Ranked {
    unsigned shared;
    Candidate candidate;
  };
  std::vector<Ranked> candidates;
  std::vector<Xapian::Query> bands;
  bool shared = false;  // with any committed document, itself included
  for (const std::string& key : keys) {
    const std::string term = schema::band_term(key);
    shared = shared || committed_.term_exists(term);
    bands.emplace_back(term);
  }
  // Most articles share no band with any other. Not setting up a match for them took 3 %
  // off the indexer's wall time (8,000 GermaParl speeches).
  if (shared) {
    Xapian::Enquire enquire(committed_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()));
    // One point per shared band: the candidates most likely to be similar come first; among
    // equals (exact copies share all bands) the oldest document.
    enquire.set_weighting_scheme(Xapian::CoordWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const CurrentOthers others(uncommitted_, id);
    const Xapian::MSet mset = enquire.get_mset(0, options_.max_candidates, nullptr, &others);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      candidates.push_back(
          {static_cast<unsigned>(it.get_weight()), candidate_of(it.get_document())});
    }
  }
  // The run's own articles are younger than every committed one: after them among equals.
  for (const auto& [change, count] : uncommitted_.sharing_bands(keys)) {
    if (change->id == id) continue;
    candidates.push_back({count, Candidate{change->id, change->group, change->signature, {}}});
  }
  std::ranges::stable_sort(candidates, std::greater<>{}, &Ranked::shared);
  if (candidates.size() > options_.max_candidates) candidates.resize(options_.max_candidates);

  std::optional<Candidate> best;
  double best_similarity = options_.min_similarity;
  for (Ranked& ranked : candidates) {
    if (!ranked.candidate.signature) continue;
    const double similarity = signature.similarity(*ranked.candidate.signature);
    // Strictly better only: the first (most bands shared, then oldest) wins a tie.
    if (similarity < best_similarity || (similarity == best_similarity && best)) continue;
    best_similarity = similarity;
    best = std::move(ranked.candidate);
  }
  return best;
}

std::optional<NearDuplicateGroups::Candidate> NearDuplicateGroups::oldest_copy(
    const std::string& short_text_key, const std::string& id) {
  const std::string term = schema::band_term(short_text_key);
  for (auto it = committed_.postlist_begin(term); it != committed_.postlist_end(term); ++it) {
    const Xapian::Document copy = committed_.get_document(*it);
    if (current_other(copy, id)) return candidate_of(copy);
  }
  for (const auto& [change, count] : uncommitted_.sharing_bands({short_text_key})) {
    if (change->id != id) return Candidate{change->id, change->group, {}, change->short_text_key};
  }
  return std::nullopt;
}

std::string NearDuplicateGroups::new_label(const std::string& id) {
  for (unsigned n = 1;; ++n) {
    const std::string label = n == 1 ? id : id + "#" + std::to_string(n);
    bool taken = uncommitted_.group_used_by_other(label, id);
    const std::string term = schema::group_term(label);
    for (auto it = committed_.postlist_begin(term); !taken && it != committed_.postlist_end(term);
         ++it) {
      taken = current_other(committed_.get_document(*it), id);
    }
    if (!taken) return label;
  }
}

}  // namespace archivar
