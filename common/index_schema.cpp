#include "common/index_schema.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "common/text/keyword.h"

namespace archivar::schema {

namespace {

// The length Xapian counts: glass escapes each zero byte of a term with a second byte.
std::size_t stored_term_bytes(std::string_view term) {
  return term.size() + static_cast<std::size_t>(std::ranges::count(term, '\0'));
}

bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

bool term_shortened(std::string_view prefix, std::string_view value) {
  return stored_term_bytes(prefix) + stored_term_bytes(value) > kXapianMaxTermBytes;
}

std::string field_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (!term_shortened(prefix, value)) return term.append(value);
  const std::string hash = content_hash(value);
  std::size_t used = stored_term_bytes(prefix);
  std::size_t cut = 0;
  while (cut < value.size()) {
    const std::size_t bytes = value[cut] == '\0' ? 2 : 1;
    if (used + bytes + hash.size() > kXapianMaxTermBytes) break;
    used += bytes;
    ++cut;
  }
  while (cut > 0 && is_utf8_continuation(value[cut])) --cut;  // value[cut] exists: it was cut
  term += value.substr(0, cut);
  term += hash;
  return term;
}

std::string id_term(std::string_view id) {
  return field_term(kIdPrefix, id);
}

std::string source_term(std::string_view source) {
  return field_term(kSourcePrefix, fold_keyword(source));
}

std::string section_term(std::string_view section) {
  return field_term(kSectionPrefix, fold_keyword(section));
}

std::string band_term(std::string_view band_key) {
  return field_term(kBandPrefix, band_key);
}

std::string group_term(std::string_view group) {
  return field_term(kGroupPrefix, group);
}

std::string_view indexed_part(std::string_view text) {
  if (text.size() <= kMaxIndexedFieldBytes) return text;
  const std::size_t space = text.find_last_of(" \t\n", kMaxIndexedFieldBytes);
  std::size_t cut = space != std::string_view::npos ? space : kMaxIndexedFieldBytes;
  while (cut > 0 && is_utf8_continuation(text[cut])) --cut;
  return text.substr(0, cut);
}

std::vector<ShortenedField> shortened_fields(const Article& article) {
  std::vector<ShortenedField> fields;
  const auto check = [&fields](std::string_view name, std::string_view prefix,
                               std::string_view value) {
    if (value.empty()) return;
    const std::string folded = fold_keyword(value);
    if (term_shortened(prefix, folded)) fields.push_back({name, folded.size()});
  };
  check("source", kSourcePrefix, article.source);
  check("section", kSectionPrefix, article.section);
  return fields;
}

namespace {

// FNV-1a, 64 bits: stable in every build, unlike std::hash.
class Fnv1a {
 public:
  void add(std::string_view data) {
    for (const char c : data) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 1099511628211ULL;
    }
  }

  std::string hex() const {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex(16, '0');
    std::uint64_t hash = hash_;
    for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
    return hex;
  }

 private:
  std::uint64_t hash_ = 14695981039346656037ULL;
};

}  // namespace

std::string content_hash(std::string_view data) {
  Fnv1a hash;
  hash.add(data);
  return hash.hex();
}

std::string document_hash(const Article& article, std::string_view iso_date) {
  // Each field ends with a NUL, which no field holds, so that no two articles run together.
  Fnv1a hash;
  for (const std::string_view field :
       {std::string_view(article.id), std::string_view(article.title),
        std::string_view(article.text), iso_date, std::string_view(article.source),
        std::string_view(article.section), std::string_view(article.url),
        std::string_view(article.author), kDocumentLayout}) {
    hash.add(field);
    hash.add(std::string_view("\0", 1));
  }
  return hash.hex();
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
