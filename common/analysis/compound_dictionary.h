// CompoundDictionary: the German words a compound may be split into, and which are nouns.
// Built from a word list (Debian's wngerman) folded like the analyzer folds; compiled once
// at build time into a sorted, indexed file that is mapped into memory, not read.
#pragma once

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
  /// Where the build puts the compiled dictionary, relative to the binaries' directory.
  static constexpr std::string_view kCompiledRelativePath = "../share/archivar/words-de.bin";

  /// Reads and folds a word list such as kWordListPath (about 0.4 s). Throws
  /// std::runtime_error naming the file and the Debian package when it cannot be read.
  static CompoundDictionary from_word_list(const std::filesystem::path& path);

  /// Maps what write_compiled() wrote into memory (well under a millisecond: a search
  /// touches only the pages its lookups need). Throws std::runtime_error.
  static CompoundDictionary from_compiled(const std::filesystem::path& path);

  /// The process-wide dictionary, loaded on first use (thread-safe): the compiled file
  /// beside the binaries (or $ARCHIVAR_WORDS), else the word list itself.
  static const CompoundDictionary& standard();

  /// Writes the folded, sorted dictionary: a header, the offset of every line, a hash
  /// table over the lines, then the lines (one word each, nouns marked by a trailing '*';
  /// the forms keeps_sharp_s() names are lines of their own, spelt with ß).
  void write_compiled(const std::filesystem::path& path) const;

  /// Whether @a folded (lower case, umlauts as ae/oe/ue, ß as ss) is a word / a noun.
  bool is_word(std::string_view folded) const;
  bool is_noun(std::string_view folded) const;

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
  std::shared_ptr<const Mapping> mapping_;  // from_compiled(): the file in memory
  std::string_view lines_;                  // sorted lines, '*' marking nouns
  std::span<const std::uint32_t> offsets_;  // where each line starts, then the end
  std::span<const std::uint32_t> slots_;    // 1 + a line's index, by its word's hash
};

}  // namespace archivar
