// Tests of the compiled compound dictionary's file (common/analysis/compound_dictionary.h):
// replacing it leaves processes that have the old one mapped working, and the standard
// location is the compiled file of the build tree.
#include <catch2/catch.hpp>
#include <string>

#include "common/analysis/compound_dictionary.h"
#include "support/cli.h"

using archivar::CompoundDictionary;
using archivar::test::ScratchDir;

TEST_CASE("compound dictionary: rewriting the compiled file spares a mapped copy", "[analyzer]") {
  const ScratchDir dir;
  // Many pages of words, then a file of three: the first mapping reaches far past the end
  // of the second, which truncating the file in place would turn into SIGBUS.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "Wortliste" + std::to_string(i) + "\n";
  const auto big_list = dir.write("big.txt", many);
  const auto small_list = dir.write("small.txt", "Bahn\nStraße\nfahren\n");
  const std::string compiled = dir / "words.bin";
  CompoundDictionary::from_word_list(big_list).write_compiled(compiled);
  const CompoundDictionary mapped = CompoundDictionary::from_compiled(compiled);
  CompoundDictionary::from_word_list(small_list).write_compiled(compiled);

  CHECK(mapped.size() == 20000);
  CHECK(mapped.is_noun("wortliste19999"));
  CHECK_FALSE(mapped.is_word("bahn"));
  const CompoundDictionary replaced = CompoundDictionary::from_compiled(compiled);
  CHECK(replaced.size() == 3);
  CHECK(replaced.is_noun("strasse"));
  CHECK(replaced.is_word("fahren"));
  CHECK_FALSE(replaced.is_noun("fahren"));
  CHECK(replaced.is_lower_case_word("fahren"));
  CHECK_FALSE(replaced.is_lower_case_word("strasse"));  // a noun
  CHECK_FALSE(replaced.is_lower_case_word("fuhr"));     // no word of the list
}

TEST_CASE("compound dictionary: the build's compiled file is the standard one", "[analyzer]") {
  // The tests run from build/bin, beside build/share/archivar/ (unless ARCHIVAR_WORDS says).
  if (std::getenv("ARCHIVAR_WORDS") != nullptr) return;
  const CompoundDictionary::Location location = CompoundDictionary::standard_location();
  CHECK(location.compiled);
  CHECK(location.path.filename() == CompoundDictionary::kCompiledFileName);
  CHECK(location.path.parent_path().filename() == "archivar");
  CHECK(CompoundDictionary::describe_standard_location() ==
        "compound dictionary: " + location.path.string());
}
