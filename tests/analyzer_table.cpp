// Table tests of the German analysis chain (common/analysis/analyzer.h): input text → index
// terms in order. Each expected value was worked out by following the chain (ICU words →
// inner dots → hyphen parts → NFKC_Casefold → ä/ö/ü/accent folding → stop words → Snowball
// "german2" stems); surprising stems were confirmed against Xapian::Stem("german2") itself.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyzer.h"

namespace {

using Terms = std::vector<std::string>;

struct Case {
  std::string_view input;
  Terms terms;
  std::string_view documents;  // what the case is there to show
};

// clang-format off
const Case kCases[] = {
    // Nouns: plural and case endings reduce to one stem.
    {"Botschaft", {"botschaft"}, "noun, base form"},
    {"Botschaften", {"botschaft"}, "plural -en joins the singular"},
    {"botschaften", {"botschaft"}, "lower-case noun: same stem as the capitalised one"},
    {"BOTSCHAFTEN", {"botschaft"}, "all capitals: same stem"},
    {"Haus", {"haus"}, "short noun"},
    {"Hauses", {"haus"}, "genitive -es"},
    {"Häuser", {"haus"}, "umlaut plural: german2 undoes the umlaut"},
    {"Häusern", {"haus"}, "dative plural -ern"},
    {"Regierung", {"regier"}, "-ung is a derivational suffix Snowball removes in R2"},
    {"Regierungen", {"regier"}, "plural of an -ung noun"},
    {"Kinder", {"kind"}, "plural -er"},
    {"Kindern", {"kind"}, "dative plural -ern"},
    {"Zeitungen", {"zeitung"}, "-ung kept when it is not in R2 (zeit|ung)"},
    {"Krise", {"kris"}, "final -e removed"},
    {"Krisen", {"kris"}, "plural of Krise"},
    {"Minister", {"minist"}, "-er removed"},
    {"Ministerin", {"ministerin"}, "Snowball does not strip the feminine -in"},
    {"Ministerinnen", {"ministerinn"}, "feminine plural keeps -inn: not the singular's stem"},
    {"Bundesländer", {"bundesland"}, "compound with umlaut plural"},
    {"Äpfel", {"apfel"}, "capital umlaut at the start"},
    {"Wähler", {"wahl"}, "umlaut noun"},
    // Verbs.
    {"laufen", {"lauf"}, "infinitive"},
    {"Laufen", {"lauf"}, "nominalised verb, capitalised: same stem as the verb"},
    {"gelaufen", {"gelauf"}, "participle keeps ge-"},
    {"läuft", {"lauft"}, "third person with umlaut"},
    {"regierte", {"regiert"}, "past tense -te loses only the -e"},
    {"sagten", {"sagt"}, "past plural"},
    {"gesagt", {"gesagt"}, "participle"},
    {"beschlossen", {"beschloss"}, "strong participle -en"},
    // Adjectives.
    {"schnellen", {"schnell"}, "adjective, -en"},
    {"schneller", {"schnell"}, "comparative -er"},
    {"große", {"gross"}, "ß folded to ss, -e removed"},
    {"größten", {"grosst"}, "superlative keeps -st after s (not an st-ending)"},
    {"politischen", {"polit"}, "-isch removed in R2"},
    {"wirtschaftliche", {"wirtschaft"}, "-lich removed in R2"},
    {"deutschen", {"deutsch"}, "-isch not removed outside R2"},
    // Capitalisation.
    {"REGIERUNG", {"regier"}, "all capitals"},
    {"WÄHLER", {"wahl"}, "capital umlaut inside a word"},
    // ß and umlauts, both spellings.
    {"Straße", {"strass"}, "ß = ss"},
    {"Strasse", {"strass"}, "ss spelling"},
    {"STRASSE", {"strass"}, "capitals, ss spelling"},
    {"STRAẞE", {"strass"}, "capital sharp s U+1E9E"},
    {"München", {"munch"}, "ü"},
    {"Muenchen", {"munch"}, "ue spelling of ü"},
    {"MÜNCHEN", {"munch"}, "capital Ü"},
    {"Mu\u0308nchen", {"munch"}, "decomposed u + U+0308 composes to ü"},
    {"Müller", {"mull"}, "ü in a name"},
    {"Mueller", {"mull"}, "ue in a name"},
    {"Waehler", {"wahl"}, "ae spelling of ä"},
    {"Außenminister", {"aussenminist"}, "ß inside a compound"},
    {"Aussenminister", {"aussenminist"}, "ss inside a compound"},
    {"AUSSENMINISTER", {"aussenminist"}, "capitals"},
    {"Größe", {"gross"}, "ö and ß"},
    {"Groesse", {"gross"}, "oe and ss"},
    {"Öl", {"ol"}, "two-letter word with capital Ö"},
    // Stop words are marked, not removed: they still make terms (stemmed like others).
    {"der und die", {"der", "und", "die"}, "stop words produce terms"},
    {"für", {"fur"}, "stop word with umlaut"},
    {"fuer", {"fur"}, "its ue spelling"},
    {"über", {"uber"}, "stop word über"},
    {"Die Linke", {"die", "link"}, "phrase with a stop word"},
    {"im Jahr 2022", {"im", "jahr", "2022"}, "stop word, noun, year"},
    {"Die Regierung hat gestern beschlossen", {"die", "regier", "hat", "gest", "beschloss"},
     "a sentence: one term per word, in order"},
    // Hyphenated words: first part, joined form, remaining parts.
    {"Ukraine-Krise", {"ukrain", "ukrainekris", "kris"}, "two parts"},
    {"Corona-Pandemie", {"corona", "coronapandemi", "pandemi"}, "two parts"},
    {"Baden-Württemberg", {"bad", "badenwurttemberg", "wurttemberg"}, "umlaut in a part"},
    {"Nord-Süd-Gefälle", {"nord", "nordsudgefall", "sud", "gefall"}, "three parts"},
    {"Anti-Terror-Gesetz", {"anti", "antiterrorgesetz", "terror", "gesetz"}, "three parts"},
    {"SPD-Chef", {"spd", "spdchef", "chef"}, "abbreviation as first part"},
    {"Ukraine\u2011Krise", {"ukrain", "ukrainekris", "kris"}, "non-breaking hyphen U+2011"},
    {"Ukraine\u2010Krise", {"ukrain", "ukrainekris", "kris"}, "hyphen U+2010"},
    {"Ukraine\u2013Krise", {"ukrain", "kris"}, "an en dash separates, it does not join"},
    {"Ukraine--Krise", {"ukrain", "kris"}, "two hyphens separate"},
    {"Ukraine- und Russland-Krise", {"ukrain", "und", "russland", "russlandkris", "kris"},
     "a hanging hyphen joins nothing"},
    {"Ukraine\u00AD-Krise", {"ukrain", "ukrainekris", "kris"}, "soft hyphen before a hyphen"},
    {"e-mail", {"e", "email", "mail"}, "one-letter first part"},
    {"E-Mail", {"e", "email", "mail"}, "same, capitalised"},
    // Digits: words with digits are not stemmed.
    {"COVID-19", {"covid", "covid19", "19"}, "hyphenated name with a number"},
    {"Covid-19-Pandemie", {"covid", "covid19pandemie", "19", "pandemi"},
     "the joined form contains a digit, so it is not stemmed; its letter part is"},
    {"G20-Gipfel", {"g20", "g20gipfel", "gipfel"}, "letters and digits in a part"},
    {"5G", {"5g"}, "digit + letter stays one unstemmed term"},
    {"5G-Netz", {"5g", "5gnetz", "netz"}, "5G in a hyphenated word"},
    {"2022", {"2022"}, "a year"},
    // Dots.
    {"U.S.", {"us"}, "abbreviation dots dropped"},
    {"US", {"us"}, "the same abbreviation without dots"},
    {"z.B.", {"zb"}, "German abbreviation"},
    {"i.d.R.", {"idr"}, "three one-letter segments"},
    {"1.200", {"1200"}, "thousands separator dropped"},
    {"1.200.000", {"1200000"}, "two thousands separators"},
    {"3,5", {"3,5"}, "decimal comma kept"},
    {"3.5", {"3.5"}, "decimal point kept (not a thousands group)"},
    {"1.20", {"1.20"}, "last group not three digits: kept"},
    {"24.02.2022", {"24.02.2022"}, "a date is not a grouped number: kept"},
    {"spiegel.de", {"spiegel.d"}, "domain with a long segment keeps its dot (then stemmed)"},
    {"faz.net", {"faznet"}, "segments of at most three letters read as an abbreviation"},
    {"CDU/CSU", {"cdu", "csu"}, "slash separates"},
    // Invisible characters inside words.
    {"Bot\u00ADschaft", {"botschaft"}, "soft hyphen inside a word"},
    {"Bot\u00ADschaf\u00ADten", {"botschaft"}, "two soft hyphens, plural"},
    {"Bot\u200Bschaften", {"botschaft"}, "zero-width space inside a word"},
    {"Bot\u200Dschaft", {"botschaft"}, "zero-width joiner inside a word"},
    {"\uFEFFRegierung", {"regier"}, "byte order mark before a word"},
    // NFKC: ligatures and width variants.
    {"Pro\uFB01", {"profi"}, "ligature fi U+FB01"},
    {"Au\uFB02age", {"auflag"}, "ligature fl U+FB02"},
    {"ＢＭＷ", {"bmw"}, "fullwidth letters"},
    {"２０２２", {"2022"}, "fullwidth digits"},
    // Accents other than umlauts are dropped.
    {"Café", {"caf"}, "é → e"},
    {"Cafe", {"caf"}, "same without the accent"},
    {"Škoda", {"skoda"}, "Š → s"},
    {"Curaçao", {"curacao"}, "ç → c"},
    {"İstanbul", {"istanbul"}, "capital dotted I folds to i + dot, the dot is dropped"},
    // Apostrophes.
    {"Peter's", {"pet"}, "apostrophe dropped: stems as Peters and Peter do (-er removed)"},
    {"geht's", {"geht"}, "contraction: apostrophe dropped, the clitic -s stemmed away"},
    {"'Zitat'", {"zitat"}, "apostrophes used as quotes are dropped"},
    {"„Zeitenwende“", {"zeitenw"}, "German quotes dropped; -end removed in R2"},
    // No words at all.
    {"", {}, "empty input"},
    {"   \n\t", {}, "white space only"},
    {"…!?", {}, "punctuation only"},
    {"- \u2013 \u2014", {}, "dashes only"},
    {"„“ ‚‘ «»", {}, "quotation marks only"},
    {"\xF0\x9F\x98\x80", {}, "an emoji is not a word"},
};
// clang-format on

// The table documents the chain up to stemming; the parts that compound splitting adds
// are documented by analyzer_compounds.cpp.
// The chain before the dictionary steps: compounds and weak and strong verbs have tables of
// their own.
const archivar::AnalyzerOptions kWithoutCompounds{
    .split_compounds = false, .weak_verbs = false, .particle_verbs = false, .strong_verbs = false};

}  // namespace

