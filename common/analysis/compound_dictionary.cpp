#include "common/analysis/compound_dictionary.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "common/analysis/case_fold_filter.h"
#include "common/analysis/german_letter_fold_filter.h"
#include "common/text/keyword.h"
#include "common/text/utf8.h"

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

std::filesystem::path executable_directory() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

// The directory of the file this code was loaded from: libarchivar.so for a program
// linked to the library, the executable itself when it was linked in statically.
std::filesystem::path library_directory() {
  Dl_info info{};
  if (::dladdr(reinterpret_cast<const void*>(&library_directory), &info) == 0 ||
      info.dli_fname == nullptr) {
    return {};
  }
  std::error_code error;
  const auto library = std::filesystem::canonical(info.dli_fname, error);
  return error ? std::filesystem::path() : library.parent_path();
}

// ARCHIVAR_DATA_FROM_BINDIR, ARCHIVAR_DATA_FROM_LIBDIR and ARCHIVAR_INSTALLED_DATADIR are
// set by the build (common/CMakeLists.txt) from the install layout, which the build tree
// mirrors: share/archivar/ relative to bin/ and to lib/, and the installed one.

}  // namespace

// A compiled file: kMagic, the line count n, the slot count m and the prefix filter's size
// b in uint32 words as little-endian uint32, n + 1 uint32 offsets of the lines (relative to
// the lines' start; the last is their end), m uint32 hash slots (see build_slots), b uint32
// words of the prefix filter (see build_prefix_filter), then the lines.
constexpr std::string_view kMagic = "archivar-words9\n";  // 16 bytes: the tables are aligned
// Starts a hyphenation pattern's line; no word does.
constexpr char kPatternMark = '=';
// Ends the line of a noun, of a lower-case word that heads nouns of the list, and of a
// noun's form without its -e or a verb's stem that begins compounds (shortened_modifier),
// no word.
constexpr char kNounMark = '*';
constexpr char kHeadMark = '+';
constexpr char kDroppedEMark = '-';
constexpr char kVerbStemMark = '~';

namespace {

std::uint64_t word_hash(std::string_view word) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
  for (const char c : word) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

// A slot's low bits hold 1 + the index of a line, its high bits the top bits of the
// line's word's hash: most strings the splitter looks up are no word, and the hash bits
// turn nearly all of them away without reading a line elsewhere in memory.
constexpr unsigned kSlotIndexBits = 20;
constexpr std::uint32_t kSlotIndexMask = (std::uint32_t{1} << kSlotIndexBits) - 1;

std::uint32_t slot_fingerprint(std::uint64_t hash) {
  return static_cast<std::uint32_t>(hash >> (64 - (32 - kSlotIndexBits))) << kSlotIndexBits;
}

// An open-addressing table over the lines: slot (hash & (m - 1)), then the next ones,
// holds 1 + the index of a line and its fingerprint; 0 marks an empty slot. m is a power of
// two at least twice the line count, so a lookup probes about 1.5 slots. The analyzer asks
// for every word of every article, and a binary search over 300,000 lines took 40 % of its
// time.
std::vector<std::uint32_t> build_slots(std::size_t count,
                                       const std::function<std::string_view(std::size_t)>& word) {
  if (count >= kSlotIndexMask) {
    throw std::runtime_error("the word list has more than " + std::to_string(kSlotIndexMask - 1) +
                             " lines, more than a compiled dictionary can index");
  }
  std::size_t slots = 16;
  while (slots < 2 * count) slots *= 2;
  std::vector<std::uint32_t> table(slots, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t hash = word_hash(word(i));
    std::size_t at = hash & (slots - 1);
    while (table[at] != 0) at = (at + 1) & (slots - 1);
    table[at] = slot_fingerprint(hash) | static_cast<std::uint32_t>(i + 1);
  }
  return table;
}

// A Bloom filter over every prefix of at least kMinPrefix bytes of every word: 2^24 bits
// (2 MB) for the 2.4 million prefixes of wngerman's 300,000 folded words, two bits each,
// answer "may be a prefix" for about 6 % of the strings that are none. The compound
// splitter tries every substring of a word as a part; most stop being a prefix of any word
// within a few letters, and all longer ones can then be skipped.
constexpr std::size_t kPrefixFilterBits = std::size_t{1} << 24;

std::pair<std::size_t, std::size_t> prefix_bits(std::uint64_t hash) {
  return {hash & (kPrefixFilterBits - 1), (hash >> 32) & (kPrefixFilterBits - 1)};
}

std::vector<std::uint32_t> build_prefix_filter(
    std::size_t count, const std::function<std::string_view(std::size_t)>& word) {
  std::vector<std::uint32_t> bits(kPrefixFilterBits / 32, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view text = word(i);
    for (std::size_t length = CompoundDictionary::kMinPrefix; length <= text.size(); ++length) {
      const auto [first, second] = prefix_bits(word_hash(text.substr(0, length)));
      bits[first / 32] |= std::uint32_t{1} << (first % 32);
      bits[second / 32] |= std::uint32_t{1} << (second % 32);
    }
  }
  return bits;
}

}  // namespace

