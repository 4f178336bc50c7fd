// NearDuplicateGroups: puts each article the indexer writes into a group with the already
// indexed article most like it (the same story republished with small edits), or a new one.
#pragma once

#include <xapian.h>

#include <string>

namespace archivar {

struct NearDuplicateOptions {
  /// The estimated Jaccard similarity of word 3-shingles (MinHashSignature::similarity)
  /// from which an article joins another's group. Tuned on FANG-COVID with
  /// bench/near-duplicates (judgements in bench/near-duplicates.judged.tsv): of articles
  /// whose closest match lies at 0.6–0.7, 18 of 30 judged were the same story (the others
  /// share only a template or boilerplate: newsletter teasers, adverts, link lists); at
  /// 0.7–0.8, 23 of 30 (the others newsletter teasers); above, nearly all.
  double min_similarity = 0.7;
  /// At most this many candidates (those sharing the most band keys first) are compared:
  /// bounds the work for an article with hundreds of exact copies.
  Xapian::doccount max_candidates = 50;
};

/// Grouping is incremental and needs no pass over the archive: an article's candidates
/// are the documents sharing one of its band terms (schema::kBandPrefix), found with one
/// Xapian query, so the cost per article does not grow with the archive. The query runs
/// on the writer's own database, which sees the uncommitted documents of the current batch
/// and no longer sees deleted ones. The first article of a group lends it its id as label;
/// when that article is deleted or edited away, the label stays with the rest of the group.
/// Groups grow by single linkage: an article joins the group of its closest candidate.
class NearDuplicateGroups {
 public:
  /// @a database must outlive this object.
  NearDuplicateGroups(Xapian::WritableDatabase& database, NearDuplicateOptions options);

  /// Labels @a document, about to be stored under @a id (replacing any article with that
  /// id, which is therefore not its own candidate), with its group: value
  /// schema::kGroupSlot and term schema::group_term. Reads the fingerprint the
  /// DocumentBuilder put in schema::kFingerprintSlot; an article too short for one joins
  /// the group of an exact copy (the same schema::kShortTextSlot key), if there is one.
  /// Returns whether it joined another article's group.
  bool assign(const std::string& id, Xapian::Document& document);

 private:
  /// The group of the most similar candidate, or empty when none is similar enough.
  std::string closest_group(const std::string& fingerprint, Xapian::docid self);
  /// The group of the oldest other article with the same short-text key, or empty.
  std::string group_of_copy(const std::string& short_text_key, Xapian::docid self);
  /// @a id, or @a id#2, #3, ...: the first label no document other than @a self carries.
  std::string new_label(const std::string& id, Xapian::docid self);

  Xapian::WritableDatabase& database_;
  NearDuplicateOptions options_;
};

}  // namespace archivar
