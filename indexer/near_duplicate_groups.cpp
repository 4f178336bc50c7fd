#include "indexer/near_duplicate_groups.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "common/index_schema.h"
#include "common/read_despite_commits.h"
#include "indexer/min_hash.h"

namespace archivar {

NearDuplicateGroups::NearDuplicateGroups(const std::vector<std::filesystem::path>& shards,
                                         const UncommittedArticles& uncommitted,
                                         NearDuplicateOptions options)
    : paths_(shards), uncommitted_(uncommitted), options_(options) {
  reopen();
  // Read now, before the writers commit: a long read over databases being committed to
  // every few milliseconds would be overtaken by their revisions.
  for (const auto& path : paths_) bands_.add_database(open_despite_commits(path.string()));
}

void NearDuplicateGroups::reopen() {
  Xapian::Database all;
  for (const auto& path : paths_) all.add_database(open_despite_commits(path.string()));
  committed_ = all;
}

bool NearDuplicateGroups::current_other(std::string_view id, std::string_view self) const {
  return id != self && uncommitted_.latest(id) == nullptr;
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

void NearDuplicateGroups::committed(const UncommittedChange& change) {
  bands_.add(change.id, band_keys_of(change));  // nothing for a deletion
}

std::optional<NearDuplicateGroups::Candidate> NearDuplicateGroups::committed_article(
    std::string_view candidate_id, const std::string& self) const {
  if (!current_other(candidate_id, self)) return std::nullopt;
  const std::string term = schema::id_term(std::string(candidate_id));
  const Xapian::PostingIterator posting = committed_.postlist_begin(term);
  if (posting == committed_.postlist_end(term)) return std::nullopt;  // deleted since
  return candidate_of(committed_.get_document(*posting));
}

std::optional<NearDuplicateGroups::Candidate> NearDuplicateGroups::closest(
    const MinHashSignature& signature, const std::string& id) {
  const std::vector<std::string> keys = signature.band_keys();
  struct Ranked {
    unsigned shared;
    Candidate candidate;
  };
  std::vector<Ranked> candidates;
  // The committed articles sharing the most keys first, among equals the oldest.
  for (const auto& [candidate_id, count] : bands_.sharing(keys)) {
    if (candidates.size() == options_.max_candidates) break;
    if (std::optional<Candidate> candidate = committed_article(candidate_id, id)) {
      candidates.push_back({count, std::move(*candidate)});
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
    // The current fingerprint: the index may hold keys of an article's earlier version.
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
  for (const auto& [candidate_id, count] : bands_.sharing({short_text_key})) {
    std::optional<Candidate> copy = committed_article(candidate_id, id);
    if (copy && copy->short_text_key == short_text_key) return copy;
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
      taken = current_other(committed_.get_document(*it).get_value(schema::kIdSlot), id);
    }
    if (!taken) return label;
  }
}

}  // namespace archivar
