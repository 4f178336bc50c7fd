// archivar-index: reads news archives and writes them into an Archivar (Xapian) database.
#include <fmt/format.h>
#include <sys/statvfs.h>

#include <boost/program_options.hpp>
#include <charconv>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "common/analysis/compound_dictionary.h"
#include "common/open_database.h"
#include "common/text/charset_guess.h"
#include "common/text/control_characters.h"
#include "common/version.h"
#include "corpus/diagnostics.h"
#include "indexer/index_info.h"
#include "indexer/index_run.h"
#include "indexer/index_writer.h"
#include "indexer/json_reports.h"

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
Formats, recognised by name or content: JSON Lines (.jsonl, .ndjson, .json), TREC
SGML (.trec, .sgml, <DOC> records), CSV and TSV with a header row (.csv, .tsv),
web pages (.html, .htm), NITF XML (.nitf, .xml), plain text (.txt: first line the
title). .gz, .bz2, .xz and .zst files and tar and zip archives (.tar, .tar.gz, .tgz,
.tar.zst, .zip, ...) are read in place. Text that is not UTF-8 is converted (the
encoding is detected per file; --encoding forces one).
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
  3  finished, but records were skipped, ids occurred twice in a batch, or inputs
     could not be read fully (each one was reported on stderr with file and line)

Environment:
  ARCHIVAR_WORDS  the compiled compound dictionary to use (archivar-mkdict writes one);
                  default: ../share/archivar/words-de.bin from the program's directory

Examples:
  archivar-index --db news.db corpus/demo
  archivar-index --db news.db --info
  archivar-index --db news.db --delete id-1 id-2
  archivar-index --db news.db --field-map title=headline,text=body export.jsonl.zst
  archivar-index --db news.db --csv-delimiter ';' --csv-quote "'" --csv-columns section,text test.csv
  archivar-index --db news.db --encoding ISO-8859-15 alt-archiv/
  zcat dump.jsonl.gz | archivar-index --db news.db -
)";

InputFormat parse_format(const std::string& name) {
  if (const std::optional<InputFormat> format = parse_format_name(name)) return *format;
  throw po::error(fmt::format("--format must be one of {}, not '{}'", kFormatNames, name));
}

Compaction parse_compaction(const std::string& when) {
  if (when == "auto") return Compaction::kAuto;
  if (when == "always") return Compaction::kAlways;
  if (when == "never") return Compaction::kNever;
  throw po::error(fmt::format("--compact must be auto, always or never, not '{}'", when));
}

// One character for --csv-delimiter and --csv-quote; "\t" and "tab" name the tab.
char parse_character(const std::string& option, const std::string& value, bool may_be_none) {
  if (value == "\\t" || value == "tab" || value == "\t") return '\t';
  if (may_be_none && (value.empty() || value == "none")) return '\0';
  if (value.size() != 1) {
    throw po::error(fmt::format("--{} takes one character{}, not '{}'", option,
                                may_be_none ? " (or none)" : "", value));
  }
  return value.front();
}

// "K/N": shard K (1-based) of N.
std::pair<unsigned, unsigned> parse_shard(const std::string& spec) {
  unsigned part = 0, of = 0;
  const std::size_t slash = spec.find('/');
  const auto number = [](std::string_view text, unsigned& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
  };
  if (slash == std::string::npos || !number(std::string_view(spec).substr(0, slash), part) ||
      !number(std::string_view(spec).substr(slash + 1), of) || part < 1 || part > of || of > 1024) {
    throw po::error(fmt::format("--shard takes K/N, shard K of N (1 <= K <= N), not '{}'", spec));
  }
  return {part, of};
}

// The database being written, for the last words below.
std::string database_in_use;

// Xapian 1.4 ends the process (std::terminate, from inside commit_transaction) when the disk
// fills up at some points of a commit, where it reports others as errors; no exception
// reaches us. The commit is atomic, so the database is as of its last commit: say so,
// and why, instead of "terminate called without an active exception" and a core dump.
[[noreturn]] void report_termination() {
  std::string reason = "an internal error";
  if (const std::exception_ptr error = std::current_exception()) {
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      reason = fmt::format("an error no part of it expected ({})", printable(e.what()));
    } catch (...) {
    }
  }
  // Less than a megabyte left where the database is: the disk filled up.
  struct statvfs disk {};
  if (!database_in_use.empty() && ::statvfs(database_in_use.c_str(), &disk) == 0 &&
      static_cast<double>(disk.f_bavail) * static_cast<double>(disk.f_frsize) < 1e6) {
    reason = "a full disk";
  }
  std::cerr << fmt::format(
      "archivar-index: error: stopped by {} while writing '{}'; the database is left as of its "
      "last commit\n",
      reason, printable(database_in_use));
  std::_Exit(kExitFatal);
}

