// ProximityScorer: the second phase of ranking scores a pair's proximity exactly as Xapian's
// matcher scores the same NEAR, PHRASE and AND clauses when it checks every article; and
// SearchSession ranks by it the best articles of the words alone.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/index_schema.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "searcher/proximity_scorer.h"
#include "searcher/query_parser.h"
#include "searcher/search_session.h"
#include "support/cli.h"
#include "support/memory_index.h"

using namespace archivar;

namespace {

// Every matching article's weight for @a query, with room for all of them: the matcher
// then never prunes, and checks every NEAR and PHRASE.
std::map<Xapian::docid, double> unpruned_weights(const Xapian::Database& db,
                                                 const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.1));
  std::map<Xapian::docid, double> weights;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) weights[*it] = it.get_weight();
  return weights;
}

// Indexes each of @a texts as an untitled article with id @a prefix and its number; returns
// their docids, in order.
std::vector<Xapian::docid> index_texts(test::MemoryIndex& index, const std::string& prefix,
                                       const std::vector<std::string>& texts) {
  for (std::size_t i = 0; i < texts.size(); ++i) {
    index.add({.id = prefix + std::to_string(i), .title = "", .text = texts[i]});
  }
  std::vector<Xapian::docid> documents;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    documents.push_back(*index.db().postlist_begin(schema::id_term(prefix + std::to_string(i))));
  }
  return documents;
}

}  // namespace

TEST_CASE("proximity read from position lists scores as Xapian's unpruned clauses",
          "[query][proximity]") {
  Analyzer analyzer;
  test::MemoryIndex index(analyzer);
  const std::string filler = " Regen Wind Sonne Nebel Hagel Schnee Frost Sturm Wolken Donner ";
  const std::vector<std::string> texts = {
      "Der Minister besuchte die Schule am Montag.",                // adjacent? no: near
      "Minister Schule Gespräch" + filler + "Lehrer",               // adjacent pair
      "Schule" + filler + "Minister" + filler + "Gespräch Lehrer",  // far apart
      "Die Schule und der Minister sprachen über das Gespräch mit Lehrern.",
      "Ministerpräsident Schule Lehrergespräch" + filler,  // compounds
      "Lehrer" + filler + filler + "Gespräch Minister",    // one pair near
      "Nur Regen und Wind heute.",                         // no query word
      "Minister Minister Schule Schule Minister Lehrer Gespräch Lehrer Gespräch",
  };
  for (std::size_t i = 0; i < texts.size(); ++i) {
    index.add(
        {.id = "a" + std::to_string(i), .title = i % 3 == 0 ? "Minister" : "", .text = texts[i]});
  }
  const Xapian::Database& db = index.db();
  const ProximityOptions weights{.near_weight = 0.2,
                                 .near_window = 8,
                                 .phrase_weight = 0.1,
                                 .skip_near_weight = 0.15,
                                 .pair_weight = 0.05};
  for (const std::string query :
       {"Minister Schule", "Minister Schule Gespräch Lehrer", "Schule Minister",
        "Ministerpräsident Lehrergespräch Schule", "+Minister +Schule Lehrer"}) {
    CAPTURE(query);
    QueryParser words_only(analyzer, ProximityOptions::none(), &db);
    QueryParser with_clauses(analyzer, weights, &db);
    const ParsedQuery words = words_only.parse(query);
    REQUIRE_FALSE(words.word_pairs.empty());
    CHECK(with_clauses.parse(query).word_pairs == words.word_pairs);
    const auto expected = unpruned_weights(db, with_clauses.parse(query).query);
    const auto by_words = unpruned_weights(db, words.query);
    REQUIRE(expected.size() == by_words.size());  // proximity never matches by itself
    std::vector<Xapian::docid> documents;
    for (const auto& [docid, weight] : by_words) documents.push_back(docid);
    const ProximityScorer scorer(db, words.word_pairs, {}, weights, {1.2, 0.75, 0.1});
    const std::vector<double> bonus = scorer.bonuses(documents);
    bool some_bonus = false;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      CAPTURE(documents[i]);
      CHECK(by_words.at(documents[i]) + bonus[i] ==
            Approx(expected.at(documents[i])).epsilon(1e-9));
      some_bonus = some_bonus || bonus[i] > 0;
    }
    CHECK(some_bonus);
  }
}

