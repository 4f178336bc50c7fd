#include "common/analysis/strong_verb_filter.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/analysis/verb_prefixes.h"

namespace archivar {
namespace {

// Each verb's infinitive, then the forms that no ending derives from it: the present with
// a changed vowel, the past, the participle and the common past subjunctive, folded as the
// analyzer folds. Forms whose everyday sense is another word are left out: "weiss"
// (white), "sog" (sogenannt), "fuehre" (führen), and the participles "gefallen" and
// "geraten", infinitives of verbs of their own.
constexpr std::array kStrongVerbs = {
    "befehlen befiehlt befahl befohlen",
    "beginnen begann begonnen",
    "beissen biss gebissen",
    "bergen birgt barg geborgen",
    "bersten birst barst geborsten",
    "bewegen bewog bewogen",
    "biegen bog gebogen",
    "bieten bot geboten boete",
    "binden band gebunden",
    "bitten bat gebeten",
    "blasen blaest blies geblasen",
    "bleiben blieb geblieben",
    "braten braet briet gebraten",
    "brechen bricht brach gebrochen",
    "brennen brannte gebrannt",
    "bringen brachte gebracht braechte",
    "denken dachte gedacht daechte",
    "dreschen drischt drosch gedroschen",
    "dringen drang gedrungen",
    "duerfen darf durfte gedurft duerfte",
    "empfangen empfaengt empfing",
    "empfehlen empfiehlt empfahl empfohlen",
    "erloeschen erlischt erlosch erloschen",
    "erschrecken erschrickt erschrak",
    "essen isst ass gegessen",
    "fahren faehrt fuhr gefahren",
    "fallen faellt fiel",
    "fangen faengt fing gefangen",
    "fechten ficht focht gefochten",
    "finden fand gefunden faende",
    "flechten flicht flocht geflochten",
    "fliegen flog geflogen",
    "fliehen floh geflohen",
    "fliessen floss geflossen",
    "fressen frisst frass gefressen",
    "frieren fror gefroren",
    "gebaeren gebar geboren",
    "geben gibt gab gegeben gaebe",
    "gedeihen gedieh gediehen",
    "gehen ging gegangen ginge",
    "gelingen gelang gelungen gelaenge",
    "gelten gilt galt gegolten",
    "genesen genas",
    "geniessen genoss genossen",
    "geschehen geschieht geschah",
    "gewinnen gewann gewonnen",
    "giessen goss gegossen",
    "gleichen glich geglichen",
    "gleiten glitt geglitten",
    "graben graebt grub gegraben",
    "greifen griff gegriffen",
    "halten haelt hielt gehalten hielte",
    "haengen hing gehangen",
    "heben hob gehoben",
    "heissen hiess geheissen",
    "helfen hilft half geholfen",
    "kennen kannte gekannt",
    "klingen klang geklungen",
    "kneifen kniff gekniffen",
    "kommen kam gekommen kaeme",
    "koennen kann konnte gekonnt koennte",
    "kriechen kroch gekrochen",
    "laden laedt lud geladen",
    "lassen laesst liess gelassen",
    "laufen laeuft lief gelaufen",
    "leiden litt gelitten",
    "leihen lieh geliehen",
    "lesen liest las gelesen",
    "liegen lag gelegen laege",
    "luegen log gelogen",
    "meiden mied gemieden",
    "melken molk gemolken",
    "messen misst mass gemessen",
    "misslingen misslang misslungen",
    "moegen mag mochte gemocht moechte",
    "muessen muss musste gemusst muesste",
    "nehmen nimmt nahm genommen naehme",
    "nennen nannte genannt",
    "pfeifen pfiff gepfiffen",
    "preisen pries gepriesen",
    "quellen quillt quoll gequollen",
    "raten raet riet",
    "reiben rieb gerieben",
    "reissen riss gerissen",
    "reiten ritt geritten",
    "rennen rannte gerannt",
    "riechen roch gerochen",
    "ringen rang gerungen",
    "rinnen rann geronnen",
    "rufen rief gerufen",
    "saufen saeuft soff gesoffen",
    "saugen gesogen",
    "schaffen schuf geschaffen",
    "scheiden schied geschieden",
    "scheinen schien geschienen",
    "schelten schilt schalt gescholten",
    "scheren schor geschoren",
    "schieben schob geschoben",
    "schiessen schoss geschossen",
    "schlafen schlaeft schlief geschlafen",
    "schlagen schlaegt schlug geschlagen",
    "schleichen schlich geschlichen",
    "schleifen schliff geschliffen",
    "schliessen schloss geschlossen",
    "schlingen schlang geschlungen",
    "schmeissen schmiss geschmissen",
    "schmelzen schmilzt schmolz geschmolzen",
    "schneiden schnitt geschnitten",
    "schreiben schrieb geschrieben",
    "schreien schrie geschrien",
    "schreiten schritt geschritten",
    "schweigen schwieg geschwiegen",
    "schwellen schwillt schwoll geschwollen",
    "schwimmen schwamm geschwommen",
    "schwinden schwand geschwunden",
    "schwingen schwang geschwungen",
    "schwoeren schwor geschworen",
    "sehen sieht sah gesehen saehe",
    "senden sandte gesandt",
    "singen sang gesungen",
    "sinken sank gesunken",
    "sinnen sann gesonnen",
    "sitzen sass gesessen",
    "spinnen spann gesponnen",
    "sprechen spricht sprach gesprochen",
    "spriessen spross gesprossen",
    "springen sprang gesprungen",
    "stechen sticht stach gestochen",
    "stehen stand gestanden stuende staende",
    "stehlen stiehlt stahl gestohlen",
    "steigen stieg gestiegen",
    "sterben stirbt starb gestorben",
    "stinken stank gestunken",
    "stossen stoesst stiess gestossen",
    "streichen strich gestrichen",
    "streiten stritt gestritten",
    "tragen traegt trug getragen",
    "treffen trifft traf getroffen",
    "treiben trieb getrieben",
    "treten tritt trat getreten",
    "trinken trank getrunken",
    "truegen trog getrogen",
    "tun tut tat getan taete",
    "verderben verdirbt verdarb verdorben",
    "verdriessen verdross verdrossen",
    "vergessen vergisst vergass",
    "verlieren verlor verloren",
    "verzeihen verzieh",
    "wachsen waechst wuchs gewachsen",
    "waschen waescht wusch gewaschen",
    "weichen wich gewichen",
    "weisen wies gewiesen",
    "wenden wandte gewandt",
    "werben wirbt warb geworben",
    "werfen wirft warf geworfen",
    "wiegen wog gewogen",
    "winden wand gewunden",
    "wissen wusste gewusst wuesste",
    "wollen will wollte gewollt",
    "ziehen zog gezogen",
    "zwingen zwang gezwungen",
};

// Participles that, with a prefix, are adjectives of another sense than the verb the table
// would give: "bekannt" is not "bekennen", "verschieden" not "verscheiden".
constexpr std::array<std::string_view, 4> kOtherWords = {"bekannt", "verschieden", "verwandt",
                                                         "vergangen"};

// Endings that the past, the subjunctive and the participle take ("starb|en",
// "gestorben|e"), shortest first: the longest form wins ("an|er|kannt" is "gekannt"
// without its "ge", not "kann" + "t").
constexpr std::array<std::string_view, 11> kEndings = {"",   "e",  "n",  "t",  "en", "er",
                                                       "es", "em", "st", "et", "est"};

template <typename Visit>
void for_each_form(std::string_view forms, Visit&& visit) {
  while (!forms.empty()) {
    const std::size_t end = forms.find(' ');
    visit(forms.substr(0, end));
    forms = end == std::string_view::npos ? std::string_view{} : forms.substr(end + 1);
  }
}

class StrongVerbForms {
 public:
  /// A verb of the table, as strong_verb_forms_of() looks for it.
  struct Verb {
    std::string_view infinitive;
    std::string_view bare;  ///< without -en or -n
    std::string stem;       ///< bare, with ae, oe, ue as the vowel alone, as german2 stems
    std::vector<std::string_view> forms;  ///< each participle also without its "ge"
  };

