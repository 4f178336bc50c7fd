// archivar-eval: scores a TREC run against qrels with trec_eval's measures and output format, or
// compares two runs (--compare) with paired significance tests. Exit codes: 0 ok, 1 unreadable or
// malformed input, 2 wrong usage.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/version.h"
#include "eval/compare_report.h"
#include "eval/comparison.h"
#include "eval/evaluation.h"
#include "eval/measure.h"
#include "eval/qrels.h"
#include "eval/report.h"
#include "eval/run.h"

namespace po = boost::program_options;
using namespace archivar::eval;

namespace {

constexpr int kExitInput = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage = R"(Usage: archivar-eval [-q] [-c] [-m MEASURE]... QRELS RUN
       archivar-eval [-q] [-c] [-m MEASURE]... [--format table|tsv] --compare QRELS RUN_A RUN_B

Scores the TREC run RUN (`qid Q0 docno rank score tag` lines) against the relevance
judgments QRELS (`qid 0 docno rel` lines) exactly as trec_eval does, and prints
`measure<TAB>qid<TAB>value` lines in trec_eval's format. RUN may be '-' for standard input.

With --compare, scores RUN_A and RUN_B on the same topics (with -c every topic of QRELS,
one a run misses counting 0; without -c the judged topics that both runs answered) and
prints one row per measure: the means of A and B, diff = B - A, rel% = 100 * diff / A,
the topics where B wins, loses and ties (equal values), and the two-sided p-values of
paired tests on the per-topic differences: p(rand) a randomisation test (100000 random
sign flips with a fixed seed, so the output is repeatable), p(t) Student's t-test,
with the t-test's 95% confidence interval of diff. `*` marks p < 0.05. The measures are those of -m in the order given, or else map
ndcg_cut_10 recip_rank P_10 recall_100; with -q the table is followed by the 10 topics
on which B lost most and won most on the first measure.

Options:
  -q, --query_eval_wanted         also print every topic's values, before the `all` lines
  -c, --complete_rel_info_wanted  average over every topic of QRELS; a topic missing from
                                  RUN counts 0 (without -c: topics in both files only)
  -m, --measure MEASURE           print only these measures (repeatable); without -m, all
      --compare                   compare two runs: QRELS RUN_A RUN_B
      --format table|tsv          --compare's output: an aligned table for people (default)
                                  or tab-separated values for scripts
  -h, --help                      print this help and exit
      --version                   print the version and the git commit and exit

Measures (trec_eval's names, definitions and print order): without -m, trec_eval's
  default set: runid num_q num_ret num_rel num_rel_ret map gm_map Rprec bpref recip_rank
  iprec_at_recall (0.00 .. 1.00) P (5 .. 1000). -m all_trec adds relstring recall infAP
  gm_bpref Rprec_mult utility 11pt_avg binG G dcg ideal_dcg ndcg ndcg_rel Rndcg ndcg_cut
  map_cut relative_P success set_P set_relative_P set_recall set_map set_F
  num_nonrel_judged_ret; -m official and -m set name trec_eval's other sets. A family
  alone means its default cutoffs; trec_eval's form family.cutoffs picks others (-m P.5,10
  -m ndcg_cut.10 -m iprec_at_recall.0.5,1), and a printed name one (P_7, success_1).
  Relevant means a judged value >= 1, a negative value pooled but unjudged; gains are the
  judged values. Documents are ranked by score descending, ties by docno descending; the
  rank column is ignored.

Example:
  archivar-eval -c -m recip_rank -m ndcg_cut.10 qrels.txt run.trec
prints, for instance:
  recip_rank            	all	0.6500
  ndcg_cut_10           	all	0.6810

Example, comparing a change against the baseline:
  archivar-eval -c --compare qrels.txt baseline.trec compounds.trec
prints, for instance:
  A: baseline.trec (bm25)
  B: compounds.trec (bm25-compounds)
  topics: 50

  measure           A       B     diff  rel%  wins  losses  ties  p(rand)     p(t)      95% CI of diff
  map          0.2514  0.2698  +0.0184  +7.3    21      12    17   0.0213*  0.0251*  [+0.0024, +0.0344]
  ndcg_cut_10  0.4102  0.4230  +0.0128  +3.1    18      14    18   0.1690   0.1745   [-0.0059, +0.0315]
  recip_rank   0.5871  0.5902  +0.0031  +0.5     9       8    33   0.8612   0.8640   [-0.0331, +0.0393]
  P_10         0.3480  0.3620  +0.0140  +4.0    15       9    26   0.0822   0.0853   [-0.0020, +0.0300]
  recall_100   0.6125  0.6533  +0.0408  +6.7    19       4    27   0.0009*  0.0012*  [+0.0169, +0.0647]
  * p < 0.05, two-sided. p(rand): paired randomisation test (100000 random sign flips);
    p(t): paired t-test, whose 95% confidence interval of B - A is the last column.

With --format tsv the same columns are tab-separated, p-values as plain numbers, followed
by the columns sig(rand) and sig(t) holding `*` or nothing, then ci95_low and ci95_high.
)";

