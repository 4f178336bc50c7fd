#include "indexer/committed_bands.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

#include "common/index_schema.h"
#include "indexer/min_hash.h"

namespace archivar {
namespace {

std::uint64_t hash_of(std::string_view text) {
  return std::hash<std::string_view>{}(text);
}

// 32 bits of a key's hash: where its slot is and what tells it from others there. Keys of
// equal tags are taken for one another, which costs a comparison of fingerprints.
std::uint32_t tag_of(std::string_view key) {
  const std::uint64_t hash = hash_of(key);
  return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

}  // namespace

void CommittedBands::add_database(const Xapian::Database& database) {
  auto fingerprint = database.valuestream_begin(schema::kFingerprintSlot);
  auto short_text = database.valuestream_begin(schema::kShortTextSlot);
  const auto fingerprints_end = database.valuestream_end(schema::kFingerprintSlot);
  const auto short_texts_end = database.valuestream_end(schema::kShortTextSlot);
  for (auto id = database.valuestream_begin(schema::kIdSlot);
       id != database.valuestream_end(schema::kIdSlot); ++id) {
    const Xapian::docid docid = id.get_docid();
    if (fingerprint != fingerprints_end && fingerprint.get_docid() < docid) {
      fingerprint.skip_to(docid);
    }
    if (fingerprint != fingerprints_end && fingerprint.get_docid() == docid) {
      if (const std::optional<MinHashSignature> signature = MinHashSignature::parse(*fingerprint)) {
        add(*id, signature->band_keys());
      }
      continue;
    }
    if (short_text != short_texts_end && short_text.get_docid() < docid) short_text.skip_to(docid);
    if (short_text != short_texts_end && short_text.get_docid() == docid) add(*id, {*short_text});
  }
}

std::uint32_t CommittedBands::article_number(std::string_view id) {
  const auto [it, added] =
      number_of_id_.try_emplace(hash_of(id), static_cast<std::uint32_t>(id_ends_.size()));
  if (added) {
    ids_.append(id);
    id_ends_.push_back(static_cast<std::uint32_t>(ids_.size()));
  }
  return it->second;
}

std::string_view CommittedBands::id_of(std::uint32_t article) const {
  const std::uint32_t begin = article == 0 ? 0 : id_ends_[article - 1];
  return std::string_view(ids_).substr(begin, id_ends_[article] - begin);
}

void CommittedBands::add(std::string_view id, const std::vector<std::string>& keys) {
  if (keys.empty()) return;
  const std::uint32_t article = article_number(id);
  for (const std::string& key : keys) insert(tag_of(key), article);
}

void CommittedBands::insert(std::uint32_t tag, std::uint32_t article) {
  if ((used_ + 1) * 10 > slots_.size() * 7) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = tag & mask;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (slot.article == kFree) {
      slot = {tag, article};
      ++used_;
      return;
    }
    if (slot.article == article && slot.tag == tag) return;  // an earlier version's key
  }
}

void CommittedBands::grow() {
  const std::vector<Slot> old = std::exchange(slots_, {});
  slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
  used_ = 0;
  // Articles were numbered in the order they were added, so order among equals survives.
  for (const Slot& slot : old) {
    if (slot.article != kFree) insert(slot.tag, slot.article);
  }
}

std::vector<std::pair<std::string_view, unsigned>> CommittedBands::sharing(
    const std::vector<std::string>& keys) const {
  std::vector<std::pair<std::uint32_t, unsigned>> shared;  // article, keys shared
  if (slots_.empty()) return {};
  const std::size_t mask = slots_.size() - 1;
  for (const std::string& key : keys) {
    const std::uint32_t tag = tag_of(key);
    for (std::size_t at = tag & mask; slots_[at].article != kFree; at = (at + 1) & mask) {
      if (slots_[at].tag != tag) continue;
      const std::uint32_t article = slots_[at].article;
      const auto it =
          std::ranges::find(shared, article, &std::pair<std::uint32_t, unsigned>::first);
      if (it == shared.end()) {
        shared.emplace_back(article, 1);
      } else {
        ++it->second;
      }
    }
  }
  std::ranges::sort(shared, [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<std::pair<std::string_view, unsigned>> result;
  result.reserve(shared.size());
  for (const auto& [article, count] : shared) result.emplace_back(id_of(article), count);
  return result;
}

}  // namespace archivar