class CompoundDictionary::Mapping {
 public:
  explicit Mapping(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot read the compiled word list " + path.string());
    struct stat status {};
    if (::fstat(fd, &status) == 0 && status.st_size > 0) {
      size_ = static_cast<std::size_t>(status.st_size);
      void* data = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      data_ = data == MAP_FAILED ? nullptr : static_cast<const char*>(data);
    }
    ::close(fd);
    if (data_ == nullptr) {
      throw std::runtime_error("cannot map the compiled word list " + path.string());
    }
  }
  ~Mapping() { ::munmap(const_cast<char*>(data_), size_); }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

namespace {

// A pattern of Liang's format ("1ba", "äu1ß") as its letters, umlauts written A, O, U and
// ß as ss ("ba", "Auss"), and a digit before, between and after them ("100", "00100");
// nothing for a pattern with other letters, which no folded word holds. Umlauts stay
// letters of their own: folded to ae, the patterns of "stü" and of "Statue" would mix.
std::optional<std::pair<std::string, std::string>> fold_pattern(std::string_view utf8) {
  std::string letters;
  std::string digits = "0";
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const char c = utf8[i];
    if (c >= '0' && c <= '9') {
      digits.back() = std::max(digits.back(), c);
      continue;
    }
    std::string_view spelt;
    if ((c >= 'a' && c <= 'z') || c == '.') {
      spelt = utf8.substr(i, 1);
    } else if (c == '\xC3' && i + 1 < utf8.size()) {
      switch (utf8[++i]) {
        case '\xA4':
          spelt = "A";
          break;
        case '\xB6':
          spelt = "O";
          break;
        case '\xBC':
          spelt = "U";
          break;
        case '\x9F':
          spelt = "ss";
          break;
        default:
          return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    for (const char letter : spelt) {
      letters += letter;
      digits += '0';
    }
  }
  if (letters.empty() || letters.size() > CompoundDictionary::kMaxPatternLetters) {
    return std::nullopt;
  }
  return std::pair{std::move(letters), std::move(digits)};
}

// Folded patterns by their letters; two that fold alike ("ä1b", "ae1b") keep the higher
// digit at each place.
std::map<std::string, std::string> read_hyphenation_patterns(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read the German hyphenation patterns " + path.string() +
                             " needed for compound splitting (Debian package hyphen-de)");
  }
  std::string line;
  std::getline(in, line);
  const bool latin1 = !line.starts_with("UTF-8");
  std::map<std::string, std::string> patterns;
  while (std::getline(in, line)) {
    auto folded = fold_pattern(latin1 ? windows1252_to_utf8(line) : line);
    if (!folded) continue;  // a comment, a setting, a non-standard pattern ("c1k/k=k")
    auto [at, inserted] = patterns.try_emplace(std::move(folded->first), folded->second);
    if (!inserted) {
      for (std::size_t i = 0; i < at->second.size(); ++i) {
        at->second[i] = std::max(at->second[i], folded->second[i]);
      }
    }
  }
  return patterns;
}

// The list keeps one spelling of a word whose capitalised and lower-case forms are both
// words, the lower-case one: no "Recht" beside "recht", no "Verbot" beside "verbot" (of
// verbieten). Such a noun shows itself by heading the list's compounds (Wahlrecht,
// Kontaktverbot): a noun of the list that is another noun, maybe a linking element, then
// the word, counted where no other reading of the same letters gives a noun head
// (Arbeitsamt is arbeits·amt, not arbeit·samt; Ballnacht ball·nacht, not balln·acht).
std::set<std::string> lower_case_heads_of_nouns(const std::map<std::string, bool>& is_noun) {
  constexpr std::size_t kMinLetters = 4;
  constexpr int kMinNounsHeaded = 3;
  const auto noun = [&](std::string_view word) {
    const auto it = is_noun.find(std::string(word));
    return it != is_noun.end() && it->second;
  };
  const auto linking = CompoundDictionary::kLinkingElements;
  std::map<std::string, int, std::less<>> headed;
  for (const auto& [word, word_is_noun] : is_noun) {
    if (!word_is_noun && word.size() >= kMinLetters) headed.emplace(word, 0);
  }
  for (const auto& [word, word_is_noun] : is_noun) {
    if (!word_is_noun) continue;
    for (std::size_t at = kMinLetters; at + kMinLetters <= word.size(); ++at) {
      const std::string_view head = std::string_view(word).substr(at);
      const auto counted = headed.find(head);
      if (counted == headed.end()) continue;
      const std::string_view before = std::string_view(word).substr(0, at);
      const bool other_reading = std::ranges::any_of(linking, [&](std::string_view link) {
        if (link.empty()) return false;
        return (head.starts_with(link) && noun(head.substr(link.size()))) ||
               (before.ends_with(link) && noun(std::string(link) + std::string(head)));
      });
      const bool noun_before = std::ranges::any_of(linking, [&](std::string_view link) {
        return before.ends_with(link) && before.size() >= link.size() + kMinLetters &&
               noun(before.substr(0, before.size() - link.size()));
      });
      if (!other_reading && noun_before) ++counted->second;
    }
  }
  std::set<std::string> heads;
  for (const auto& [word, count] : headed) {
    if (count >= kMinNounsHeaded) heads.insert(word);
  }
  return heads;
}

// A noun in -e often drops it before another noun (Schule: Schul·buch, Grenze:
// Grenz·wert, Geschichte: Geschicht·s·buch), and a verb its -en (impfen: Impf·stoff,
// heizen: Heiz·kosten), but so many word beginnings are a word short of its ending
// (Franke: Frank·reich, Aktie: akti·viert) that only the list's own compounds can tell:
// the form of a noun or lower-case head (@a heads) without its -e, or of a lower-case
// verb without its -en (-n after -el, -er), that is no word itself, counted where a noun
// of the list is it, then a noun (after a noun's form maybe an -s-), at least three times
// (Schulbuch, Schuljahr, Schulleiter). The marks say which: kDroppedEMark, kVerbStemMark.
std::map<std::string, char> shortened_modifiers(const std::map<std::string, bool>& is_noun,
                                                const std::set<std::string>& heads) {
  constexpr std::size_t kMinLetters = 4;
  constexpr int kMinCompounds = 3;
  const auto noun_or_head = [&](std::string_view word) {
    const auto it = is_noun.find(std::string(word));
    return it != is_noun.end() && (it->second || heads.contains(it->first));
  };
  struct Evidence {
    int without_e = 0;  // noun without -e (+ -s-) + noun
    int keeping_e = 0;  // noun with -e (+ a linking element) + noun
    int verb_stem = 0;  // verb stem + noun
    bool of_noun = false;
    bool of_verb = false;
  };
  // A verb's stem shows in its forms: impft, leitend. An adjective in -en or -ern has
  // none (intern is no verb "intern", so Interesse no inter·esse).
  const auto conjugated = [&](const std::string& stem) {
    return std::ranges::any_of(std::array<std::string_view, 2>{"t", "end"}, [&](auto ending) {
      const auto it = is_noun.find(stem + std::string(ending));
      return it != is_noun.end() && !it->second;
    });
  };
  std::map<std::string, Evidence, std::less<>> candidates;
  for (const auto& [word, word_is_noun] : is_noun) {
    if (word.size() < kMinLetters + 1) continue;
    const bool noun_like = word_is_noun || heads.contains(word);
    if (noun_like && word.ends_with('e')) {
      std::string modifier = word.substr(0, word.size() - 1);
      if (!is_noun.contains(modifier)) candidates[std::move(modifier)].of_noun = true;
    } else if (!noun_like && word.ends_with("n")) {
      const bool short_ending = word.ends_with("eln") || word.ends_with("ern");
      if (!short_ending && !word.ends_with("en")) continue;
      std::string stem = word.substr(0, word.size() - (short_ending ? 1 : 2));
      if (stem.size() >= kMinLetters && !is_noun.contains(stem) && conjugated(stem)) {
        candidates[std::move(stem)].of_verb = true;
      }
    }
  }
  const auto noun_after = [&](std::string_view rest, std::span<const std::string_view> links) {
    return std::ranges::any_of(links, [&](std::string_view link) {
      return rest.starts_with(link) && rest.size() >= link.size() + kMinLetters &&
             noun_or_head(rest.substr(link.size()));
    });
  };
  constexpr std::array<std::string_view, 1> kNoLink = {""};
  constexpr std::array<std::string_view, 2> kLinksAfterDroppedE = {"", "s"};
  // After the -e: the linking elements, and -ns- (Friede·ns·vertrag, Glaube·ns·frage).
  std::vector<std::string_view> links_after_e(CompoundDictionary::kLinkingElements.begin(),
                                              CompoundDictionary::kLinkingElements.end());
  links_after_e.push_back("ns");
  for (const auto& [word, word_is_noun] : is_noun) {
    if (!word_is_noun) continue;
    for (std::size_t at = kMinLetters; at + kMinLetters <= word.size(); ++at) {
      const std::string_view before = std::string_view(word).substr(0, at);
      const std::string_view rest = std::string_view(word).substr(at);
      if (const auto found = candidates.find(before); found != candidates.end()) {
        Evidence& evidence = found->second;
        if (evidence.of_noun && noun_after(rest, kLinksAfterDroppedE)) ++evidence.without_e;
        if (evidence.of_verb && noun_after(rest, kNoLink)) ++evidence.verb_stem;
      }
      if (before.ends_with('e')) {
        if (const auto found = candidates.find(before.substr(0, at - 1));
            found != candidates.end() && found->second.of_noun && noun_after(rest, links_after_e)) {
          ++found->second.keeping_e;
        }
      }
    }
  }
  // A noun whose compounds keep its -e or add to it more often (Sonnen·schein, Friedens·
  // vertrag, Wellen·länge) than drop it (Sonn·tag, Fried·hof, Well·ness) only looks so,
  // and is no verb's stem either (sonnen).
  std::map<std::string, char> modifiers;
  for (const auto& [modifier, evidence] : candidates) {
    if (evidence.without_e >= kMinCompounds && evidence.without_e > evidence.keeping_e) {
      modifiers.emplace(modifier, kDroppedEMark);
    } else if (!evidence.of_noun && evidence.verb_stem >= kMinCompounds) {
      modifiers.emplace(modifier, kVerbStemMark);
    }
  }
  return modifiers;
}

}  // namespace

