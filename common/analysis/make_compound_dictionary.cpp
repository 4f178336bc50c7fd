// archivar-mkdict: compiles the German word list and hyphenation patterns into the sorted,
// folded dictionary the compound splitter loads at start-up (run by the build; see
// common/CMakeLists.txt).
#include <iostream>
#include <string_view>

#include "common/analysis/compound_dictionary.h"
#include "common/version.h"

namespace {

constexpr std::string_view kUsage = R"(Usage: archivar-mkdict WORD_LIST HYPHENATION_PATTERNS OUTPUT

Compiles a German word list (one word per line, nouns capitalised, inflected forms
included, as Debian's wngerman ships it in /usr/share/dict/ngerman) and German
hyphenation patterns (Liang's format, as Debian's hyphen-de ships them in
/usr/share/hyphen/hyph_de_DE.dic; among splits of a compound with as many parts, the
one whose parts begin on syllables wins) into the compound dictionary archivar-index
and archivar-search split compounds with. The build runs it;
run it yourself to split with another word list, and point the programs at the result
with the environment variable ARCHIVAR_WORDS. An index is searched with the dictionary
it was built with: index again after changing it.

Options:
  -h, --help     print this help and exit
      --version  print the version and the git commit and exit

Example:
  archivar-mkdict /usr/share/dict/ngerman /usr/share/hyphen/hyph_de_DE.dic words.bin
  ARCHIVAR_WORDS=words.bin archivar-index --db news.db corpus/
)";

}  // namespace

int main(int argc, char** argv) {
  const std::string_view first = argc > 1 ? argv[1] : "";
  if (first == "--help" || first == "-h") {
    std::cout << kUsage;
    return 0;
  }
  if (first == "--version") {
    std::cout << archivar::version_line("archivar-mkdict") << "\n";
    return 0;
  }
  if (argc != 4) {
    std::cerr << "archivar-mkdict: expected a WORD_LIST, HYPHENATION_PATTERNS and an OUTPUT "
                 "file (see --help)\n";
    return 2;
  }
  try {
    archivar::CompoundDictionary::from_word_list(argv[1], argv[2]).write_compiled(argv[3]);
  } catch (const std::exception& error) {
    std::cerr << "archivar-mkdict: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