  StrongVerbForms() {
    for (const std::string_view line : kStrongVerbs) {
      const std::size_t space = line.find(' ');
      Verb& verb = verbs_.emplace_back();
      verb.infinitive = line.substr(0, space);
      verb.bare = verb.infinitive.substr(0, verb.infinitive.size() - 1);
      if (verb.bare.ends_with('e')) verb.bare.remove_suffix(1);
      for (std::size_t i = 0; i < verb.bare.size(); ++i) {
        verb.stem += verb.bare[i];
        const char c = verb.bare[i];
        if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < verb.bare.size() &&
            verb.bare[i + 1] == 'e') {
          ++i;
        }
      }
      for_each_form(line.substr(space + 1), [&](std::string_view form) {
        infinitive_of_.emplace(form, verb.infinitive);
        verb.forms.push_back(form);
        if (form.starts_with("ge") && form.size() > 4) verb.forms.push_back(form.substr(2));
      });
    }
  }

  /// The infinitive of @a form as the table has it, or empty.
  std::string_view infinitive(std::string_view form) const {
    const auto found = infinitive_of_.find(form);
    return found == infinitive_of_.end() ? std::string_view{} : found->second;
  }

  const std::vector<Verb>& verbs() const { return verbs_; }

 private:
  std::vector<Verb> verbs_;
  std::unordered_map<std::string_view, std::string_view> infinitive_of_;
};

const StrongVerbForms& strong_verb_forms() {
  static const StrongVerbForms forms;
  return forms;
}

// The infinitive of @a rest, the word after @a prefix: a table form with one of the
// endings, or an inseparable prefix's participle, which drops the "ge" ("ver|storben").
std::string infinitive_after(std::string_view prefix, std::string_view rest) {
  const StrongVerbForms& forms = strong_verb_forms();
  for (const std::string_view ending : kEndings) {
    if (rest.size() <= ending.size() || !rest.ends_with(ending)) continue;
    const std::string_view form = rest.substr(0, rest.size() - ending.size());
    std::string_view infinitive = forms.infinitive(form);
    if (infinitive.empty() && !prefix.empty()) {
      infinitive = forms.infinitive("ge" + std::string(form));
    }
    if (!infinitive.empty()) return std::string(prefix) + std::string(infinitive);
  }
  return {};
}

std::string with_ss(std::string_view word) {
  std::string spelt(word);
  for (std::size_t at = spelt.find("\xC3\x9F"); at != std::string::npos;
       at = spelt.find("\xC3\x9F", at)) {
    spelt.replace(at, 2, "ss");
  }
  return spelt;
}

}  // namespace