CompoundDictionary CompoundDictionary::from_word_list(
    const std::filesystem::path& path, const std::filesystem::path& hyphenation_patterns) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read the German word list " + path.string() +
                             " needed for compound splitting (Debian package wngerman)");
  }
  const std::map<std::string, std::string> patterns =
      hyphenation_patterns.empty() ? std::map<std::string, std::string>()
                                   : read_hyphenation_patterns(hyphenation_patterns);
  std::map<std::string, bool> folded;  // word -> is a noun
  std::vector<std::string> with_sharp_s;
  std::set<std::string> without_sharp_s;  // folded
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.find_first_of(" '.\t*") != std::string::npos) continue;
    const std::string word = fold_word(line);
    bool& noun = folded[word];
    noun = noun || starts_upper(line);
    if (line.find("\xC3\x9F") != std::string::npos) {
      with_sharp_s.push_back(line);
    } else {
      without_sharp_s.insert(word);
    }
  }
  // Forms with ß whose ss spelling is a word too (Maße: Masse) make their stem ambiguous;
  // every ß form of that stem (Maß, Maßes) is then kept apart. Stems as StemFilter makes
  // them, of the word as the analyzer folds it.
  const Xapian::Stem stem("german2");
  std::set<std::string> ambiguous_stems;
  for (const std::string& word : with_sharp_s) {
    const std::string folded_word = fold_word(word);
    if (without_sharp_s.contains(folded_word)) ambiguous_stems.insert(stem(folded_word));
  }
  for (const std::string& word : with_sharp_s) {
    if (ambiguous_stems.contains(stem(fold_word(word)))) {
      folded.emplace(spell_umlauts(case_fold_keeping_sharp_s(word)), false);
    }
  }
  const std::set<std::string> heads = lower_case_heads_of_nouns(folded);
  const std::map<std::string, char> shortened = shortened_modifiers(folded, heads);
  CompoundDictionary dictionary;
  // '=' sorts before every letter: the lines stay sorted.
  for (const auto& [letters, digits] : patterns) {
    dictionary.owned_offsets_.push_back(static_cast<std::uint32_t>(dictionary.owned_lines_.size()));
    dictionary.owned_lines_ += kPatternMark;
    dictionary.owned_lines_ += letters;
    dictionary.owned_lines_ += ' ';
    dictionary.owned_lines_ += digits;
    dictionary.owned_lines_ += '\n';
  }
  const auto append_line = [&](std::string_view word, char mark) {  // mark 0: none
    dictionary.owned_offsets_.push_back(static_cast<std::uint32_t>(dictionary.owned_lines_.size()));
    dictionary.owned_lines_ += word;
    if (mark != 0) dictionary.owned_lines_ += mark;
    dictionary.owned_lines_ += '\n';
  };
  // The words and the few shortened modifiers, both sorted and no modifier a word, merged.
  auto modifier = shortened.begin();
  for (const auto& [word, noun] : folded) {
    if (word.empty()) continue;
    for (; modifier != shortened.end() && modifier->first < word; ++modifier) {
      append_line(modifier->first, modifier->second);
    }
    append_line(word, noun ? kNounMark : heads.contains(word) ? kHeadMark : 0);
  }
  for (; modifier != shortened.end(); ++modifier) append_line(modifier->first, modifier->second);
  dictionary.owned_offsets_.push_back(static_cast<std::uint32_t>(dictionary.owned_lines_.size()));
  dictionary.lines_ = dictionary.owned_lines_;
  dictionary.offsets_ = dictionary.owned_offsets_;
  dictionary.owned_slots_ =
      build_slots(dictionary.size(), [&](std::size_t i) { return dictionary.word(i); });
  dictionary.slots_ = dictionary.owned_slots_;
  dictionary.owned_prefix_bits_ = build_prefix_filter(dictionary.size(), [&](std::size_t i) {
    const std::string_view word = dictionary.word(i);
    return word.starts_with(kPatternMark) ? std::string_view() : word;
  });
  dictionary.prefix_bits_ = dictionary.owned_prefix_bits_;
  return dictionary;
}

