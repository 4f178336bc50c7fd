// Tests of the qrels and run readers (eval/qrels.h, eval/run.h) and of `-m` measure names
// (eval/measure.h): what they accept, and the file:line they name when they reject a line.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <stdexcept>

#include "eval/input_error.h"
#include "eval/measure.h"
#include "eval/qrels.h"
#include "eval/run.h"

namespace ae = archivar::eval;

namespace {

ae::Qrels qrels_from(const std::string& text) {
  std::istringstream in(text);
  return ae::parse_qrels(in, "q.txt");
}

ae::Run run_from(const std::string& text) {
  std::istringstream in(text);
  return ae::parse_run(in, "r.trec");
}

// The message of the InputError that `read` throws.
template <typename Read>
std::string input_error(Read read) {
  try {
    read();
  } catch (const ae::InputError& e) {
    return e.what();
  }
  return "(no error)";
}

std::vector<std::string> names(const ae::MeasureSelection& selection) {
  std::vector<std::string> result;
  for (const auto& measure : selection.measures) result.push_back(measure.name());
  return result;
}

}  // namespace

TEST_CASE("qrels: graded values, blank and comment lines, tabs and CRLF", "[eval][input]") {
  const ae::Qrels qrels = qrels_from("# judged by hand\n\nt1 0 a 2\r\nt1\t0\tb\t0\n  t2 0 c -1\n");
  REQUIRE(qrels.topics().size() == 2);
  const ae::Judgments& t1 = *qrels.find("t1");
  CHECK(t1.at("a") == 2);
  CHECK(t1.at("b") == 0);
  CHECK(qrels.find("t2")->at("c") == -1);
  CHECK(qrels.find("t3") == nullptr);
  CHECK(ae::count_relevant(t1) == 1);
  CHECK(ae::count_relevant(*qrels.find("t2")) == 0);
}

TEST_CASE("qrels: malformed lines are reported with file and line", "[eval][input]") {
  CHECK(input_error([] { qrels_from("t1 0 a 1\nt1 0 b\n"); }) ==
        "q.txt:2: malformed qrels line: expected 4 fields `qid iter docno rel`, found 3");
  CHECK(input_error([] { qrels_from("t1 0 a 1 extra\n"); }) ==
        "q.txt:1: malformed qrels line: expected 4 fields `qid iter docno rel`, found 5");
  CHECK(input_error([] { qrels_from("# c\nt1 0 a yes\n"); }) ==
        "q.txt:2: malformed qrels line: relevance 'yes' is not an integer");
  CHECK(input_error([] { qrels_from("t1 0 a 1\nt1 0 b 199999999\n"); }) ==
        "q.txt:2: relevance 199999999 is above 1000, the highest graded value archivar-eval "
        "reads");
  CHECK_NOTHROW(qrels_from("t1 0 a 1000\n"));
  CHECK(input_error([] { qrels_from("t1 0 a 1\n\nt1 0 a 0\n"); }) ==
        "q.txt:3: document 'a' is judged twice for topic 't1'");
  CHECK(input_error([] { qrels_from("\n# nothing\n"); }) == "q.txt: no judgments in qrels file");
}

TEST_CASE("run: scores, run id from the last line, extra fields ignored", "[eval][input]") {
  const ae::Run run =
      run_from("t1 Q0 a 1 1.5 first\nt1 Q0 b 2 -2e-1 x extra\n\nt2 Q0 a 1 +3 last\n");
  REQUIRE(run.topics().size() == 2);
  CHECK(run.find("t1")->at("a") == 1.5);
  CHECK(run.find("t1")->at("b") == -0.2);
  CHECK(run.find("t2")->at("a") == 3.0);
  CHECK(run.run_id() == "last");
  CHECK(run_from("").topics().empty());
}

TEST_CASE("run: malformed lines and duplicates are reported with file and line", "[eval][input]") {
  CHECK(input_error([] { run_from("t1 Q0 a 1 1.0\n"); }) ==
        "r.trec:1: malformed run line: expected 6 fields `qid Q0 docno rank score tag`, found 5");
  CHECK(input_error([] { run_from("t1 Q0 a 1 1.0 t\nt1 Q0 b 2 high t\n"); }) ==
        "r.trec:2: malformed run line: score 'high' is not a number");
  CHECK(input_error([] { run_from("t1 Q0 a 1 nan t\n"); }) ==
        "r.trec:1: malformed run line: score 'nan' is not a number");
  // trec_eval refuses a docno retrieved twice for one topic ("duplicate docs").
  CHECK(input_error([] { run_from("t1 Q0 a 1 2 t\nt2 Q0 a 1 2 t\nt1 Q0 a 2 1 t\n"); }) ==
        "r.trec:3: document 'a' is retrieved twice for topic 't1'");
}

