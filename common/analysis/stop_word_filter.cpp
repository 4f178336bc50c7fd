#include "common/analysis/stop_word_filter.h"

#include <algorithm>
#include <array>

#include "common/analysis/german_letter_fold_filter.h"

namespace archivar {
namespace {

// Articles, pronouns, prepositions, conjunctions, auxiliaries and particles of German,
// written as the folding filters leave them (ü → ue, ß → ss). Kept sorted for binary search.
// Content words that merely are frequent in news ("Jahr", "Prozent") do not belong here:
// BM25's IDF already weighs them down.
constexpr auto kGermanStopWords = std::to_array<std::string_view>({
    "aber",     "alle",    "allem",   "allen",   "aller",    "alles",    "als",     "also",
    "am",       "an",      "ander",   "andere",  "anderem",  "anderen",  "anderer", "anderes",
    "auch",     "auf",     "aus",     "bei",     "bin",      "bis",      "bist",    "da",
    "damit",    "dann",    "das",     "dass",    "dasselbe", "dazu",     "dein",    "deine",
    "dem",      "den",     "denn",    "der",     "derer",    "des",      "dessen",  "dich",
    "die",      "dies",    "diese",   "diesem",  "diesen",   "dieser",   "dieses",  "dir",
    "doch",     "dort",    "du",      "durch",   "ein",      "eine",     "einem",   "einen",
    "einer",    "eines",   "einig",   "einige",  "einigen",  "er",       "es",      "etwas",
    "euch",     "euer",    "eure",    "fuer",    "gegen",    "hab",      "habe",    "haben",
    "hat",      "hatte",   "hatten",  "hier",    "hin",      "hinter",   "ich",     "ihm",
    "ihn",      "ihnen",   "ihr",     "ihre",    "ihrem",    "ihren",    "ihrer",   "ihres",
    "im",       "in",      "indem",   "ins",     "ist",      "ja",       "jede",    "jedem",
    "jeden",    "jeder",   "jedes",   "jene",    "jenem",    "jenen",    "jener",   "jenes",
    "jetzt",    "kann",    "kein",    "keine",   "keinem",   "keinen",   "keiner",  "keines",
    "koennen",  "koennte", "man",     "manche",  "manchem",  "manchen",  "mancher", "manches",
    "mein",     "meine",   "meinem",  "meinen",  "meiner",   "meines",   "mich",    "mir",
    "mit",      "muss",    "musste",  "nach",    "nicht",    "nichts",   "noch",    "nun",
    "nur",      "ob",      "oder",    "ohne",    "sehr",     "sein",     "seine",   "seinem",
    "seinen",   "seiner",  "seines",  "selbst",  "sich",     "sie",      "sind",    "so",
    "solche",   "solchem", "solchen", "solcher", "solches",  "soll",     "sollte",  "sondern",
    "sonst",    "ueber",   "um",      "und",     "uns",      "unser",    "unsere",  "unserem",
    "unseren",  "unserer", "unseres", "unter",   "viel",     "vom",      "von",     "vor",
    "waehrend", "war",     "waren",   "warst",   "was",      "weil",     "welche",  "welchem",
    "welchen",  "welcher", "welches", "wenn",    "werde",    "werden",   "wie",     "wieder",
    "will",     "wir",     "wird",    "wirst",   "wo",       "wollen",   "wollte",  "wuerde",
    "wuerden",  "zu",      "zum",     "zur",     "zwar",     "zwischen",
});
static_assert(std::ranges::is_sorted(kGermanStopWords), "binary search needs a sorted list");

}  // namespace

bool StopWordFilter::is_stop_word(std::string_view folded_word) {
  return std::ranges::binary_search(kGermanStopWords, folded_word);
}

void StopWordFilter::apply(TokenStream& tokens) {
  // The list is spelt folded; unfolded input (folding switched off) is looked up folded.
  for (Token& token : tokens) {
    token.is_stop_word = is_stop_word(token.text) || is_stop_word(spell_umlauts(token.text));
  }
}

}  // namespace archivar
