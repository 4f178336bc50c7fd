// xapian-index-floor: what indexing a JSON Lines corpus into Xapian costs with nothing else on
// top — no stored text, no fingerprints, no vocabulary, no incremental checks.
//
// Each of SHARDS threads analyses every SHARDS-th article and writes its own database (Xapian's
// WritableDatabase is single-threaded); Xapian's compaction then merges them into one.
// The tokenizer is either "naive" (runs of letters and digits, lower-cased ASCII, Snowball
// German stems: the simplest writer that still stems) or "archivar" (Archivar's analyzer, default
// options: ICU words, folding, stemming, compound parts). --no-positions stores each term with
// its frequency only, the cost of an index without Xapian's position table. bench/index-speed
// --floor prints these figures beside archivar-index's and Lucene's, so the targets can be set
// against what the library itself allows.
//
//   xapian-index-floor OUT_DIR INPUT.jsonl [--shards N] [--tokenizer naive|archivar]
//                      [--analyzer SPEC] [--no-positions]
//
// --analyzer takes archivar-index's analyzer options (e.g. "fold,stem": no compound parts)
// and implies --tokenizer archivar.
//
// Prints one JSON object: documents, seconds to write the shards and to merge them, CPU
// seconds, the merged database's size, and documents per second by tenths of the input
// (the last tenth ending with the final commit) with their linearity, last over first.
#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "common/analysis/analyzer.h"
#include "indexer/database_compaction.h"

namespace fs = std::filesystem;

namespace {

struct Options {
  fs::path out;
  fs::path input;
  unsigned shards = 2;
  bool archivar_tokenizer = false;
  archivar::AnalyzerOptions analyzer;  ///< for the archivar tokenizer
  bool positions = true;
};

double cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Adds the words of @a text to @a document from @a position on; returns the next position.
class Tokenizer {
 public:
  explicit Tokenizer(const Options& options)
      : options_(options), stem_("german"), analyzer_(options.analyzer) {}

  Xapian::termpos add(std::string_view text, Xapian::termpos position, Xapian::Document& document) {
    if (options_.archivar_tokenizer) {
      const archivar::TokenStream tokens = analyzer_.analyze(text);
      Xapian::termpos last = position;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const archivar::Token& token = tokens[i];
        if (token.text.empty() || token.text.size() > 240) continue;
        last = position + token.position;
        const bool stacked = i > 0 && token.position_increment == 0;
        put(token.text, last, stacked, document);
      }
      return last + 1;
    }
    std::string word;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      const auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
      if (i < text.size() && is_word_byte(c)) {
        word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      } else if (!word.empty()) {
        if (word.size() <= 240) put(stem_(word), position++, false, document);
        word.clear();
      }
    }
    return position;
  }

 private:
  void put(const std::string& term, Xapian::termpos position, bool stacked,
           Xapian::Document& document) const {
    if (options_.positions && !stacked) {
      document.add_posting(term, position);
    } else {
      document.add_term(term);
    }
  }

  const Options& options_;
  Xapian::Stem stem_;
  archivar::Analyzer analyzer_;
};

