#include "support/demo_index.h"

#include <catch2/catch.hpp>

#include "support/cli.h"

namespace archivar::test {

const std::string& demo_database() {
  static const ScratchDir dir;
  static const std::string db = [] {
    const std::string path = dir / "demo.db";
    const CommandResult indexed = run(binary("archivar-index") + " --db " + path + " " +
                                      shell_quote(source_path("corpus/demo")));
    REQUIRE(indexed.status == 0);
    return path;
  }();
  return db;
}

}  // namespace archivar::test
