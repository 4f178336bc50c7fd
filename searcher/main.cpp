// archivar-search: ranked search over an Archivar database from the shell.
#include <fmt/format.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>
#include <limits>

#include "common/analysis/compound_dictionary.h"
#include "common/text/control_characters.h"
#include "common/version.h"
#include "searcher/facets.h"
#include "searcher/printers/result_printer.h"
#include "searcher/search_session.h"
#include "searcher/topics.h"

namespace po = boost::program_options;
using namespace archivar;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFatal = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage = R"(Usage: archivar-search --db DIR [options] QUERY...
       archivar-search --db DIR --topics FILE [--topic-field FIELD] [options]
       archivar-search --db DIR --similar ID [options] [QUERY...]

Searches an Archivar database; results are ranked with BM25 and analysed with the
German analyzer the index was built with (stemming, umlauts, ß, hyphenated words).

Query language:
  Krise Ukraine          ranked: articles with any of the words, best first
  "Deutsche Bahn"        phrase (also „…“)
  +Bahn -Streik          Bahn required, Streik excluded
  Bahn AND (Streik OR Tarif) NOT Fernverkehr   (also UND, ODER, NICHT; in capitals)
  title:Krise            field: title: (titel:), source: (quelle:), section: (rubrik:)
  date:2022-02-01..2022-03-31   dates: date: (datum:) with YYYY, YYYY-MM, YYYY-MM-DD
  date:2022  date:..2021-06  date:2020-03..   or DD.MM.YYYY; open ends allowed

DIR may be a Xapian stub file listing shards (lines "auto PATH" or "remote HOST:PORT"
for a server started with xapian-tcpsrv); --db may be given several times. Shards
served by a program ("remote :PROGRAM ARGS") need --allow-program-remote.

Options:
)";

constexpr const char* kEpilog = R"(
Exit status: 0 success (also with no results), 1 database or file error,
2 wrong usage or a query that cannot be parsed.

Environment:
  ARCHIVAR_WORDS  the compiled compound dictionary to use (archivar-mkdict writes one);
                  default: ../share/archivar/words-de.bin from the program's directory

Examples:
  archivar-search --db news.db Außenminister Ukraine-Krise
  archivar-search --db news.db --sort -date --from 2022-02 'source:Tagesblick Bahn'
  archivar-search --db news.db --format json --limit 3 '"Die Linke"'
  archivar-search --db news.db --format trec --topics topics.tsv --run-tag base --limit 1000
  archivar-search --db news.db --facets source,year --limit 3 Hochwasser
  archivar-search --db news.db --count 'Bahn date:2023'
  archivar-search --db shards.stub --similar dpn-2022-0922
)";

// Column (in characters, from 1) of byte @p offset in @p text, for error messages.
std::size_t column_of(std::string_view text, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

void report_query_error(std::string_view query, const QueryError& error, std::string_view topic) {
  const std::string where = topic.empty() ? "" : fmt::format(" (topic {})", printable(topic));
  if (error.offset() == std::string::npos) {
    std::cerr << fmt::format("archivar-search: {}{}\n", printable(error.what()), where);
    return;
  }
  const std::size_t column = column_of(query, error.offset());
  // The caret goes under the query as printed, where escapes of control characters widen it.
  const std::string shown = printable(query.substr(0, error.offset()));
  std::cerr << fmt::format(
      "archivar-search: cannot parse query{} at column {}: {}\n  {}\n  {:>{}}\n", where, column,
      printable(error.what()), printable(query), "^", column_of(shown, shown.size()));
}

bool want_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw po::error("--color must be auto, always or never");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr &&
         (term == nullptr || std::string_view(term) != "dumb");
}

OutputFormat parse_format(const std::string& name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "ids") return OutputFormat::kIds;
  if (name == "trec") return OutputFormat::kTrec;
  throw po::error("--format must be text, json, ids or trec, not '" + name + "'");
}

