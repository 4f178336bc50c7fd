// TermCandidates: the stretches of an article where one of a query's terms may stand, found
// by a scan over the bytes, so that snippets run the analyzer over those stretches only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace archivar {

/// A query's terms prepared for many words: each term, each verb stem without its -n or
/// -en, the irregular forms of a strong verb's stem (strong_verb_forms_of) and a separable
/// verb's participle (participle_spellings_of), filed under its first two letters, so that a word
/// is compared only with the terms that can start at each of its letters. What the functions below
/// answer, for one set of terms at the cost of a look-up per letter instead of a scan per term.
class TermCandidates {
 public:
  explicit TermCandidates(const std::set<std::string>& terms);

  /// See may_hold_term().
  bool may_hold(std::string_view folded_word) const;

  /// See term_candidates().
  std::vector<std::pair<std::size_t, std::size_t>> in(std::string_view text) const;

 private:
  static constexpr std::size_t kSymbols = 36;  // a-z, 0-9
  /// Each needle's index, by the bigram of its first two letters.
  std::vector<std::vector<std::uint32_t>> by_start_;
  std::vector<std::string> needles_;
  std::vector<std::uint32_t> single_letters_;  ///< needles of one letter
  std::vector<std::uint32_t> unfiled_;         ///< needles starting with other bytes
  bool holds_empty_term_ = false;              ///< every word may hold it
  bool only_folded_alnum_ = true;              ///< every term is a-z and 0-9 alone
  bool empty_ = true;
};

/// Whether one of @a terms may stand in @a folded_word (lower case, umlauts spelled ae,
/// oe, ue): as a piece of it, with any of its ae/oe/ue read as the vowel alone (as
/// Snowball's german2 stemmer may read them), or, for a verb's infinitive, without its
/// -n or -en, as one of a strong verb's irregular forms or as a participle with "ge" after
/// the particle. A word for which this is false yields none of @a terms.
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