CompoundDictionary CompoundDictionary::from_compiled(const std::filesystem::path& path) {
  CompoundDictionary dictionary;
  dictionary.mapping_ = std::make_shared<const Mapping>(path);
  const std::string_view bytes = dictionary.mapping_->bytes();
  const auto invalid = [&] {
    return std::runtime_error(path.string() +
                              " is not a compiled word list of this version (rebuild it)");
  };
  const std::size_t header = kMagic.size() + 3 * sizeof(std::uint32_t);
  if (!bytes.starts_with(kMagic) || bytes.size() < header) throw invalid();
  std::uint32_t count = 0;
  std::uint32_t slots = 0;
  std::uint32_t filter_words = 0;
  std::memcpy(&count, bytes.data() + kMagic.size(), sizeof count);
  std::memcpy(&slots, bytes.data() + kMagic.size() + sizeof count, sizeof slots);
  std::memcpy(&filter_words, bytes.data() + kMagic.size() + 2 * sizeof count, sizeof filter_words);
  const std::size_t offsets_start = header;
  const std::size_t slots_start = offsets_start + (std::size_t{count} + 1) * sizeof(std::uint32_t);
  const std::size_t filter_start = slots_start + std::size_t{slots} * sizeof(std::uint32_t);
  const std::size_t lines_start = filter_start + std::size_t{filter_words} * sizeof(std::uint32_t);
  // The tables start 4-byte aligned (the header is 28 bytes; mmap is page aligned).
  if (lines_start > bytes.size() || header % alignof(std::uint32_t) != 0 ||
      (slots & (slots - 1)) != 0 || slots < 2 * std::size_t{count} || count >= kSlotIndexMask ||
      filter_words != kPrefixFilterBits / 32) {
    throw invalid();
  }
  dictionary.offsets_ = {reinterpret_cast<const std::uint32_t*>(bytes.data() + offsets_start),
                         std::size_t{count} + 1};
  dictionary.slots_ = {reinterpret_cast<const std::uint32_t*>(bytes.data() + slots_start),
                       std::size_t{slots}};
  dictionary.prefix_bits_ = {reinterpret_cast<const std::uint32_t*>(bytes.data() + filter_start),
                             std::size_t{filter_words}};
  dictionary.lines_ = bytes.substr(lines_start);
  if (dictionary.offsets_.back() != dictionary.lines_.size()) throw invalid();
  return dictionary;
}

