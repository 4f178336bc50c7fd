#include "indexer/near_duplicate_groups.h"

#include <optional>
#include <vector>

#include "common/index_schema.h"
#include "indexer/min_hash.h"

namespace archivar {

NearDuplicateGroups::NearDuplicateGroups(Xapian::WritableDatabase& database,
                                         NearDuplicateOptions options)
    : database_(database), options_(options) {}

bool NearDuplicateGroups::assign(const std::string& id, Xapian::Document& document) {
  const std::string id_term = schema::id_term(id);
  const Xapian::PostingIterator existing = database_.postlist_begin(id_term);
  const Xapian::docid self = existing != database_.postlist_end(id_term) ? *existing : 0;

  const std::string fingerprint = document.get_value(schema::kFingerprintSlot);
  const std::string short_text_key = document.get_value(schema::kShortTextSlot);
  std::string group;
  if (!fingerprint.empty()) {
    group = closest_group(fingerprint, self);
  } else if (!short_text_key.empty()) {
    group = group_of_copy(short_text_key, self);
  }
  const bool joined = !group.empty();
  if (!joined) group = new_label(id, self);
  document.add_value(schema::kGroupSlot, group);
  document.add_boolean_term(schema::group_term(group));
  return joined;
}

std::string NearDuplicateGroups::closest_group(const std::string& fingerprint, Xapian::docid self) {
  const std::optional<MinHashSignature> signature = MinHashSignature::parse(fingerprint);
  if (!signature) return {};
  std::vector<Xapian::Query> bands;
  bool shared = false;  // with any document, itself included
  for (const std::string& key : signature->band_keys()) {
    const std::string term = schema::band_term(key);
    shared = shared || database_.term_exists(term);
    bands.emplace_back(term);
  }
  // Most articles share no band with any other. Not setting up a match for them took 3 %
  // off the indexer's wall time (8,000 GermaParl speeches): the writer is its slowest stage.
  if (!shared) return {};
  Xapian::Enquire enquire(database_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()));
  // One point per shared band: the candidates most likely to be similar come first; among
  // equals (exact copies share all bands) the oldest document.
  enquire.set_weighting_scheme(Xapian::CoordWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet candidates = enquire.get_mset(0, options_.max_candidates + (self ? 1 : 0));

  std::string best_group;
  double best_similarity = options_.min_similarity;
  for (auto it = candidates.begin(); it != candidates.end(); ++it) {
    if (*it == self) continue;
    const Xapian::Document candidate = it.get_document();
    const std::optional<MinHashSignature> other =
        MinHashSignature::parse(candidate.get_value(schema::kFingerprintSlot));
    if (!other) continue;
    const double similarity = signature->similarity(*other);
    const std::string group = candidate.get_value(schema::kGroupSlot);
    // Strictly better only: the first (most bands shared, then oldest) wins a tie.
    if (group.empty() || similarity < best_similarity ||
        (similarity == best_similarity && !best_group.empty())) {
      continue;
    }
    best_similarity = similarity;
    best_group = group;
  }
  return best_group;
}

std::string NearDuplicateGroups::group_of_copy(const std::string& short_text_key,
                                               Xapian::docid self) {
  const std::string term = schema::band_term(short_text_key);
  // The oldest copy's group: in a group built by copies alone, every member's.
  for (auto it = database_.postlist_begin(term); it != database_.postlist_end(term); ++it) {
    if (*it == self) continue;
    std::string group = database_.get_document(*it).get_value(schema::kGroupSlot);
    if (!group.empty()) return group;
  }
  return {};
}

std::string NearDuplicateGroups::new_label(const std::string& id, Xapian::docid self) {
  for (unsigned n = 1;; ++n) {
    const std::string label = n == 1 ? id : id + "#" + std::to_string(n);
    const std::string term = schema::group_term(label);
    bool taken = false;
    for (auto it = database_.postlist_begin(term); it != database_.postlist_end(term); ++it) {
      if (*it != self) {
        taken = true;
        break;
      }
    }
    if (!taken) return label;
  }
}

}  // namespace archivar
