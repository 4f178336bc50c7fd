// CommittedBands: the near-duplicate band keys of the articles the committed databases
// hold, in memory, so that grouping finds an article's candidates without band terms.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace archivar {

/// Sixteen band terms per article, nearly all unique, were a fifth of the writers' CPU time
/// and a tenth of the database (15,000 GermaParl speeches), only for grouping to look them
/// up. Kept here instead, an article's keys take about 16 slots of 8 bytes (a hash of the
/// key and the article's number) in one open-addressing table, and its id once: about
/// 250 bytes per article. The index is built from the fingerprints the databases keep
/// (value slots) and grows as the run's articles are committed. It may keep the keys of
/// an article's earlier versions: its callers compare the current fingerprints.
class CommittedBands {
 public:
  /// Adds the keys of the article of the databases' documents (their fingerprints or
  /// short-text keys); documents in docid order, database by database, so that earlier
  /// articles come first among equals.
  void add_database(const Xapian::Database& database);

  /// Adds @a keys (MinHashSignature::band_keys, or a short text's key) of the article @a id.
  void add(std::string_view id, const std::vector<std::string>& keys);

  /// The articles sharing keys with @a keys, each with the number it shares, most first,
  /// then in the order they were added.
  std::vector<std::pair<std::string_view, unsigned>> sharing(
      const std::vector<std::string>& keys) const;

  std::size_t articles() const { return id_ends_.size(); }

 private:
  static constexpr std::uint32_t kFree = 0xFFFFFFFF;
  struct Slot {
    std::uint32_t tag = 0;          ///< 32 bits of the key's hash
    std::uint32_t article = kFree;  ///< the article's number: its place in ids_
  };

  std::uint32_t article_number(std::string_view id);
  std::string_view id_of(std::uint32_t article) const;
  void insert(std::uint32_t tag, std::uint32_t article);
  void grow();

  std::vector<Slot> slots_;  ///< a power of two of them, at most 70 % used
  std::size_t used_ = 0;
  std::string ids_;                     ///< every article's id, one after the other
  std::vector<std::uint32_t> id_ends_;  ///< where each article's id ends in ids_
  std::unordered_map<std::uint64_t, std::uint32_t> number_of_id_;  ///< by a hash of the id
};

}  // namespace archivar
