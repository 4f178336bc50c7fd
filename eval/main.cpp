// archivar-eval: scores a TREC run against qrels with trec_eval's measures and output format.
// Exit codes: 0 ok, 1 unreadable or malformed input, 2 wrong usage.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

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

Scores the TREC run RUN (`qid Q0 docno rank score tag` lines) against the relevance
judgments QRELS (`qid 0 docno rel` lines) exactly as trec_eval does, and prints
`measure<TAB>qid<TAB>value` lines in trec_eval's format. RUN may be '-' for standard input.

Options:
  -q, --query_eval_wanted         also print every topic's values, before the `all` lines
  -c, --complete_rel_info_wanted  average over every topic of QRELS; a topic missing from
                                  RUN counts 0 (without -c: topics in both files only)
  -m, --measure MEASURE           print only these measures (repeatable); without -m, all
  -h, --help                      print this help and exit

Measures: map P_5 P_10 P_20 ndcg_cut_10 ndcg_cut_20 recip_rank Rprec recall_100
  recall_1000 num_q num_ret num_rel num_rel_ret runid. P, recall and ndcg_cut take any
  cutoff (P_7), also in trec_eval's grouped form: -m P.5,10 -m ndcg_cut.10 -m recall.100.
  Relevant means a judged value >= 1; nDCG's gain is the judged value. Documents are
  ranked by score descending, ties by docno descending; the rank column is ignored.

Example:
  archivar-eval -c -m recip_rank -m ndcg_cut.10 qrels.txt run.trec
prints, for instance:
  recip_rank            	all	0.6500
  ndcg_cut_10           	all	0.6810
)";

// A wrong command line: printed as one line, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CommandLine {
  bool help = false;
  bool per_topic = false;  // -q
  bool complete = false;   // -c
  MeasureSelection selection;
  std::string qrels_path;
  std::string run_path;
};

CommandLine parse_command_line(int argc, char** argv) {
  po::options_description options;
  options.add_options()                                         //
      ("help,h", "")                                            //
      ("query_eval_wanted,q", "")                               //
      ("complete_rel_info_wanted,c", "")                        //
      ("measure,m", po::value<std::vector<std::string>>(), "")  //
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
  if (command_line.help) return command_line;
  command_line.per_topic = vm.count("query_eval_wanted") != 0;
  command_line.complete = vm.count("complete_rel_info_wanted") != 0;

  const auto files = vm.count("files") != 0 ? vm["files"].as<std::vector<std::string>>()
                                            : std::vector<std::string>{};
  if (files.size() != 2) throw UsageError("expected two files, QRELS and RUN");
  command_line.qrels_path = files[0];
  command_line.run_path = files[1];

  if (vm.count("measure") == 0) {
    command_line.selection = default_selection();
    return command_line;
  }
  try {
    for (const std::string& spec : vm["measure"].as<std::vector<std::string>>()) {
      command_line.selection.add(spec);
    }
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  return command_line;
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

  try {
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