TEST_CASE("analyzer table: German text to index terms", "[analyzer]") {
  STATIC_REQUIRE(sizeof(kCases) / sizeof(kCases[0]) >= 70);
  archivar::Analyzer analyzer(kWithoutCompounds);
  for (const Case& c : kCases) {
    INFO("input: \"" << c.input << "\" (" << c.documents << ")");
    CHECK(analyzer.terms(c.input) == c.terms);
  }
}

TEST_CASE("analyzer table: one analyzer gives the same terms when reused", "[analyzer]") {
  // The analyzer keeps a break iterator between calls; a second pass must not differ.
  archivar::Analyzer analyzer(kWithoutCompounds);
  for (const Case& c : kCases) (void)analyzer.terms(c.input);
  for (const Case& c : kCases) {
    INFO("input: \"" << c.input << "\"");
    CHECK(analyzer.terms(c.input) == c.terms);
  }
}

TEST_CASE("analyzer: a sentence with a hyphenated word, an umlaut, a year and a full stop",
          "[analyzer]") {
  archivar::Analyzer analyzer(kWithoutCompounds);
  const Terms expected = {"die",   "ukrain", "ukrainekris", "kris", "hat",
                          "munch", "im",     "jahr",        "2022", "erreicht"};
  CHECK(analyzer.terms("Die Ukraine-Krise hat München im Jahr 2022 erreicht.") == expected);
}