std::vector<std::string> parse_columns(const std::string& spec) {
  std::vector<std::string> columns;
  std::size_t begin = 0;
  while (begin <= spec.size()) {
    const std::size_t comma = std::min(spec.find(',', begin), spec.size());
    columns.push_back(spec.substr(begin, comma - begin));
    begin = comma + 1;
  }
  return columns;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible("");
  std::string database;
  std::string format = "auto";
  std::string field_map;
  std::string csv_delimiter;
  std::string csv_quote;
  std::string csv_columns;
  std::string encoding;
  std::string analyzer;
  long long batch = 20000;
  long long memory_mb = 512;
  long long threads = 0;
  long long shards = 0;
  std::string shard;
  double progress_seconds = 10;
  std::vector<std::string> deletions;
  std::string delete_from;
  std::string compaction = "auto";
  // clang-format off
  visible.add_options()
      ("db", po::value(&database)->value_name("DIR"),
       "database directory (required; default: $ARCHIVAR_DB)")
      ("format", po::value(&format)->value_name("FMT"),
       "auto (default), jsonl, trec, csv, tsv, html, nitf or txt; applies to every file "
       "(archives: to their members)")
      ("field-map", po::value(&field_map)->value_name("MAP"),
       "read article fields from other input names (JSON keys, CSV columns), "
       "e.g. title=headline,text=body")
      ("csv-delimiter", po::value(&csv_delimiter)->value_name("C"),
       "CSV/TSV field delimiter (default: ',' for .csv, tab for .tsv; 'tab' or '\\t')")
      ("csv-quote", po::value(&csv_quote)->value_name("C"),
       "CSV/TSV quote character (default '\"'; 'none': fields are never quoted)")
      ("csv-columns", po::value(&csv_columns)->value_name("A,B,..."),
       "the CSV/TSV files have no header row; these name their columns, e.g. section,text")
      ("encoding", po::value(&encoding)->value_name("NAME"),
       "read every input in this encoding (windows-1252, ISO-8859-15, UTF-16, ...) "
       "instead of detecting it per file")
      ("strict", "stop with an error at the first bad record instead of skipping it")
      ("batch", po::value(&batch)->value_name("N"),
       "commit every N articles (default 20000); a crash loses at most one batch")
      ("memory", po::value(&memory_mb)->value_name("MB"),
       "commit earlier when the uncommitted articles would take about MB of memory "
       "(default 512; 0: by --batch alone)")
      ("threads,j", po::value(&threads)->value_name("N"),
       "a new database is written as N databases at once, one thread each, merged into one "
       "at the end; analysis also takes N threads (default: as many as cores)")
      ("shards", po::value(&shards)->value_name("N"),
       "make a new archive of N shards that stay shards (DIR holds them and a stub that "
       "archivar-search reads as one database); later runs route each article to its shard")
      ("shard", po::value(&shard)->value_name("K/N"),
       "index only the articles of shard K of N into DIR, for an archive split over "
       "machines (the same hash of the id as --shards); search the shards through a stub")
      ("compact", po::value(&compaction)->value_name("WHEN"),
       "rewrite the database compactly after the run (about a third smaller and faster to "
       "search): auto (default: when the run changed a tenth of it or more), always (also "
       "with no INPUT, to compact an existing database), never")
      ("wait", "wait for another indexer's lock on the database instead of failing")
      ("delete", po::value(&deletions)->multitoken()->value_name("ID..."),
       "remove these articles (before reading any INPUT)")
      ("delete-from", po::value(&delete_from)->value_name("FILE"),
       "remove the articles whose ids FILE lists, one per line")
      ("quiet,q", "print warnings only: no progress, no summary")
      ("verbose,v", "also say how the run went: databases written at once, the analysis cache")
      ("info", "print what the database holds (articles, dates, sources, size) and exit")
      ("json", "print the run's summary (or --info) as one JSON object on stdout")
      ("version", "print the version, the git commit and the compound dictionary in use")
      ("allow-program-remote",
       "with --info, let a stub file's 'remote :PROGRAM' lines run their program")
      ("help,h", "print this help");
  // clang-format on
  po::options_description hidden;
  std::vector<std::string> inputs;
  IndexRunOptions options;
  // For experiments (bench/), not for everyday use.
  hidden.add_options()("input", po::value(&inputs))(
      "analyzer", po::value(&analyzer), "analysis steps for experiments: hyphens,fold,stem")(
      "near-duplicate-similarity", po::value(&options.near_duplicates.min_similarity),
      "estimated Jaccard similarity from which articles are grouped (0..1)")(
      "progress-seconds", po::value(&progress_seconds),
      "seconds between progress log lines when stderr is not a terminal (bench/)");
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
    if (vm.count("version")) {
      std::cout << version_line("archivar-index") << "\n"
                << CompoundDictionary::describe_standard_location() << "\n";
      return kExitOk;
    }
    if (database.empty()) {
      const char* from_environment = std::getenv("ARCHIVAR_DB");
      if (from_environment == nullptr || *from_environment == '\0') {
        throw po::error("--db DIR is required (or set ARCHIVAR_DB)");
      }
      database = from_environment;
    }
    if (vm.count("info")) {
      if (!inputs.empty()) throw po::error("--info takes no INPUT");
      try {
        const ProgramRemotes programs =
            vm.count("allow-program-remote") ? ProgramRemotes::kAllow : ProgramRemotes::kRefuse;
        if (vm.count("json")) {
          std::cout << info_json(read_index_info(database, programs)).dump() << "\n";
        } else {
          std::cout << describe_index(database, programs);
        }
        return kExitOk;
      } catch (const ArchiveOpenError& error) {
        std::cerr << "archivar-index: " << printable(error.what()) << "\n";
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
    // "--compact always" alone compacts a database built before compaction existed.
    if (inputs.empty() && deletions.empty() && compaction != "always") {
      throw po::error("no INPUT given (a file, a directory or -)");
    }
    // Before the database is created: a typo in a path must not leave an empty one.
    for (const std::string& input : inputs) {
      std::error_code error;
      if (input != "-" && !std::filesystem::exists(input, error)) {
        throw po::error(fmt::format("input '{}' does not exist", input));
      }
    }
    options.database = database;
    options.inputs = inputs;
    options.format = parse_format(format);
    options.reading.field_map = FieldMap::parse(field_map);
    if (vm.count("csv-delimiter")) {
      options.reading.csv.delimiter = parse_character("csv-delimiter", csv_delimiter, false);
    }
    if (vm.count("csv-quote")) {
      options.reading.csv.quote = parse_character("csv-quote", csv_quote, true);
    }
    if (vm.count("csv-columns")) options.reading.csv.columns = parse_columns(csv_columns);
    if (!encoding.empty() && !is_known_charset(encoding)) {
      throw po::error("--encoding: no encoding called '" + encoding +
                      "' (try windows-1252, ISO-8859-15, UTF-16)");
    }
    options.reading.encoding = encoding;
    if (vm.count("analyzer")) options.analyzer = AnalyzerOptions::parse(analyzer);
    if (batch < 1) throw po::error("--batch must be at least 1");
    if (!(options.near_duplicates.min_similarity > 0 &&
          options.near_duplicates.min_similarity <= 1)) {
      throw po::error("--near-duplicate-similarity must be in (0, 1]");
    }
    options.batch_documents = static_cast<std::uint64_t>(batch);
    if (memory_mb < 0) throw po::error("--memory must be 0 or more");
    options.batch_memory_bytes = static_cast<std::uint64_t>(memory_mb) << 20;
    if (threads < 0 || threads > 1024) throw po::error("--threads must be 0 to 1024");
    options.threads = static_cast<unsigned>(threads);
    if (shards < 0 || shards > 1024) throw po::error("--shards must be 1 to 1024");
    options.shards = static_cast<unsigned>(shards);
    if (vm.count("shard")) {
      std::tie(options.shard_part, options.shard_of) = parse_shard(shard);
      if (options.shards > 0) throw po::error("--shard K/N and --shards N exclude each other");
    }
    options.compaction = parse_compaction(compaction);
    options.wait_for_lock = vm.count("wait") > 0;
    options.show_progress = vm.count("quiet") == 0;
    if (!(progress_seconds > 0)) throw po::error("--progress-seconds must be more than 0");
    options.progress_interval =
        std::chrono::milliseconds(static_cast<long long>(progress_seconds * 1000));
    options.deletions = deletions;
  } catch (const std::exception& error) {
    std::cerr << "archivar-index: " << printable(error.what()) << " (see --help)\n";
    return kExitUsage;
  }

  Diagnostics diagnostics(std::cerr, "archivar-index", vm.count("strict") > 0);
  database_in_use = database;
  std::set_terminate(report_termination);
  try {
    const IndexSummary summary = run_index(std::move(options), diagnostics);
    if (vm.count("json")) {
      std::cout << summary_json(summary).dump() << "\n";
    } else if (!vm.count("quiet")) {
      std::cout << format_summary(summary, vm.count("verbose") > 0);
    }
    const bool problems =
        summary.skipped > 0 || summary.failed_inputs > 0 || summary.duplicates > 0;
    return problems ? kExitSkipped : kExitOk;
  } catch (const InputError& error) {
    std::cerr << "archivar-index: error: " << printable(error.what())
              << " (--strict; database left as of its last commit)\n";
  } catch (const IndexOpenError& error) {
    std::cerr << "archivar-index: error: " << printable(error.what()) << "\n";
  } catch (const Xapian::Error& error) {
    std::cerr << "archivar-index: error: " << printable(error.get_description())
              << " (database left as of its last commit)\n";
  } catch (const std::exception& error) {
    std::cerr << "archivar-index: error: " << printable(error.what()) << "\n";
  }
  return kExitFatal;
}
