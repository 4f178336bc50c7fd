// CommittedBands (indexer/committed_bands.h): the articles sharing band keys, most shared
// first, then in the order added, through the table's growth; an article's key added again
// counts once.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "indexer/committed_bands.h"

using namespace archivar;

TEST_CASE("committed bands: articles sharing keys, most shared first, then the oldest",
          "[groups]") {
  CommittedBands bands;
  // 20,000 articles of four keys each: article n has k<n>, k<n+1>, k<n+2> and its own u<n>.
  for (int n = 0; n < 20000; ++n) {
    bands.add("a" + std::to_string(n), {"k" + std::to_string(n), "k" + std::to_string(n + 1),
                                        "k" + std::to_string(n + 2), "u" + std::to_string(n)});
  }
  CHECK(bands.articles() == 20000);
  const auto shared = bands.sharing({"k500", "k501", "u500"});
  REQUIRE(shared.size() == 4);
  CHECK(shared[0] == std::pair<std::string_view, unsigned>("a500", 3));  // k500, k501, u500
  CHECK(shared[1] == std::pair<std::string_view, unsigned>("a499", 2));  // k500, k501
  CHECK(shared[2] == std::pair<std::string_view, unsigned>("a498", 1));  // k500: older first
  CHECK(shared[3] == std::pair<std::string_view, unsigned>("a501", 1));  // k501
  CHECK(bands.sharing({"nothing"}).empty());

  // Added again with a key it had: counted once; with a new key: found by both.
  bands.add("a7", {"k7", "new"});
  CHECK(bands.articles() == 20000);
  const auto again = bands.sharing({"k7", "new"});
  REQUIRE(again.size() == 3);
  CHECK(again[0] == std::pair<std::string_view, unsigned>("a7", 2));
  CHECK(again[1] == std::pair<std::string_view, unsigned>("a5", 1));
  CHECK(again[2] == std::pair<std::string_view, unsigned>("a6", 1));
}
