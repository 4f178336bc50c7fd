// TermCandidates: the stretches of an article where one of a query's terms may stand, found
// by a scan over the bytes, so that snippets run the analyzer over those stretches only.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace archivar {

/// Whether one of @a terms may stand in @a folded_word (lower case, umlauts spelled ae,
/// oe, ue): as a piece of it, with any of its ae/oe/ue read as the vowel alone (as
/// Snowball's german2 stemmer may read them), or, for a verb's infinitive, without its
/// -n or -en. A word for which this is false yields none of @a terms.
bool may_hold_term(std::string_view folded_word, const std::set<std::string>& terms);

/// Byte ranges [begin, end) of @a text, ascending and apart, outside which no word can
/// yield any of @a terms (analysed terms: folded, stemmed, compound parts), so that
/// analysing only them finds every match analysing all of @a text finds.
///
/// Works on white-space separated chunks, which no token spans: a chunk is kept when a
/// term may stand (see may_hold_term) in its letters and digits folded as the analyzer
/// folds them (ASCII case, ä/ö/ü spelled ae/oe/ue, ß as ss). A chunk
/// with other letters beyond ASCII (é, ł, ligatures, full-width forms) is kept too, since
/// Unicode folding may turn them into anything; so is all of the text when a term is not
/// made of lower-case ASCII letters and digits alone.
std::vector<std::pair<std::size_t, std::size_t>> term_candidates(
    std::string_view text, const std::set<std::string>& terms);

}  // namespace archivar
