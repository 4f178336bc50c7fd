#include "indexer/uncommitted_articles.h"

#include <algorithm>
#include <map>

namespace archivar {
namespace {

template <typename Map>
void erase_from(Map& map, std::string_view key, const UncommittedChange* change) {
  const auto it = map.find(key);
  if (it == map.end()) return;
  std::erase(it->second, change);
  if (it->second.empty()) map.erase(it);
}

}  // namespace

UncommittedArticles::UncommittedArticles(std::size_t shards)
    : shards_(std::max<std::size_t>(shards, 1)) {}

std::vector<std::string> band_keys_of(const UncommittedChange& change) {
  if (change.deleted) return {};
  if (change.signature) return change.signature->band_keys();
  if (!change.short_text_key.empty()) return {change.short_text_key};
  return {};
}

void UncommittedArticles::link(const UncommittedChange& change) {
  for (std::string& key : band_keys_of(change)) by_band_[std::move(key)].push_back(&change);
  if (!change.group.empty()) by_group_[change.group].push_back(&change);
}

void UncommittedArticles::unlink(const UncommittedChange& change) {
  for (const std::string& key : band_keys_of(change)) erase_from(by_band_, key, &change);
  if (!change.group.empty()) erase_from(by_group_, change.group, &change);
}

void UncommittedArticles::add(UncommittedChange change) {
  std::deque<UncommittedChange>& log = shards_.at(change.shard);
  const UncommittedChange& added = log.emplace_back(std::move(change));
  const auto [it, inserted] = latest_.try_emplace(added.id, &added);
  if (!inserted) {
    unlink(*it->second);  // only an id's latest change speaks for it
    it->second = &added;
  }
  link(added);
}

void UncommittedArticles::committed(
    std::size_t shard, std::uint64_t sequence,
    const std::function<void(const UncommittedChange&)>& forgotten) {
  std::deque<UncommittedChange>& log = shards_.at(shard);
  while (!log.empty() && log.front().sequence <= sequence) {
    const UncommittedChange& oldest = log.front();
    if (const auto it = latest_.find(oldest.id); it != latest_.end() && it->second == &oldest) {
      if (forgotten) forgotten(oldest);
      unlink(oldest);
      latest_.erase(it);
    }
    log.pop_front();
  }
}

const UncommittedChange* UncommittedArticles::latest(std::string_view id) const {
  const auto it = latest_.find(id);
  return it == latest_.end() ? nullptr : it->second;
}

std::vector<std::pair<const UncommittedChange*, unsigned>> UncommittedArticles::sharing_bands(
    const std::vector<std::string>& band_keys) const {
  std::map<std::uint64_t, std::pair<const UncommittedChange*, unsigned>> shared;  // by sequence
  for (const std::string& key : band_keys) {
    const auto it = by_band_.find(key);
    if (it == by_band_.end()) continue;
    for (const UncommittedChange* change : it->second) {
      auto& [entry, count] = shared[change->sequence];
      entry = change;
      ++count;
    }
  }
  std::vector<std::pair<const UncommittedChange*, unsigned>> result;
  result.reserve(shared.size());
  for (const auto& [sequence, entry] : shared) result.push_back(entry);
  return result;
}

bool UncommittedArticles::group_used_by_other(std::string_view group, std::string_view id) const {
  const auto it = by_group_.find(group);
  if (it == by_group_.end()) return false;
  return std::ranges::any_of(it->second,
                             [&](const UncommittedChange* change) { return change->id != id; });
}

std::size_t UncommittedArticles::size() const {
  std::size_t total = 0;
  for (const auto& log : shards_) total += log.size();
  return total;
}

}  // namespace archivar
