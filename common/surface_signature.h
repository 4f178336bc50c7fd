// SurfaceSignature: the word forms an article uses as written (case and umlaut spellings
// aside, not stemmed),
// as sorted 16-bit hashes in one value slot: the second phase of ranking prefers articles
// that use the query's own forms, which stemming makes indistinguishable in the index.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/token.h"

namespace archivar {

/// The surface forms of @a tokens (analysed from @a text) that count as words: each word's
/// own token (not the forms stacked on its position), not a stop word, without digits, short
/// enough for a term, of letters only and at least three of them (Vocabulary::is_word). The
/// one rule for the vocabulary's words, the signature's and the query's.
std::vector<std::string_view> surface_words(const TokenStream& tokens, std::string_view text);

/// The hash a surface form is filed under: of its spelling with case folded and ä, ö, ü, ß
/// written ae, oe, ue, ss, as the analyzer writes them ("Straße" = "STRASSE").
std::uint16_t surface_hash(std::string_view surface);

/// The value of schema::kSurfaceSlot for an article using @a surfaces: their hashes, sorted
/// and unique, two bytes each (big-endian), at most kMaxSurfaceHashes of them.
std::string surface_signature(std::span<const std::string> surfaces);
inline constexpr std::size_t kMaxSurfaceHashes = 8192;

/// Whether @a signature (from surface_signature) holds @a hash; false for an empty one.
bool signature_holds(std::string_view signature, std::uint16_t hash);

}  // namespace archivar
