#include "common/index_schema.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "common/text/keyword.h"

namespace archivar::schema {

std::string id_term(std::string_view id) {
  std::string term(kIdPrefix);
  term += id;
  return term;
}

std::string source_term(std::string_view source) {
  return std::string(kSourcePrefix) + fold_keyword(source);
}

std::string section_term(std::string_view section) {
  return std::string(kSectionPrefix) + fold_keyword(section);
}

std::string band_term(std::string_view band_key) {
  return std::string(kBandPrefix) + std::string(band_key);
}

std::string group_term(std::string_view group) {
  return std::string(kGroupPrefix) + std::string(group);
}

std::string content_hash(std::string_view data) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
  return hex;
}

std::string document_hash(std::string_view stored) {
  std::string data(stored);
  data += '\0';
  data += kDocumentLayout;
  return content_hash(data);
}

std::string encode_stored(const Article& article, std::string_view iso_date) {
  nlohmann::json stored = {{"id", article.id},
                           {"title", article.title},
                           {"text", article.text},
                           {"origin", article.origin}};
  const auto add_if_set = [&stored](const char* key, std::string_view value) {
    if (!value.empty()) stored[key] = value;
  };
  add_if_set("date", iso_date);
  add_if_set("source", article.source);
  add_if_set("section", article.section);
  add_if_set("url", article.url);
  add_if_set("author", article.author);
  return stored.dump();
}

Article decode_stored(std::string_view data) {
  const nlohmann::json stored = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  Article article;
  if (!stored.is_object()) return article;
  const auto get = [&stored](const char* key) {
    const auto it = stored.find(key);
    return it != stored.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  article.id = get("id");
  article.title = get("title");
  article.text = get("text");
  article.date = get("date");
  article.source = get("source");
  article.section = get("section");
  article.url = get("url");
  article.author = get("author");
  article.origin = get("origin");
  return article;
}

}  // namespace archivar::schema
