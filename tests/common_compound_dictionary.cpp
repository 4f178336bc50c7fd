// Tests of the compiled compound dictionary's file (common/analysis/compound_dictionary.h):
// replacing it leaves processes that have the old one mapped working, and the standard
// location is the compiled file of the build tree.
#include <catch2/catch.hpp>
#include <string>

#include "common/analysis/compound_dictionary.h"
#include "common/analysis/syllable_breaks.h"
#include "support/cli.h"

using archivar::CompoundDictionary;
using archivar::syllable_breaks;
using archivar::test::ScratchDir;

TEST_CASE("compound dictionary: rewriting the compiled file spares a mapped copy", "[analyzer]") {
  const ScratchDir dir;
  // Many pages of words, then a file of three: the first mapping reaches far past the end
  // of the second, which truncating the file in place would turn into SIGBUS.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "Wortliste" + std::to_string(i) + "\n";
  const auto big_list = dir.write("big.txt", many);
  const auto small_list = dir.write("small.txt", "Bahn\nStraße\nfahren\n");
  const std::string compiled = dir / "words.bin";
  CompoundDictionary::from_word_list(big_list, {}).write_compiled(compiled);
  const CompoundDictionary mapped = CompoundDictionary::from_compiled(compiled);
  CompoundDictionary::from_word_list(small_list, {}).write_compiled(compiled);

  CHECK(mapped.size() == 20000);
  CHECK(mapped.is_noun("wortliste19999"));
  CHECK_FALSE(mapped.is_word("bahn"));
  const CompoundDictionary replaced = CompoundDictionary::from_compiled(compiled);
  CHECK(replaced.size() == 3);
  CHECK(replaced.is_noun("strasse"));
  CHECK(replaced.is_word("fahren"));
  CHECK_FALSE(replaced.is_noun("fahren"));
  CHECK(replaced.is_lower_case_word("fahren"));
  CHECK_FALSE(replaced.is_lower_case_word("strasse"));  // a noun
  CHECK_FALSE(replaced.is_lower_case_word("fuhr"));     // no word of the list
}

TEST_CASE("compound dictionary: the build's compiled file is the standard one", "[analyzer]") {
  // The tests run from build/bin, beside build/share/archivar/ (unless ARCHIVAR_WORDS says).
  if (std::getenv("ARCHIVAR_WORDS") != nullptr) return;
  const CompoundDictionary::Location location = CompoundDictionary::standard_location();
  CHECK(location.compiled);
  CHECK(location.path.filename() == CompoundDictionary::kCompiledFileName);
  CHECK(location.path.parent_path().filename() == "archivar");
  CHECK(CompoundDictionary::describe_standard_location() ==
        "compound dictionary: " + location.path.string());
}

TEST_CASE("compound dictionary: hyphenation patterns compiled with umlauts of their own",
          "[analyzer]") {
  const ScratchDir dir;
  // Latin-1, as hyphen-de ships them: a comment, a setting, a non-standard pattern, and
  // two patterns that fold alike and merge.
  const auto patterns = dir.write("hyph.dic",
                                  "ISO8859-1\n% comment\nLEFTHYPHENMIN 2\nc1k/k=k,1,2\n1ba\n\xe4"
                                  "1b\nss1t\n\xdf"
                                  "2t\n.ab3\n");
  const auto words = dir.write("words.txt", "Bahn\nab\n");
  const std::string compiled = dir / "words.bin";
  CompoundDictionary::from_word_list(words, patterns).write_compiled(compiled);
  const CompoundDictionary dictionary = CompoundDictionary::from_compiled(compiled);

  CHECK(dictionary.hyphenation_digits("ba") == "100");
  CHECK(dictionary.hyphenation_digits("Ab") == "010");  // ä is A, apart from "ae"
  CHECK(dictionary.hyphenation_digits("ae").empty());
  CHECK(dictionary.hyphenation_digits("sst") == "0020");  // ß folds to ss: the higher digit
  CHECK(dictionary.hyphenation_digits(".ab") == "0003");
  CHECK(dictionary.hyphenation_digits("ck").empty());
  // Patterns are no words, and words no patterns.
  CHECK(dictionary.size() == 6);
  CHECK(dictionary.is_noun("bahn"));
  CHECK(dictionary.is_word("ab"));
  CHECK_FALSE(dictionary.is_word("ba"));
  CHECK(dictionary.hyphenation_digits("bahn").empty());
  // Without patterns: no digits, so no syllable breaks.
  CompoundDictionary::from_word_list(words, {}).write_compiled(compiled);
  const CompoundDictionary plain = CompoundDictionary::from_compiled(compiled);
  CHECK(plain.hyphenation_digits("ba").empty());
  CHECK(syllable_breaks("abba", plain) == std::vector<bool>(4, false));
}

TEST_CASE("compound dictionary: a missing pattern file is named with its package", "[analyzer]") {
  const ScratchDir dir;
  const auto words = dir.write("words.txt", "Bahn\n");
  CHECK_THROWS_WITH(CompoundDictionary::from_word_list(words, dir / "missing.dic"),
                    Catch::Contains("missing.dic") && Catch::Contains("hyphen-de"));
}

TEST_CASE("syllable breaks: Liang's patterns on folded words", "[analyzer]") {
  const CompoundDictionary& dictionary = CompoundDictionary::standard();
  const auto broken = [&](std::string_view word) {
    const std::vector<bool> breaks = syllable_breaks(word, dictionary);
    REQUIRE(breaks.size() == word.size());
    std::string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (breaks[i]) out += '-';
      out += word[i];
    }
    return out;
  };
  CHECK(broken("bundesamtes") == "bun-des-am-tes");
  CHECK(broken("jahresende") == "jah-res-en-de");
  // ue is read as ü (früh·stü·cken), except after a vowel (Feu·er·wehr) or q.
  CHECK(broken("fruehstuecken") == "frueh-stue-cken");
  CHECK(broken("feuerwehr") == "feu-er-wehr");
  CHECK(broken("ab") == "ab");
  CHECK(broken("").empty());
}

