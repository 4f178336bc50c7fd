// A dictionary method after Koehn & Knight (2003), without their corpus frequencies: the
// noun-head rule, the minimum part length and the stop-word exclusion keep it from
// over-splitting (Urin·stinkt, Bundes·tag, Ver·ein); syllable breaks choose among splits
// as Lucene's HyphenationCompoundWordTokenFilter lets them.
#include "common/analysis/compound_split_filter.h"

#include <algorithm>
#include <array>
#include <optional>

#include "common/analysis/stop_word_filter.h"
#include "common/analysis/syllable_breaks.h"

namespace archivar {
namespace {

constexpr std::size_t kMinPart = 4;
constexpr std::size_t kMinCompound = 2 * kMinPart;
static_assert(kMinPart >= CompoundDictionary::kMinPrefix, "parts are looked up by prefix");
constexpr std::size_t kMaxCompound = 60;
constexpr std::size_t kMaxCacheEntries = 1 << 18;

struct Split {
  std::vector<std::string> parts;
  std::vector<std::size_t> starts;  // where each part but the first begins in the word
  std::size_t shortest = 0;
};

bool is_plain_letters(std::string_view word) {
  return std::ranges::all_of(word, [](char c) { return c >= 'a' && c <= 'z'; });
}

// The head decides a compound's word class; news compounds are nouns. The word list
// capitalises most nouns but not all ("bahn", "personal" appear only in lower case), so a
// lower-case word also heads a compound unless it looks like a verb form ("stinkt").
// Endings that are also words ("Schaft", "Ende", "Rinnen"): Gesell·schaft, lauf·ende,
// Politike·rinnen and Mill·ionen are no compounds.
constexpr std::array<std::string_view, 30> kSuffixWords = {
    "schaft", "schaften", "schafts", "heit",   "keit",    "ling",    "chen",  "lein",
    "innen",  "rinnen",   "ionen",   "ender",  "endes",   "ahme",    "tages", "tags",
    "ahmen",  "nahme",    "nahmen",  "elle",   "ellen",   "erweise", "haft",  "lose",
    "losen",  "ente",     "enten",   "nische", "nischen", "lungen"};

// An adjective compound (verfassungs·widrig, bundes·weit, symptom·frei) ends in an
// adjective instead.
enum class HeadKind { kNoun, kAdjective };

// Adjectives that are suffixes after a noun, whatever the list says: beispiels·weise,
// sicherheits·halber, millionen·fach, ver·ein·fachen, haupt·sächlich, schluss·endlich,
// and the Greek heads after a combining form, which the list has as a noun
// (demo·grafisch, techno·logisch).
constexpr std::array<std::string_view, 8> kSuffixAdjectives = {
    "weise", "halber", "fach", "saechlich", "endlich", "grafisch", "graphisch", "logisch"};

bool usable_head(std::string_view part, const CompoundDictionary& dictionary, HeadKind kind) {
  if (part.size() < kMinPart || StopWordFilter::is_stop_word(part)) return false;
  if (std::ranges::find(kSuffixWords, part) != kSuffixWords.end()) return false;
  if (kind == HeadKind::kAdjective) {
    return std::ranges::none_of(
               kSuffixAdjectives,
               [&](std::string_view suffix) { return part.starts_with(suffix); }) &&
           dictionary.is_adjective_form(part);
  }
  switch (dictionary.entry(part)) {
    case CompoundDictionary::Entry::kNoun:
    case CompoundDictionary::Entry::kHeadOfNouns:
      return true;
    case CompoundDictionary::Entry::kLowerCaseWord:
      return !part.ends_with('t');
    default:
      return false;
  }
}

// A lower-case head in -t is a verb form (Urin·stinkt) unless the list's nouns show it is
// a noun too (Wahl·recht, Kontakt·verbot); then it must begin a syllable as well, since
// verb forms end so often in the letters after one: rück·tritt, not rückt·ritt.
bool head_must_begin_syllable(std::string_view head, const CompoundDictionary& dictionary) {
  return head.ends_with('t') && !dictionary.is_noun(head);
}

// Word-list entries, and words short of their ending, that are prefixes, abbreviations, names
// or verb stems far more often than modifiers in news text: verb·raucher, betr·offen,
// best·ehen, lauf·ende, mill·ionen, trans·port; Finn(e)·land, Lein(e)·wand,
// Mani(e)·fest, Flies(e)·band, Geni(e)·ßer.
constexpr std::array<std::string_view, 45> kFalseModifiers = {
    "verb",  "betr",  "best",   "vers",  "aufs",  "eins",  "zuge",  "soge",  "komm",
    "lauf",  "fehl",  "reis",   "span",  "wach",  "steig", "erst",  "einst", "misst",
    "hinge", "beige", "uebers", "mill",  "bill",  "funkt", "sankt", "kombi", "gene",
    "deut",  "wich",  "tran",   "herr",  "profi", "russ",  "frank", "trans", "finn",
    "lett",  "lein",  "mani",   "flies", "geni",  "esch",  "duen",  "statu", "beat"};

// The linking "n" follows a word in -e, -el or -er (Woche·n·ende, Bauer·n·hof), never
// another ending: Weihnachten is no weih·n·achten. The linking "s" follows a consonant
// other than s: Abschiebe·stopp, Kenntnis·stand, not abschiebe·s·topp, kenntnis·s·tand.
bool takes_linking(std::string_view part, std::string_view link) {
  if (link == "s") return !is_folded_vowel(part.back()) && part.back() != 's';
  return link != "n" || part.ends_with('e') || part.ends_with("el") || part.ends_with("er");
}

// How a substring of a compound may begin it: as a word of the list, or short of its
// ending, as a noun without its -e (Schul·buch, Grenz·wert) or a verb's stem (Impf·stoff),
// and then the part is the word (schule, impfen), so that it meets Schulen and impft. A
// next part that begins with a vowel must then begin a syllable: such a form swallows the
// consonant of the next syllable by chance (Messenger is no messe·enger, gestunken no
// geste·unken), while before a consonant the hyphenation patterns miss too many breaks of
// new compounds (impfs·kep·ti·ker).
enum class Modifier { kNone, kWord, kNounWithoutE, kVerbStem };

Modifier usable_modifier(std::string_view part, const CompoundDictionary& dictionary) {
  if (part.size() < kMinPart) return Modifier::kNone;
  // The dictionary first: it rules out most substrings.
  const CompoundDictionary::Entry entry = dictionary.entry(part);
  if (entry == CompoundDictionary::Entry::kNone || StopWordFilter::is_stop_word(part) ||
      std::ranges::find(kFalseModifiers, part) != kFalseModifiers.end()) {
    return Modifier::kNone;
  }
  switch (entry) {
    case CompoundDictionary::Entry::kModifierDroppingE:
      return Modifier::kNounWithoutE;
    case CompoundDictionary::Entry::kVerbStemModifier:
      return Modifier::kVerbStem;
    default:
      return Modifier::kWord;
  }
}

// What may follow a modifier: a noun without its -e takes nothing or an -s- (Geschicht·s·
// buch), a verb's stem nothing.
bool may_follow(Modifier modifier, std::string_view part, std::string_view link) {
  switch (modifier) {
    case Modifier::kNounWithoutE:
      return link.empty() || link == "s";
    case Modifier::kVerbStem:
      return link.empty();
    default:
      return takes_linking(part, link);
  }
}

// Whether a part of @a word may begin at @a at, given its syllable @a breaks. Before a
// vowel, hyphenation takes the consonants along (wah·ler·fol·ge for wahl·erfolge,
// flei·scher for fleisch·ersatz), and it cannot see a new vowel begin after a folded
// umlaut's letters (risiko·ermittlung): a break among the consonants before will do.
bool may_begin_part(std::string_view word, const std::vector<bool>& breaks, std::size_t at) {
  if (breaks[at]) return true;
  if (!is_folded_vowel(word[at])) return false;
  if (is_folded_vowel(word[at - 1])) return true;
  for (std::size_t i = at; i-- > 0 && !is_folded_vowel(word[i]);) {
    if (breaks[i]) return true;
  }
  return false;
}

// "Ende" heads real compounds after a noun (Wochen·ende, Kriegs·ende) but is mostly a
// participle ending after anything else (steig·ende, fuehr·ende).
bool needs_noun_modifier(std::string_view head) {
  return head == "ende" || head == "enden";
}

// The verb of the list that @a word, a noun in -ung, is derived from ("gruendung":
// "gruenden"), or empty. Such a noun is a compound only where its verb is one: Gründung is
// gründen's noun, however its letters fall apart (grün·dung, Klei·dung), while
// Kranken·versicherung splits as kranken·versichern does.
std::string verb_of_verbal_noun(std::string_view word, const CompoundDictionary& dictionary) {
  for (const std::string_view ending : {std::string_view("ungen"), std::string_view("ung")}) {
    if (word.ends_with(ending)) {
      return dictionary.infinitive_of_stem(word.substr(0, word.size() - ending.size()));
    }
  }
  return {};
}

// The best split of @a word by the dictionary's words, whatever its word class.
std::vector<std::string> best_split(std::string_view word, const CompoundDictionary& dictionary,
                                    HeadKind head_kind) {
  const std::size_t n = word.size();
  // Splits with as many parts: the one whose parts begin on syllables (jahres·ende, not
  // jahre·sende; bundes·amtes, not bunde·samtes), then the one whose shortest part is
  // longest. The syllables are only worked out for such a tie, or a head in -t.
  std::optional<std::vector<bool>> breaks;
  const auto syllables = [&]() -> const std::vector<bool>& {
    if (!breaks) breaks = syllable_breaks(word, dictionary);
    return *breaks;
  };
  const auto on_syllables = [&](const Split& split) {
    return std::ranges::count_if(
        split.starts, [&](std::size_t at) { return may_begin_part(word, syllables(), at); });
  };
  const auto better = [&](const Split& a, const Split& b) {
    if (a.parts.size() != b.parts.size()) return a.parts.size() < b.parts.size();
    if (const auto a_on = on_syllables(a), b_on = on_syllables(b); a_on != b_on) {
      return a_on > b_on;
    }
    return a.shortest > b.shortest;
  };
  // best[i]: the best split of word[i..n) whose last part is a noun (head).
  std::vector<std::optional<Split>> best(n + 1);
  for (std::size_t i = n; i-- > 0;) {
    const std::string_view rest = word.substr(i);
    if (i > 0 && usable_head(rest, dictionary, head_kind) &&
        (head_kind == HeadKind::kAdjective || !head_must_begin_syllable(rest, dictionary) ||
         syllables()[i])) {
      best[i] = Split{{std::string(rest)}, {}, rest.size()};
    }
    for (std::size_t j = i + kMinPart; j + kMinPart <= n; ++j) {
      const std::string_view part = word.substr(i, j - i);
      // No word starts so: nor is any longer part from i a word.
      if (!dictionary.may_start_word(part)) break;
      const Modifier modifier = usable_modifier(part, dictionary);
      if (modifier == Modifier::kNone) continue;
      const bool shortened = modifier != Modifier::kWord;
      // The word a shortened part stands for, looked up once for all its linking elements.
      const std::string shortened_word =
          shortened ? dictionary.shortened_modifier(part) : std::string();
      for (const std::string_view link : CompoundDictionary::kLinkingElements) {
        const std::size_t next = j + link.size();
        if (next > n || word.substr(j, link.size()) != link || !best[next]) continue;
        if (!may_follow(modifier, part, link) ||
            (shortened && is_folded_vowel(word[next]) && !syllables()[next])) {
          continue;
        }
        if (best[next]->parts.size() == 1 && needs_noun_modifier(best[next]->parts.front()) &&
            modifier != Modifier::kNounWithoutE && !dictionary.is_noun(part)) {
          continue;
        }
        Split candidate;
        candidate.parts.reserve(best[next]->parts.size() + 1);
        candidate.parts.emplace_back(shortened ? std::string_view(shortened_word) : part);
        candidate.parts.insert(candidate.parts.end(), best[next]->parts.begin(),
                               best[next]->parts.end());
        candidate.starts.reserve(best[next]->starts.size() + 1);
        candidate.starts.push_back(next);
        candidate.starts.insert(candidate.starts.end(), best[next]->starts.begin(),
                                best[next]->starts.end());
        candidate.shortest = std::min(part.size(), best[next]->shortest);
        if (!best[i] || better(candidate, *best[i])) best[i] = std::move(candidate);
      }
    }
  }
  if (!best[0] || best[0]->parts.size() < 2) return {};
  return std::move(best[0]->parts);
}

// The split of @a word into nouns before an adjective whose first syllable begins the
// head, or nothing. A word the list has in lower case only is an adverb, an adjective or
// a verb form, whose letters fall apart into nouns by chance far more often than into an
// adjective compound: ebenfalls is no eben·falls, dramatisch no drama·tisch, vereinbart
// no verein·bart, aufzugeben no aufzug·eben (ge·ben), parlamentarisch no parlament·arisch
// (ta·risch); verfassungs·widrig, bundes·weit are.
std::vector<std::string> adjective_split(std::string_view word,
                                         const CompoundDictionary& dictionary) {
  std::vector<std::string> parts = best_split(word, dictionary, HeadKind::kAdjective);
  if (parts.empty()) return {};
  // The list spells some nouns in lower case only (schule, grenze); their compounds that
  // drop the -e show them to be nouns: schul·pflichtig, grenz·überschreitend.
  const auto noun = [&](std::string_view part) {
    return dictionary.is_noun(part) ||
           (part.ends_with('e') && dictionary.entry(part.substr(0, part.size() - 1)) ==
                                       CompoundDictionary::Entry::kModifierDroppingE);
  };
  const bool nouns_before_head = std::all_of(parts.begin(), parts.end() - 1, noun);
  const std::size_t head_start = word.size() - parts.back().size();
  if (!nouns_before_head || !syllable_breaks(word, dictionary)[head_start]) return {};
  return parts;
}

}  // namespace

std::vector<std::string> split_compound(std::string_view word,
                                        const CompoundDictionary& dictionary) {
  if (word.size() < kMinCompound || word.size() > kMaxCompound || !is_plain_letters(word))
    return {};
  if (dictionary.is_lower_case_word(word)) return adjective_split(word, dictionary);
  if (const std::string verb = verb_of_verbal_noun(word, dictionary);
      !verb.empty() && best_split(verb, dictionary, HeadKind::kNoun).empty()) {
    return {};
  }
  std::vector<std::string> parts = best_split(word, dictionary, HeadKind::kNoun);
  if (dictionary.is_word(word)) return parts;
  // A word the list lacks may be either kind; the fewer parts win, as within a kind:
  // menschen·gemacht, not mensch·enge·macht.
  std::vector<std::string> adjective_parts = adjective_split(word, dictionary);
  if (!adjective_parts.empty() && (parts.empty() || adjective_parts.size() < parts.size())) {
    return adjective_parts;
  }
  return parts;
}

CompoundSplitFilter::CompoundSplitFilter(const CompoundDictionary& dictionary)
    : dictionary_(&dictionary) {}

CompoundSplitFilter::CompoundSplitFilter() : dictionary_(nullptr) {}

const std::vector<std::string>& CompoundSplitFilter::cached_split(const std::string& word) {
  if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxCacheEntries) cache_.clear();
  if (dictionary_ == nullptr) dictionary_ = &CompoundDictionary::standard();
  return cache_.emplace(word, split_compound(word, *dictionary_)).first->second;
}

void CompoundSplitFilter::apply(TokenStream& tokens) {
  TokenStream out;
  out.reserve(tokens.size() + tokens.size() / 8);
  for (Token& token : tokens) {
    const bool hyphen_joined = token.position_increment == 0 && !token.is_part;
    const bool candidate = !token.is_stop_word && !token.has_digit && !hyphen_joined &&
                           token.text.size() >= kMinCompound;
    const std::vector<std::string>* parts = candidate ? &cached_split(token.text) : nullptr;
    out.push_back(std::move(token));
    if (parts == nullptr) continue;
    for (const std::string& text : *parts) {
      Token part = out.back();  // the compound's offsets: highlighting marks the whole word
      part.text = text;
      part.position_increment = 0;
      part.is_part = false;
      part.is_compound_part = true;
      part.is_stop_word = false;
      out.push_back(std::move(part));
    }
  }
  tokens = std::move(out);
}

}  // namespace archivar