// InnerPunctuationFilter promises to drop dots only in abbreviations "whose every segment
// is one to three letters"; "zeit.de" is named in its header as a token that stays as it is.
// It measures segments in bytes (up to 6), so four- to six-letter segments lose their dots.
TEST_CASE("analyzer: a domain with a four-letter segment keeps its dot", "[analyzer]") {
  archivar::Analyzer analyzer(kWithoutCompounds);
  // Stem of "zeit.de" is "zeit.d" (confirmed with Xapian::Stem("german2")).
  CHECK(analyzer.terms("zeit.de") == Terms{"zeit.d"});
  CHECK(analyzer.terms("heise.de") == Terms{"heise.d"});
}

// InnerPunctuationFilter runs on the whole hyphenated token before HyphenSplitFilter, and a
// token with a hyphen is neither a grouped number nor an abbreviation, so the number part of
// "1.200-Euro-Job" keeps its dot: "1.200 Euro" (→ "1200") does not find it.
TEST_CASE("analyzer: a grouped number inside a hyphenated word loses its dots too", "[analyzer]") {
  archivar::Analyzer analyzer(kWithoutCompounds);
  CHECK(analyzer.terms("1.200-Euro-Job") == Terms{"1200", "1200eurojob", "euro", "job"});
}

// CaseFoldFilter unifies width variants (NFKC), but it runs after InnerPunctuationFilter,
// which only knows the ASCII full stop: fullwidth "１．２００" ends up as "1.200", not "1200".
TEST_CASE("analyzer: fullwidth spellings of dotted numbers and abbreviations unify", "[analyzer]") {
  archivar::Analyzer analyzer(kWithoutCompounds);
  CHECK(analyzer.terms("１．２００") == Terms{"1200"});
  CHECK(analyzer.terms("Ｕ．Ｓ．") == Terms{"us"});
}

// German news mostly writes the typographic apostrophe U+2019, readers type the ASCII one.
TEST_CASE("analyzer: typographic and ASCII apostrophes give the same term", "[analyzer]") {
  archivar::Analyzer analyzer(kWithoutCompounds);
  CHECK(analyzer.terms("geht\u2019s") == analyzer.terms("geht's"));
}
