#include "common/analysis/compound_dictionary.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
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
  const auto second = word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0;
  return first == 0xC3 && (second == 0x84 || second == 0x96 || second == 0x9C);
}

// The analyzer's folding: case fold (ß → ss), then ä → ae, ö → oe, ü → ue.
std::string fold_word(std::string_view word) {
  return spell_umlauts(fold_keyword(word));
}

std::string read_file(const std::filesystem::path& path, std::string_view what) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  std::ifstream in(path, std::ios::binary);
  if (error || !in)
    throw std::runtime_error("cannot read " + std::string(what) + " " + path.string());
  std::string content(size, '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  content.resize(static_cast<std::size_t>(in.gcount()));
  return content;
}

std::filesystem::path executable_directory() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

}  // namespace

CompoundDictionary CompoundDictionary::from_word_list(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read the German word list " + path.string() +
                             " needed for compound splitting (Debian package wngerman)");
  }
  std::map<std::string, bool> folded;  // word -> is a noun
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.find_first_of(" '.\t*") != std::string::npos) continue;
    bool& noun = folded[fold_word(line)];
    noun = noun || starts_upper(line);
  }
  CompoundDictionary dictionary;
  for (const auto& [word, noun] : folded) {
    dictionary.blob_ += word;
    if (noun) dictionary.blob_ += '*';
    dictionary.blob_ += '\n';
  }
  dictionary.index_blob();
  return dictionary;
}

CompoundDictionary CompoundDictionary::from_compiled(const std::filesystem::path& path) {
  CompoundDictionary dictionary;
  dictionary.blob_ = read_file(path, "the compiled word list");
  dictionary.index_blob();
  if (!std::ranges::is_sorted(dictionary.words_)) {
    throw std::runtime_error(path.string() + " is not a compiled word list (not sorted)");
  }
  return dictionary;
}

const CompoundDictionary& CompoundDictionary::standard() {
  static const CompoundDictionary dictionary = [] {
    std::error_code error;
    if (const char* override_path = std::getenv("ARCHIVAR_WORDS")) {
      return from_compiled(override_path);
    }
    const auto compiled = executable_directory() / kCompiledRelativePath;
    if (std::filesystem::exists(compiled, error)) return from_compiled(compiled);
    return from_word_list(std::filesystem::path(kWordListPath));
  }();
  return dictionary;
}

void CompoundDictionary::write_compiled(const std::filesystem::path& path) const {
  std::ofstream out(path, std::ios::binary);
  out << blob_;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void CompoundDictionary::index_blob() {
  words_.clear();
  nouns_.clear();
  const std::string_view blob = blob_;
  const auto lines = static_cast<std::size_t>(std::ranges::count(blob, '\n'));
  words_.reserve(lines);
  nouns_.reserve(lines);
  for (std::size_t begin = 0; begin < blob.size();) {
    std::size_t end = blob.find('\n', begin);
    if (end == std::string_view::npos) end = blob.size();
    std::string_view word = blob.substr(begin, end - begin);
    const bool noun = word.ends_with('*');
    if (noun) word.remove_suffix(1);
    if (!word.empty()) {
      words_.push_back(word);
      nouns_.push_back(noun);
    }
    begin = end + 1;
  }
}

std::ptrdiff_t CompoundDictionary::find(std::string_view folded) const {
  const auto it = std::ranges::lower_bound(words_, folded);
  return it != words_.end() && *it == folded ? it - words_.begin() : -1;
}

bool CompoundDictionary::is_word(std::string_view folded) const {
  return find(folded) >= 0;
}

bool CompoundDictionary::is_noun(std::string_view folded) const {
  const std::ptrdiff_t at = find(folded);
  return at >= 0 && nouns_[static_cast<std::size_t>(at)];
}

}  // namespace archivar
