// Verb prefixes: the particles and inseparable prefixes that German verbs are built with.
// "aus|gestorben", "ver|starb", "an|er|kannt": the verb filters look for a known form after them.
#pragma once

#include <span>
#include <string_view>

namespace archivar {

/// Separable particles ("aus", "fest", "zurueck") and inseparable prefixes ("ver", "ent"),
/// folded as the analyzer folds (ue for ü). A word may carry two ("anerkannt").
std::span<const std::string_view> verb_prefixes();

}  // namespace archivar
