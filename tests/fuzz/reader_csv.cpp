// Fuzz target: CSV read from bytes into articles, checked as read_and_check() says.
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  archivar::fuzz::read_and_check(archivar::fuzz::as_text(data, size), "fuzz.csv",
                                 archivar::InputFormat::kCsv);
  return 0;
}
