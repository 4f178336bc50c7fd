#include "common/vocabulary.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "common/index_schema.h"

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
    if ((byte & 0xC0) != 0x80) ++characters;
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

std::string Vocabulary::stored_text(const Xapian::Database& database) {
  return decompress(database.get_metadata(std::string(schema::kVocabularyKey)));
}

Vocabulary Vocabulary::load(const Xapian::Database& database) {
  return parse(stored_text(database));
}

void Vocabulary::add_to(Xapian::WritableDatabase& database) const {
  if (counts_.empty()) return;
  Vocabulary combined = load(database);
  combined.merge(*this);
  database.set_metadata(std::string(schema::kVocabularyKey), compress(combined.serialise()));
}

}  // namespace archivar
