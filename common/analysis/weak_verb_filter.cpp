#include "common/analysis/weak_verb_filter.h"

#include <array>

namespace archivar {
namespace {

// Longest first; "-et-" forms follow stems in -d/-t ("redete", "gestartet").
constexpr std::array<std::string_view, 10> kEndings = {"etest", "eten", "etet", "ete", "test",
                                                       "tet",   "ten",  "et",   "te",  "t"};

bool is_verb(std::string_view word, const CompoundDictionary& dictionary) {
  return dictionary.is_word(word) && !dictionary.is_noun(word);
}

std::string infinitive_of(std::string_view base, const CompoundDictionary& dictionary) {
  if (base.size() < 3) return {};
  std::string candidate(base);
  candidate += "en";
  if (is_verb(candidate, dictionary)) return candidate;
  if (base.ends_with("el") || base.ends_with("er")) {  // "aenderte" → "aendern"
    candidate = std::string(base) + "n";
    if (is_verb(candidate, dictionary)) return candidate;
  }
  return {};
}

}  // namespace

std::string weak_verb_infinitive(std::string_view word, const CompoundDictionary& dictionary) {
  if (word.size() < 5 || !is_verb(word, dictionary)) return {};
  for (const std::string_view ending : kEndings) {
    if (!word.ends_with(ending)) continue;
    const std::string_view base = word.substr(0, word.size() - ending.size());
    std::string infinitive = infinitive_of(base, dictionary);
    if (infinitive.empty() && base.starts_with("ge")) {
      infinitive = infinitive_of(base.substr(2), dictionary);
    }
    if (!infinitive.empty() && infinitive != word) return infinitive;
  }
  return {};
}

void WeakVerbFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    // Capitalised words are nouns ("Macht", "Rechte", "Gebiet") but for the first word of a
    // sentence, where a German verb rarely stands.
    if (token.is_stop_word || token.has_digit || token.is_compound_part || token.capitalised) {
      continue;
    }
    // Weak past and participle forms end in -t, -te, -ten, -test or -tet; other words
    // ending in -n (infinitives, plurals) need no dictionary lookups.
    if (token.text.size() < 5 || (token.text.back() == 'n' && !token.text.ends_with("ten")))
      continue;
    if (dictionary_ == nullptr) dictionary_ = &CompoundDictionary::standard();
    std::string infinitive = weak_verb_infinitive(token.text, *dictionary_);
    if (!infinitive.empty()) token.text = std::move(infinitive);
  }
}

}  // namespace archivar
