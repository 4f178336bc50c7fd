// archivar-search: ranked search over an Archivar database from the shell.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <optional>

#include "common/analysis/compound_dictionary.h"
#include "common/text/control_characters.h"
#include "common/text/utf8.h"
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

constexpr const char* kUsage = R"(Usage: archivar-search --db DIR [options] [--] QUERY...
       archivar-search --db DIR --topics FILE [--topic-field FIELD] [options]
       archivar-search --db DIR --similar ID [options] [QUERY...]
       archivar-search --db DIR --show ID...

Searches an Archivar database; results are ranked with BM25 and analysed with the
German analyzer the index was built with (stemming, umlauts, ß, hyphenated words).

Query language:
  Krise Ukraine          ranked: articles with any of the words, best first
  angriff kiew           without capitals a verb form is the noun too (Angriff);
                         with them case decides: Macht (the noun), macht (machen)
  Corona-Krise           the word joined, hyphenated or as two words (Corona Krise)
  "Die Linke"            phrase as typed: capitals kept, endings may follow (Linken);
                         also „…“, »…«, «…»; "Drosten Kekulé"~5: within 5 more words
  +Bahn -Streik          Bahn required, Streik excluded (also !Streik)
  Bahn AND (Streik OR Tarif) NOT Fernverkehr   (also UND, ODER, NICHT in capitals;
                         &&, ||; AND NOT)
  Drosten NEAR Kekulé    both within 10 words; Drosten NEAR/5 Kekulé: within 5
  Drost*  Mask?npflicht  any letters (*) or one letter (?), over the archive's words
  Drosten^2              the word counts twice in the ranking
  title:Krise            fields: title: (titel:), source: (quelle:), section: (rubrik:),
                         author: (autor:), url: (a site, a page, or url:site/path*),
                         id:; two values of one field are alternatives
  date:2022-02-01..2022-03-31   dates: date: (datum:) with YYYY, YYYY-MM, YYYY-MM-DD
  date:2022  date:..2021-06  date:2020-03..   or DD.MM.YYYY; open ends allowed
A query made only of stop words (der die das) is refused unless in quotes. A QUERY
that starts with '-' goes after --: archivar-search --db news.db -- -Schule Lockdown

DIR may be a Xapian stub file listing shards (lines "auto PATH" or "remote HOST:PORT"
for a server started with xapian-tcpsrv); --db may be given several times. Shards
served by a program ("remote :PROGRAM ARGS") need --allow-program-remote. Without
--db, the database named by the environment variable ARCHIVAR_DB is searched.

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
  archivar-search --db news.db --show dpn-2022-0922 nk-2023-1115
)";

// Column (in characters, from 1) of byte @p offset in @p text, for error messages.
std::size_t column_of(std::string_view text, std::size_t offset) {
  return 1 + utf8_length(text.substr(0, std::min(offset, text.size())));
}

std::string topic_label(std::string_view topic) {
  return topic.empty() ? "" : fmt::format(" (topic {})", printable(topic));
}

