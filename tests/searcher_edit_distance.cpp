// Bounded edit distance and the letter folding it compares words in
// (searcher/edit_distance.h).
#include <catch2/catch.hpp>

#include "searcher/edit_distance.h"

using namespace archivar;

namespace {

std::size_t distance(const char* a, const char* b, std::size_t limit) {
  return bounded_edit_distance(folded_code_points(a), folded_code_points(b), limit);
}

}  // namespace

TEST_CASE("edit distance: insertions, deletions, substitutions, swaps", "[spelling]") {
  CHECK(distance("Bundesregirung", "Bundesregierung", 2) == 1);
  CHECK(distance("Selenskij", "Selenskyj", 2) == 1);
  CHECK(distance("Regierung", "Reigerung", 2) == 1);  // neighbours swapped: one edit
  CHECK(distance("kitten", "sitting", 3) == 3);
  CHECK(distance("Bahn", "Bahn", 1) == 0);
  CHECK(distance("", "abc", 3) == 3);
  CHECK(distance("abc", "", 3) == 3);
}

TEST_CASE("edit distance: stops at the limit", "[spelling]") {
  CHECK(distance("kitten", "sitting", 2) == 3);  // limit + 1: more than 2
  CHECK(distance("Bahn", "Bahnhofsvorplatz", 2) == 3);
  CHECK(distance("Abcdefgh", "Xbcdefgy", 1) == 2);
}

TEST_CASE("edit distance: words compare as the analyzer folds them", "[spelling]") {
  CHECK(folded_code_points("MÜNCHEN") == U"muenchen");
  CHECK(folded_code_points("Straße") == U"strasse");
  CHECK(folded_code_points("Äpfel Öl") == U"aepfel oel");
  CHECK(distance("Strassenbahm", "Straßenbahn", 1) == 1);
  CHECK(distance("Muenchn", "München", 1) == 1);
}
