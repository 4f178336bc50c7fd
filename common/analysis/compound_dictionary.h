// CompoundDictionary: the German words a compound may be split into, and which are nouns.
// Built from a word list (Debian's wngerman) folded like the analyzer folds; compiled once
// at build time into a sorted file that loads in milliseconds.
#pragma once

#include <cstdint>
#include <filesystem>
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
  static constexpr std::string_view kCompiledRelativePath = "../share/archivar/words-de.txt";

  /// Reads and folds a word list such as kWordListPath (about 0.4 s). Throws
  /// std::runtime_error naming the file and the Debian package when it cannot be read.
  static CompoundDictionary from_word_list(const std::filesystem::path& path);

  /// Reads what write_compiled() wrote (milliseconds). Throws std::runtime_error.
  static CompoundDictionary from_compiled(const std::filesystem::path& path);

  /// The process-wide dictionary, loaded on first use (thread-safe): the compiled file
  /// beside the binaries (or $ARCHIVAR_WORDS), else the word list itself.
  static const CompoundDictionary& standard();

  /// Writes the folded, sorted dictionary: one word per line, nouns marked by a '*'.
  void write_compiled(const std::filesystem::path& path) const;

  /// Whether @a folded (lower case, umlauts as ae/oe/ue, ß as ss) is a word / a noun.
  bool is_word(std::string_view folded) const;
  bool is_noun(std::string_view folded) const;

  std::size_t size() const { return words_.size(); }

 private:
  CompoundDictionary() = default;
  /// Indexes blob_ (sorted lines, '*' marking nouns) into words_ and nouns_.
  void index_blob();
  std::ptrdiff_t find(std::string_view folded) const;

  std::string blob_;
  std::vector<std::string_view> words_;  // into blob_, sorted
  std::vector<bool> nouns_;              // parallel to words_
};

}  // namespace archivar
