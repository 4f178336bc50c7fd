#include "common/analysis/compound_dictionary.h"

#include <fstream>
#include <stdexcept>

#include "common/analysis/german_letter_fold_filter.h"
#include "common/text/keyword.h"

namespace archivar {
namespace {

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  const auto first = static_cast<unsigned char>(word.front());
  if (first >= 'A' && first <= 'Z') return true;
  // Ä, Ö, Ü in UTF-8: C3 84, C3 96, C3 9C.
  return first == 0xC3 && word.size() > 1 &&
         (static_cast<unsigned char>(word[1]) == 0x84 || static_cast<unsigned char>(word[1]) == 0x96 ||
          static_cast<unsigned char>(word[1]) == 0x9C);
}

}  // namespace

CompoundDictionary::CompoundDictionary(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read the German word list " + path.string() +
                             " needed for compound splitting (Debian package wngerman)");
  }
  words_.reserve(400000);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.find_first_of(" '.") != std::string::npos) continue;
    // Same folding as the analyzer: case fold (ß → ss), then ä → ae, ö → oe, ü → ue.
    std::string folded = spell_umlauts(fold_keyword(line));
    if (starts_upper(line)) nouns_.insert(folded);
    words_.insert(std::move(folded));
  }
}

const CompoundDictionary& CompoundDictionary::standard() {
  static const CompoundDictionary dictionary{std::filesystem::path(kDefaultPath)};
  return dictionary;
}

bool CompoundDictionary::is_word(std::string_view folded) const { return words_.contains(folded); }

bool CompoundDictionary::is_noun(std::string_view folded) const { return nouns_.contains(folded); }

}  // namespace archivar
