// Tests of fold_keyword (common/text/keyword.h), the folding of exact-match fields such as
// source and section: case, Unicode width and spacing do not matter, letters stay letters.
#include <catch2/catch.hpp>
#include <string>

#include "common/text/keyword.h"

using archivar::fold_keyword;

TEST_CASE("keyword: case and runs of white space are folded", "[keyword]") {
  CHECK(fold_keyword("Rheinische  Rundschau") == "rheinische rundschau");
  CHECK(fold_keyword("  Die ZEIT ") == "die zeit");
  CHECK(fold_keyword("Politik\t\tund\nWirtschaft\r\n") == "politik und wirtschaft");
  CHECK(fold_keyword("rheinische rundschau") == "rheinische rundschau");
}

TEST_CASE("keyword: empty and blank values fold to nothing", "[keyword]") {
  CHECK(fold_keyword("") == "");
  CHECK(fold_keyword(" \t\n ") == "");
}

TEST_CASE("keyword: Unicode case folding and NFKC, but no umlaut folding", "[keyword]") {
  CHECK(fold_keyword("Süddeutsche Zeitung") == "süddeutsche zeitung");
  CHECK(fold_keyword("SÜDDEUTSCHE") == "süddeutsche");
  CHECK(fold_keyword("Straße") == "strasse");
  CHECK(fold_keyword("STRAẞE") == "strasse");
  CHECK(fold_keyword("ＦＡＺ") == "faz");
  CHECK(fold_keyword("Die\u00A0Zeit") == "die zeit");     // NFKC: no-break space is a space
  CHECK(fold_keyword("Bot\u00ADschaft") == "botschaft");  // soft hyphen is ignorable
}

TEST_CASE("keyword: punctuation is kept, so different names stay different", "[keyword]") {
  CHECK(fold_keyword("taz.de") == "taz.de");
  CHECK(fold_keyword("Rhein-Zeitung") == "rhein-zeitung");
  CHECK(fold_keyword("Rhein-Zeitung") != fold_keyword("Rhein Zeitung"));
}
