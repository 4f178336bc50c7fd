#include "common/analysis/weak_verb_filter.h"

#include <array>

#include "common/analysis/verb_prefixes.h"

namespace archivar {
namespace {

// Longest first; "-et-" forms follow stems in -d/-t ("redete", "gestartet").
constexpr std::array<std::string_view, 10> kEndings = {"etest", "eten", "etet", "ete", "test",
                                                       "tet",   "ten",  "et",   "te",  "t"};

// A separable verb's participle has its "ge" after the particle: "ein|ge|fuehrt",
// "fest|ge|stellt" → "einfuehren", "feststellen".
std::string particle_infinitive_of(std::string_view base, const CompoundDictionary& dictionary) {
  for (const std::string_view particle : verb_prefixes()) {
    if (base.size() < particle.size() + 5 || !base.starts_with(particle) ||
        base.substr(particle.size(), 2) != "ge") {
      continue;
    }
    const std::string joined =
        std::string(particle) + std::string(base.substr(particle.size() + 2));
    if (std::string infinitive = dictionary.infinitive_of_stem(joined); !infinitive.empty()) {
      return infinitive;
    }
  }
  return {};
}

}  // namespace

std::string weak_verb_infinitive(std::string_view word, const CompoundDictionary& dictionary,
                                 bool after_particles) {
  if (word.size() < 5 || !dictionary.is_lower_case_word(word)) return {};
  for (const std::string_view ending : kEndings) {
    if (!word.ends_with(ending)) continue;
    const std::string_view base = word.substr(0, word.size() - ending.size());
    std::string infinitive = dictionary.infinitive_of_stem(base);
    if (infinitive.empty() && base.starts_with("ge")) {
      infinitive = dictionary.infinitive_of_stem(base.substr(2));
    }
    if (infinitive.empty() && after_particles) {
      infinitive = particle_infinitive_of(base, dictionary);
    }
    if (!infinitive.empty() && infinitive != word) return infinitive;
  }
  return {};
}

std::vector<std::string> participle_spellings_of(std::string_view term) {
  std::vector<std::string> spellings;
  for (const std::string_view particle : verb_prefixes()) {
    if (term.size() > particle.size() + 2 && term.starts_with(particle)) {
      spellings.push_back(std::string(particle) + "ge" + std::string(term.substr(particle.size())));
    }
  }
  return spellings;
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
    std::string infinitive = weak_verb_infinitive(token.text, *dictionary_, after_particles_);
    if (!infinitive.empty()) token.text = std::move(infinitive);
  }
}

}  // namespace archivar
