// MinHashSignature: the fingerprint of an article's text for near-duplicate detection — a
// sketch of its set of word shingles whose agreement with another estimates their overlap.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace archivar {

/// Broder's MinHash over word 3-shingles (Broder, "On the resemblance and containment of
/// documents", 1997): for each of kHashes independent hash functions, the shingle of the
/// text that hashes lowest. Two texts agree on a position with probability equal to the
/// Jaccard similarity of their shingle sets, |A ∩ B| / |A ∪ B|, so the share of equal
/// positions estimates it (standard error ≤ 0.045 with 128 positions).
///
/// Why MinHash and not a 64-bit SimHash: in a trial on 15,000 FANG-COVID articles, SimHash
/// put reprints with a changed paragraph (Jaccard 0.7–0.8) 9 to 16 bits apart, and random
/// pairs of unrelated articles from 17 bits on; and finding all fingerprints within 16 of
/// 64 bits of a new one has no selective index lookup (17 bands of 4 bits match thousands
/// of articles each). MinHash's bands (see band_keys) are selective terms.
///
/// Jaccard also bounds the length ratio of the two texts (it cannot exceed shorter/longer),
/// so a short article is never grouped with a long one that merely contains it.
///
/// Each position keeps 16 bits of the minimal shingle's hash (b-bit MinHash, Li & König
/// 2010): unequal shingles then agree by chance with probability 2^-16, which shifts the
/// estimate by less than 0.0001, and the signature takes 256 bytes.
class MinHashSignature {
 public:
  static constexpr std::size_t kHashes = 128;
  /// Words per shingle: long enough that unrelated articles share almost none (mean
  /// Jaccard 0.0005 in that trial), short enough that one changed word spoils only three.
  static constexpr std::size_t kShingleWords = 3;
  /// Texts with fewer words get no signature: a few words (a headline-only item, a
  /// paywall notice) do not show that two articles tell the same story.
  static constexpr std::size_t kMinWords = 20;
  /// Locality-sensitive hashing: the first kBands × kRowsPerBand positions form kBands
  /// bands; two texts share a band key when all its rows agree, with probability J^4
  /// for Jaccard similarity J. So texts of similarity 0.7 share at least one of the 16
  /// band keys with probability 1 − (1 − 0.7^4)^16 = 0.988, of 0.5 with 0.64, of 0.2 with
  /// 0.025, and unrelated texts practically never.
  static constexpr std::size_t kBands = 16;
  static constexpr std::size_t kRowsPerBand = 4;
  /// Names how signatures are computed (recorded in the index): change it with any change
  /// here or in the hash functions, since signatures of two schemes are incomparable.
  static constexpr std::string_view kScheme = "minhash-128x16-w3";
  /// Serialised size: two bytes per position.
  static constexpr std::size_t kBytes = 2 * kHashes;

  /// The signature of the text whose words (analysed terms, in order) are @a words;
  /// nullopt when there are fewer than kMinWords.
  static std::optional<MinHashSignature> of(std::span<const std::string_view> words);

  /// Reads what serialize() wrote; nullopt for anything else (wrong size).
  static std::optional<MinHashSignature> parse(std::string_view bytes);

  /// kBytes bytes, for a Xapian value slot.
  std::string serialize() const;

  /// The estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]: the share
  /// of positions on which they agree.
  double similarity(const MinHashSignature& other) const;

  /// One key per band, the band's number followed by its rows as hex digits: texts that
  /// share a key are candidates for near-duplicates (see kBands).
  std::vector<std::string> band_keys() const;

  bool operator==(const MinHashSignature&) const = default;

 private:
  MinHashSignature() = default;

  std::array<std::uint16_t, kHashes> minima_{};
};

}  // namespace archivar
