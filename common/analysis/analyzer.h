// Analyzer: the one German analysis chain, used identically to index text and to read queries.
// ICU words → hyphen parts → case fold → apostrophes → inner punctuation → letter fold
// → stop words → compound parts → strong and weak verbs to their infinitive → stems.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/icu_word_tokenizer.h"
#include "common/analysis/token.h"
#include "common/analysis/token_filter.h"
#include "common/analysis/word_form_cache.h"

namespace archivar {

/// Switches for experiments (ablation); the defaults are the product's configuration.
/// An index records the options it was built with, and its searcher uses the same.
struct AnalyzerOptions {
  bool split_hyphens = true;
  bool fold_letters = true;  ///< ä → ae, ö → oe, ü → ue, accents dropped
  bool stem = true;
  bool split_compounds = true;  ///< Botschaftspersonal → + botschaft, personal (wngerman)
  bool feminine_forms = false;  ///< Ministerin → + minister (wngerman)
  bool weak_verbs = true;       ///< erhöhte, gestartet → erhöhen, starten (wngerman)
  /// A separable verb's participle too: eingeführt, festgestellt → einführen, feststellen.
  bool particle_verbs = true;
  bool strong_verbs = true;  ///< starb, verstorben, anerkannt → sterben, ... (a table)
  bool apostrophes = true;   ///< Ku'damm = Kudamm, Söder's = Söders, gibt's = gibts
  /// "entgegentreten.Maskenpflicht" is two words (a sentence end that lost its space).
  bool sentence_dots = true;
  /// Maße stays apart from Masse (ß kept where the ss spelling is another word of the
  /// word list); Straße = Strasse as before (wngerman).
  bool sharp_s = true;

  /// A compact, stable spelling such as "hyphens,fold,stem", stored in the index.
  std::string to_string() const;
  /// Parses what to_string() wrote; throws std::invalid_argument on an unknown word.
  static AnalyzerOptions parse(std::string_view spec);
};

class Analyzer {
 public:
  /// Analyses with @a options. Every filter works on one word at a time, so each word form
  /// is analysed once and its tokens reused from a cache of up to @a cached_forms forms
  /// (0: no cache; the tokens are the same either way).
  explicit Analyzer(AnalyzerOptions options = {},
                    std::size_t cached_forms = WordFormCache::kDefaultMaxForms);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  /// Analyses @a utf8 into index terms with positions (starting at 0, stacked tokens
  /// sharing one) and byte offsets into @a utf8. Not thread-safe: use one per thread.
  TokenStream analyze(std::string_view utf8);

  /// analyze() for callers that look for known terms (snippets): words for which
  /// @a may_match, given the word case- and letter-folded but not yet split or stemmed,
  /// is false are dropped before the costly dictionary and stemming steps. Positions then
  /// count only the words kept; offsets are as analyze() gives them.
  TokenStream analyze_where(std::string_view utf8,
                            const std::function<bool(const Token&)>& may_match);

  /// @a word as the folding steps leave it (case, apostrophes, dots of abbreviations,
  /// umlauts and accents), neither split nor stemmed: "Drosten" → "drosten", "Maßnahme"
  /// → "massnahme". For comparing a typed pattern with index terms (wildcards).
  std::string fold(std::string_view word);

  /// The index term of @a word read as German writes a noun, with a capital: the first term
  /// it then yields. "angriff" → "angriff" (Angriff), where
  /// analyze() reads the lower-case word as a verb form ("angreif", of angreifen); the same
  /// term as analyze()'s for most words. Empty when the word yields no term.
  std::string noun_reading(std::string_view word);

  /// The terms of @a utf8 in order, for tests and diagnostics.
  std::vector<std::string> terms(std::string_view utf8);

  const AnalyzerOptions& options() const { return options_; }

  /// How often analyze() found a word form in its cache (all zero without a cache).
  WordFormCacheStatistics cache_statistics() const;

 private:
  /// The tokens of one @a word as the tokenizer gave it, through every filter, with
  /// offsets relative to the word's start.
  TokenStream analyze_word(const Token& word);

  AnalyzerOptions options_;
  std::unique_ptr<IcuWordTokenizer> tokenizer_;
  std::vector<std::unique_ptr<TokenFilter>> filters_;
  std::size_t folding_filters_ = 0;       ///< filters_ up to letter folding, before the rest
  std::unique_ptr<WordFormCache> cache_;  ///< null without a cache
  std::size_t first_folding_filter_ = 0;  ///< filters_ before it split words (hyphens)
};

}  // namespace archivar
