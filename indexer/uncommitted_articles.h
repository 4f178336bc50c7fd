// UncommittedArticles: what a run has handed to its shard writers and they have not yet
// committed, which the committed databases therefore do not show: the truth about those ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/min_hash.h"

namespace archivar {

/// One change to an article, as the near-duplicate grouping sees it.
struct UncommittedChange {
  std::uint64_t sequence = 0;  ///< the run's order of changes; a shard commits in this order
  std::size_t shard = 0;
  std::string id;
  bool deleted = false;
  /// The article's fingerprint (or, for a short text, its exact-copy key) and group.
  std::optional<MinHashSignature> signature;
  std::string short_text_key;
  std::string group;  ///< empty: the article stands alone
};

/// The band keys of the article @a change leaves behind: its signature's
/// (MinHashSignature::band_keys), or a short text's exact-copy key; none for a deletion.
std::vector<std::string> band_keys_of(const UncommittedChange& change);

/// Each shard writer commits its changes in sequence order and says how far it got; the
/// changes up to there are forgotten once the run reads the committed databases at that
/// revision or later. Memory stays bounded by the writers' batches.
class UncommittedArticles {
 public:
  explicit UncommittedArticles(std::size_t shards);

  /// Records @a change, later in sequence than every change recorded for its shard.
  void add(UncommittedChange change);

  /// Forgets @a shard's changes up to @a sequence: the committed database shows them now.
  /// @a forgotten is called with each of them that was its article's latest change.
  void committed(std::size_t shard, std::uint64_t sequence,
                 const std::function<void(const UncommittedChange&)>& forgotten = {});

  /// The latest uncommitted change to @a id, or nullptr.
  const UncommittedChange* latest(std::string_view id) const;

  /// The latest changes (not deletions) whose articles share band keys with @a band_keys
  /// (MinHashSignature::band_keys or a short-text key), each with the number it shares,
  /// in sequence order.
  std::vector<std::pair<const UncommittedChange*, unsigned>> sharing_bands(
      const std::vector<std::string>& band_keys) const;

  /// Whether a latest change of an article other than @a id puts it in @a group.
  bool group_used_by_other(std::string_view group, std::string_view id) const;

  std::size_t size() const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  template <typename Value>
  using Map = std::unordered_map<std::string, Value, Hash, std::equal_to<>>;

  void link(const UncommittedChange& change);
  void unlink(const UncommittedChange& change);

  std::vector<std::deque<UncommittedChange>> shards_;
  Map<const UncommittedChange*> latest_;                 ///< by id
  Map<std::vector<const UncommittedChange*>> by_band_;   ///< latest changes, by band key
  Map<std::vector<const UncommittedChange*>> by_group_;  ///< latest changes, by group
};

}  // namespace archivar