TEST_CASE("proximity for a page ranks its articles as scoring every article does",
          "[query][proximity]") {
  // Random texts over a small vocabulary: many ties, near misses and repeated words.
  Analyzer analyzer;
  test::MemoryIndex index(analyzer);
  const std::vector<std::string> vocabulary = {"Minister", "Schule", "Lehrer", "Gespräch",
                                               "Regen",    "Wind",   "Sonne",  "Nebel"};
  std::uint32_t state = 12345;
  const auto next = [&] { return state = state * 1103515245 + 12345, (state >> 16) % 32768; };
  for (int i = 0; i < 300; ++i) {
    std::string text;
    const auto length = 3 + next() % 40;
    for (std::uint32_t w = 0; w < length; ++w) text += vocabulary[next() % 8] + " ";
    index.add({.id = "r" + std::to_string(i), .title = "", .text = text});
  }
  const Xapian::Database& db = index.db();
  for (const std::string query :
       {"Minister Schule", "Minister Schule Lehrer Gespräch", "Regen Minister Sonne"}) {
    CAPTURE(query);
    QueryParser parser(analyzer, ProximityOptions::none(), &db);
    const ParsedQuery words = parser.parse(query);
    Xapian::Enquire enquire(db);
    enquire.set_query(words.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.1));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    std::vector<Xapian::docid> documents;
    std::vector<double> base;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      documents.push_back(*it);
      base.push_back(it.get_weight());
    }
    REQUIRE(documents.size() == 100);
    // Proximity alone: the forms as typed are read for the page and a margin only.
    ProximityOptions proximity_only;
    proximity_only.surface_weight = 0;
    const ProximityScorer scorer(db, words.word_pairs, words.ranked_words, proximity_only,
                                 {1.2, 0.75, 0.1});
    const auto ranked = [&](const std::vector<double>& scores) {
      std::vector<std::size_t> order(documents.size());
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::ranges::sort(order, [&](std::size_t a, std::size_t b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : documents[a] < documents[b];
      });
      return order;
    };
    std::vector<double> every = base;
    const std::vector<double> bonus = scorer.bonuses(documents);
    for (std::size_t i = 0; i < every.size(); ++i) every[i] += bonus[i];
    const std::vector<std::size_t> expected = ranked(every);
    for (const std::size_t needed : {1, 3, 10, 40, 100}) {
      CAPTURE(needed);
      std::vector<double> page = base;
      scorer.add_bonuses(documents, page, needed);
      const std::vector<std::size_t> found = ranked(page);
      for (std::size_t r = 0; r < needed; ++r) {
        CAPTURE(r);
        CHECK(found[r] == expected[r]);
        CHECK(page[found[r]] == every[expected[r]]);
      }
    }
  }
}

TEST_CASE("words used as typed add their share of the query's words, case aside",
          "[query][proximity]") {
  Analyzer analyzer;
  test::MemoryIndex index(analyzer);
  // The stemmed index holds "Zahlen" and "Zahl", "steigen" and "stieg" alike; only the
  // stored forms tell them apart.
  const std::vector<std::string> texts = {
      "Die Zahlen steigen im Landkreis.",    // both as typed
      "Die Zahl stieg im Landkreis.",        // neither
      "ZAHLEN: sie steigen, sagt das Amt.",  // both, in capitals
      "Die Zahlen sind gestiegen.",          // one of two
      "Gestiegen ist die Zahl der Fälle.",   // neither
  };
  const std::vector<Xapian::docid> documents = index_texts(index, "s", texts);
  const Xapian::Database& db = index.db();
  QueryParser parser(analyzer, ProximityOptions::none(), &db);
  const ParsedQuery words = parser.parse("Zahlen steigen");
  REQUIRE(words.ranked_words.size() == 2);
  ProximityOptions surfaces_only = ProximityOptions::none();
  surfaces_only.surface_weight = 0.8;
  const ProximityScorer scorer(db, words.word_pairs, words.ranked_words, surfaces_only,
                               {1.2, 0.75, 0.1});
  REQUIRE_FALSE(scorer.empty());
  const std::vector<double> bonus = scorer.bonuses(documents);
  CHECK(bonus[0] == Approx(0.8));
  CHECK(bonus[1] == 0.0);
  CHECK(bonus[2] == Approx(0.8));
  CHECK(bonus[3] == Approx(0.4));
  CHECK(bonus[4] == 0.0);
  // Without the weight, the forms add nothing.
  const ProximityScorer none(db, words.word_pairs, words.ranked_words, ProximityOptions::none(),
                             {});
  CHECK(none.empty());
}

