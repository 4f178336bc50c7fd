// archivar-mkdict: compiles the German word list into the sorted, folded dictionary the
// compound splitter loads at start-up (run by the build; see common/CMakeLists.txt).
#include <iostream>

#include "common/analysis/compound_dictionary.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: archivar-mkdict WORD_LIST OUTPUT\n";
    return 2;
  }
  try {
    archivar::CompoundDictionary::from_word_list(argv[1]).write_compiled(argv[2]);
  } catch (const std::exception& error) {
    std::cerr << "archivar-mkdict: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
