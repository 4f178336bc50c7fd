#include "indexer/short_text_key.h"

#include "common/index_schema.h"

namespace archivar {

std::optional<std::string> ShortTextKey::of(std::span<const std::string_view> words) {
  if (words.size() < kMinWords) return std::nullopt;
  std::string joined;
  for (const std::string_view word : words) {
    joined += word;
    joined += '\0';  // no two word sequences join to the same string
  }
  return "=" + schema::content_hash(joined);
}

}  // namespace archivar