TEST_CASE("proximity bonuses are zero without weights and for words never together",
          "[query][proximity]") {
  Analyzer analyzer;
  test::MemoryIndex index(analyzer);
  index.add({.id = "one", .title = "", .text = "Minister allein"});
  index.add({.id = "two", .title = "", .text = "Schule allein"});
  const Xapian::Database& db = index.db();
  QueryParser parser(analyzer, ProximityOptions::none(), &db);
  const ParsedQuery parsed = parser.parse("Minister Schule");
  const ProximityScorer scorer(db, parsed.word_pairs, {}, ProximityOptions{}, {});
  CHECK(scorer.bonuses(std::vector<Xapian::docid>{1, 2}) == std::vector<double>{0, 0});
  const ProximityScorer none(db, parsed.word_pairs, {}, ProximityOptions::none(), {});
  CHECK(none.empty());
}

TEST_CASE("two-phase ranking: proximity reorders the words' best articles, pages stay whole",
          "[query][proximity]") {
  // Each article holds Minister and Schule once and the same filler, so BM25 alone cannot
  // tell them apart and ranks by id; only where the two words stand decides.
  const test::ScratchDir dir;
  const std::string path = dir / "db";
  const std::string filler =
      " Regen Wind Sonne Nebel Hagel Schnee Frost Sturm Wolken Donner Blitz Tau Reif Dunst ";
  std::vector<std::string> near_ids;
  {
    Analyzer analyzer;
    XapianPositionalPostings postings;
    DocumentBuilder builder(analyzer, postings);
    IndexWriter writer(path, analyzer.options(), 1000);
    for (int i = 0; i < 30; ++i) {
      const bool near = i % 3 == 2;
      const Article article{
          .id = (i < 10 ? "a0" : "a") + std::to_string(i),  // a00 ... a29: id order
          .title = "",
          .text = near ? "Minister Schule" + filler : "Minister" + filler + "Schule"};
      if (near) near_ids.push_back(article.id);
      writer.put(article.id,
                 builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {})),
                 builder.words());
    }
    writer.commit();
  }
  SearchSession session({path});
  const auto ids = [&](std::size_t offset, std::size_t limit, std::size_t depth,
                       ProximityOptions proximity) {
    SearchRequest request{.query = "Minister Schule"};
    request.match.offset = offset;
    request.match.limit = limit;
    request.match.rerank_depth = depth;
    request.match.proximity = proximity;
    std::vector<std::string> found;
    for (const ResultHit& hit : session.search(request).hits) found.push_back(hit.hit.article.id);
    return found;
  };
  const std::vector<std::string> top = ids(0, 10, 100, {});
  CHECK(std::vector(top.begin(), top.begin() + 10) == near_ids);
  CHECK(ids(0, 10, 100, ProximityOptions::none()).front() == "a00");  // id order
  // A page further down continues the same list.
  const std::vector<std::string> all = ids(0, 30, 100, {});
  CHECK(ids(10, 10, 100, {}) == std::vector(all.begin() + 10, all.begin() + 20));
  // Of the words' best `depth` articles, proximity picks the page: a near article further
  // down the words' order is not seen, unless the page itself reaches that far.
  CHECK(ids(0, 3, 6, {}) == std::vector<std::string>{near_ids[0], near_ids[1], "a00"});
  const std::vector<std::string> long_page = ids(0, 30, 6, {});
  CHECK(std::vector(long_page.begin(), long_page.begin() + 10) == near_ids);
}

