// term_candidates: analysing only the stretches it returns finds every match that
// analysing the whole text finds, and it leaves out the text that cannot match.
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>

#include "common/analysis/analyzer.h"
#include "common/analysis/strong_verb_filter.h"
#include "common/analysis/weak_verb_filter.h"
#include "searcher/term_candidates.h"
#include "support/read_articles.h"

using namespace archivar;

namespace {

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

bool covered(const Spans& spans, std::size_t start, std::size_t end) {
  return std::ranges::any_of(
      spans, [&](const auto& span) { return span.first <= start && end <= span.second; });
}

// Every token of @a text whose term is among @a terms lies within a candidate span.
void check_every_match_covered(const TokenStream& tokens, const std::string& text,
                               const std::set<std::string>& terms) {
  const Spans spans = term_candidates(text, terms);
  std::vector<std::string> missed;  // "word → term", for the message
  for (const Token& token : tokens) {
    if (terms.contains(token.text) && !covered(spans, token.start, token.end)) {
      missed.push_back(text.substr(token.start, token.end - token.start) + " → " + token.text);
    }
  }
  CHECK(missed.empty());
  CHECK(std::ranges::adjacent_find(spans, [](const auto& a, const auto& b) {
          return a.second >= b.first;
        }) == spans.end());
}

// The same for all of the text's terms together and for each one alone.
// Alone: every @a stride-th term (in term order), to keep the test quick.
void check_every_term(Analyzer& analyzer, const std::string& text, std::size_t stride = 1) {
  const TokenStream tokens = analyzer.analyze(text);
  std::set<std::string> all;
  for (const Token& token : tokens) all.insert(token.text);
  check_every_match_covered(tokens, text, all);
  std::size_t n = 0;
  for (const std::string& term : all) {
    if (n++ % stride == 0) check_every_match_covered(tokens, text, {term});
  }
}

}  // namespace

TEST_CASE("term candidates cover every match the whole analysis finds", "[snippet]") {
  Analyzer analyzer(AnalyzerOptions{});
  SECTION("hand-picked words: umlauts, ß, hyphens, compounds, verbs, other letters") {
    const std::string text =
        "Die STRASSE in München: Ärztekammer und Äußerungen zur Ukraine-Krise, das "
        "Botschaftspersonal erhöhte die Gebühren. Café Mañana, Łódź, ﬁnanziell, Ｂｅｒｌｉｎ, "
        "ca. 2³ Mio.\u00a0Euro – „Zitat“ …";
    check_every_term(analyzer, text);
  }
  SECTION("the terms of every demo article, together and one at a time") {
    const std::filesystem::path demo = std::filesystem::path(ARCHIVAR_SOURCE_DIR) / "corpus/demo";
    for (const char* name : {"politik.jsonl", "wirtschaft.jsonl", "regionales.jsonl",
                             "kultur-sport.jsonl", "wissenschaft-panorama.jsonl"}) {
      for (const Article& article :
           test::read_articles(demo / name, InputFormat::kJsonLines).articles) {
        check_every_term(analyzer, article.text, 5);
      }
    }
  }
}

TEST_CASE("a word may hold a term when one of its umlaut readings contains it", "[snippet]") {
  // The reference: every reading of each ae, oe, ue as written or as the vowel alone, and
  // each term also without a verb's -n or -en, as a strong verb's irregular forms or as a
  // separable verb's participle, compared as plain substrings.
  const auto readings = [](const std::string& word) {
    std::vector<std::string> found{""};
    for (std::size_t i = 0; i < word.size(); ++i) {
      const bool umlaut = (word[i] == 'a' || word[i] == 'o' || word[i] == 'u') &&
                          i + 1 < word.size() && word[i + 1] == 'e';
      for (std::string& reading : found) reading += word[i];
      if (!umlaut) continue;
      std::vector<std::string> with_e = found;  // e written
      for (std::string& reading : with_e) reading += 'e';
      std::vector<std::string> without_e = found;  // e read as part of the umlaut
      found = with_e;
      found.insert(found.end(), without_e.begin(), without_e.end());
      ++i;
    }
    return found;
  };
  const auto reference = [&](const std::string& word, const std::set<std::string>& terms) {
    for (const std::string& term : terms) {
      std::vector<std::string> needles{term};
      if (term.size() > 3 && term.ends_with('n'))
        needles.push_back(term.substr(0, term.size() - 1));
      if (term.size() >= 4 && term.ends_with("en"))
        needles.push_back(term.substr(0, term.size() - 2));
      for (const std::string_view form : strong_verb_forms_of(term)) needles.emplace_back(form);
      for (const std::string& spelling : participle_spellings_of(term)) needles.push_back(spelling);
      for (const std::string& needle : needles) {
        for (const std::string& reading : readings(word)) {
          if (reading.find(needle) != std::string::npos) return true;
        }
      }
    }
    return false;
  };
  std::uint32_t state = 7;
  const auto next = [&](std::uint32_t below) {
    state = state * 1103515245 + 12345;
    return (state >> 16) % below;
  };
  const std::string letters = "aeounrst1-'";
  const auto random_text = [&](std::size_t longest) {
    std::string text(next(static_cast<std::uint32_t>(longest + 1)), ' ');
    for (char& c : text) c = letters[next(static_cast<std::uint32_t>(letters.size()))];
    return text;
  };
  for (int round = 0; round < 3000; ++round) {
    std::set<std::string> terms;
    const auto count = 1 + next(4);
    for (std::uint32_t t = 0; t < count; ++t) terms.insert(random_text(5));
    const TermCandidates candidates(terms);
    for (int w = 0; w < 10; ++w) {
      const std::string word = random_text(12);
      CAPTURE(word, terms);
      CHECK(candidates.may_hold(word) == reference(word, terms));
    }
  }
}

TEST_CASE("term candidates leave out the words that cannot match", "[snippet]") {
  const std::string text = "Der Zug fuhr langsam. Später fuhren die Züge wieder schneller.";
  const Spans spans = term_candidates(text, {"zug"});
  // "Zug" and "Züge" (read as "zuge"); nothing else.
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].first, spans[0].second - spans[0].first) == "Zug");
  CHECK(text.substr(spans[1].first, spans[1].second - spans[1].first) == "Züge");
  CHECK(term_candidates(text, {"flugzeug"}).empty());
  // Neighbouring candidates are one stretch; a term beyond ASCII letters means all of it.
  CHECK(term_candidates("Zug um Zug", {"zug", "um"}) == Spans{{0, 10}});
  CHECK(term_candidates(text, {"zug's"}) == Spans{{0, text.size()}});
  // A word with a letter Unicode folding may turn into ASCII is kept, whatever it says.
  CHECK(term_candidates("Ｚｕｇ fährt", {"zug"}) == Spans{{0, 9}});
}

// Optional (hidden: run with "[.shared]"): real articles from ../shared, when it is there.
TEST_CASE("term candidates cover every match in FANG-COVID articles", "[.shared]") {
  const std::filesystem::path corpus =
      std::filesystem::path(ARCHIVAR_SOURCE_DIR) / "../shared/corpora/fang-covid/docs.jsonl.zst";
  if (!std::filesystem::exists(corpus)) {
    WARN("not run: no " << corpus);
    return;
  }
  Analyzer analyzer(AnalyzerOptions{});
  const std::vector<Article> articles =
      test::read_articles(corpus, InputFormat::kJsonLines).articles;
  for (std::size_t i = 0; i < articles.size(); i += 97) {
    check_every_term(analyzer, articles[i].text);
  }
}
