#include "common/surface_signature.h"

#include <algorithm>

#include "common/analysis/case_fold_filter.h"
#include "common/analysis/german_letter_fold_filter.h"
#include "common/index_schema.h"
#include "common/vocabulary.h"

namespace archivar {

std::vector<std::string_view> surface_words(const TokenStream& tokens, std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const bool stacked = is_stacked(tokens, i);
    if (stacked || token.is_stop_word || token.has_digit || token.end > text.size() ||
        token.text.size() > schema::kMaxTermBytes) {
      continue;
    }
    const std::string_view surface = text.substr(token.start, token.end - token.start);
    if (Vocabulary::is_word(surface)) words.push_back(surface);
  }
  return words;
}

namespace {

// The form as the analyzer spells letters (case folded, ä as ae, ß as ss): "Straße" and
// "STRASSE", "München" and "Muenchen" are one form; "Zahlen" and "Zahl" are two.
std::string spelling_of(std::string_view surface) {
  const bool ascii =
      std::ranges::all_of(surface, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {  // most words, without a round trip through ICU
    std::string lower(surface);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
  }
  std::string spelled = spell_umlauts(case_fold_keeping_sharp_s(surface));
  static constexpr std::string_view kSharpS = "\u00df";
  for (std::size_t at = spelled.find(kSharpS); at != std::string::npos;
       at = spelled.find(kSharpS, at)) {
    spelled.replace(at, kSharpS.size(), "ss");
  }
  return spelled;
}

}  // namespace

std::uint16_t surface_hash(std::string_view surface) {
  // FNV-1a over the spelling's bytes, folded to 16 bits.
  std::uint32_t hash = 2166136261u;
  for (const char c : spelling_of(surface)) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return static_cast<std::uint16_t>((hash >> 16) ^ (hash & 0xFFFF));
}

std::string surface_signature(std::span<const std::string> surfaces) {
  std::vector<std::uint16_t> hashes;
  hashes.reserve(surfaces.size());
  for (const std::string& surface : surfaces) hashes.push_back(surface_hash(surface));
  std::ranges::sort(hashes);
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  if (hashes.size() > kMaxSurfaceHashes) hashes.resize(kMaxSurfaceHashes);
  std::string signature;
  signature.reserve(hashes.size() * 2);
  for (const std::uint16_t hash : hashes) {
    signature.push_back(static_cast<char>(hash >> 8));
    signature.push_back(static_cast<char>(hash & 0xFF));
  }
  return signature;
}

bool signature_holds(std::string_view signature, std::uint16_t hash) {
  std::size_t low = 0, high = signature.size() / 2;
  while (low < high) {
    const std::size_t middle = (low + high) / 2;
    const auto at =
        static_cast<std::uint16_t>((static_cast<unsigned char>(signature[2 * middle]) << 8) |
                                   static_cast<unsigned char>(signature[2 * middle + 1]));
    if (at == hash) return true;
    if (at < hash) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return false;
}

}  // namespace archivar
