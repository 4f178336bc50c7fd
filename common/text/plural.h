// Counted nouns for messages: "1 article", "2 articles", "about 1 result", in one place so
// that no message says "1 results".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace archivar {

/// @a count and the noun in the number it takes: @a singular for exactly one, else
/// @a plural ("0 articles", "1 article"). Works for German nouns
/// as well ("1 Treffer", "2 Treffer"; "1 Artikel").
std::string counted(std::uint64_t count, std::string_view singular, std::string_view plural);

}  // namespace archivar