CompoundDictionary::Location CompoundDictionary::standard_location() {
  if (const char* override_path = std::getenv("ARCHIVAR_WORDS")) {
    return {override_path, true};
  }
  const std::filesystem::path candidates[] = {
      executable_directory() / ARCHIVAR_DATA_FROM_BINDIR / kCompiledFileName,
      library_directory() / ARCHIVAR_DATA_FROM_LIBDIR / kCompiledFileName,
      std::filesystem::path(ARCHIVAR_INSTALLED_DATADIR) / kCompiledFileName,
  };
  for (const std::filesystem::path& candidate : candidates) {
    std::error_code error;
    if (candidate.is_absolute() && std::filesystem::is_regular_file(candidate, error)) {
      return {candidate.lexically_normal(), true};
    }
  }
  return {std::filesystem::path(kWordListPath), false};
}

std::string CompoundDictionary::describe_standard_location() {
  const Location location = standard_location();
  return "compound dictionary: " + location.path.string() +
         (location.compiled ? "" : " (a word list, read and compiled at every start)");
}

const CompoundDictionary& CompoundDictionary::standard() {
  static const CompoundDictionary dictionary = [] {
    const Location location = standard_location();
    if (location.compiled) return from_compiled(location.path);
    std::cerr << "archivar: note: no compiled compound dictionary (" << kCompiledFileName
              << ") in ../share/archivar/ beside the program; reading " << location.path.string()
              << " instead, which takes about 0.8 s (install Archivar, or set ARCHIVAR_WORDS "
                 "to a file archivar-mkdict wrote)\n";
    std::error_code error;
    const std::filesystem::path patterns(kHyphenationPatternsPath);
    return from_word_list(location.path, std::filesystem::is_regular_file(patterns, error)
                                             ? patterns
                                             : std::filesystem::path());
  }();
  return dictionary;
}