TEST_CASE("compound dictionary: a lower-case word that heads three nouns of the list",
          "[analyzer]") {
  const ScratchDir dir;
  // The list spells Recht only "recht", but three of its nouns end in it after a noun.
  // "stinkt" ends one noun only; "samt" ends three, each read better as -s- + Amt.
  const auto words = dir.write("words.txt",
                               "recht\nWahl\nWahlrecht\nGrund\nGrundrecht\nAsyl\nAsylrecht\n"
                               "stinkt\nUrin\nUrinstinkt\nsamt\nAmt\nArbeit\nArbeitsamt\n"
                               "Kreis\nKreisamt\nZoll\nZollamt\n");
  const std::string compiled = dir / "words.bin";
  CompoundDictionary::from_word_list(words, {}).write_compiled(compiled);
  const CompoundDictionary dictionary = CompoundDictionary::from_compiled(compiled);

  CHECK(dictionary.heads_nouns("recht"));
  CHECK_FALSE(dictionary.heads_nouns("stinkt"));
  CHECK_FALSE(dictionary.heads_nouns("samt"));
  CHECK_FALSE(dictionary.heads_nouns("wahl"));  // a noun, marked as one
  // Still a lower-case word, as the verb filters read it, and no noun.
  CHECK(dictionary.is_lower_case_word("recht"));
  CHECK_FALSE(dictionary.is_noun("recht"));
  CHECK(dictionary.is_word("recht"));
}

TEST_CASE("compound dictionary: a noun that drops its -e in three nouns of the list",
          "[analyzer]") {
  const ScratchDir dir;
  // Schule drops its -e in three nouns (Schuljahr, Schulbuch, Schulsport: -s- counts);
  // Sonne in three too, but keeps it, with -n-, in four (Sonnenschein...); Stunde in two
  // only; Wahl has no -e, and "hof" is a word of the list, no modifier. Heads have four
  // letters or more: Sonntag does not count.
  const auto words =
      dir.write("words.txt",
                "Schule\nJahr\nSchuljahr\nBuch\nSchulbuch\nPort\nSchulsport\n"
                "Sonne\nTag\nSonntag\nAbend\nSonnabend\nSeite\nSonnseite\nWende\nSonnwende\n"
                "Schein\nSonnenschein\nBrand\nSonnenbrand\nSonnenjahr\nSonnenwende\n"
                "Stunde\nStundbuch\nStundjahr\nWahl\nWahljahr\nWahlbuch\nWahltag\n"
                "Hofe\nhof\nHofjahr\nHofbuch\nHoftag\n");
  const std::string compiled = dir / "words.bin";
  CompoundDictionary::from_word_list(words, {}).write_compiled(compiled);
  const CompoundDictionary dictionary = CompoundDictionary::from_compiled(compiled);

  CHECK(dictionary.shortened_modifier("schul") == "schule");
  CHECK(dictionary.shortened_modifier("sonn").empty());
  CHECK(dictionary.shortened_modifier("stund").empty());
  CHECK(dictionary.shortened_modifier("wah").empty());
  CHECK(dictionary.shortened_modifier("hof").empty());
  // A modifier is no word of the list, of any kind.
  CHECK(dictionary.entry("schul") == CompoundDictionary::Entry::kModifierDroppingE);
  CHECK_FALSE(dictionary.is_word("schul"));
  CHECK_FALSE(dictionary.is_lower_case_word("schul"));
  CHECK_FALSE(dictionary.is_noun("schul"));
  CHECK(dictionary.entry("schule") == CompoundDictionary::Entry::kNoun);
  CHECK(dictionary.entry("sonn") == CompoundDictionary::Entry::kNone);
}

TEST_CASE("compound dictionary: a verb's stem that begins three nouns of the list", "[analyzer]") {
  const ScratchDir dir;
  // impfen is a verb (impft), and its stem begins three nouns; intern is an adjective
  // (no "intert", no "internd"... only its declined forms), whose "inter" begins three
  // nouns too; wandern's stem is "wander" (wandert); leiten's "leit" (leitend).
  const auto words =
      dir.write("words.txt",
                "impfen\nimpft\nStoff\nImpfstoff\nPass\nImpfpass\nSchutz\nImpfschutz\n"
                "intern\ninterne\nEsse\nInteresse\nAktion\nInteraktion\nVention\nIntervention\n"
                "Index\nInterindex\n"
                "wandern\nwandert\nRoute\nWanderroute\nSchuh\nWanderschuh\nKarte\nWanderkarte\n"
                "leiten\nleitend\nLinie\nLeitlinie\nZins\nLeitzins\nFaden\nLeitfaden\n");
  const std::string compiled = dir / "words.bin";
  CompoundDictionary::from_word_list(words, {}).write_compiled(compiled);
  const CompoundDictionary dictionary = CompoundDictionary::from_compiled(compiled);

  CHECK(dictionary.entry("impf") == CompoundDictionary::Entry::kVerbStemModifier);
  CHECK(dictionary.shortened_modifier("impf") == "impfen");
  CHECK(dictionary.shortened_modifier("wander") == "wandern");
  CHECK(dictionary.shortened_modifier("leit") == "leiten");
  CHECK(dictionary.shortened_modifier("inter").empty());
  CHECK_FALSE(dictionary.is_word("impf"));
  CHECK(dictionary.is_lower_case_word("impfen"));
}
