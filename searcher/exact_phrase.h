// ExactPhrase: a quoted phrase as typed, and whether a stored text holds it so.
// Xapian's phrase over stems finds the candidates; this check makes "Die Linke" mean the
// party, not "die linke Szene" or "die Links-Terroristen", as a reader would count it.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/stored_data.h"

namespace archivar {

/// A phrase is found where the text has its words in order, each word as typed (folded as
/// the analyzer folds: case, umlauts, ß, accents) or with an inflected ending (see
/// inflection_endings: "Die Linken", "Donald Trumps"), but not as the start of a compound
/// ("die Maskenpflicht" is not "die Maske"); function words as typed ("die", not "dies");
/// a word typed with a capital needs one, except a function word (a sentence start
/// capitalises "Die"); the words stand apart by white space or a hyphen ("Robert
/// Koch-Institut"), or by the punctuation typed between them; words typed with a hyphen
/// between them may also be written as one ("Corona-Krise": "Coronakrise").
class ExactPhrase {
 public:
  /// The phrase @a typed, as written between the quotes (or one hyphenated word). With
  /// @a sharp_s_apart (AnalyzerOptions::sharp_s), ß and ss are one letter pair only where
  /// the analyzer folds them (Straße, Strasse), not in Buße and Busse.
  ExactPhrase(std::string_view typed, bool sharp_s_apart);

  /// Whether the phrase has no words (only punctuation).
  bool empty() const { return words_.empty(); }

  /// Whether @a text holds the phrase.
  bool found_in(std::string_view text) const;

  /// What an inflected word may add to the form typed: nouns, adjectives and names
  /// ("-n", "-en", "-s", "-es", "-e", "-er", "-em", "-ern", "-ens", "-ns", and "-in",
  /// "-innen" for feminine forms); the empty ending first.
  static std::span<const std::string_view> inflection_endings();

 private:
  struct Word {
    std::string folded;
    bool capital = false;  ///< must begin with a capital in the text
    bool inflects = true;  ///< may take an inflected ending (not a function word)
    /// The separator before the word (empty for the first), white space made one space;
    /// " " or "-" for loose ones (any white space and hyphens), else required as typed.
    std::string separator;
    bool joinable = false;  ///< typed after a single hyphen: may continue the text word
  };
  struct TextWord;
  struct TextWords;

  /// Whether the words from @a k on begin at byte @a offset of the folded text word @a j.
  bool matches_from(TextWords& text_words, std::string_view text, std::size_t k, std::size_t j,
                    std::size_t offset) const;

  bool sharp_s_apart_;
  std::string typed_;  ///< from the first word to the last, as typed
  std::vector<Word> words_;
};

/// What a phrase check over stored articles found.
struct ExactPhraseFilter {
  /// The articles that hold the phrase as typed (by their id terms), weighted as the
  /// phrase's query; the phrase's query unchanged when there were too many to check.
  Xapian::Query query;
  /// How many articles Xapian's phrase matched, and how many of them hold it as typed.
  Xapian::doccount candidates = 0;
  Xapian::doccount found = 0;
  bool checked = true;  ///< false: over the limit, not checked
};

/// Which stored field a phrase is looked for in.
enum class PhraseField { kTitleOrText, kTitle, kAuthor };

/// Whether article @a document of @a database holds @a phrase in @a field, reading its stored
/// fields through @a stored; with @a one_word (the forms of a single quoted word), only where
/// one of them has a position of its own, not only as a part of a compound.
bool holds_as_typed(const Xapian::Database& database, Xapian::docid document,
                    StoredDataReader& stored, const ExactPhrase& phrase, PhraseField field,
                    const std::vector<std::string>& one_word);

/// When filter_exact_phrase reads the articles.
enum class PhraseCheck {
  /// All candidates, before the query runs: what Xapian's own code can run, over remote
  /// shards too.
  kBeforeMatching,
  /// Each candidate when the matcher reaches it (ExactPhraseSource): what the rest of the
  /// query excludes is not read. Local databases only.
  kWhileMatching,
};

/// Checks the articles @a phrase_query matches in @a database for @a phrase in @a field,
/// when @a check says, if there are at most @a max_candidates of them (beyond, nothing is
/// checked), reading their stored fields through @a stored (compressed ones too), which
/// must outlive the query. The articles found are ranked by @a weighted, which must weigh
/// them as @a phrase_query does: Xapian weighs a phrase by the weights of its words, so
/// their AND serves and saves checking positions again. With kWhileMatching, found is not
/// known and stays 0.
ExactPhraseFilter filter_exact_phrase(const Xapian::Database& database, StoredDataReader& stored,
                                      const Xapian::Query& phrase_query,
                                      const Xapian::Query& weighted, const ExactPhrase& phrase,
                                      PhraseField field, Xapian::doccount max_candidates,
                                      PhraseCheck check);

}  // namespace archivar