std::string strong_verb_infinitive(std::string_view folded_word,
                                   const CompoundDictionary& dictionary) {
  // Words that keep ß (the sharp-s option) are looked up as the table spells them.
  const std::string word = with_ss(folded_word);
  if (word.size() < 3 || std::ranges::find(kOtherWords, word) != kOtherWords.end()) return {};
  // A bare table form needs no word list; anything longer must be a verb form it knows.
  if (const std::string_view bare = strong_verb_forms().infinitive(word); !bare.empty()) {
    return std::string(bare);
  }
  if (!dictionary.is_lower_case_word(folded_word)) return {};
  if (std::string infinitive = infinitive_after({}, word); !infinitive.empty()) return infinitive;
  for (const std::string_view first : verb_prefixes()) {
    if (!word.starts_with(first) || word.size() < first.size() + 3) continue;
    const std::string_view rest = std::string_view(word).substr(first.size());
    if (std::string infinitive = infinitive_after(first, rest); !infinitive.empty()) {
      return infinitive;
    }
    for (const std::string_view second : verb_prefixes()) {  // "an|er|kannt"
      if (!rest.starts_with(second) || rest.size() < second.size() + 3) continue;
      const std::string prefixes = std::string(first) + std::string(second);
      if (std::string infinitive = infinitive_after(prefixes, rest.substr(second.size()));
          !infinitive.empty()) {
        return infinitive;
      }
    }
  }
  return {};
}

std::vector<std::string_view> strong_verb_forms_of(std::string_view term) {
  std::vector<std::string_view> found;
  for (const StrongVerbForms::Verb& verb : strong_verb_forms().verbs()) {
    if (term.ends_with(verb.stem) || term.ends_with(verb.bare) || term.ends_with(verb.infinitive)) {
      found.insert(found.end(), verb.forms.begin(), verb.forms.end());
    }
  }
  return found;
}

void StrongVerbFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    // Capitalised words are nouns ("Stand", "Schloss", "Band") but for the first word of a
    // sentence, where a German verb rarely stands.
    if (token.is_stop_word || token.has_digit || token.is_compound_part || token.capitalised) {
      continue;
    }
    if (dictionary_ == nullptr) dictionary_ = &CompoundDictionary::standard();
    std::string infinitive = strong_verb_infinitive(token.text, *dictionary_);
    if (!infinitive.empty() && infinitive != token.text) token.text = std::move(infinitive);
  }
}

}  // namespace archivar
