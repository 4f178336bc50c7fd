#include "common/analysis/word_form_cache.h"

#include <algorithm>

namespace archivar {

WordFormCacheStatistics& WordFormCacheStatistics::operator+=(const WordFormCacheStatistics& other) {
  hits += other.hits;
  misses += other.misses;
  clears += other.clears;
  return *this;
}

WordFormCache::WordFormCache(std::size_t max_forms)
    : max_forms_(std::max<std::size_t>(max_forms, 1)) {
  forms_.reserve(std::min<std::size_t>(max_forms_, std::size_t{1} << 16));
}

const TokenStream* WordFormCache::find(std::string_view form) {
  const auto it = forms_.find(form);
  if (it == forms_.end()) {
    ++statistics_.misses;
    return nullptr;
  }
  ++statistics_.hits;
  return &it->second;
}

const TokenStream& WordFormCache::insert(std::string_view form, TokenStream tokens) {
  if (forms_.size() >= max_forms_) {
    forms_.clear();
    ++statistics_.clears;
  }
  return forms_.insert_or_assign(std::string(form), std::move(tokens)).first->second;
}

}  // namespace archivar
