// archivar-eval against trec_eval's own output, recorded in tests/data/trec_eval/ (see its
// README.md): runs of Archivar and of Lucene on the shared test collections, every measure of
// -m all_trec per topic and overall, and the default output, byte for byte.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/cli.h"

namespace fs = std::filesystem;
using namespace archivar::test;

namespace {

const fs::path kData = fs::path(ARCHIVAR_SOURCE_DIR) / "tests/data/trec_eval";

// The file, decompressed into @a scratch.
std::string unpacked(const ScratchDir& scratch, const std::string& name) {
  const std::string target = scratch / name;
  const CommandResult result = run("gzip -dc " + shell_quote((kData / (name + ".gz")).string()) +
                                   " > " + shell_quote(target));
  REQUIRE(result.status == 0);
  return target;
}

}  // namespace

TEST_CASE("archivar-eval prints what trec_eval prints on the recorded runs", "[eval][trec_eval]") {
  const ScratchDir scratch;
  int compared = 0;
  for (const std::string set : {"mlqa-de-dev", "xquad-de", "fang-headlines-dev"}) {
    const std::string qrels = unpacked(scratch, set + ".qrels");
    for (const std::string system : {"archivar", "lucene"}) {
      const std::string name = set + "." + system;
      INFO(name);
      const std::string run_file = unpacked(scratch, name + ".run");
      for (const auto& [options, suffix] :
           {std::pair<std::string, std::string>{"-q -c -m all_trec", ".all_trec"},
            std::pair<std::string, std::string>{"", ".default"}}) {
        INFO(options);
        const std::string expected = unpacked(scratch, name + suffix);
        const CommandResult ours =
            run(binary("archivar-eval") + " " + options + " " + shell_quote(qrels) + " " +
                shell_quote(run_file) + " > " + shell_quote(scratch / "ours"));
        REQUIRE(ours.status == 0);
        const CommandResult same =
            run("cmp " + shell_quote(expected) + " " + shell_quote(scratch / "ours") +
                " && wc -l < " + shell_quote(expected));
        INFO(run("diff " + shell_quote(expected) + " " + shell_quote(scratch / "ours") +
                 " | head -20")
                 .out);
        CHECK(same.status == 0);
        if (same.status == 0) ++compared;
      }
    }
  }
  CHECK(compared == 12);
}