void CompoundDictionary::write_compiled(const std::filesystem::path& path) const {
  // Written beside and renamed into place: a process that has the old file mapped keeps
  // reading it, where truncating it in place would kill that process with SIGBUS (as a
  // rebuild did to an indexer running from the build tree).
  std::filesystem::path partial = path;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    const auto count = static_cast<std::uint32_t>(size());
    const auto slots = static_cast<std::uint32_t>(slots_.size());
    const auto filter_words = static_cast<std::uint32_t>(prefix_bits_.size());
    out << kMagic;
    out.write(reinterpret_cast<const char*>(&count), sizeof count);
    out.write(reinterpret_cast<const char*>(&slots), sizeof slots);
    out.write(reinterpret_cast<const char*>(&filter_words), sizeof filter_words);
    out.write(reinterpret_cast<const char*>(offsets_.data()),
              static_cast<std::streamsize>(offsets_.size_bytes()));
    out.write(reinterpret_cast<const char*>(slots_.data()),
              static_cast<std::streamsize>(slots_.size_bytes()));
    out.write(reinterpret_cast<const char*>(prefix_bits_.data()),
              static_cast<std::streamsize>(prefix_bits_.size_bytes()));
    out << lines_;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + partial.string());
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    throw std::runtime_error("cannot replace " + path.string() + ": " + error.message());
  }
}

std::string_view CompoundDictionary::line(std::size_t index) const {
  const std::uint32_t begin = offsets_[index];
  return lines_.substr(begin, offsets_[index + 1] - begin - 1);
}

std::string_view CompoundDictionary::word(std::size_t index) const {
  std::string_view text = line(index);
  if (text.ends_with(kNounMark) || text.ends_with(kHeadMark) || text.ends_with(kDroppedEMark) ||
      text.ends_with(kVerbStemMark)) {
    text.remove_suffix(1);
  } else if (text.starts_with(kPatternMark)) {
    text = text.substr(0, text.find(' '));
  }
  return text;
}

