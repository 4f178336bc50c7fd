// xapian-floor: the latency of Xapian's own matcher on the simplest form of a topic set — an
// OR of the topic's whole words, analysed as Archivar analyses them, BM25, top 10, ids only.
//
// What Archivar's searcher adds (compound parts, proximity, collapsing near-duplicates,
// snippets) costs on top of this; what this costs, no searcher built on Xapian's matcher
// can undercut. bench/query-latency prints it beside Archivar and Lucene.
//
//   xapian-floor DB TOPICS.tsv [PASSES [WARMUP]]
//
// Prints one JSON object: queries timed, p50/p95/p99 in milliseconds (nearest rank).
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/index_schema.h"

namespace {

using archivar::Analyzer;
using archivar::AnalyzerOptions;
using archivar::Token;

double percentile(std::vector<double> values, double p) {
  std::ranges::sort(values);
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

// Top 10 by BM25 with Archivar's parameters, reading each hit's id as LuceneBench reads its
// stored id field.
double timed_search(const Xapian::Database& database, Analyzer& analyzer,
                    const std::string& topic) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<Xapian::Query> words;
  for (const Token& token : analyzer.analyze(topic)) {
    if (!token.is_part && !token.is_compound_part && !token.is_stop_word) {
      words.emplace_back(token.text);
    }
  }
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.1));
  const Xapian::MSet hits = enquire.get_mset(0, 10);
  std::vector<std::string> ids;
  for (auto it = hits.begin(); it != hits.end(); ++it) {
    ids.push_back(it.get_document().get_value(archivar::schema::kIdSlot));
  }
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - started;
  return took.count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 5) {
    std::cerr << "usage: xapian-floor DB TOPICS.tsv [PASSES [WARMUP]]\n";
    return 2;
  }
  try {
    const Xapian::Database database(argv[1]);
    Analyzer analyzer(
        AnalyzerOptions::parse(database.get_metadata(std::string(archivar::schema::kAnalyzerKey))));
    std::vector<std::string> topics;
    std::ifstream input(argv[2]);
    if (!input) {
      std::cerr << "xapian-floor: cannot read " << argv[2] << "\n";
      return 1;
    }
    for (std::string line; std::getline(input, line);) {
      const std::size_t tab = line.find('\t');
      if (tab != std::string::npos && tab + 1 < line.size()) topics.push_back(line.substr(tab + 1));
    }
    const int passes = argc > 3 ? std::stoi(argv[3]) : 5;
    const int warmup = argc > 4 ? std::stoi(argv[4]) : 1;
    std::vector<double> took;
    for (int pass = -warmup; pass < passes; ++pass) {
      for (const std::string& topic : topics) {
        const double ms = timed_search(database, analyzer, topic);
        if (pass >= 0) took.push_back(ms);
      }
    }
    if (took.empty()) {
      std::cerr << "xapian-floor: no topics in " << argv[2] << "\n";
      return 1;
    }
    std::cout << "{\"queries\": " << took.size() << ", \"p50_ms\": " << percentile(took, .5)
              << ", \"p95_ms\": " << percentile(took, .95)
              << ", \"p99_ms\": " << percentile(took, .99) << "}\n";
  } catch (const Xapian::Error& error) {
    std::cerr << "xapian-floor: " << error.get_description() << "\n";
    return 1;
  }
}
