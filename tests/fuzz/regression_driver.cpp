// A main() for builds without libFuzzer (gcc, or clang without it): feeds every file of the
// directories and files named on the command line to the fuzz target once, so that the
// corpus of each target runs as a regression test in every build (ctest).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "fuzz_target.h"

namespace fs = std::filesystem;

namespace {

void run_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t inputs = 0;
  for (int i = 1; i < argc; ++i) {
    const fs::path argument(argv[i]);
    if (argument.string().starts_with("-")) continue;  // libFuzzer's flags mean nothing here
    if (!fs::exists(argument)) {
      std::cerr << argv[0] << ": '" << argument.string() << "' does not exist\n";
      return 2;
    }
    std::vector<fs::path> files;
    if (fs::is_directory(argument)) {
      for (const auto& entry : fs::recursive_directory_iterator(argument)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::ranges::sort(files);
    } else {
      files.push_back(argument);
    }
    for (const fs::path& file : files) {
      run_file(file);
      ++inputs;
    }
  }
  if (inputs == 0) {
    std::cerr << argv[0] << ": no input files; name corpus directories or files\n";
    return 2;
  }
  std::cout << argv[0] << ": " << inputs << " inputs passed\n";
  return 0;
}
