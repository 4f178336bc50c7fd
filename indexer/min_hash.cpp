// The kHashes hash functions are h_i(x) = a_i·x + b_i mod 2^64 over a well-mixed 64-bit
// hash x of the shingle (multiply-add, with odd a_i): cheap enough to run 128 times per
// shingle, and their order on distinct shingles is as good as random for this purpose.
// The constants are fixed, so signatures stay comparable across runs and builds.
#include "indexer/min_hash.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace archivar {
namespace {

// splitmix64's finaliser (Steele, Lea & Flood 2014): spreads every input bit over the word.
constexpr std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

struct HashFunction {
  std::uint64_t multiplier;
  std::uint64_t addend;
};

constexpr std::array<HashFunction, MinHashSignature::kHashes> make_hash_functions() {
  std::array<HashFunction, MinHashSignature::kHashes> functions{};
  std::uint64_t state = 0x41524348495641ULL;  // "ARCHIVA"
  for (HashFunction& function : functions) {
    state += 0x9e3779b97f4a7c15ULL;
    function.multiplier = mix(state) | 1;
    state += 0x9e3779b97f4a7c15ULL;
    function.addend = mix(state);
  }
  return functions;
}

constexpr std::array<HashFunction, MinHashSignature::kHashes> kHashFunctions =
    make_hash_functions();

// FNV-1a over the words with a separator that cannot occur in a term, then mixed.
std::uint64_t shingle_hash(std::span<const std::string_view> words) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const std::string_view word : words) {
    for (const char c : word) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    hash ^= 0x1f;
    hash *= 1099511628211ULL;
  }
  return mix(hash);
}

}  // namespace

std::optional<MinHashSignature> MinHashSignature::of(std::span<const std::string_view> words) {
  if (words.size() < kMinWords) return std::nullopt;
  std::vector<std::uint64_t> shingles;
  shingles.reserve(words.size() - kShingleWords + 1);
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    shingles.push_back(shingle_hash(words.subspan(i, kShingleWords)));
  }
  // A set: a shingle repeated in the text counts once.
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());

  MinHashSignature signature;
  for (std::size_t i = 0; i < kHashes; ++i) {
    const HashFunction function = kHashFunctions[i];
    std::uint64_t lowest = std::numeric_limits<std::uint64_t>::max();
    for (const std::uint64_t shingle : shingles) {
      lowest = std::min(lowest, function.multiplier * shingle + function.addend);
    }
    // The minimum names its shingle (h_i is a bijection), but its own top bits are nearly
    // always zero: a minimum is a small number. Its mixed bits are uniform.
    signature.minima_[i] = static_cast<std::uint16_t>(mix(lowest) >> 48);
  }
  return signature;
}

std::optional<MinHashSignature> MinHashSignature::parse(std::string_view bytes) {
  if (bytes.size() != kBytes) return std::nullopt;
  MinHashSignature signature;
  for (std::size_t i = 0; i < kHashes; ++i) {
    signature.minima_[i] =
        static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[2 * i]) << 8 |
                                   static_cast<unsigned char>(bytes[2 * i + 1]));
  }
  return signature;
}

std::string MinHashSignature::serialize() const {
  std::string bytes(kBytes, '\0');
  for (std::size_t i = 0; i < kHashes; ++i) {
    bytes[2 * i] = static_cast<char>(minima_[i] >> 8);
    bytes[2 * i + 1] = static_cast<char>(minima_[i] & 0xff);
  }
  return bytes;
}

double MinHashSignature::similarity(const MinHashSignature& other) const {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < kHashes; ++i) equal += minima_[i] == other.minima_[i];
  return static_cast<double>(equal) / kHashes;
}

std::vector<std::string> MinHashSignature::band_keys() const {
  static_assert(kBands <= 16 && kBands * kRowsPerBand <= kHashes);
  std::vector<std::string> keys;
  keys.reserve(kBands);
  for (std::size_t band = 0; band < kBands; ++band) {
    std::string key = fmt::format("{:x}", band);
    for (std::size_t row = 0; row < kRowsPerBand; ++row) {
      key += fmt::format("{:04x}", minima_[band * kRowsPerBand + row]);
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

}  // namespace archivar
