#include "common/index_schema.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/text/keyword.h"
#include "common/text/utf8.h"

namespace archivar::schema {

namespace {

// The length Xapian counts: glass escapes each zero byte of a term with a second byte.
std::size_t stored_term_bytes(std::string_view term) {
  return term.size() + static_cast<std::size_t>(std::ranges::count(term, '\0'));
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

namespace {

// Xapian's limit is 245 bytes per term; a longer URL keeps this much and a hash.
constexpr std::size_t kMaxUrlTermBytes = 200;

}  // namespace

std::string normalise_url(std::string_view url) {
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  while (!url.empty() && (url.back() == ' ' || url.back() == '\t' || url.back() == '/')) {
    url.remove_suffix(1);
  }
  if (const std::size_t scheme = url.find("://");
      scheme != std::string_view::npos && scheme < url.find_first_of("/?#")) {
    url.remove_prefix(scheme + 3);
  }
  const std::size_t host_end = std::min(url.find_first_of("/?#"), url.size());
  std::string host = lower_ascii(url.substr(0, host_end));
  if (host.starts_with("www.")) host.erase(0, 4);
  return host + std::string(url.substr(host_end));
}

std::string url_term(std::string_view url) {
  std::string term = std::string(kUrlPrefix) + normalise_url(url);
  if (term.size() > kMaxUrlTermBytes) {
    const std::string hash = content_hash(term);
    term.resize(kMaxUrlTermBytes - hash.size() - 1);
    term += '#';
    term += hash;
  }
  return term;
}

std::vector<std::string> host_terms(std::string_view url) {
  const std::string normalised = normalise_url(url);
  std::string_view host = std::string_view(normalised).substr(0, normalised.find_first_of("/?#"));
  host = host.substr(0, host.find(':'));  // no port
  std::vector<std::string> terms;
  if (host.empty() || host.size() > kMaxUrlTermBytes || host.find('.') == std::string_view::npos) {
    return terms;
  }
  for (;;) {
    terms.push_back(std::string(kHostPrefix) + std::string(host));
    const std::size_t dot = host.find('.');
    if (host.find('.', dot + 1) == std::string_view::npos) break;  // "zeit.de": the last
    host.remove_prefix(dot + 1);
  }
  return terms;
}

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
  Article article;
  // encode_stored()'s compact object is read field by field where each stands
  // (stored_field): building the whole JSON document took an eighth of a search's time.
  const std::size_t first_colon = data.find("\":");
  const bool compact = data.starts_with("{\"") && first_colon != std::string_view::npos &&
                       data.substr(first_colon + 2).starts_with('"');
  const nlohmann::json stored =
      compact ? nlohmann::json() : nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!compact && !stored.is_object()) return article;
  const auto get = [&](const char* key) {
    if (compact) return stored_field(data, key);
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

namespace {

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

std::optional<std::uint32_t> hex4(std::string_view text) {
  std::uint32_t value = 0;
  if (text.size() < 4) return std::nullopt;
  for (const char c : text.substr(0, 4)) {
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

// The field as decode_stored() reads it: for data the quick reading cannot follow.
std::string decode_stored_field_slowly(std::string_view data, std::string_view key) {
  const nlohmann::json stored = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!stored.is_object()) return {};
  const auto it = stored.find(key);
  return it != stored.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string stored_field(std::string_view data, std::string_view key) {
  // encode_stored() writes an object of string values without spaces: the key stands right
  // after '{' or ',' (a quote inside a value is escaped, so "\"text\":" there is no key).
  std::string pattern(1, '"');
  pattern.append(key).append("\":\"");
  std::size_t at = data.find(pattern);
  while (at != std::string_view::npos && at > 0 && data[at - 1] != '{' && data[at - 1] != ',') {
    at = data.find(pattern, at + 1);
  }
  if (at == std::string_view::npos || at == 0) return {};
  std::string value;
  // The value runs to the next quote or backslash, each found many bytes at a time; the
  // quote is looked for again only once an escape has passed it.
  std::size_t quote = 0;
  for (std::size_t i = at + pattern.size(); i < data.size();) {
    if (quote < i) quote = data.find('"', i);
    if (quote == std::string_view::npos) break;  // unterminated: not our data
    const std::size_t special = std::min(quote, data.substr(0, quote).find('\\', i));
    value.append(data.substr(i, special - i));
    if (data[special] == '"') return value;
    if (special + 1 >= data.size()) break;
    const char escaped = data[special + 1];
    i = special + 2;
    switch (escaped) {
      case 'n':
        value += '\n';
        break;
      case 't':
        value += '\t';
        break;
      case 'r':
        value += '\r';
        break;
      case 'b':
        value += '\b';
        break;
      case 'f':
        value += '\f';
        break;
      case 'u': {
        std::optional<std::uint32_t> code = hex4(data.substr(i));
        if (!code) return decode_stored_field_slowly(data, key);
        i += 4;
        if (*code >= 0xD800 && *code < 0xDC00 && data.substr(i, 2) == "\\u") {
          if (const auto low = hex4(data.substr(i + 2)); low && *low >= 0xDC00 && *low < 0xE000) {
            *code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(value, *code);
        break;
      }
      default:
        value += escaped;  // \" \\ \/
    }
  }
  return decode_stored_field_slowly(data, key);
}

}  // namespace archivar::schema
