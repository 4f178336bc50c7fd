#include "common/vocabulary.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <stdexcept>

#include "common/index_schema.h"
#include "common/text/utf8.h"

namespace archivar {
namespace {

// Stored as "<uncompressed size>\n<zlib data>".
std::string compress(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string packed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                Z_DEFAULT_COMPRESSION) != Z_OK) {
    throw std::runtime_error("cannot compress the vocabulary");
  }
  packed.resize(size);
  return std::to_string(text.size()) + "\n" + packed;
}

std::string decompress(std::string_view stored) {
  const std::size_t newline = stored.find('\n');
  std::size_t size = 0;
  if (newline == std::string_view::npos ||
      std::from_chars(stored.data(), stored.data() + newline, size).ec != std::errc()) {
    return {};
  }
  std::string text(size, '\0');
  uLongf text_size = static_cast<uLongf>(size);
  const std::string_view packed = stored.substr(newline + 1);
  if (uncompress(reinterpret_cast<Bytef*>(text.data()), &text_size,
                 reinterpret_cast<const Bytef*>(packed.data()),
                 static_cast<uLong>(packed.size())) != Z_OK) {
    return {};
  }
  text.resize(text_size);
  return text;
}

}  // namespace

bool Vocabulary::is_word(std::string_view surface) {
  std::size_t characters = 0;
  for (const char c : surface) {
    const auto byte = static_cast<unsigned char>(c);
    // Bytes of multi-byte UTF-8 characters are letters here: umlauts, ß, accents.
    const bool letter =
        (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte >= 0x80;
    if (!letter) return false;
    if (!is_utf8_continuation(c)) ++characters;
  }
  return characters >= 3;
}

void Vocabulary::add_article(const std::vector<std::string>& words) {
  for (const std::string& word : words) add(word, 1);
}

void Vocabulary::add(std::string_view word, std::uint64_t articles) {
  if (articles == 0 || word.empty()) return;
  const auto it = counts_.find(word);
  if (it != counts_.end()) {
    it->second += articles;
  } else {
    counts_.emplace(std::string(word), articles);
  }
}

void Vocabulary::merge(const Vocabulary& other) {
  for (const auto& [word, articles] : other.counts_) add(word, articles);
}

std::uint64_t Vocabulary::articles(std::string_view word) const {
  const auto it = counts_.find(word);
  return it == counts_.end() ? 0 : it->second;
}

std::string Vocabulary::serialise() const {
  std::vector<const Counts::value_type*> entries;
  entries.reserve(counts_.size());
  for (const auto& entry : counts_) entries.push_back(&entry);
  std::ranges::sort(entries, {}, [](const auto* entry) { return std::string_view(entry->first); });
  std::string data;
  for (const auto* entry : entries) {
    data += entry->first;
    data += '\t';
    data += std::to_string(entry->second);
    data += '\n';
  }
  return data;
}

Vocabulary Vocabulary::parse(std::string_view data) {
  Vocabulary vocabulary;
  vocabulary.counts_.reserve(data.size() / 12);
  while (!data.empty()) {
    const std::size_t newline = data.find('\n');
    const std::string_view line = data.substr(0, newline);
    data = newline == std::string_view::npos ? std::string_view() : data.substr(newline + 1);
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::uint64_t articles = 0;
    const std::string_view number = line.substr(tab + 1);
    const auto [end, error] =
        std::from_chars(number.data(), number.data() + number.size(), articles);
    if (error != std::errc() || end != number.data() + number.size()) continue;
    vocabulary.add(line.substr(0, tab), articles);
  }
  return vocabulary;
}

namespace {

// Parts are named PREFIX.L.SERIAL: L the size class (0 for a batch's own part), SERIAL
// counting up within the database. The key of the whole list that older versions kept
// (kVocabularyKey alone) still counts as a part.
std::string part_key(unsigned level, std::uint64_t serial) {
  return std::string(schema::kVocabularyKey) + "." + std::to_string(level) + "." +
         std::to_string(serial);
}

struct PartName {
  unsigned level = 0;
  std::uint64_t serial = 0;
};

std::optional<PartName> parse_part_key(std::string_view key) {
  const std::string_view prefix = schema::kVocabularyKey;
  if (!key.starts_with(prefix) || key.size() < prefix.size() + 4 || key[prefix.size()] != '.') {
    return std::nullopt;
  }
  const std::string_view rest = key.substr(prefix.size() + 1);
  const std::size_t dot = rest.find('.');
  PartName name;
  if (dot == std::string_view::npos ||
      std::from_chars(rest.data(), rest.data() + dot, name.level).ptr != rest.data() + dot ||
      std::from_chars(rest.data() + dot + 1, rest.data() + rest.size(), name.serial).ptr !=
          rest.data() + rest.size()) {
    return std::nullopt;
  }
  return name;
}

constexpr std::size_t kPartsPerLevel = 4;

}  // namespace

bool Vocabulary::is_part_key(std::string_view key) {
  return key == schema::kVocabularyKey || parse_part_key(key).has_value();
}

std::string Vocabulary::merge_parts(std::string_view first, std::string_view second) {
  Vocabulary merged = parse(decompress(first));
  merged.merge(parse(decompress(second)));
  return compress(merged.serialise());
}

std::string Vocabulary::stored_text(const Xapian::Database& database) {
  return load(database).serialise();
}

Vocabulary Vocabulary::load(const Xapian::Database& database) {
  const std::string prefix(schema::kVocabularyKey);
  Vocabulary vocabulary;
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    if (!is_part_key(*key)) continue;
    const Vocabulary part = parse(decompress(database.get_metadata(*key)));
    if (vocabulary.empty()) {
      vocabulary = part;
    } else {
      vocabulary.merge(part);
    }
  }
  return vocabulary;
}

void Vocabulary::add_to(Xapian::WritableDatabase& database) const {
  if (counts_.empty()) return;
  const std::string prefix = std::string(schema::kVocabularyKey) + ".";
  std::vector<std::vector<std::string>> levels(1);
  std::uint64_t serial = 0;
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    const std::optional<PartName> name = parse_part_key(*key);
    if (!name) continue;
    if (levels.size() <= name->level) levels.resize(name->level + 1);
    levels[name->level].push_back(*key);
    serial = std::max(serial, name->serial);
  }
  std::string key = part_key(0, ++serial);
  database.set_metadata(key, compress(serialise()));
  levels[0].push_back(std::move(key));
  for (unsigned level = 0; levels[level].size() >= kPartsPerLevel; ++level) {
    Vocabulary merged;
    for (const std::string& part : levels[level]) {
      merged.merge(parse(decompress(database.get_metadata(part))));
      database.set_metadata(part, std::string());  // removes the part
    }
    if (levels.size() <= level + 1) levels.resize(level + 2);
    key = part_key(level + 1, ++serial);
    database.set_metadata(key, compress(merged.serialise()));
    levels[level + 1].push_back(std::move(key));
  }
}

}  // namespace archivar