std::uint64_t count_lines(const fs::path& input) {
  std::ifstream in(input);
  std::uint64_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

struct ShardResult {
  std::uint64_t written = 0;
  /// Seconds from the start until each tenth of the input's lines had been passed.
  std::vector<double> tenths;
};

// Writes every @a shards-th article, starting with the @a shard-th, into @a path. Each shard
// reads the whole file (from the page cache after the first) and parses only its own lines,
// so no thread hands articles to another; INPUT must therefore be a file, not a pipe.
ShardResult write_shard(const Options& options, unsigned shard, const fs::path& path,
                        std::uint64_t total_lines) {
  const auto started = std::chrono::steady_clock::now();
  ShardResult result;
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Tokenizer tokenizer(options);
  std::ifstream in(options.input);
  std::string line;
  std::uint64_t line_number = 0;
  const auto note_tenths = [&] {
    while (result.tenths.size() < 10 &&
           line_number * 10 >= (result.tenths.size() + 1) * total_lines) {
      const std::chrono::duration<double> since = std::chrono::steady_clock::now() - started;
      result.tenths.push_back(since.count());
    }
  };
  while (std::getline(in, line)) {
    note_tenths();
    if (line_number++ % options.shards != shard) continue;
    const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!record.is_object()) continue;
    const auto field = [&](const char* name) {
      const auto it = record.find(name);
      return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Xapian::Document document;
    const Xapian::termpos after_title = tokenizer.add(field("title"), 1, document);
    tokenizer.add(field("text"), after_title + 100, document);
    std::string id_term = "Q";
    id_term += field("id");
    document.add_boolean_term(id_term);
    database.add_document(document);
    ++result.written;
  }
  database.commit();  // the last tenth ends with the final commit
  note_tenths();
  return result;
}

Options parse(int argc, char** argv) {
  Options options;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--shards" && i + 1 < argc) {
      options.shards = static_cast<unsigned>(std::max(1, std::stoi(argv[++i])));
    } else if (argument == "--tokenizer" && i + 1 < argc) {
      const std::string name = argv[++i];
      if (name != "naive" && name != "archivar") throw std::invalid_argument("--tokenizer " + name);
      options.archivar_tokenizer = name == "archivar";
    } else if (argument == "--analyzer" && i + 1 < argc) {
      options.archivar_tokenizer = true;
      options.analyzer = archivar::AnalyzerOptions::parse(argv[++i]);
    } else if (argument == "--no-positions") {
      options.positions = false;
    } else if (argument.starts_with("-")) {
      throw std::invalid_argument("unknown option " + argument);
    } else {
      positional.push_back(argument);
    }
  }
  if (positional.size() != 2) throw std::invalid_argument("OUT_DIR and INPUT.jsonl are required");
  options.out = positional[0];
  options.input = positional[1];
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "xapian-index-floor: " << e.what()
              << "\nusage: xapian-index-floor OUT_DIR INPUT.jsonl [--shards N] "
                 "[--tokenizer naive|archivar] [--analyzer SPEC] [--no-positions]\n";
    return 2;
  }
  try {
    fs::create_directories(options.out);
    const auto started = std::chrono::steady_clock::now();
    const std::uint64_t total_lines = count_lines(options.input);
    std::vector<ShardResult> written(options.shards);
    {
      std::vector<std::jthread> threads;
      for (unsigned shard = 0; shard < options.shards; ++shard) {
        threads.emplace_back([&, shard] {
          written[shard] = write_shard(
              options, shard, options.out / ("shard-" + std::to_string(shard)), total_lines);
        });
      }
    }
    const auto shards_written = std::chrono::steady_clock::now();
    Xapian::Database shards;
    for (unsigned shard = 0; shard < options.shards; ++shard) {
      shards.add_database(
          Xapian::Database((options.out / ("shard-" + std::to_string(shard))).string()));
    }
    shards.compact((options.out / "db").string());
    const auto merged = std::chrono::steady_clock::now();
    for (unsigned shard = 0; shard < options.shards; ++shard) {
      fs::remove_all(options.out / ("shard-" + std::to_string(shard)));
    }
    std::uint64_t documents = 0;
    for (const ShardResult& result : written) documents += result.written;
    // Linearity as bench/index-speed measures it: documents per second over the last tenth
    // against the first, here of the slowest shard (the others wait for it).
    const auto& slowest = *std::ranges::max_element(
        written, {}, [](const ShardResult& r) { return r.tenths.empty() ? 0.0 : r.tenths.back(); });
    std::vector<double> tenth_docs_per_s;
    for (std::size_t i = 0; i < slowest.tenths.size(); ++i) {
      const double took = slowest.tenths[i] - (i == 0 ? 0.0 : slowest.tenths[i - 1]);
      tenth_docs_per_s.push_back(took > 0 ? static_cast<double>(documents) / 10 / took : 0);
    }
    const std::chrono::duration<double> write_time = shards_written - started;
    const std::chrono::duration<double> merge_time = merged - shards_written;
    nlohmann::json result = {
        {"tokenizer", options.archivar_tokenizer ? "archivar" : "naive"},
        {"analyzer", options.archivar_tokenizer ? options.analyzer.to_string() : ""},
        {"positions", options.positions},
        {"shards", options.shards},
        {"docs", documents},
        {"write_seconds", write_time.count()},
        {"merge_seconds", merge_time.count()},
        {"seconds", write_time.count() + merge_time.count()},
        {"cpu_seconds", cpu_seconds()},
        {"index_mb", static_cast<double>(archivar::directory_bytes(options.out / "db")) / 1e6},
        {"decile_docs_per_s", tenth_docs_per_s},
        {"linearity", tenth_docs_per_s.size() == 10 && tenth_docs_per_s.front() > 0
                          ? tenth_docs_per_s.back() / tenth_docs_per_s.front()
                          : 0.0},
    };
    std::cout << result.dump() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "xapian-index-floor: " << e.what() << '\n';
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian-index-floor: " << e.get_description() << '\n';
    return 1;
  }
  return 0;
}
