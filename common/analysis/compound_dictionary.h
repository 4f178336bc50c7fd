// CompoundDictionary: the German words a compound may be split into, which are nouns, and
// where German words break into syllables. Built from a word list (Debian's wngerman) and
// hyphenation patterns (hyphen-de), folded like the analyzer folds; compiled once at build
// time into a sorted, indexed file that is mapped into memory, not read.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace archivar {

class CompoundDictionary {
 public:
  /// The list the project installs: Debian's wngerman, one word per line, nouns
  /// capitalised, inflected forms included.
  static constexpr std::string_view kWordListPath = "/usr/share/dict/ngerman";
  /// The hyphenation patterns the project installs: Debian's hyphen-de (LibreOffice's, in
  /// Liang's format, ISO-8859-1), which say where a word may break between syllables.
  static constexpr std::string_view kHyphenationPatternsPath = "/usr/share/hyphen/hyph_de_DE.dic";
  /// The compiled dictionary's file name, in share/archivar/ of the build tree and of an
  /// installation.
  static constexpr std::string_view kCompiledFileName = "words-de.bin";

  /// Reads and folds a word list such as kWordListPath (about 0.4 s) and, unless
  /// @a hyphenation_patterns is empty, patterns such as kHyphenationPatternsPath. Throws
  /// std::runtime_error naming the file and the Debian package when one cannot be read.
  static CompoundDictionary from_word_list(const std::filesystem::path& word_list,
                                           const std::filesystem::path& hyphenation_patterns);

  /// Maps what write_compiled() wrote into memory (well under a millisecond: a search
  /// touches only the pages its lookups need). Throws std::runtime_error.
  static CompoundDictionary from_compiled(const std::filesystem::path& path);

  /// Where standard() loads the dictionary from.
  struct Location {
    std::filesystem::path path;
    bool compiled = false;  ///< false: the word list itself, read and folded at every start
  };

  /// The first of: $ARCHIVAR_WORDS (a compiled file); the compiled file in share/archivar/
  /// beside the running binary (../share/archivar/ from its bin/), beside the library
  /// holding this code (libarchivar.so in lib/), or in the prefix the build installs to;
  /// else kWordListPath.
  static Location standard_location();

  /// standard_location() for --version: "compound dictionary: PATH", noting a word list.
  static std::string describe_standard_location();

  /// The process-wide dictionary, loaded on first use (thread-safe) from
  /// standard_location(). Without a compiled file it reads the word list (about 0.8 s)
  /// and says so once on stderr.
  static const CompoundDictionary& standard();

  /// Writes the folded, sorted dictionary: a header, the offset of every line, a hash
  /// table over the lines, then the lines (one word each, nouns marked by a trailing '*';
  /// the forms keeps_sharp_s() names are lines of their own, spelt with ß; a hyphenation
  /// pattern is '=', its letters, a space and its digits; lower-case heads of nouns end in
  /// '+', shortened modifiers in '-' (a noun's) or '~' (a verb's)).
  /// The file is replaced in one rename, so that processes mapping the old one go on.
  void write_compiled(const std::filesystem::path& path) const;

  /// Whether @a folded (lower case, umlauts as ae/oe/ue, ß as ss) is a word / a noun.
  bool is_word(std::string_view folded) const;
  bool is_noun(std::string_view folded) const;
  /// Whether @a folded is a lower-case word of the list that also heads at least three of
  /// its nouns (recht: Wahlrecht; verbot: Kontaktverbot): a noun whose capitalised
  /// spelling the list dropped for its lower-case homograph.
  bool heads_nouns(std::string_view folded) const;
  /// The word whose form @a folded begins at least three of the list's compounds, short of
  /// its ending, or empty: a noun without its -e ("schul": Schule, in Schulbuch, Schuljahr,
  /// Schulleiter; "grenz": Grenze), where more of them drop it than keep it or add to it,
  /// or a verb without its -en or -n ("impf": impfen, in Impfstoff, Impfpass, Impfschutz).
  /// No word of the list is such a modifier.
  std::string shortened_modifier(std::string_view folded) const;

