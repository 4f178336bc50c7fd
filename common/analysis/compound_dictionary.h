// CompoundDictionary: the German words a compound may be split into, and which are nouns.
// Read once per process from a word list (Debian's wngerman), folded like the analyzer folds.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>

namespace archivar {

class CompoundDictionary {
 public:
  /// The list the project installs: Debian's wngerman, one word per line, nouns
  /// capitalised, inflected forms included.
  static constexpr std::string_view kDefaultPath = "/usr/share/dict/ngerman";

  /// Reads @a path. Throws std::runtime_error naming the file (and the Debian package)
  /// when it cannot be read.
  explicit CompoundDictionary(const std::filesystem::path& path);

  /// The process-wide dictionary from kDefaultPath, loaded on first use (thread-safe).
  static const CompoundDictionary& standard();

  /// Whether @a folded (lower case, umlauts as ae/oe/ue, ß as ss) is a word / a noun.
  bool is_word(std::string_view folded) const;
  bool is_noun(std::string_view folded) const;

  std::size_t size() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
  std::unordered_set<std::string, Hash, std::equal_to<>> nouns_;
};

}  // namespace archivar
