// archivar-index --info describes the articles the database holds now: deleting the newest
// and the oldest article narrows the date range it prints.
#include <catch2/catch.hpp>
#include <string>

#include "support/cli.h"

using namespace archivar::test;

TEST_CASE("the date range of --info leaves out deleted articles", "[integration][index][info]") {
  const ScratchDir dir;
  write_file(dir / "a.jsonl",
             R"({"id": "old", "title": "Alt", "text": "Ein Hafen.", "date": "2019-01-05"})"
             "\n"
             R"({"id": "mid", "title": "Mitte", "text": "Ein Hafen.", "date": "2020-06-15"})"
             "\n"
             R"({"id": "mid2", "title": "Mitte", "text": "Ein Kai.", "date": "2020-06-20"})"
             "\n"
             R"({"id": "new", "title": "Neu", "text": "Ein Hafen.", "date": "2024-03-09"})"
             "\n");
  const std::string index = binary("archivar-index") + " --db " + shell_quote(dir / "db");
  REQUIRE(run(index + " --quiet " + shell_quote(dir / "a.jsonl")).status == 0);
  CHECK(run(index + " --info").out.find("2019-01-05 .. 2024-03-09") != std::string::npos);
  REQUIRE(run(index + " --quiet --delete old new").status == 0);
  const CommandResult info = run(index + " --info");
  CHECK(info.out.find("dates     2020-06-15 .. 2020-06-20\n") != std::string::npos);
}