// A wrong command line: printed as one line, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CommandLine {
  bool help = false;
  bool version = false;
  bool per_topic = false;  // -q
  bool complete = false;   // -c
  bool compare = false;    // --compare
  CompareFormat format = CompareFormat::kTable;
  MeasureSelection selection;     // without --compare
  std::vector<Measure> compared;  // with --compare, in the order of -m
  std::string qrels_path;
  std::string run_path;    // run A with --compare
  std::string run_b_path;  // with --compare
};

CompareFormat parse_format(const std::string& name) {
  if (name == "table") return CompareFormat::kTable;
  if (name == "tsv") return CompareFormat::kTsv;
  throw UsageError("unknown --format '" + name + "', expected table or tsv");
}

CommandLine parse_command_line(int argc, char** argv) {
  po::options_description options;
  options.add_options()                                         //
      ("help,h", "")                                            //
      ("version", "")                                           //
      ("query_eval_wanted,q", "")                               //
      ("complete_rel_info_wanted,c", "")                        //
      ("measure,m", po::value<std::vector<std::string>>(), "")  //
      ("compare", "")                                           //
      ("format", po::value<std::string>(), "")                  //
      ("files", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("files", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }

  CommandLine command_line;
  command_line.help = vm.count("help") != 0;
  command_line.version = vm.count("version") != 0;
  if (command_line.help || command_line.version) return command_line;
  command_line.per_topic = vm.count("query_eval_wanted") != 0;
  command_line.complete = vm.count("complete_rel_info_wanted") != 0;
  command_line.compare = vm.count("compare") != 0;

  const auto files = vm.count("files") != 0 ? vm["files"].as<std::vector<std::string>>()
                                            : std::vector<std::string>{};
  const auto specs = vm.count("measure") != 0 ? vm["measure"].as<std::vector<std::string>>()
                                              : std::vector<std::string>{};
  if (command_line.compare) {
    if (files.size() != 3) throw UsageError("--compare expects three files, QRELS RUN_A RUN_B");
    command_line.qrels_path = files[0];
    command_line.run_path = files[1];
    command_line.run_b_path = files[2];
    if (vm.count("format") != 0) command_line.format = parse_format(vm["format"].as<std::string>());
    try {
      command_line.compared = compare_measures(specs);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
    return command_line;
  }
  if (vm.count("format") != 0) throw UsageError("--format applies only to --compare");
  if (files.size() != 2) throw UsageError("expected two files, QRELS and RUN");
  command_line.qrels_path = files[0];
  command_line.run_path = files[1];

  if (specs.empty()) {
    command_line.selection = default_selection();
    return command_line;
  }
  try {
    for (const std::string& spec : specs) {
      command_line.selection.add(spec);
    }
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  return command_line;
}

// --compare: scores both runs and prints the comparison. Throws on bad input.
int compare(const CommandLine& command_line) {
  const Qrels qrels = read_qrels(command_line.qrels_path);
  const Run run_a = read_run(command_line.run_path);
  const Run run_b = read_run(command_line.run_b_path);
  const Comparison comparison = compare_runs(qrels, run_a, run_b, command_line.compared,
                                             EvalOptions{.complete = command_line.complete});
  if (comparison.qids.empty()) {
    std::cerr << fmt::format("archivar-eval: no topic of {} is answered by both {} and {}\n",
                             command_line.qrels_path, command_line.run_path,
                             command_line.run_b_path);
    return kExitInput;
  }
  const CompareReportOptions report_options{.format = command_line.format,
                                            .per_topic = command_line.per_topic,
                                            .label_a = command_line.run_path,
                                            .label_b = command_line.run_b_path};
  std::cout << format_comparison(comparison, report_options) << std::flush;
  return std::cout ? 0 : kExitInput;
}

}  // namespace

int main(int argc, char** argv) {
  CommandLine command_line;
  try {
    command_line = parse_command_line(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "archivar-eval: " << e.what() << " (see --help)\n";
    return kExitUsage;
  }
  if (command_line.help) {
    std::cout << kUsage;
    return 0;
  }
  if (command_line.version) {
    std::cout << archivar::version_line("archivar-eval") << "\n";
    return 0;
  }

  try {
    if (command_line.compare) return compare(command_line);
    const Qrels qrels = read_qrels(command_line.qrels_path);
    const Run run = read_run(command_line.run_path);
    const Evaluation evaluation = evaluate(qrels, run, command_line.selection.measures,
                                           EvalOptions{.complete = command_line.complete});
    if (evaluation.topics.empty()) {
      std::cerr << fmt::format("archivar-eval: no topic of {} is judged in {}\n",
                               command_line.run_path, command_line.qrels_path);
      return kExitInput;
    }
    const ReportOptions report_options{.per_topic = command_line.per_topic,
                                       .runid = command_line.selection.runid};
    std::cout << format_report(evaluation, report_options) << std::flush;
    return std::cout ? 0 : kExitInput;
  } catch (const std::exception& e) {  // InputError names the file and line
    std::cerr << "archivar-eval: " << e.what() << '\n';
  }
  return kExitInput;
}