TEST_CASE("missing files are reported by name", "[eval][input]") {
  CHECK(input_error([] { ae::read_qrels("/nonexistent/qrels.txt"); }) ==
        "/nonexistent/qrels.txt: cannot open file for reading");
  CHECK(input_error([] { ae::read_run(ARCHIVAR_SOURCE_DIR "/tests"); }) == ARCHIVAR_SOURCE_DIR
        "/tests: is a directory, not a file");
}

TEST_CASE("measure names: single, grouped, default cutoffs, trec_eval order", "[eval][input]") {
  ae::MeasureSelection selection;
  selection.add("ndcg_cut_10");
  selection.add("P.20,5");
  selection.add("map");
  selection.add("P_5");  // duplicate of P.5
  selection.add("recall.100");
  selection.add("num_q");
  CHECK_FALSE(selection.runid);
  CHECK(names(selection) ==
        std::vector<std::string>{"num_q", "map", "P_5", "P_20", "recall_100", "ndcg_cut_10"});

  ae::MeasureSelection family;
  family.add("P");
  family.add("runid");
  CHECK(family.runid);
  CHECK(names(family) == std::vector<std::string>{"P_5", "P_10", "P_15", "P_20", "P_30", "P_100",
                                                  "P_200", "P_500", "P_1000"});
}

TEST_CASE("measure names: unknown ones are rejected", "[eval][input]") {
  ae::MeasureSelection selection;
  CHECK_THROWS_AS(selection.add("mrr"), std::invalid_argument);
  CHECK_THROWS_AS(selection.add("P_0"), std::invalid_argument);
  CHECK_THROWS_AS(selection.add("P.5,x"), std::invalid_argument);
  CHECK_THROWS_AS(selection.add("map.5"), std::invalid_argument);
  CHECK_THROWS_AS(selection.add("map_5"), std::invalid_argument);
  CHECK(selection.measures.empty());
}

TEST_CASE("the default selection is trec_eval's default (official) set", "[eval][input]") {
  const ae::MeasureSelection selection = ae::default_selection();
  CHECK(selection.runid);
  std::vector<std::string> expected = {"num_q",  "num_ret", "num_rel", "num_rel_ret", "map",
                                       "gm_map", "Rprec",   "bpref",   "recip_rank"};
  for (const char* level :
       {"0.00", "0.10", "0.20", "0.30", "0.40", "0.50", "0.60", "0.70", "0.80", "0.90", "1.00"}) {
    expected.push_back(std::string("iprec_at_recall_") + level);
  }
  for (const char* cutoff : {"5", "10", "15", "20", "30", "100", "200", "500", "1000"}) {
    expected.push_back(std::string("P_") + cutoff);
  }
  CHECK(names(selection) == expected);
}

TEST_CASE(
    "measure selection: all_trec and set name trec_eval's measures, two decimals for fractions",
    "[eval][input]") {
  ae::MeasureSelection all;
  all.add("all_trec");
  CHECK(all.runid);
  const std::vector<std::string> all_names = names(all);
  // 35 kinds; 8 families with cutoffs: iprec_at_recall 11, P 9, recall 9, Rprec_mult 10,
  // ndcg_cut 9, map_cut 9, relative_P 9, success 3.
  CHECK(all_names.size() == 27 + 11 + 9 + 9 + 10 + 9 + 9 + 9 + 3);
  for (const char* name : {"bpref",
                           "gm_bpref",
                           "infAP",
                           "Rprec_mult_0.20",
                           "Rprec_mult_2.00",
                           "11pt_avg",
                           "ndcg",
                           "ndcg_rel",
                           "Rndcg",
                           "dcg",
                           "ideal_dcg",
                           "G",
                           "binG",
                           "success_1",
                           "success_10",
                           "map_cut_1000",
                           "relative_P_5",
                           "set_F",
                           "set_relative_P",
                           "utility",
                           "relstring",
                           "num_nonrel_judged_ret"}) {
    INFO(name);
    CHECK(std::ranges::count(all_names, name) == 1);
  }
  ae::MeasureSelection set;
  set.add("set");
  CHECK(names(set) == std::vector<std::string>{"num_q", "num_ret", "num_rel", "num_rel_ret",
                                               "utility", "set_P", "set_relative_P", "set_recall",
                                               "set_map", "set_F"});
  ae::MeasureSelection chosen;
  chosen.add("iprec_at_recall.0.5,1");
  chosen.add("success_5");
  CHECK(names(chosen) ==
        std::vector<std::string>{"iprec_at_recall_0.50", "iprec_at_recall_1.00", "success_5"});
}