std::string_view CompoundDictionary::hyphenation_digits(std::string_view letters) const {
  // On the stack: syllable_breaks asks for every substring of a word.
  std::array<char, kMaxPatternLetters + 1> buffer{};
  if (letters.size() > kMaxPatternLetters) return {};
  buffer[0] = kPatternMark;
  std::ranges::copy(letters, buffer.begin() + 1);
  const std::string_view key(buffer.data(), letters.size() + 1);
  const std::ptrdiff_t at = find(key);
  if (at < 0) return {};
  return line(static_cast<std::size_t>(at)).substr(key.size() + 1);
}

std::ptrdiff_t CompoundDictionary::find(std::string_view folded) const {
  if (slots_.empty()) return -1;
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t hash = word_hash(folded);
  const std::uint32_t fingerprint = slot_fingerprint(hash);
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const std::uint32_t entry = slots_[at];
    if (entry == 0) return -1;
    const std::uint32_t index = (entry & kSlotIndexMask) - 1;
    if ((entry & ~kSlotIndexMask) == fingerprint && index < size() && word(index) == folded) {
      return static_cast<std::ptrdiff_t>(index);
    }
  }
}

CompoundDictionary::Entry CompoundDictionary::entry(std::string_view folded) const {
  const std::ptrdiff_t at = find(folded);
  if (at < 0) return Entry::kNone;
  const std::string_view text = line(static_cast<std::size_t>(at));
  if (text.starts_with(kPatternMark)) return Entry::kNone;
  switch (text.back()) {
    case kNounMark:
      return Entry::kNoun;
    case kHeadMark:
      return Entry::kHeadOfNouns;
    case kDroppedEMark:
      return Entry::kModifierDroppingE;
    case kVerbStemMark:
      return Entry::kVerbStemModifier;
    default:
      return Entry::kLowerCaseWord;
  }
}

bool CompoundDictionary::is_word(std::string_view folded) const {
  const Entry found = entry(folded);
  return found != Entry::kNone && found != Entry::kModifierDroppingE &&
         found != Entry::kVerbStemModifier;
}

bool CompoundDictionary::may_start_word(std::string_view folded_prefix) const {
  if (prefix_bits_.empty() || folded_prefix.size() < kMinPrefix) return true;
  const auto [first, second] = prefix_bits(word_hash(folded_prefix));
  return ((prefix_bits_[first / 32] >> (first % 32)) & 1U) != 0 &&
         ((prefix_bits_[second / 32] >> (second % 32)) & 1U) != 0;
}

bool CompoundDictionary::keeps_sharp_s(std::string_view lowered) const {
  return lowered.find("\xC3\x9F") != std::string_view::npos && is_word(lowered);
}

bool CompoundDictionary::is_noun(std::string_view folded) const {
  return entry(folded) == Entry::kNoun;
}

bool CompoundDictionary::is_lower_case_word(std::string_view folded) const {
  const Entry found = entry(folded);
  return found == Entry::kLowerCaseWord || found == Entry::kHeadOfNouns;
}

bool CompoundDictionary::heads_nouns(std::string_view folded) const {
  return entry(folded) == Entry::kHeadOfNouns;
}

std::string CompoundDictionary::shortened_modifier(std::string_view folded) const {
  switch (entry(folded)) {
    case Entry::kModifierDroppingE:
      return std::string(folded) + "e";
    case Entry::kVerbStemModifier:
      return infinitive_of_stem(folded);
    default:
      return {};
  }
}

bool CompoundDictionary::is_adjective_form(std::string_view folded) const {
  constexpr std::array<std::string_view, 6> kEndings = {"", "e", "en", "er", "es", "em"};
  std::string form;
  return std::ranges::any_of(kEndings, [&](std::string_view ending) {
    if (!folded.ends_with(ending) || folded.size() < ending.size() + 4) return false;
    const std::string_view lemma = folded.substr(0, folded.size() - ending.size());
    return std::ranges::all_of(kEndings, [&](std::string_view declined) {
      form.assign(lemma);
      form += declined;
      return is_lower_case_word(form);
    });
  });
}

std::string CompoundDictionary::infinitive_of_stem(std::string_view folded_stem) const {
  if (folded_stem.size() < 3) return {};
  std::string candidate(folded_stem);
  candidate += "en";
  if (is_lower_case_word(candidate)) return candidate;
  if (folded_stem.ends_with("el") || folded_stem.ends_with("er")) {  // "aender" → "aendern"
    candidate.pop_back();
    candidate.back() = 'n';
    if (is_lower_case_word(candidate)) return candidate;
  }
  return {};
}

}  // namespace archivar
