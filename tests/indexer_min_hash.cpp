// MinHashSignature (indexer/min_hash.h): similar texts agree on most positions, unrelated
// ones on almost none, the estimate follows the true Jaccard similarity of the shingle sets,
// and signatures survive their trip through a value slot.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/min_hash.h"

using archivar::MinHashSignature;

namespace {

// Words of a text split at spaces; punctuation stays on the words, as it does not matter
// which words there are, only that both texts are split alike.
std::vector<std::string> split(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::optional<MinHashSignature> signature_of(const std::vector<std::string>& words) {
  const std::vector<std::string_view> views(words.begin(), words.end());
  return MinHashSignature::of(views);
}

// Synthetic words w<from> .. w<to - 1>: texts with an exactly known overlap.
std::vector<std::string> numbered(int from, int to, const std::string& stem = "w") {
  std::vector<std::string> words;
  for (int i = from; i < to; ++i) words.push_back(stem + std::to_string(i));
  return words;
}

double exact_jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const auto shingles = [](const std::vector<std::string>& words) {
    std::set<std::string> set;
    for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
      set.insert(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
    }
    return set;
  };
  const std::set<std::string> sa = shingles(a), sb = shingles(b);
  std::vector<std::string> common;
  std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) /
         static_cast<double>(sa.size() + sb.size() - common.size());
}

const std::string kAgencyStory =
    "Die Stadtwerke Lindenau haben am Montag angekündigt, die Preise für Fernwärme zum ersten "
    "Januar um durchschnittlich elf Prozent zu erhöhen. Als Grund nannte der Versorger die "
    "gestiegenen Kosten für Erdgas und den Ausbau des Leitungsnetzes im Norden der Stadt. "
    "Ein Durchschnittshaushalt müsse mit Mehrkosten von rund neunzig Euro im Jahr rechnen, "
    "sagte eine Sprecherin. Der Mieterverein kritisierte die Erhöhung als überzogen und "
    "forderte die Stadt als Eigentümerin auf, einen Härtefallfonds einzurichten. Im Stadtrat "
    "soll das Thema in der kommenden Woche beraten werden. Die Stadtwerke versorgen nach "
    "eigenen Angaben rund vierzigtausend Wohnungen mit Fernwärme und investieren bis zum "
    "Jahr 2030 mehr als zweihundert Millionen Euro in klimafreundliche Wärmequellen.";

// The reprint: another day in the first sentence, a regional line added at the end.
const std::string kReprint =
    "Die Stadtwerke Lindenau haben am Dienstag angekündigt, die Preise für Fernwärme zum "
    "ersten Januar um durchschnittlich elf Prozent zu erhöhen. Als Grund nannte der Versorger "
    "die gestiegenen Kosten für Erdgas und den Ausbau des Leitungsnetzes im Norden der Stadt. "
    "Ein Durchschnittshaushalt müsse mit Mehrkosten von rund neunzig Euro im Jahr rechnen, "
    "sagte eine Sprecherin. Der Mieterverein kritisierte die Erhöhung als überzogen und "
    "forderte die Stadt als Eigentümerin auf, einen Härtefallfonds einzurichten. Im Stadtrat "
    "soll das Thema in der kommenden Woche beraten werden. Die Stadtwerke versorgen nach "
    "eigenen Angaben rund vierzigtausend Wohnungen mit Fernwärme und investieren bis zum "
    "Jahr 2030 mehr als zweihundert Millionen Euro in klimafreundliche Wärmequellen. Auch im "
    "Umland rechnen Kunden mit steigenden Abschlägen.";

const std::string kUnrelatedStory =
    "Der Ruderverein am Südufer feiert an diesem Wochenende sein hundertjähriges Bestehen mit "
    "einer Regatta, zu der Mannschaften aus ganz Norddeutschland erwartet werden. Den Auftakt "
    "macht am Samstagmorgen ein Rennen der Jugendboote, am Nachmittag folgen die Achter. Der "
    "Vorsitzende erinnerte daran, dass der Verein nach dem Krieg in einer Scheune neu "
    "gegründet wurde und heute mehr als dreihundert Mitglieder zählt. Für Zuschauer wird das "
    "Ufer zwischen Brücke und Bootshaus gesperrt, Parkplätze gibt es am Stadion.";

}  // namespace