void report_query_error(std::string_view query, const QueryError& error, std::string_view topic) {
  const std::string where = topic_label(topic);
  if (error.offset() == std::string::npos) {
    std::cerr << fmt::format("archivar-search: {}{}\n", printable(error.what()), where);
    return;
  }
  const std::size_t column = column_of(query, error.offset());
  // Of a long query, the stretch around the problem.
  constexpr std::size_t kShownBefore = 40, kShownAfter = 30;
  std::size_t from = error.offset() > kShownBefore ? error.offset() - kShownBefore : 0;
  std::size_t to = std::min(query.size(), error.offset() + kShownAfter);
  while (from > 0 && is_utf8_continuation(query[from])) --from;
  while (to < query.size() && (static_cast<unsigned char>(query[to]) & 0xC0) == 0x80) ++to;
  const std::string shown = fmt::format(
      "{}{}{}", from > 0 ? "…" : "", query.substr(from, to - from), to < query.size() ? "…" : "");
  // The caret goes under the query as printed, where escapes of control characters widen it.
  const std::string printed_before = printable(query.substr(from, error.offset() - from));
  const std::size_t caret = column_of(printed_before, printed_before.size()) + (from > 0 ? 1 : 0);
  std::cerr << fmt::format(
      "archivar-search: cannot parse query{} at column {}: {}\n  {}\n  {:>{}}\n", where, column,
      printable(error.what()), printable(shown), "^", caret);
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

// How the query was read, where it matters (a wildcard over its limit, a long query cut
// down); with --verbose also the details and the query as Xapian runs it.
void report_notes(const ResultPage& page, std::string_view topic, bool verbose) {
  for (const std::string& note : page.notes) {
    std::cerr << fmt::format("archivar-search: note{}: {}\n", topic_label(topic), printable(note));
  }
  if (!verbose) return;
  for (const std::string& detail : page.details) {
    std::cerr << fmt::format("archivar-search: {}{}\n", detail, topic_label(topic));
  }
  std::cerr << fmt::format("archivar-search: {:.1f} ms{}\n", page.took_ms, topic_label(topic));
}

// --show ID...: the whole articles; ids not in the archive are named on stderr.
int show_articles(SearchSession& session, const std::vector<std::string>& ids,
                  ResultPrinter& printer) {
  int status = kExitOk;
  for (const std::string& id : ids) {
    if (const std::optional<Article> article = session.archive().article(id)) {
      printer.print_article(*article);
    } else {
      std::cerr << fmt::format("archivar-search: --show: no article with id '{}'\n", id);
      status = kExitFatal;
    }
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> databases;
  std::vector<std::string> words;
  std::string format = "text", color = "auto", sort = "relevance", topics_file,
              run_tag = "archivar", facets, topic_field = "title";
  bool count_only = false, verbose = false;
  std::vector<std::string> show_ids;
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
       "(<top> <num> <title> <desc> <narr>) (for --format trec, json or ids: qid<TAB>id)")
      ("topic-field", po::value(&topic_field)->value_name("FIELD"),
       "the query of a TREC topic: title (default), desc or title+desc")
      ("no-collapse", "list every article: near-duplicates (the same story republished "
       "with small edits) are otherwise shown once, as \"+N similar\" on the best hit")
      ("plain", po::bool_switch(&request.plain),
       "read queries as plain words: quotes, AND/OR/NOT, fields and +/- are text "
       "(for natural-language topics); a rare word also matches the archive's other "
       "forms of it (Assyrien: assyrisch)")
      ("run-tag", po::value(&run_tag)->value_name("TAG"),
       "run name in TREC output (default archivar)")
      ("version", "print the version, the git commit and the compound dictionary in use")
      ("allow-program-remote",
       "let stub files' 'remote :PROGRAM ARGS' lines run their program (trusted stubs only)")
      ("show", po::value(&show_ids)->multitoken()->value_name("ID..."),
       "print the whole articles with these ids (text or json)")
      ("verbose,v", po::bool_switch(&verbose),
       "say on stderr how each query was read (words a long query left out) and timed")
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
      ("pair-weight", po::value(&proximity.pair_weight))
      ("surface-weight", po::value(&proximity.surface_weight))
      ("typed-pair-weight", po::value(&proximity.typed_pair_weight))
      ("rare-word-share", po::value(&request.word_variants.rare_share))  // 0: no variants
      ("variant-extra-letters", po::value(&request.word_variants.max_extra_letters))
      ("rerank-depth", po::value(&request.match.rerank_depth));  // 0: the words alone rank
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
    if (databases.empty()) {
      const char* from_environment = std::getenv("ARCHIVAR_DB");
      if (from_environment == nullptr || *from_environment == '\0') {
        throw po::error("--db DIR is required (or set ARCHIVAR_DB)");
      }
      databases.emplace_back(from_environment);
    }
    if (!show_ids.empty() &&
        (!words.empty() || !topics_file.empty() || !request.similar_to.empty())) {
      throw po::error("--show prints articles by id; give no QUERY, --topics or --similar");
    }
    if (words.empty() && topics_file.empty() && request.from.empty() && request.to.empty() &&
        request.similar_to.empty() && show_ids.empty()) {
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
    request.explain = verbose;
    // Suggestions are for people (and scripts acting for them), not for batch runs.
    request.suggest = !count_only && (printer_options.format == OutputFormat::kText ||
                                      printer_options.format == OutputFormat::kJson);
    // Ids and TREC runs print no fields: skip reading stored text and cutting snippets.
    request.match.fetch_stored = printer_options.format == OutputFormat::kText ||
                                 printer_options.format == OutputFormat::kJson;
    request.match.collapse_near_duplicates = vm.count("no-collapse") == 0;
    request.match.list_similar = request.match.fetch_stored;
  } catch (const po::unknown_option& error) {
    // Mostly an excluded word typed as the first word of a query.
    std::cerr << "archivar-search: " << error.what()
              << "; to exclude a word, put the query after -- (archivar-search --db DIR -- "
                 "-Schule Lockdown) or in quotes ('Lockdown -Schule') (see --help)\n";
    return kExitUsage;
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
    request.match.proximity = no_proximity ? ProximityOptions::none() : proximity;
    SearchSession session(databases,
                          allow_program_remote ? ProgramRemotes::kAllow : ProgramRemotes::kRefuse);
    for (const std::string& warning : session.archive().facet_warnings(request.match.facets)) {
      std::cerr << "archivar-search: note: " << warning << "\n";
    }
    const auto printer = make_printer(printer_options, std::cout);
    if (!show_ids.empty()) return show_articles(session, show_ids, *printer);
    int status = kExitOk;
    for (const Topic& topic : topics) {
      request.query = topic.query;
      try {
        const ResultPage page = session.search(request);
        report_notes(page, topic.id, verbose);
        printer->print(page, topic.id);
      } catch (const QueryError& error) {
        report_query_error(topic.query, error, topic.id);
        printer->print_error(topic.query, error.what(), topic.id);
        status = kExitUsage;
      }
      // Each topic's results are out before the next is searched, whatever happens then.
      std::cout.flush();
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
