// The probe set of issue 15 in small: German terms (hyphenated words, phrases with
// articles, names, ß/ss spellings), each with a regular expression over the articles' raw
// title and text as the ground truth, counted on the demo corpus with --count --no-collapse.
// bench/probes runs the full set on FANG-COVID.
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "common/index_schema.h"
#include "support/cli.h"
#include "support/demo_index.h"

using namespace archivar;
using namespace archivar::test;

namespace {

// Title and text of every article, by id, as stored.
std::map<std::string, std::string> stored_texts(const std::string& database) {
  std::map<std::string, std::string> texts;
  const Xapian::Database db(database);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Article article = schema::decode_stored(db.get_document(*it).get_data());
    texts[article.id] = article.title + "\n\n" + article.text;
  }
  return texts;
}

std::set<std::string> matching(const std::string& expression,
                               const std::map<std::string, std::string>& texts) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where;
  std::unique_ptr<icu::RegexPattern> pattern(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(expression), where, status));
  REQUIRE(U_SUCCESS(status));
  std::set<std::string> ids;
  for (const auto& [id, text] : texts) {
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(unicode, status));
    REQUIRE(U_SUCCESS(status));
    if (matcher->find()) ids.insert(id);
  }
  return ids;
}

}  // namespace

TEST_CASE("probes: counts of German terms match their regular expressions on the demo corpus",
          "[integration][probes]") {
  const auto texts = stored_texts(demo_database());
  std::ifstream probes(source_path("tests/data/probes-demo.tsv"));
  REQUIRE(probes);
  double recall_sum = 0, precision_sum = 0;
  int count = 0;
  for (std::string line; std::getline(probes, line);) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    std::string query, expression;
    std::getline(fields, query, '\t');
    std::getline(fields, expression, '\t');
    INFO("probe: " << query << "  regex: " << expression);
    const std::set<std::string> truth = matching(expression, texts);
    REQUIRE(!truth.empty());  // a probe the corpus cannot answer proves nothing
    const std::string search =
        binary("archivar-search") + " --db " + demo_database() + " --no-collapse ";
    const CommandResult counted = run(search + "--count -- " + shell_quote(query));
    const CommandResult listed = run(search + "--format ids --limit 1000 -- " + shell_quote(query));
    REQUIRE(counted.status == 0);
    REQUIRE(listed.status == 0);
    std::set<std::string> found;
    std::istringstream ids(listed.out);
    for (std::string id; std::getline(ids, id);) found.insert(id);
    CHECK(std::stoul(counted.out) == found.size());
    std::size_t both = 0;
    for (const std::string& id : found) both += truth.contains(id);
    const double recall = static_cast<double>(both) / static_cast<double>(truth.size());
    const double precision =
        found.empty() ? 0.0 : static_cast<double>(both) / static_cast<double>(found.size());
    CAPTURE(truth.size(), found.size(), both);
    CHECK(recall >= 0.97);
    CHECK(precision >= 0.97);
    recall_sum += recall;
    precision_sum += precision;
    ++count;
  }
  REQUIRE(count >= 12);
  CHECK(recall_sum / count >= 0.99);
  CHECK(precision_sum / count >= 0.99);
}
