// NearDuplicateGroups: puts each article a run writes into a group with the already indexed
// article most like it (the same story republished with small edits), or leaves it alone.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/committed_bands.h"
#include "indexer/uncommitted_articles.h"

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

/// Where an article goes.
struct GroupAssignment {
  /// The group it joins; empty when it stands alone (then it carries no group at all).
  std::string group;
  /// When the article it joins stood alone until now: that article, which must be put
  /// into the group too (IndexWriter::set_group), as the group's first member.
  std::optional<UncommittedChange> founder;
};

/// Grouping runs in the order the articles were read, on the thread that hands them to the
/// shard writers, off the writers' path. An article's candidates are the articles sharing
/// one of its band keys: among the committed articles, found in CommittedBands (read from
/// the shards' fingerprints when the run starts, and told of each commit),
/// their current version read from the shards; and among the run's uncommitted articles,
/// which supersede what the shards show for their ids. So the cost per article does not
/// grow with the archive, and groups span shards. The first article of a group lends it its id
/// as label, once a second joins; when that article is deleted or edited away, the label
/// stays with the rest of the group. Groups grow by single linkage: an article joins the
/// group of its closest candidate (most band keys shared first, then the oldest, wins a tie).
class NearDuplicateGroups {
 public:
  /// Reads the committed databases at @a shards (which must exist), their fingerprints
  /// before anything is written to them; @a uncommitted must outlive this object.
  NearDuplicateGroups(const std::vector<std::filesystem::path>& shards,
                      const UncommittedArticles& uncommitted, NearDuplicateOptions options);

  /// Reads the committed databases anew: after a writer committed.
  void reopen();

  /// Tells of @a change, which a writer committed and which is its article's latest.
  void committed(const UncommittedChange& change);

  /// The group of @a document, about to be stored under @a id (replacing any article with
  /// that id, which is therefore not its own candidate), from the fingerprint the
  /// DocumentBuilder put in schema::kFingerprintSlot; an article too short for one joins
  /// an exact copy (the same schema::kShortTextSlot key), if there is one.
  GroupAssignment assign(const std::string& id, const Xapian::Document& document);

 private:
  /// An article that may be grouped with the one being assigned.
  struct Candidate {
    std::string id;
    std::string group;
    std::optional<MinHashSignature> signature;
    std::string short_text_key;
  };

  /// The committed article @a candidate_id as the shards hold it; nullopt for @a self, an
  /// article this run changed since, or one deleted.
  std::optional<Candidate> committed_article(std::string_view candidate_id,
                                             const std::string& self) const;
  std::optional<Candidate> closest(const MinHashSignature& signature, const std::string& id);
  std::optional<Candidate> oldest_copy(const std::string& short_text_key, const std::string& id);
  /// @a id, or @a id#2, #3, ...: the first label no article other than @a id carries.
  std::string new_label(const std::string& id);
  /// Whether the committed version of the article @a id speaks for it: it is not @a self,
  /// nor an article this run changed since.
  bool current_other(std::string_view id, std::string_view self) const;
  Candidate candidate_of(const Xapian::Document& document) const;

  std::vector<std::filesystem::path> paths_;
  Xapian::Database committed_;  ///< every shard as one
  const UncommittedArticles& uncommitted_;
  NearDuplicateOptions options_;
  CommittedBands bands_;
};

}  // namespace archivar
