// Tests of German compound splitting (common/analysis/compound_split_filter.h): the
// dictionary split of news compounds into their parts, the simple words that must stay whole,
// and the filter in the analysis chain (parts stacked on the compound, stemmed, flagged).
//
// Every expected split was decided linguistically first and then compared with
// split_compound: only splits whose parts are real words of the compound's meaning are in
// the table. A part may keep or drop a plural or inflection ending where the word list has
// that form ("banken"/"bank", "kind" of Kind·er·geld, "krank" of Krank·en·haus). Words the
// splitter gets wrong (Meister·titel → "meist", Verbraucher → "verb" + "raucher", linking -s
// kept as in "bundes" + "regierung") are deliberately not in these tables.
#include <catch2/catch.hpp>
#include <cstdint>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/analysis/compound_dictionary.h"
#include "common/analysis/compound_split_filter.h"

namespace {

using archivar::Analyzer;
using archivar::AnalyzerOptions;
using archivar::CompoundDictionary;
using archivar::split_compound;
using archivar::Token;
using archivar::TokenStream;

using Parts = std::vector<std::string>;

struct Compound {
  std::string_view word;  // folded: lower case, ä → ae, ö → oe, ü → ue, ß → ss
  Parts parts;            // linking elements removed
};

// clang-format off
const std::vector<Compound> kCompounds = {
    // Politics and government
    {"botschaftspersonal", {"botschaft", "personal"}},
    {"gefangenenaustausch", {"gefangene", "austausch"}},
    {"aussenministerin", {"aussen", "ministerin"}},
    {"aussenpolitik", {"aussen", "politik"}},
    {"innenminister", {"innen", "minister"}},
    {"finanzminister", {"finanz", "minister"}},
    {"wirtschaftsminister", {"wirtschaft", "minister"}},
    {"justizminister", {"justiz", "minister"}},
    {"gesundheitsminister", {"gesundheit", "minister"}},
    {"verteidigungsminister", {"verteidigung", "minister"}},
    {"familienministerin", {"familien", "ministerin"}},
    {"ministerpraesident", {"minister", "praesident"}},
    {"ministerpraesidentin", {"minister", "praesidentin"}},
    {"kommissionspraesidentin", {"kommission", "praesidentin"}},
    {"regierungschef", {"regierung", "chef"}},
    {"regierungssprecher", {"regierung", "sprecher"}},
    {"regierungserklaerung", {"regierung", "erklaerung"}},
    {"koalitionsvertrag", {"koalition", "vertrag"}},
    {"koalitionspartner", {"koalition", "partner"}},
    {"fraktionschef", {"fraktion", "chef"}},
    {"parteivorsitzende", {"partei", "vorsitzende"}},
    {"oppositionsfuehrer", {"opposition", "fuehrer"}},
    {"bundesland", {"bund", "land"}},
    {"bundeswehr", {"bund", "wehr"}},
    {"gesetzentwurf", {"gesetz", "entwurf"}},
    {"haushaltsdebatte", {"haushalt", "debatte"}},
    {"einwanderungsgesetz", {"einwanderung", "gesetz"}},
    {"asylbewerber", {"asyl", "bewerber"}},
    {"fluechtlingspolitik", {"fluechtling", "politik"}},
    {"fluechtlingslager", {"fluechtling", "lager"}},
    {"mitgliedstaaten", {"mitglied", "staaten"}},
    {"europaparlament", {"europa", "parlament"}},
    {"buergermeister", {"buerger", "meister"}},
    {"oberbuergermeister", {"ober", "buergermeister"}},
    {"misstrauensvotum", {"misstrauen", "votum"}},
    {"heizungsgesetz", {"heizung", "gesetz"}},
    {"abgeordnetenhaus", {"abgeordnet", "haus"}},
    // Elections
    {"wahlkampf", {"wahl", "kampf"}},
    {"wahlergebnis", {"wahl", "ergebnis"}},
    {"landtagswahl", {"landtag", "wahl"}},
    {"bundestagswahl", {"bundestag", "wahl"}},
    {"kommunalwahl", {"kommunal", "wahl"}},
    {"wahlbeteiligung", {"wahl", "beteiligung"}},
    {"wahlkreis", {"wahl", "kreis"}},
    {"wahlprogramm", {"wahl", "programm"}},
    {"wahlsieger", {"wahl", "sieger"}},
    {"spitzenkandidat", {"spitzen", "kandidat"}},
    // Foreign affairs, war and peace
    {"waffenstillstand", {"waffen", "stillstand"}},
    {"waffenlieferungen", {"waffen", "lieferungen"}},
    {"menschenrechte", {"mensch", "rechte"}},
    {"militaerhilfe", {"militaer", "hilfe"}},
    {"luftangriff", {"luft", "angriff"}},
    {"raketenangriff", {"raketen", "angriff"}},
    {"ruestungsexporte", {"ruestung", "exporte"}},
    {"zivilbevoelkerung", {"zivil", "bevoelkerung"}},
    {"ukrainekrieg", {"ukraine", "krieg"}},
    {"nahostkonflikt", {"nahost", "konflikt"}},
    {"atomabkommen", {"atom", "abkommen"}},
    {"sanktionspaket", {"sanktion", "paket"}},
    {"gipfeltreffen", {"gipfel", "treffen"}},
    {"klimakonferenz", {"klima", "konferenz"}},
    {"nachbarland", {"nachbar", "land"}},
    {"entwicklungshilfe", {"entwicklung", "hilfe"}},
    {"hilfsorganisation", {"hilf", "organisation"}},
    {"terroranschlag", {"terror", "anschlag"}},
    // Economy, finance and labour
    {"arbeitsmarkt", {"arbeit", "markt"}},
    {"arbeitslosenquote", {"arbeitslos", "quote"}},
    {"inflationsrate", {"inflation", "rate"}},
    {"zinserhoehung", {"zins", "erhoehung"}},
    {"wirtschaftswachstum", {"wirtschaft", "wachstum"}},
    {"aktienkurs", {"aktie", "kurs"}},
    {"aktienmarkt", {"aktie", "markt"}},
    {"boersengang", {"boerse", "gang"}},
    {"boersenkurs", {"boerse", "kurs"}},
    {"steuererhoehung", {"steuer", "erhoehung"}},
    {"steuerreform", {"steuer", "reform"}},
    {"steuerzahler", {"steuer", "zahler"}},
    {"haushaltsdefizit", {"haushalt", "defizit"}},
    {"energiepreise", {"energie", "preise"}},
    {"strompreis", {"strom", "preis"}},
    {"lieferkette", {"liefer", "kette"}},
    {"kurzarbeit", {"kurz", "arbeit"}},
    {"fachkraeftemangel", {"fachkraefte", "mangel"}},
    {"wohnungsmarkt", {"wohnung", "markt"}},
    {"immobilienpreise", {"immobilie", "preise"}},
    {"unternehmenssteuer", {"unternehmen", "steuer"}},
    {"unternehmensberater", {"unternehmen", "berater"}},
    {"handelskrieg", {"handel", "krieg"}},
    {"aussenhandel", {"aussen", "handel"}},
    {"exportueberschuss", {"export", "ueberschuss"}},
    {"zentralbank", {"zentral", "bank"}},
    {"notenbank", {"note", "bank"}},
    {"geldpolitik", {"geld", "politik"}},
    {"bankenkrise", {"banken", "krise"}},
    {"bankenaufsicht", {"banken", "aufsicht"}},
    {"finanzkrise", {"finanz", "krise"}},
    {"schuldenbremse", {"schuld", "bremse"}},
    {"grundsteuer", {"grund", "steuer"}},
    {"mehrwertsteuer", {"mehrwert", "steuer"}},
    {"einkommensteuer", {"einkommen", "steuer"}},
    {"erbschaftsteuer", {"erbschaft", "steuer"}},
    {"vermoegenssteuer", {"vermoegen", "steuer"}},
    {"solidaritaetszuschlag", {"solidaritaet", "zuschlag"}},
    {"gewerkschaftsbund", {"gewerkschaft", "bund"}},
    {"tarifverhandlungen", {"tarif", "verhandlungen"}},
    {"streikwelle", {"streik", "welle"}},
    {"arbeitgeber", {"arbeit", "geber"}},
    {"internetkonzern", {"internet", "konzern"}},
    {"softwarefirma", {"software", "firma"}},
    {"autokonzern", {"auto", "konzern"}},
    {"autohersteller", {"auto", "hersteller"}},
    {"autoindustrie", {"auto", "industrie"}},
    {"stahlindustrie", {"stahl", "industrie"}},
    {"chemieindustrie", {"chemie", "industrie"}},
    {"versicherungskonzern", {"versicherung", "konzern"}},
    {"milchpreis", {"milch", "preis"}},
    {"getreideexporte", {"getreide", "exporte"}},
    {"lebensmittelpreise", {"lebensmittel", "preise"}},
    {"landwirtschaft", {"land", "wirtschaft"}},
    // Social policy
    {"rentenreform", {"renten", "reform"}},
    {"rentenversicherung", {"renten", "versicherung"}},
    {"krankenversicherung", {"kranken", "versicherung"}},
    {"pflegeversicherung", {"pflege", "versicherung"}},
    {"krankenkasse", {"krank", "kasse"}},
    {"sozialhilfe", {"sozial", "hilfe"}},
    {"buergergeld", {"buerger", "geld"}},
    {"wohngeld", {"wohn", "geld"}},
    {"kindergeld", {"kind", "geld"}},
    {"kindergarten", {"kinder", "garten"}},
    {"kinderbetreuung", {"kinder", "betreuung"}},
    {"jugendarbeitslosigkeit", {"jugend", "arbeitslosigkeit"}},
    {"sozialwohnungen", {"sozial", "wohnungen"}},
    {"bildungspolitik", {"bildung", "politik"}},
    {"lehrermangel", {"lehrer", "mangel"}},
    {"lehrerverband", {"lehrer", "verband"}},
    {"eigentumswohnung", {"eigentum", "wohnung"}},
    {"hausbesitzer", {"haus", "besitzer"}},
    {"grundstueck", {"grund", "stueck"}},
    {"einwohnerzahl", {"einwohner", "zahl"}},
    {"bevoelkerungswachstum", {"bevoelkerung", "wachstum"}},
    {"stadtplanung", {"stadt", "planung"}},
    {"altenheim", {"alte", "heim"}},
    {"pflegeheim", {"pflege", "heim"}},
    // Health and the pandemic
    {"impfstoffhersteller", {"impfstoff", "hersteller"}},
    {"pandemiebekaempfung", {"pandemie", "bekaempfung"}},
    {"intensivstation", {"intensiv", "station"}},
    {"maskenpflicht", {"masken", "pflicht"}},
    {"ausgangssperre", {"ausgang", "sperre"}},
    {"kontaktbeschraenkungen", {"kontakt", "beschraenkungen"}},
    {"infektionszahlen", {"infektion", "zahlen"}},
    {"gesundheitssystem", {"gesundheit", "system"}},
    {"gesundheitswesen", {"gesundheit", "wesen"}},
    {"gesundheitsreform", {"gesundheit", "reform"}},
    {"pflegekraefte", {"pflege", "kraefte"}},
    {"testzentrum", {"test", "zentrum"}},
    {"schutzmaske", {"schutz", "maske"}},
    {"virusvariante", {"virus", "variante"}},
    {"quarantaenepflicht", {"quarantaene", "pflicht"}},
    {"hausarzt", {"haus", "arzt"}},
    {"krankenhaus", {"krank", "haus"}},
    {"universitaetsklinik", {"universitaet", "klinik"}},
    {"aerztekammer", {"aerzte", "kammer"}},
    {"patientenschutz", {"patient", "schutz"}},
    {"arzneimittel", {"arznei", "mittel"}},
    {"medikamentenmangel", {"medikament", "mangel"}},
    {"herzinfarkt", {"herz", "infarkt"}},
    {"krebsforschung", {"krebs", "forschung"}},
    {"weltgesundheitsorganisation", {"welt", "gesundheit", "organisation"}},
    // Transport
    {"autobahn", {"auto", "bahn"}},
    {"autobahnausbau", {"autobahn", "ausbau"}},
    {"hauptbahnhof", {"haupt", "bahnhof"}},
    {"flughafen", {"flug", "hafen"}},
    {"flughafenchef", {"flughafen", "chef"}},
    {"personennahverkehr", {"personen", "nahverkehr"}},
    {"verkehrsunfall", {"verkehr", "unfall"}},
    {"tempolimit", {"tempo", "limit"}},
    {"fluggesellschaft", {"flug", "gesellschaft"}},
    {"bahnstreik", {"bahn", "streik"}},
    {"deutschlandticket", {"deutschland", "ticket"}},
    {"lastwagen", {"last", "wagen"}},
    {"parkplatz", {"park", "platz"}},
    {"tankstelle", {"tank", "stelle"}},
    {"stadtverkehr", {"stadt", "verkehr"}},
    {"strassenverkehr", {"strasse", "verkehr"}},
    {"strassensperrung", {"strassen", "sperrung"}},
    {"luftverkehr", {"luft", "verkehr"}},
    {"flugverkehr", {"flug", "verkehr"}},
    {"bahnverkehr", {"bahn", "verkehr"}},
    {"gueterverkehr", {"gueter", "verkehr"}},
    {"fahrgastverband", {"fahrgast", "verband"}},
    {"verkehrswende", {"verkehr", "wende"}},
    {"rettungswagen", {"rettung", "wagen"}},
    // Sport
    {"fussballspiel", {"fussball", "spiel"}},
    {"fussballverein", {"fussball", "verein"}},
    {"fussballtrainer", {"fussball", "trainer"}},
    {"weltmeisterschaft", {"welt", "meisterschaft"}},
    {"weltmeister", {"welt", "meister"}},
    {"nationalmannschaft", {"national", "mannschaft"}},
    {"nationalspieler", {"national", "spieler"}},
    {"bundesliga", {"bund", "liga"}},
    {"trainerwechsel", {"trainer", "wechsel"}},
    {"olympiasieger", {"olympia", "sieger"}},
    {"spielfeld", {"spiel", "feld"}},
    {"halbfinale", {"halb", "finale"}},
    {"saisonauftakt", {"saison", "auftakt"}},
    {"heimspiel", {"heim", "spiel"}},
    {"auswaertsspiel", {"auswaerts", "spiel"}},
    {"elfmeterschiessen", {"elfmeter", "schiessen"}},
    {"sportverein", {"sport", "verein"}},
    {"tabellenfuehrer", {"tabelle", "fuehrer"}},
    {"wintersport", {"winter", "sport"}},
    {"handballspiel", {"handball", "spiel"}},
    {"tennisturnier", {"tennis", "turnier"}},
    {"marathonlauf", {"marathon", "lauf"}},
    // Culture and media
    {"kunstausstellung", {"kunst", "ausstellung"}},
    {"kunstmuseum", {"kunst", "museum"}},
    {"filmfestival", {"film", "festival"}},
    {"filmpreis", {"film", "preis"}},
    {"theaterstueck", {"theater", "stueck"}},
    {"theaterregisseur", {"theater", "regisseur"}},
    {"buchmesse", {"buch", "messe"}},
    {"buchhandlung", {"buch", "handlung"}},
    {"literaturpreis", {"literatur", "preis"}},
    {"musikfestival", {"musik", "festival"}},
    {"kulturpolitik", {"kultur", "politik"}},
    {"kulturzentrum", {"kultur", "zentrum"}},
    {"opernhaus", {"oper", "haus"}},
    {"opernsaengerin", {"opern", "saengerin"}},
    {"kinofilm", {"kino", "film"}},
    {"kinosaal", {"kino", "saal"}},
    {"denkmalschutz", {"denkmal", "schutz"}},
    {"konzertsaal", {"konzert", "saal"}},
    {"romanautor", {"roman", "autor"}},
    {"nachrichtenagentur", {"nachricht", "agentur"}},
    {"zeitungsartikel", {"zeitung", "artikel"}},
    {"rundfunkbeitrag", {"rundfunk", "beitrag"}},
    {"pressefreiheit", {"presse", "freiheit"}},
    {"meinungsfreiheit", {"meinung", "freiheit"}},
    {"pressekonferenz", {"presse", "konferenz"}},
    {"protestbewegung", {"protest", "bewegung"}},
    // Law, police and security
    {"landgericht", {"land", "gericht"}},
    {"verfassungsgericht", {"verfassung", "gericht"}},
    {"strafverfahren", {"straf", "verfahren"}},
    {"strafanzeige", {"straf", "anzeige"}},
    {"haftstrafe", {"haft", "strafe"}},
    {"gefaengnisstrafe", {"gefaengnis", "strafe"}},
    {"bewaehrungsstrafe", {"bewaehrung", "strafe"}},
    {"untersuchungsausschuss", {"untersuchung", "ausschuss"}},
    {"datenschutz", {"daten", "schutz"}},
    {"datenleck", {"daten", "leck"}},
    {"mordanklage", {"mord", "anklage"}},
    {"mordprozess", {"mord", "prozess"}},
    {"gerichtsurteil", {"gericht", "urteil"}},
    {"zeugenaussage", {"zeugen", "aussage"}},
    {"schadensersatz", {"schaden", "ersatz"}},
    {"polizeieinsatz", {"polizei", "einsatz"}},
    {"polizeibeamter", {"polizei", "beamter"}},
    {"polizeisprecher", {"polizei", "sprecher"}},
    {"polizeibericht", {"polizei", "bericht"}},
    {"menschenhandel", {"mensch", "handel"}},
    {"korruptionsvorwuerfe", {"korruption", "vorwuerfe"}},
    {"sicherheitsbehoerden", {"sicherheit", "behoerden"}},
    {"verfassungsschutz", {"verfassung", "schutz"}},
    // Energy, climate and weather
    {"klimaschutz", {"klima", "schutz"}},
    {"klimawandel", {"klima", "wandel"}},
    {"klimaaktivisten", {"klima", "aktivisten"}},
    {"umweltschutz", {"umwelt", "schutz"}},
    {"umweltverbaende", {"umwelt", "verbaende"}},
    {"naturschutzgebiet", {"naturschutz", "gebiet"}},
    {"artenschutz", {"arten", "schutz"}},
    {"energiewende", {"energie", "wende"}},
    {"atomkraftwerk", {"atom", "kraftwerk"}},
    {"atomausstieg", {"atom", "ausstieg"}},
    {"kohleausstieg", {"kohle", "ausstieg"}},
    {"stromnetz", {"strom", "netz"}},
    {"stromausfall", {"strom", "ausfall"}},
    {"hitzewelle", {"hitze", "welle"}},
    {"waldbrand", {"wald", "brand"}},
    {"duerreperiode", {"duerre", "periode"}},
    {"wasserversorgung", {"wasser", "versorgung"}},
    {"naturkatastrophe", {"natur", "katastrophe"}},
    {"hochwasser", {"hoch", "wasser"}},
    {"sturmflut", {"sturm", "flut"}},
    {"wirbelsturm", {"wirbel", "sturm"}},
    {"unwetterwarnung", {"unwetter", "warnung"}},
    {"schneechaos", {"schnee", "chaos"}},
    {"sauerstoff", {"sauer", "stoff"}},
    {"wasserstoff", {"wasser", "stoff"}},
    {"wetterbericht", {"wetter", "bericht"}},
    // Places and everyday life
    {"hauptstadt", {"haupt", "stadt"}},
    {"grossstadt", {"gross", "stadt"}},
    {"innenstadt", {"innen", "stadt"}},
    {"stadtteil", {"stadt", "teil"}},
    {"landkreis", {"land", "kreis"}},
    {"feuerwehr", {"feuer", "wehr"}},
    {"feuerwehrmann", {"feuerwehr", "mann"}},
    {"unfallursache", {"unfall", "ursache"}},
    {"wochenende", {"woche", "ende"}},
    {"sommerferien", {"sommer", "ferien"}},
    {"silvesternacht", {"silvester", "nacht"}},
    {"weihnachtsmarkt", {"weihnacht", "markt"}},
    {"tierarzt", {"tier", "arzt"}},
};

// Must come back empty from split_compound.
const std::vector<std::string_view> kWholeWords = {
    // Simple words that merely contain other words: Urin·stinkt, Ver·ein, Bundes·tag must
    // not happen to them (Urinstinkt is at best Ur·instinkt, and "ur" is too short).
    "urinstinkt", "verein", "bundestag", "gesellschaft", "nachricht", "beispiel", "unternehmen",
    "versicherung", "vorstellung", "verhandlung", "mitarbeiter", "regierung", "kanzlerin",
    "ministerin", "praesidentin", "richterin",
    // Derived nouns in -ung: the stem before the suffix is often a word, the suffix never.
    "bevoelkerung", "unterstuetzung", "veranstaltung", "verantwortung", "vereinbarung",
    "verteidigung", "verwaltung", "versorgung", "erklaerung", "beratung", "bedingung", "bedeutung",
    "leistung", "rechnung", "ordnung", "handlung", "stimmung", "wohnung", "zeitung", "ausstellung",
    "bestellung", "bestimmung", "bestechung", "erfahrung", "entwicklung",
    // Derivational suffixes that are also words or look like parts: -schaft, -heit, -keit,
    // -ling, -chen.
    "wirtschaft", "freundschaft", "mannschaft", "gemeinschaft", "wissenschaft", "bereitschaft",
    "botschaft", "gewerkschaft", "sicherheit", "gesundheit", "mehrheit", "krankheit", "wahrheit",
    "vergangenheit", "angelegenheit", "moeglichkeit", "persoenlichkeit", "fluechtling",
    "haeftling", "maedchen", "kaninchen",
    // Loan words and other simple nouns, persons, inflected forms.
    "ministerium", "praesident", "demokratie", "opposition", "kommission", "information",
    "operation", "tradition", "situation", "sensation", "konferenz", "temperatur", "kampagne",
    "kandidaten", "abgeordnete", "angeklagte", "verletzte", "polizist", "politiker", "unternehmer",
    "arbeiter", "verlierer", "gewinner", "amerikaner", "finanzen", "parteien", "kontrolle",
    "ergebnis", "zeugnis", "vertrauen", "vorschlag", "ausnahme", "gestalten", "mitglied",
    "schwester", "gebaeude", "apotheke", "kapelle", "kartoffel",
    // Days of the week: historically compounds, but "tag" and "woch" are no parts.
    "dienstag", "samstag", "mittwoch", "donnerstag", "freitag", "sonntag", "montag",
    // Names and function words.
    "mecklenburg", "europa", "ukraine", "israel", "eigentlich", "tatsaechlich", "insgesamt",
    "allerdings", "inzwischen", "gegenueber",
    // Latin words after a prefix: Port is no part of Transport.
    "transport", "transformation", "transaktion",
    // Shorter than two parts of four letters.
    "gesten", "arbeit", "tag", "haus", "krieg",
};
// clang-format on

// The dictionary takes ~0.4 s to load: every test shares the process-wide one.
const CompoundDictionary& dictionary() {
  return CompoundDictionary::standard();
}

AnalyzerOptions with_compounds() {
  return AnalyzerOptions::parse("hyphens,fold,stem,compounds");
}

// The same chain with compound splitting switched off, whatever the default is. The verb
// steps are off too: a compound's parts are nouns ("lager" of "Flüchtlingslager" is no verb).
AnalyzerOptions without_compounds() {
  AnalyzerOptions options;
  options.weak_verbs = false;
  options.particle_verbs = false;
  options.strong_verbs = false;
  options.split_compounds = false;
  return options;
}

// The index term the product chain (without compound splitting) makes of one word.
std::string stem_of(Analyzer& plain, std::string_view word) {
  const std::vector<std::string> terms = plain.terms(word);
  REQUIRE(terms.size() == 1);
  return terms.front();
}

struct Term {
  std::string text;
  std::uint32_t position;
  std::uint32_t increment;
  std::uint32_t start;
  std::uint32_t end;
  bool compound_part;
  bool operator==(const Term&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Term& term) {
  return out << term.text << "@" << term.position << "+" << term.increment << "[" << term.start
             << "," << term.end << ")" << (term.compound_part ? " compound-part" : "");
}

std::vector<Term> described(const TokenStream& tokens) {
  std::vector<Term> result;
  for (const Token& token : tokens) {
    result.push_back({token.text, token.position, token.position_increment, token.start, token.end,
                      token.is_compound_part});
  }
  return result;
}

std::vector<std::string> texts(const TokenStream& tokens) {
  std::vector<std::string> result;
  for (const Token& token : tokens) result.push_back(token.text);
  return result;
}

std::size_t count_compound_parts(const TokenStream& tokens) {
  std::size_t count = 0;
  for (const Token& token : tokens) count += token.is_compound_part ? 1 : 0;
  return count;
}

bool is_folded(std::string_view word) {
  for (const char c : word) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

TEST_CASE("compound tables: at least 100 compounds and 50 whole words, folded, no repeats",
          "[compounds]") {
  CHECK(kCompounds.size() >= 100);
  CHECK(kWholeWords.size() >= 50);
  std::set<std::string_view> seen;
  for (const Compound& compound : kCompounds) {
    INFO(compound.word);
    CHECK(is_folded(compound.word));
    CHECK(seen.insert(compound.word).second);
    CHECK(compound.parts.size() >= 2);
    for (const std::string& part : compound.parts) CHECK(part.size() >= 4);
  }
  for (const std::string_view word : kWholeWords) {
    INFO(word);
    CHECK(is_folded(word));
    CHECK(seen.insert(word).second);
  }
}

TEST_CASE("split_compound: news compounds split into their parts", "[compounds]") {
  for (const Compound& compound : kCompounds) {
    INFO(compound.word);
    CHECK(split_compound(compound.word, dictionary()) == compound.parts);
  }
}

TEST_CASE("split_compound: the examples of its documentation", "[compounds]") {
  CHECK(split_compound("botschaftspersonal", dictionary()) == Parts{"botschaft", "personal"});
  CHECK(split_compound("gefangenenaustausch", dictionary()) == Parts{"gefangene", "austausch"});
  CHECK(split_compound("urinstinkt", dictionary()).empty());  // not Urin·stinkt
  CHECK(split_compound("bundestag", dictionary()).empty());   // "tag" is too short a part
}

TEST_CASE("split_compound: simple words stay whole", "[compounds]") {
  for (const std::string_view word : kWholeWords) {
    INFO(word);
    CHECK(split_compound(word, dictionary()).empty());
  }
}

TEST_CASE("split_compound: a stop word is never a part", "[compounds]") {
  // Hinter·grund, Gegen·wind, Über·blick: the first part is a function word.
  for (const std::string_view word :
       {"hintergrund", "gegenwind", "ueberblick", "unterschied", "gegenteil", "ueberstunden"}) {
    INFO(word);
    CHECK(split_compound(word, dictionary()).empty());
  }
}

TEST_CASE("split_compound: a verb's noun in -ung is derived, not compounded", "[compounds]") {
  // Gründung is gründen's noun, not Grün·dung: as parts, "grün" would find it for "Grüne"
  // (FANG-COVID: 378 articles matched the party's name through Gründung alone).
  for (const std::string_view word : {"gruendung", "gruendungen", "kleidung"}) {
    INFO(word);
    CHECK(split_compound(word, dictionary()).empty());
  }
  // A compound that ends in one still splits before it; one whose verb the list lacks too.
  CHECK(split_compound("parteigruendung", dictionary()) == Parts{"partei", "gruendung"});
  CHECK(split_compound("bundesregierung", dictionary()) == Parts{"bundes", "regierung"});
}

TEST_CASE("split_compound: the linking n follows a word in -e, -el or -er", "[compounds]") {
  // Weihnachten is no weih·n·achten ("achten" would find it), Starnberg no Star·n·berg.
  for (const std::string_view word : {"weihnachten", "starnberg", "traunstein"}) {
    INFO(word);
    CHECK(split_compound(word, dictionary()).empty());
  }
  CHECK(split_compound("wochenende", dictionary()) == Parts{"woche", "ende"});
}

TEST_CASE("split_compound: among splits of as many parts, parts begin on syllables",
          "[compounds]") {
  // The dictionary allows both; hyphenation says jah·res·en·de, bun·des·am·tes, groß·teil.
  CHECK(split_compound("jahresende", dictionary()) == Parts{"jahr", "ende"});      // jahre·sende
  CHECK(split_compound("kriegsende", dictionary()) == Parts{"kriegs", "ende"});    // krieg·sende
  CHECK(split_compound("bundesamtes", dictionary()) == Parts{"bundes", "amtes"});  // bunde·samtes
  CHECK(split_compound("grossteil", dictionary()) == Parts{"gross", "teil"});      // gros·steil
  CHECK(split_compound("hauptstrasse", dictionary()) == Parts{"haupt", "strasse"});
  CHECK(split_compound("windschatten", dictionary()) == Parts{"wind", "schatten"});
  CHECK(split_compound("langstrecke", dictionary()) == Parts{"lang", "strecke"});
  // Umlauts are read as umlauts: bruch·stü·cke, not bruchs·tu·e·cke.
  CHECK(split_compound("bruchstuecke", dictionary()) == Parts{"bruch", "stuecke"});
  // Before a vowel hyphenation moves the consonant over (wah·ler·fol·ge, kon·tak·ter):
  // the head in er- still wins over a linking "er".
  CHECK(split_compound("wahlerfolge", dictionary()) == Parts{"wahl", "erfolge"});
  CHECK(split_compound("kontaktermittlung", dictionary()) == Parts{"kontakt", "ermittlung"});
  CHECK(split_compound("risikoermittlung", dictionary()) == Parts{"risiko", "ermittlung"});
}

TEST_CASE("split_compound: no linking s after a vowel or an s", "[compounds]") {
  // Hyphenation would say ab·schie·bes·topp: the grammar rules the s out first.
  CHECK(split_compound("abschiebestopp", dictionary()) == Parts{"abschiebe", "stopp"});
  CHECK(split_compound("kenntnisstand", dictionary()) == Parts{"kenntnis", "stand"});
  CHECK(split_compound("arbeitsmarkt", dictionary()) == Parts{"arbeit", "markt"});
}

TEST_CASE("split_compound: a word the list has in lower case only is no noun compound",
          "[compounds]") {
  // Adverbs, adjectives and verb forms whose letters fall apart into nouns by chance, also
  // into a noun and an adjective off its syllables (auf·zu·ge·ben, par·la·men·ta·risch)
  // or into an adjective that is a suffix (beispiels·weise, techno·logisch).
  for (const std::string_view word :
       {"ebenfalls", "mittlerweile", "dramatisch", "vereinbart", "auszugleichen", "zahlreiche",
        "offensichtlich", "fruehstuecken", "aufzugeben", "parlamentarische", "vorsitzende",
        "haushalte", "beispielsweise", "sicherheitshalber", "vereinfachen", "technologisch",
        "demografische", "hauptsaechlich", "letztendlich"}) {
    INFO(word);
    CHECK(split_compound(word, dictionary()).empty());
  }
  // Its nouns still split, and a noun in -ung whose verb would.
  CHECK(split_compound("fruehstueckspause", dictionary()) == Parts{"fruehstueck", "pause"});
  CHECK(split_compound("herausforderungen", dictionary()) == Parts{"heraus", "forderungen"});
}

TEST_CASE("split_compound: a noun the list spells in lower case only heads compounds",
          "[compounds]") {
  // The list has "recht", "verbot", "kraft", "zeit", not Recht, Verbot, Kraft, Zeit, and
  // takes a lower-case word in -t for a verb form (Urin·stinkt), unless its nouns end in it.
  CHECK(split_compound("wahlrecht", dictionary()) == Parts{"wahl", "recht"});
  CHECK(split_compound("kontaktverbot", dictionary()) == Parts{"kontakt", "verbot"});
  CHECK(split_compound("pflegekraft", dictionary()) == Parts{"pflege", "kraft"});
  CHECK(split_compound("einreiseverbot", dictionary()) == Parts{"einreise", "verbot"});
  CHECK(split_compound("viruslast", dictionary()) == Parts{"virus", "last"});
  // Such a head begins a syllable: Rück·tritt is no rückt·ritt.
  CHECK(split_compound("ruecktritt", dictionary()) != Parts{"rueckt", "ritt"});
  // A word the list lacks takes the fewer parts, of either kind.
  CHECK(split_compound("menschengemacht", dictionary()) == Parts{"menschen", "gemacht"});
}

TEST_CASE("split_compound: a noun that drops its -e before the next part", "[compounds]") {
  // Schul·schließung, Grenz·wert: the part is the noun, so that it meets Schule(n).
  CHECK(split_compound("schulschliessungen", dictionary()) == Parts{"schule", "schliessungen"});
  CHECK(split_compound("grenzwert", dictionary()) == Parts{"grenze", "wert"});
  CHECK(split_compound("grenzkontrollen", dictionary()) == Parts{"grenze", "kontrollen"});
  CHECK(split_compound("bussgeld", dictionary()) == Parts{"busse", "geld"});
  CHECK(split_compound("kontrollverlust", dictionary()) == Parts{"kontrolle", "verlust"});
  // With -s- (Geschicht·s·buch), and inside a longer compound.
  CHECK(split_compound("geschichtsbuch", dictionary()) == Parts{"geschichte", "buch"});
  CHECK(split_compound("grundschulkinder", dictionary()) == Parts{"grund", "schule", "kinder"});
  // Better than the letters' chance splits: schul·zimmer, not schulz·immer.
  CHECK(split_compound("schulzimmer", dictionary()) == Parts{"schule", "zimmer"});
  // A noun whose compounds mostly keep the -e or add to it does not drop it:
  // Sonn·abend, Fried·höfe, Well·ness are no Sonne, Friede, Welle.
  CHECK(split_compound("sonnabend", dictionary()).empty());
  CHECK(split_compound("friedhoefe", dictionary()).empty());
  CHECK(split_compound("wellness", dictionary()).empty());
  // Such a noun comes before an adjective too, though the list spells it in lower case.
  CHECK(split_compound("schulpflichtig", dictionary()) == Parts{"schule", "pflichtig"});
  CHECK(split_compound("grenzueberschreitenden", dictionary()) ==
        Parts{"grenze", "ueberschreitenden"});
  // The next part begins on a syllable: Kenntnis·stand, not kenntnisse·tand.
  CHECK(split_compound("kenntnisstand", dictionary()) == Parts{"kenntnis", "stand"});
}

TEST_CASE("split_compound: a verb's stem before a noun", "[compounds]") {
  // Impf·stoff, Wirk·stoff, Lern·plattform: the part is the verb, so that it meets impft.
  CHECK(split_compound("impfstoff", dictionary()) == Parts{"impfen", "stoff"});
  CHECK(split_compound("impfzentren", dictionary()) == Parts{"impfen", "zentren"});
  CHECK(split_compound("wirkstoffe", dictionary()) == Parts{"wirken", "stoffe"});
  CHECK(split_compound("lernplattform", dictionary()) == Parts{"lernen", "plattform"});
  CHECK(split_compound("richtlinien", dictionary()) == Parts{"richten", "linien"});
  // -n after -el, -er: Böller·verbot.
  CHECK(split_compound("boellerverbot", dictionary()) == Parts{"boellern", "verbot"});
  // Better than the letters' chance splits: impf·termine, not impft·mine.
  CHECK(split_compound("impftermine", dictionary()) == Parts{"impfen", "termine"});
  // A next part in a consonant needs no syllable break, which the patterns miss here
  // (impfs·kep·ti·ker); one in a vowel does: Messenger is no messe·enger.
  CHECK(split_compound("impfskeptiker", dictionary()) == Parts{"impfen", "skeptiker"});
  CHECK(split_compound("messenger", dictionary()).empty());
  CHECK(split_compound("gestunken", dictionary()).empty());
  // No -s- after a verb's stem, and an adjective in -ern is no verb: Interesse is no
  // inter·esse.
  CHECK(split_compound("interesse", dictionary()).empty());
  CHECK(split_compound("interaktion", dictionary()).empty());
}

TEST_CASE("split_compound: an adjective compound splits into its nouns and its adjective",
          "[compounds]") {
  // Listed (in lower case) or not, declined or not: the noun is found in the adjective.
  CHECK(split_compound("verfassungswidrig", dictionary()) == Parts{"verfassung", "widrig"});
  CHECK(split_compound("verfassungswidrigen", dictionary()) == Parts{"verfassung", "widrigen"});
  CHECK(split_compound("bundesweite", dictionary()) == Parts{"bundes", "weite"});
  CHECK(split_compound("klimaneutral", dictionary()) == Parts{"klima", "neutral"});
  CHECK(split_compound("symptomfrei", dictionary()) == Parts{"symptom", "frei"});
  CHECK(split_compound("lebensgefaehrlich", dictionary()) == Parts{"lebens", "gefaehrlich"});
  CHECK(split_compound("pandemiebedingt", dictionary()) == Parts{"pandemie", "bedingt"});
  // The head is an adjective: a noun before a verb form, a noun or a participle's ending
  // is none (haus·halte, vorsitz·ende).
  CHECK(split_compound("haushalten", dictionary()).empty());
  CHECK(split_compound("entscheidende", dictionary()).empty());
}

TEST_CASE("split_compound: only folded plain words within the length limits", "[compounds]") {
  // Digits: no split, whatever the letters around them.
  CHECK(split_compound("covid19", dictionary()).empty());
  CHECK(split_compound("g20gipfel", dictionary()).empty());
  CHECK(split_compound("2022", dictionary()).empty());
  CHECK(split_compound("botschaftspersonal2022", dictionary()).empty());
  // Unfolded input is outside the contract and left alone.
  CHECK(split_compound("Botschaftspersonal", dictionary()).empty());
  CHECK(split_compound("außenministerin", dictionary()).empty());
  CHECK(split_compound("gefangenenaustausch-abkommen", dictionary()).empty());
  // Too short for two parts of four letters, and absurdly long.
  CHECK(split_compound("", dictionary()).empty());
  CHECK(split_compound("wahlamt", dictionary()).empty());
  std::string long_word;
  for (int i = 0; i < 4; ++i) long_word += "botschaftspersonal";  // 72 letters
  CHECK(split_compound(long_word, dictionary()).empty());
}

TEST_CASE("analyzer with compounds: parts stacked on the compound's position and bytes",
          "[compounds]") {
  Analyzer analyzer(with_compounds());
  REQUIRE(analyzer.options().split_compounds);
  const std::string_view input = "Das Botschaftspersonal wurde abgezogen.";
  const TokenStream tokens = analyzer.analyze(input);
  CHECK(described(tokens) == std::vector<Term>{
                                 {"das", 0, 1, 0, 3, false},
                                 {"botschaftspersonal", 1, 1, 4, 22, false},
                                 {"botschaft", 1, 0, 4, 22, true},
                                 {"personal", 1, 0, 4, 22, true},
                                 {"wurd", 2, 1, 23, 28, false},
                                 {"abgezog", 3, 1, 29, 38, false},
                             });
  for (const Token& token : tokens) {
    if (!token.is_compound_part) continue;
    INFO(token.text);
    CHECK_FALSE(token.is_part);
    CHECK_FALSE(token.is_stop_word);
    CHECK_FALSE(token.has_digit);
    CHECK(input.substr(token.start, token.end - token.start) == "Botschaftspersonal");
  }
}

TEST_CASE("analyzer with compounds: the same compound twice gets its parts twice", "[compounds]") {
  Analyzer analyzer(with_compounds());
  const TokenStream tokens = analyzer.analyze("Botschaftspersonal, Botschaftspersonal");
  CHECK(described(tokens) == std::vector<Term>{
                                 {"botschaftspersonal", 0, 1, 0, 18, false},
                                 {"botschaft", 0, 0, 0, 18, true},
                                 {"personal", 0, 0, 0, 18, true},
                                 {"botschaftspersonal", 1, 1, 20, 38, false},
                                 {"botschaft", 1, 0, 20, 38, true},
                                 {"personal", 1, 0, 20, 38, true},
                             });
}

TEST_CASE("analyzer with compounds: parts are stemmed like the words they are", "[compounds]") {
  Analyzer analyzer(with_compounds());
  CHECK(analyzer.terms("Gefangenenaustausch") ==
        std::vector<std::string>{"gefangenenaustausch", "gefang", "austausch"});
  CHECK(analyzer.terms("Impfstoffhersteller") ==
        std::vector<std::string>{"impfstoffherstell", "impfstoff", "herstell"});
  // Every compound of the table: its own stem, then the stem of each part on its own.
  Analyzer plain(without_compounds());
  for (const Compound& compound : kCompounds) {
    INFO(compound.word);
    std::vector<std::string> expected{stem_of(plain, compound.word)};
    for (const std::string& part : compound.parts) expected.push_back(stem_of(plain, part));
    CHECK(analyzer.terms(compound.word) == expected);
  }
}

TEST_CASE("analyzer with compounds: simple words, stop words and digits get no parts",
          "[compounds]") {
  Analyzer analyzer(with_compounds());
  Analyzer plain(without_compounds());
  // Stop words of eight letters and more.
  const TokenStream stop_words = analyzer.analyze("zwischen während dasselbe");
  CHECK(count_compound_parts(stop_words) == 0);
  CHECK(texts(stop_words) == plain.terms("zwischen während dasselbe"));
  // The simple words of the table, in a sentence.
  std::string sentence;
  for (const std::string_view word : kWholeWords) {
    sentence += word;
    sentence += ' ';
  }
  const TokenStream simple = analyzer.analyze(sentence);
  CHECK(count_compound_parts(simple) == 0);
  CHECK(texts(simple) == plain.terms(sentence));
  // A word with digits is exempt, even when its letters are a compound.
  const TokenStream digits = analyzer.analyze("Impfstoffhersteller2021");
  REQUIRE(digits.size() == 1);
  CHECK(digits.front().has_digit);
  CHECK_FALSE(digits.front().is_compound_part);
}

TEST_CASE("analyzer with compounds: hyphen parts split, the joined form does not", "[compounds]") {
  Analyzer analyzer(with_compounds());
  // The joined form would split (into gefangen·austausch·abkommen), but it only stands
  // beside the hyphen parts, which are split themselves where they are compounds.
  REQUIRE_FALSE(split_compound("gefangenenaustauschabkommen", dictionary()).empty());
  const TokenStream tokens = analyzer.analyze("Gefangenenaustausch-Abkommen");
  CHECK(described(tokens) == std::vector<Term>{
                                 {"gefangenenaustausch", 0, 1, 0, 19, false},
                                 {"gefang", 0, 0, 0, 19, true},
                                 {"austausch", 0, 0, 0, 19, true},
                                 {"gefangenenaustauschabkomm", 0, 0, 0, 28, false},
                                 {"abkomm", 1, 1, 20, 28, false},
                             });
  CHECK(tokens[0].is_part);
  CHECK_FALSE(tokens[3].is_part);  // the joined form
  CHECK(tokens[4].is_part);
}

TEST_CASE("analyzer with compounds: ä/ß and ae/ss spellings give the same parts", "[compounds]") {
  Analyzer analyzer(with_compounds());
  const std::vector<std::string> expected{"aussenministerin", "auss", "ministerin"};
  CHECK(analyzer.terms("Außenministerin") == expected);
  CHECK(analyzer.terms("Aussenministerin") == expected);
  CHECK(analyzer.terms("AUSSENMINISTERIN") == expected);
  CHECK(analyzer.terms("Straßenverkehr") == analyzer.terms("Strassenverkehr"));
  CHECK(analyzer.terms("Bürgermeister") == analyzer.terms("Buergermeister"));
  CHECK(analyzer.terms("Bürgermeister").size() == 3);
  // The parts carry the compound's byte range in the original spelling ("ß": two bytes).
  const TokenStream umlaut = analyzer.analyze("Die Außenministerin");
  REQUIRE(umlaut.size() == 4);
  for (std::size_t i = 1; i < umlaut.size(); ++i) {
    CHECK(umlaut[i].start == 4);
    CHECK(umlaut[i].end == 20);
    CHECK(umlaut[i].position == 1);
  }
}

TEST_CASE("analyzer with compounds switched off: no parts", "[compounds]") {
  Analyzer plain(without_compounds());
  CHECK(plain.terms("Das Botschaftspersonal") ==
        std::vector<std::string>{"das", "botschaftspersonal"});
}

TEST_CASE("analyzer options: 'compounds' is on exactly when the spelling names it", "[compounds]") {
  CHECK(with_compounds().split_compounds);
  CHECK(with_compounds().to_string() == "hyphens,fold,stem,compounds");
  // An index built before compound splitting records "hyphens,fold,stem": reading it back
  // must not switch splitting on, whatever the default of a fresh AnalyzerOptions is.
  const AnalyzerOptions old_index = AnalyzerOptions::parse("hyphens,fold,stem");
  CHECK_FALSE(old_index.split_compounds);
  CHECK(old_index.to_string() == "hyphens,fold,stem");
  CHECK_FALSE(AnalyzerOptions::parse("plain").split_compounds);
  CHECK(without_compounds().to_string() == "hyphens,fold,stem,apostrophes,dots,eszett");
}