TEST_CASE("the query's wording adds its share of the pairs typed next to each other",
          "[query][proximity]") {
  Analyzer analyzer;
  test::MemoryIndex index(analyzer);
  // The same words in each article; only whether they stand as in the query differs.
  const std::vector<std::string> texts = {
      "In der Krise rückt zusammen, wer sonst streitet.",  // the query's wording
      "Zusammen rückt in der Krise, wer sonst streitet.",  // in der + der Krise
      "Der Krise zum Trotz: wer rückt in die Stadt zusammen?",
      "Krise, zusammen, rückt, der, in: eine Liste.",  // no pair as typed
  };
  const std::vector<Xapian::docid> documents = index_texts(index, "w", texts);
  const Xapian::Database& db = index.db();
  QueryParser parser(analyzer, ProximityOptions::none(), &db);
  const ParsedQuery parsed = parser.parse_plain("In der Krise rückt zusammen");
  REQUIRE(parsed.typed_pairs.size() == 4);
  ProximityOptions wording_only = ProximityOptions::none();
  wording_only.typed_pair_weight = 2;
  const ProximityScorer scorer(db, parsed.word_pairs, parsed.ranked_words, wording_only,
                               {1.2, 0.75, 0.1}, parsed.typed_pairs);
  REQUIRE_FALSE(scorer.empty());
  const std::vector<double> bonus = scorer.bonuses(documents);
  CHECK(bonus[0] == Approx(2.0));
  CHECK(bonus[1] == Approx(1.0));  // 2 of 4 pairs
  CHECK(bonus[2] == Approx(0.5));  // "der Krise" alone
  CHECK(bonus[3] == 0.0);
  // One pair alone does not count (as one word's form does not): it would outweigh BM25.
  const ParsedQuery two = parser.parse_plain("Krise rückt");
  REQUIRE(two.typed_pairs.size() == 1);
  CHECK(ProximityScorer(db, {}, {}, wording_only, {}, two.typed_pairs).empty());
  CHECK(ProximityScorer(db, {}, {}, ProximityOptions::none(), {}, parsed.typed_pairs).empty());
}

TEST_CASE("typed pairs: neighbouring words of the text, function words and hyphen parts too",
          "[query][proximity]") {
  Analyzer analyzer;
  test::MemoryIndex index(analyzer);
  index.add({.id = "x", .title = "", .text = "Die Corona-Krise in der Stadt"});
  const Xapian::Database& db = index.db();
  QueryParser parser(analyzer, ProximityOptions::none(), &db);
  const auto pairs = [&](const std::string& query, bool plain) {
    std::vector<std::string> found;
    const ParsedQuery parsed = plain ? parser.parse_plain(query) : parser.parse(query);
    for (const TypedPair& pair : parsed.typed_pairs) found.push_back(pair.left + " " + pair.right);
    return found;
  };
  const std::string krise = analyzer.analyze("Krise").front().text;
  const std::string stadt = analyzer.analyze("Stadt").front().text;
  // A hyphenated word stands as its parts in sequence.
  CHECK(pairs("die Corona-Krise in der Stadt", true) ==
        std::vector<std::string>{"die corona", "corona " + krise, krise + " in", "in der",
                                 "der " + stadt});
  // An excluded word, a phrase or a field between two words breaks the wording.
  CHECK(pairs("Krise -Corona in der Stadt", false) ==
        std::vector<std::string>{"in der", "der " + stadt});
  CHECK(pairs("Krise \"in der\" Stadt", false).empty());
  CHECK(pairs("Krise title:Stadt der", false).empty());
  // A repeated pair counts once.
  CHECK(pairs("der Stadt der Stadt", true) ==
        std::vector<std::string>{"der " + stadt, stadt + " der"});
}

TEST_CASE("two-phase ranking: an article repeating the query's wording ranks first",
          "[query][proximity]") {
  // Both articles hold the same words equally often and equally close (Kritik three words
  // before Regierung, wächst right after it): BM25 and proximity cannot tell them apart,
  // and the smaller id ranks first. Only the function words between stand as typed in
  // the second.
  const test::ScratchDir dir;
  const std::string path = dir / "db";
  {
    Analyzer analyzer;
    XapianPositionalPostings postings;
    DocumentBuilder builder(analyzer, postings);
    IndexWriter writer(path, analyzer.options(), 1000);
    const std::vector<Article> articles = {
        {.id = "a-reordered", .title = "", .text = "Die Kritik der an Regierung wächst."},
        {.id = "b-as-typed", .title = "", .text = "Die Kritik an der Regierung wächst."},
    };
    for (const Article& article : articles) {
      writer.put(article.id,
                 builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {})),
                 builder.words());
    }
    writer.commit();
  }
  SearchSession session({path});
  const auto first = [&](double typed_pair_weight) {
    SearchRequest request{.query = "Kritik an der Regierung wächst", .plain = true};
    request.match.proximity.typed_pair_weight = typed_pair_weight;
    return session.search(request).hits.at(0).hit.article.id;
  };
  CHECK(first(0) == "a-reordered");
  CHECK(first(1) == "b-as-typed");
}