SortOrder parse_sort(const std::string& name) {
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "date") return SortOrder::kDateAscending;
  if (name == "-date") return SortOrder::kDateDescending;
  throw po::error("--sort must be relevance, date or -date, not '" + name + "'");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> databases;
  std::vector<std::string> words;
  std::string format = "text", color = "auto", sort = "relevance", topics_file,
              run_tag = "archivar", facets, topic_field = "title";
  bool count_only = false;
  SearchRequest request;
  long long limit = 10, offset = 0, snippet_length = 240;
  po::options_description visible("");
  // clang-format off
  visible.add_options()
      ("db", po::value(&databases)->value_name("DIR"), "database to search (repeat for shards)")
      ("limit,n", po::value(&limit)->value_name("N"), "hits to show (default 10)")
      ("offset", po::value(&offset)->value_name("N"), "hits to skip first (default 0)")
      ("sort", po::value(&sort)->value_name("ORDER"),
       "relevance (default), date (oldest first) or -date (newest first)")
      ("from", po::value(&request.from)->value_name("DATE"), "only articles from DATE on")
      ("to", po::value(&request.to)->value_name("DATE"), "only articles up to DATE")
      ("format", po::value(&format)->value_name("FMT"), "text (default), json, ids or trec")
      ("color", po::value(&color)->value_name("WHEN"), "auto (default), always or never")
      ("snippet-length", po::value(&snippet_length)->value_name("N"),
       "snippet length in characters (default 240)")
      ("facets", po::value(&facets)->value_name("LIST"),
       "count all hits by source, section, year, month (comma-separated)")
      ("count", po::bool_switch(&count_only), "print only the exact number of matching articles")
      ("similar", po::value(&request.similar_to)->value_name("ID"),
       "articles like the article ID (a QUERY then filters them)")
      ("topics", po::value(&topics_file)->value_name("FILE"),
       "run every query of a topics file: qid<TAB>query lines, or TREC/CLEF topics "
       "(<top> <num> <title> <desc> <narr>) (for --format trec or json)")
      ("topic-field", po::value(&topic_field)->value_name("FIELD"),
       "the query of a TREC topic: title (default), desc or title+desc")
      ("no-collapse", "list every article: near-duplicates (the same story republished "
       "with small edits) are otherwise shown once, as \"+N similar\" on the best hit")
      ("plain", po::bool_switch(&request.plain),
       "read queries as plain words: quotes, AND/OR/NOT, fields and +/- are text "
       "(for natural-language topics)")
      ("run-tag", po::value(&run_tag)->value_name("TAG"),
       "run name in TREC output (default archivar)")
      ("version", "print the version, the git commit and the compound dictionary in use")
      ("allow-program-remote",
       "let stub files' 'remote :PROGRAM ARGS' lines run their program (trusted stubs only)")
      ("help,h", "print this help");
  // clang-format on
  po::options_description hidden;
  // For relevance experiments (bench/), not for everyday use.
  bool no_proximity = false;
  ProximityOptions proximity;
  // clang-format off
  hidden.add_options()
      ("query", po::value(&words))
      ("bm25-k1", po::value(&request.match.bm25_k1))
      ("bm25-b", po::value(&request.match.bm25_b))
      ("bm25-min-normlen", po::value(&request.match.bm25_min_normlen))
      ("no-proximity", po::bool_switch(&no_proximity))
      ("near-weight", po::value(&proximity.near_weight))
      ("near-window", po::value(&proximity.near_window))
      ("phrase-weight", po::value(&proximity.phrase_weight))
      ("skip-near-weight", po::value(&proximity.skip_near_weight))
      ("rerank-depth", po::value(&request.match.rerank_depth));  // 0: the full query ranks all
  // clang-format on
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  PrinterOptions printer_options;
  bool allow_program_remote = false;
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << kUsage << visible << kEpilog;
      return kExitOk;
    }
    if (vm.count("version")) {
      std::cout << version_line("archivar-search") << "\n"
                << CompoundDictionary::describe_standard_location() << "\n";
      return kExitOk;
    }
    allow_program_remote = vm.count("allow-program-remote") > 0;
    if (databases.empty()) throw po::error("--db DIR is required");
    if (words.empty() && topics_file.empty() && request.from.empty() && request.to.empty() &&
        request.similar_to.empty()) {
      throw po::error("no QUERY given");
    }
    if (!words.empty() && !topics_file.empty())
      throw po::error("give a QUERY or --topics, not both");
    if (!request.similar_to.empty() && !topics_file.empty())
      throw po::error("give --similar or --topics, not both");
    if (!parse_topic_field(topic_field)) {
      throw po::error("--topic-field must be title, desc or title+desc, not '" + topic_field + "'");
    }
    if (limit < 0 || offset < 0) throw po::error("--limit and --offset must not be negative");
    // Xapian counts documents in 32 bits: a larger --limit would be cut to a small one.
    constexpr long long kMaxHits = std::numeric_limits<Xapian::doccount>::max();
    if (limit > kMaxHits || offset > kMaxHits - limit) {
      throw po::error(fmt::format("--limit and --offset may add up to {} at most", kMaxHits));
    }
    if (snippet_length < 1) throw po::error("--snippet-length must be positive");
    request.match.limit = static_cast<std::size_t>(limit);
    request.match.offset = static_cast<std::size_t>(offset);
    request.snippet_length = static_cast<std::size_t>(snippet_length);
    request.match.sort = parse_sort(sort);
    try {
      request.match.facets = parse_facets(facets);
    } catch (const std::invalid_argument& e) {
      throw po::error(std::string("--facets: ") + e.what());
    }
    printer_options = {parse_format(format), want_color(color), run_tag, count_only};
    const bool prints_fields = printer_options.format == OutputFormat::kText ||
                               printer_options.format == OutputFormat::kJson;
    if (!request.match.facets.empty() && !prints_fields) {
      throw po::error("--facets prints text or json, not ids or trec");
    }
    if (count_only) {
      if (!prints_fields) throw po::error("--count prints text or json, not ids or trec");
      request.match.limit = 0;
      request.match.exact_total = true;
    }
    // Suggestions are for people (and scripts acting for them), not for batch runs.
    request.suggest = !count_only && (printer_options.format == OutputFormat::kText ||
                                      printer_options.format == OutputFormat::kJson);
    // Ids and TREC runs print no fields: skip reading stored text and cutting snippets.
    request.match.fetch_stored = printer_options.format == OutputFormat::kText ||
                                 printer_options.format == OutputFormat::kJson;
    request.match.collapse_near_duplicates = vm.count("no-collapse") == 0;
    request.match.list_similar = request.match.fetch_stored;
  } catch (const std::exception& error) {
    std::cerr << "archivar-search: " << printable(error.what()) << " (see --help)\n";
    return kExitUsage;
  }

  try {
    std::vector<Topic> topics;
    if (!topics_file.empty()) {
      topics = read_topics(topics_file, *parse_topic_field(topic_field));
    } else {
      std::string query;
      for (const std::string& word : words) query += (query.empty() ? "" : " ") + word;
      topics.push_back({"", query});
    }
    SearchSession session(databases, no_proximity ? ProximityOptions::none() : proximity,
                          allow_program_remote ? ProgramRemotes::kAllow : ProgramRemotes::kRefuse);
    for (const std::string& warning : session.archive().facet_warnings(request.match.facets)) {
      std::cerr << "archivar-search: note: " << warning << "\n";
    }
    const auto printer = make_printer(printer_options, std::cout);
    int status = kExitOk;
    for (const Topic& topic : topics) {
      request.query = topic.query;
      try {
        printer->print(session.search(request), topic.id);
      } catch (const QueryError& error) {
        report_query_error(topic.query, error, topic.id);
        printer->print_error(topic.query, error.what(), topic.id);
        status = kExitUsage;
      }
    }
    return status;
  } catch (const ArticleNotFound& error) {
    std::cerr << "archivar-search: --similar: " << printable(error.what()) << "\n";
  } catch (const ArchiveOpenError& error) {
    std::cerr << "archivar-search: " << printable(error.what()) << "\n";
  } catch (const Xapian::Error& error) {
    std::cerr << "archivar-search: " << printable(error.get_description()) << "\n";
  } catch (const std::exception& error) {
    std::cerr << "archivar-search: " << printable(error.what()) << "\n";
  }
  return kExitFatal;
}