  /// What @a folded is to the list, in one lookup, for the compound splitter, which asks
  /// for every substring of a word: each of the questions above answers from it.
  enum class Entry {
    kNone,
    kLowerCaseWord,
    kNoun,
    kHeadOfNouns,
    kModifierDroppingE,  ///< shortened_modifier() is @a folded + "e"
    kVerbStemModifier,   ///< shortened_modifier() is infinitive_of_stem(@a folded)
  };
  Entry entry(std::string_view folded) const;
  /// Whether @a folded is a word the list never capitalises: a verb form, an adjective, an
  /// adverb ("starb", "erhoehte"), which the verb filters may read as a verb.
  bool is_lower_case_word(std::string_view folded) const;
  /// Whether @a folded is an adjective of at least four letters or one of its declined
  /// forms ("weit", "weiten", "widrig"): the list has it in lower case only with all of
  /// -e, -en, -er, -es and -em, which verb forms ("halte") and nouns ("Weise") lack.
  bool is_adjective_form(std::string_view folded) const;
  /// The verb of the list whose stem is @a folded_stem ("gruend": "gruenden"; "aender":
  /// "aendern"), or empty: the weak-verb filter's infinitives and the compound splitter's
  /// verbal nouns (Gründung) are the same verbs.
  std::string infinitive_of_stem(std::string_view folded_stem) const;

  /// The digits of the hyphenation pattern whose letters are @a letters (lower case, ß
  /// as ss, but ä, ö, ü written A, O, U; '.' marks a word's edge), one more than letters:
  /// odd digits allow a break, even ones forbid it, and the highest of all matching
  /// patterns wins (Liang). Empty when there is no such pattern, or the dictionary was
  /// built without patterns.
  std::string_view hyphenation_digits(std::string_view letters) const;
  /// The longest pattern's letters, edges included: longer substrings need no lookup.
  static constexpr std::size_t kMaxPatternLetters = 40;

  /// What may join two parts of a compound: nothing, -s-, -es-, -n-, -en-, -er-, -e-, -ens-.
  static constexpr std::array<std::string_view, 8> kLinkingElements = {"",   "s",  "es", "n",
                                                                       "en", "er", "e",  "ens"};

  /// The shortest prefix may_start_word() answers for.
  static constexpr std::size_t kMinPrefix = 4;
  /// False when no word starts with @a folded_prefix (at least kMinPrefix bytes), so that
  /// no longer string starting with it is a word either; true when one may (a filter: now
  /// and then true without such a word). Lets the compound splitter stop early.
  bool may_start_word(std::string_view folded_prefix) const;

  /// Whether @a lowered (case-folded with ß kept, umlauts as ae/oe/ue: "masse" spelt
  /// "maße") is a form to index apart from its ss spelling: the list has the ss spelling
  /// of it or of another form with the same stem as a word of its own (Masse beside Maße,
  /// so also Maß and Maßes), where folding would merge two words. Straße stays folded:
  /// Strasse is no word.
  bool keeps_sharp_s(std::string_view lowered) const;

  std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }

 private:
  class Mapping;  // a read-only memory map of a compiled file
  CompoundDictionary() = default;

 public:
  // Views into owned_* or the mapping survive a move, not a copy.
  CompoundDictionary(CompoundDictionary&&) noexcept = default;
  CompoundDictionary& operator=(CompoundDictionary&&) noexcept = default;
  CompoundDictionary(const CompoundDictionary&) = delete;
  CompoundDictionary& operator=(const CompoundDictionary&) = delete;

 private:
  /// The line @a index of lines_, without its '\n' (and with its '*' if a noun).
  std::string_view line(std::size_t index) const;
  /// The same without the noun mark.
  std::string_view word(std::size_t index) const;
  std::ptrdiff_t find(std::string_view folded) const;

  std::string owned_lines_;  // from_word_list(): the lines in memory
  std::vector<std::uint32_t> owned_offsets_;
  std::vector<std::uint32_t> owned_slots_;
  std::vector<std::uint32_t> owned_prefix_bits_;
  std::shared_ptr<const Mapping> mapping_;      // from_compiled(): the file in memory
  std::string_view lines_;                      // sorted lines, '*' marking nouns
  std::span<const std::uint32_t> offsets_;      // where each line starts, then the end
  std::span<const std::uint32_t> slots_;        // 1 + a line's index, by its word's hash
  std::span<const std::uint32_t> prefix_bits_;  // a Bloom filter of the words' prefixes
};

}  // namespace archivar
