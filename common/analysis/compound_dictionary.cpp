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

// The analyzer's folding (case fold, ß → ss, then ä → ae, ö → oe, ü → ue) for the word
// list's common case, without ICU's round trip: loading stays cheap for short-lived
// searcher processes. Other non-ASCII words take the analyzer's own functions.
std::string fold_word(std::string_view word) {
  std::string folded;
  folded.reserve(word.size() + 2);
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      continue;
    }
    const auto next = i + 1 < word.size() ? static_cast<unsigned char>(word[i + 1]) : 0;
    const char* spelled = nullptr;
    if (c == 0xC3) {
      switch (next) {
        case 0x84: case 0xA4: spelled = "ae"; break;  // Ä ä
        case 0x96: case 0xB6: spelled = "oe"; break;  // Ö ö
        case 0x9C: case 0xBC: spelled = "ue"; break;  // Ü ü
        case 0x9F: spelled = "ss"; break;             // ß
        default: break;
      }
    }
    if (spelled == nullptr) return spell_umlauts(fold_keyword(word));
    folded += spelled;
    ++i;
  }
  return folded;
}

}  // namespace

CompoundDictionary::CompoundDictionary(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read the German word list " + path.string() +
                             " needed for compound splitting (Debian package wngerman)");
  }
  words_.reserve(400000);
  nouns_.reserve(150000);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.find_first_of(" '.") != std::string::npos) continue;
    // Same folding as the analyzer: case fold (ß → ss), then ä → ae, ö → oe, ü → ue.
    std::string folded = fold_word(line);
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
