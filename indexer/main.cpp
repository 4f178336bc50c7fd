// archivar-index: reads news archives and writes them into an Archivar (Xapian) database.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

#include "common/open_database.h"
#include "corpus/diagnostics.h"
#include "indexer/index_info.h"
#include "indexer/index_run.h"
#include "indexer/index_writer.h"

namespace po = boost::program_options;
using namespace archivar;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFatal = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSkipped = 3;

constexpr const char* kUsage = R"(Usage: archivar-index --db DIR [options] INPUT...

Indexes German news articles into the Archivar database DIR (created if missing).
INPUT is a file, a directory (searched recursively) or - for standard input.
Formats: JSON Lines (.jsonl, .ndjson, .json) and TREC SGML (.trec, .sgml, <DOC>
records), recognised by name or content; .gz and .zst files are read in place.
An article whose id is already indexed is replaced, never duplicated; one whose
stored fields are unchanged is left as it is, so re-running over an archive is cheap.

Options:
)";

constexpr const char* kEpilog = R"(
Exit status:
  0  all inputs indexed
  1  fatal error (database unusable, or the first bad record with --strict);
     the database stays as of its last commit
  2  wrong usage
  3  finished, but records were skipped or inputs could not be read fully
     (each one was reported on stderr with file and line)

Examples:
  archivar-index --db news.db corpus/demo
  archivar-index --db news.db --info
  archivar-index --db news.db --delete id-1 id-2
  archivar-index --db news.db --field-map title=headline,text=body export.jsonl.zst
  zcat dump.jsonl.gz | archivar-index --db news.db -
)";

InputFormat parse_format(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "jsonl") return InputFormat::kJsonLines;
  if (name == "trec") return InputFormat::kTrec;
  throw po::error("--format must be auto, jsonl or trec, not '" + name + "'");
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible("");
  std::string database;
  std::string format = "auto";
  std::string field_map;
  std::string analyzer = AnalyzerOptions{}.to_string();
  long long batch = 20000;
  std::vector<std::string> deletions;
  std::string delete_from;
  // clang-format off
  visible.add_options()
      ("db", po::value(&database)->value_name("DIR"), "database directory (required)")
      ("format", po::value(&format)->value_name("FMT"), "auto (default), jsonl or trec")
      ("field-map", po::value(&field_map)->value_name("MAP"),
       "read article fields from other input names, e.g. title=headline,text=body")
      ("strict", "stop with an error at the first bad record instead of skipping it")
      ("batch", po::value(&batch)->value_name("N"),
       "commit every N articles (default 20000); a crash loses at most one batch")
      ("wait", "wait for another indexer's lock on the database instead of failing")
      ("delete", po::value(&deletions)->multitoken()->value_name("ID..."),
       "remove these articles (before reading any INPUT)")
      ("delete-from", po::value(&delete_from)->value_name("FILE"),
       "remove the articles whose ids FILE lists, one per line")
      ("quiet,q", "print warnings only: no progress, no summary")
      ("info", "print what the database holds (articles, dates, sources, size) and exit")
      ("help,h", "print this help");
  // clang-format on
  po::options_description hidden;
  std::vector<std::string> inputs;
  IndexRunOptions options;
  // For experiments (bench/), not for everyday use.
  hidden.add_options()("input", po::value(&inputs))(
      "analyzer", po::value(&analyzer), "analysis steps for experiments: hyphens,fold,stem")(
      "near-duplicate-similarity", po::value(&options.near_duplicates.min_similarity),
      "estimated Jaccard similarity from which articles are grouped (0..1)");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << kUsage << visible << kEpilog;
      return kExitOk;
    }
    if (database.empty()) throw po::error("--db DIR is required");
    if (vm.count("info")) {
      if (!inputs.empty()) throw po::error("--info takes no INPUT");
      try {
        std::cout << describe_index(database);
        return kExitOk;
      } catch (const ArchiveOpenError& error) {
        std::cerr << "archivar-index: " << error.what() << "\n";
        return kExitFatal;
      }
    }
    if (!delete_from.empty()) {
      std::ifstream ids(delete_from);
      if (!ids) throw po::error("--delete-from: cannot read '" + delete_from + "'");
      for (std::string id; std::getline(ids, id);) {
        if (!id.empty() && id.back() == '\r') id.pop_back();
        if (!id.empty()) deletions.push_back(id);
      }
    }
    if (inputs.empty() && deletions.empty()) {
      throw po::error("no INPUT given (a file, a directory or -)");
    }
    options.database = database;
    options.inputs = inputs;
    options.format = parse_format(format);
    options.field_map = FieldMap::parse(field_map);
    options.analyzer = AnalyzerOptions::parse(analyzer);
    if (batch < 1) throw po::error("--batch must be at least 1");
    if (!(options.near_duplicates.min_similarity > 0 &&
          options.near_duplicates.min_similarity <= 1)) {
      throw po::error("--near-duplicate-similarity must be in (0, 1]");
    }
    options.batch_documents = static_cast<std::uint64_t>(batch);
    options.wait_for_lock = vm.count("wait") > 0;
    options.show_progress = vm.count("quiet") == 0;
    options.deletions = deletions;
  } catch (const std::exception& error) {
    std::cerr << "archivar-index: " << error.what() << " (see --help)\n";
    return kExitUsage;
  }

  Diagnostics diagnostics(std::cerr, "archivar-index", vm.count("strict") > 0);
  try {
    const IndexSummary summary = run_index(options, diagnostics);
    if (!vm.count("quiet")) std::cout << format_summary(summary);
    return summary.skipped > 0 || summary.failed_inputs > 0 ? kExitSkipped : kExitOk;
  } catch (const InputError& error) {
    std::cerr << "archivar-index: error: " << error.what()
              << " (--strict; database left as of its last commit)\n";
  } catch (const IndexOpenError& error) {
    std::cerr << "archivar-index: error: " << error.what() << "\n";
  } catch (const Xapian::Error& error) {
    std::cerr << "archivar-index: error: " << error.get_description()
              << " (database left as of its last commit)\n";
  } catch (const std::exception& error) {
    std::cerr << "archivar-index: error: " << error.what() << "\n";
  }
  return kExitFatal;
}