TEST_CASE("min hash: a text and its reprint with small edits come out similar", "[min_hash]") {
  const auto story = signature_of(split(kAgencyStory));
  const auto reprint = signature_of(split(kReprint));
  REQUIRE(story);
  REQUIRE(reprint);
  const double exact = exact_jaccard(split(kAgencyStory), split(kReprint));
  INFO("exact Jaccard " << exact);
  CHECK(story->similarity(*reprint) >= 0.7);
  CHECK(story->similarity(*reprint) == Approx(exact).margin(0.15));
  CHECK(story->similarity(*story) == 1.0);
}

TEST_CASE("min hash: unrelated texts agree on almost no position", "[min_hash]") {
  const auto story = signature_of(split(kAgencyStory));
  const auto other = signature_of(split(kUnrelatedStory));
  REQUIRE(story);
  REQUIRE(other);
  CHECK(story->similarity(*other) < 0.1);
}

TEST_CASE("min hash: the estimate follows the exact Jaccard similarity", "[min_hash]") {
  // Texts of 200 words that share a run of 0 to 200 of them.
  const std::vector<std::string> base = numbered(0, 200);
  for (const int shift : {0, 10, 30, 60, 100, 150, 200}) {
    std::vector<std::string> other = numbered(shift, 200);
    const std::vector<std::string> fresh = numbered(0, shift, "x");
    other.insert(other.end(), fresh.begin(), fresh.end());
    const double exact = exact_jaccard(base, other);
    const double estimate = signature_of(base)->similarity(*signature_of(other));
    INFO("shift " << shift << ": exact " << exact << ", estimate " << estimate);
    // Four standard errors of 128 positions at J = 0.5.
    CHECK(estimate == Approx(exact).margin(0.18));
  }
}

TEST_CASE("min hash: shingles are a set, word order matters", "[min_hash]") {
  const std::vector<std::string> words = split(kAgencyStory);
  std::vector<std::string> twice = words;
  twice.insert(twice.end(), words.begin(), words.end());
  CHECK(signature_of(words)->similarity(*signature_of(twice)) >= 0.9);

  std::vector<std::string> reversed(words.rbegin(), words.rend());
  CHECK(signature_of(words)->similarity(*signature_of(reversed)) < 0.1);
}

TEST_CASE("min hash: texts of fewer than twenty words get no signature", "[min_hash]") {
  CHECK_FALSE(signature_of(numbered(0, MinHashSignature::kMinWords - 1)));
  CHECK(signature_of(numbered(0, MinHashSignature::kMinWords)));
  CHECK_FALSE(signature_of({}));
}

TEST_CASE("min hash: a signature survives serialisation, other bytes do not parse", "[min_hash]") {
  const auto story = signature_of(split(kAgencyStory));
  const std::string bytes = story->serialize();
  CHECK(bytes.size() == MinHashSignature::kBytes);
  const auto back = MinHashSignature::parse(bytes);
  REQUIRE(back);
  CHECK(*back == *story);
  CHECK(back->band_keys() == story->band_keys());
  CHECK_FALSE(MinHashSignature::parse(bytes.substr(1)));
  CHECK_FALSE(MinHashSignature::parse(""));
}

TEST_CASE("min hash: a band key changes exactly when one of its rows does", "[min_hash]") {
  std::string bytes(MinHashSignature::kBytes, '\0');
  const auto zero = MinHashSignature::parse(bytes);
  // Position 5 is row 1 of band 1 (four rows per band).
  bytes[2 * 5 + 1] = 1;
  const auto changed = MinHashSignature::parse(bytes);
  REQUIRE(zero);
  REQUIRE(changed);
  CHECK(zero->similarity(*changed) == Approx(127.0 / 128));
  const std::vector<std::string> a = zero->band_keys(), b = changed->band_keys();
  REQUIRE(a.size() == MinHashSignature::kBands);
  REQUIRE(b.size() == MinHashSignature::kBands);
  for (std::size_t band = 0; band < MinHashSignature::kBands; ++band) {
    INFO("band " << band);
    CHECK((a[band] == b[band]) == (band != 1));
  }
  // Keys of different bands never collide, even with equal rows.
  CHECK(std::set<std::string>(a.begin(), a.end()).size() == MinHashSignature::kBands);
}
