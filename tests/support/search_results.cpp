#include "support/search_results.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "support/cli.h"

namespace archivar::test {

nlohmann::json search_json(const std::string& databases, const std::string& arguments) {
  const CommandResult result =
      run(binary("archivar-search") + " " + databases + " --format json " + arguments);
  INFO(result.err);
  REQUIRE(result.status == 0);
  return nlohmann::json::parse(result.out);
}

std::vector<std::pair<double, std::string>> ranking(const nlohmann::json& page) {
  std::vector<std::pair<double, std::string>> result;
  for (const auto& hit : page["hits"]) result.emplace_back(hit["score"], hit["id"]);
  std::stable_sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
    if (std::abs(a.first - b.first) > 1e-9) return a.first > b.first;
    return a.second < b.second;
  });
  return result;
}

void check_ranked_alike(const nlohmann::json& want, const nlohmann::json& got) {
  REQUIRE(!want["hits"].empty());
  const auto want_ranking = ranking(want), got_ranking = ranking(got);
  REQUIRE(got_ranking.size() == want_ranking.size());
  for (std::size_t i = 0; i < want_ranking.size(); ++i) {
    CHECK(got_ranking[i].second == want_ranking[i].second);
    CHECK(got_ranking[i].first == Approx(want_ranking[i].first).epsilon(1e-12));
  }
  CHECK(got["total"] == want["total"]);
  CHECK(got["facets"] == want["facets"]);
}

}  // namespace archivar::test
