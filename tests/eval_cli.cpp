// Tests of the archivar-eval binary as a user runs it: exact output lines on the files in
// tests/data/eval/, exit codes and the one-line messages for bad input and bad usage.
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kBinary = ARCHIVAR_BIN_DIR "/archivar-eval";
const std::string kData = ARCHIVAR_SOURCE_DIR "/tests/data/eval/";

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs archivar-eval with `args` (already shell-quoted where needed).
Result run_eval(const std::string& args) {
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() / ("archivar-eval-test-" + std::to_string(getpid()));
  const std::string command = kBinary + " " + args + " 2>" + err_file.string();
  Result result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::ostringstream err_text;
  err_text << err.rdbuf();
  result.err = err_text.str();
  std::filesystem::remove(err_file);
  return result;
}

}  // namespace

TEST_CASE("archivar-eval without -m prints trec_eval's default measures", "[eval][cli]") {
  const Result r = run_eval(kData + "qrels.txt " + kData + "run.trec");
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);
  // trec_eval's "official" set, in its order.
  std::vector<std::string> names;
  std::map<std::string, std::string> values;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const std::string name = line.substr(0, line.find_first_of(" \t"));
    names.push_back(name);
    values[name] = line.substr(line.rfind('\t') + 1);
    CHECK(line.find("\tall\t") == 22);  // name padded to 22 columns, then the qid
  }
  const std::vector<std::string> expected_names = {"runid",
                                                   "num_q",
                                                   "num_ret",
                                                   "num_rel",
                                                   "num_rel_ret",
                                                   "map",
                                                   "gm_map",
                                                   "Rprec",
                                                   "bpref",
                                                   "recip_rank",
                                                   "iprec_at_recall_0.00",
                                                   "iprec_at_recall_0.10",
                                                   "iprec_at_recall_0.20",
                                                   "iprec_at_recall_0.30",
                                                   "iprec_at_recall_0.40",
                                                   "iprec_at_recall_0.50",
                                                   "iprec_at_recall_0.60",
                                                   "iprec_at_recall_0.70",
                                                   "iprec_at_recall_0.80",
                                                   "iprec_at_recall_0.90",
                                                   "iprec_at_recall_1.00",
                                                   "P_5",
                                                   "P_10",
                                                   "P_15",
                                                   "P_20",
                                                   "P_30",
                                                   "P_100",
                                                   "P_200",
                                                   "P_500",
                                                   "P_1000"};
  CHECK(names == expected_names);
  // Figures worked out in tests/eval_evaluation.cpp (topics 1, 2 and 4; 3 is not in the run).
  CHECK(values["runid"] == "test-run");
  CHECK(values["num_q"] == "3");
  CHECK(values["num_ret"] == "11");
  CHECK(values["num_rel"] == "5");
  CHECK(values["num_rel_ret"] == "4");
  CHECK(values["map"] == "0.2306");
  CHECK(values["Rprec"] == "0.1667");
  CHECK(values["recip_rank"] == "0.2222");
  CHECK(values["P_5"] == "0.2667");
  CHECK(values["P_10"] == "0.1333");
  CHECK(values["P_20"] == "0.0667");
  // gm_map: exp of the mean log, each topic's AP floored at 0.00001 (topic 4 has AP 0):
  // exp((ln 0.3583 + ln 0.3333 + ln 0.00001) / 3).
  CHECK(values["gm_map"] ==
        fmt::format("{:6.4f}",
                    std::exp((std::log(43.0 / 120) + std::log(1.0 / 3) + std::log(0.00001)) / 3)));
}

TEST_CASE("archivar-eval -q -c -m: chosen measures, per topic, then all", "[eval][cli]") {
  const Result r =
      run_eval("-q -c -m map -m P.5 -m num_ret " + kData + "qrels.txt " + kData + "run.trec");
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);
  // Measures in trec_eval's order whatever the order of -m; topic 3 (missing) prints zeros.
  CHECK(r.out ==
        "num_ret               \t1\t6\n"
        "map                   \t1\t0.3583\n"
        "P_5                   \t1\t0.6000\n"
        "num_ret               \t2\t3\n"
        "map                   \t2\t0.3333\n"
        "P_5                   \t2\t0.2000\n"
        "num_ret               \t3\t0\n"
        "map                   \t3\t0.0000\n"
        "P_5                   \t3\t0.0000\n"
        "num_ret               \t4\t2\n"
        "map                   \t4\t0.0000\n"
        "P_5                   \t4\t0.0000\n"
        "num_ret               \tall\t11\n"
        "map                   \tall\t0.1729\n"
        "P_5                   \tall\t0.2000\n");
}

TEST_CASE("archivar-eval reads the run from standard input for '-'", "[eval][cli]") {
  const Result r = run_eval("-c -m ndcg_cut.10 " + kData + "qrels.txt - < " + kData + "run.trec");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "ndcg_cut_10           \tall\t0.2477\n");
}

TEST_CASE("archivar-eval: bad input exits 1 naming the file and line", "[eval][cli]") {
  const Result malformed = run_eval(kData + "qrels.txt " + kData + "malformed-run.trec");
  CHECK(malformed.exit_code == 1);
  CHECK(malformed.out.empty());
  CHECK(malformed.err == "archivar-eval: " + kData +
                             "malformed-run.trec:2: malformed run line: expected 6 fields `qid Q0 "
                             "docno rank score tag`, found 5\n");

  const Result missing = run_eval(kData + "no-such-qrels.txt " + kData + "run.trec");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err ==
        "archivar-eval: " + kData + "no-such-qrels.txt: cannot open file for reading\n");

  // The run's topics are all unjudged: trec_eval refuses too.
  const Result disjoint = run_eval(kData + "run.trec " + kData + "run.trec");
  CHECK(disjoint.exit_code == 1);
}

TEST_CASE("archivar-eval: bad usage exits 2 with one line, --help exits 0", "[eval][cli]") {
  const Result option = run_eval("--frobnicate " + kData + "qrels.txt " + kData + "run.trec");
  CHECK(option.exit_code == 2);
  CHECK(option.out.empty());
  CHECK(option.err.find('\n') == option.err.size() - 1);
  CHECK(option.err.find("frobnicate") != std::string::npos);

  const Result measure = run_eval("-m mrr " + kData + "qrels.txt " + kData + "run.trec");
  CHECK(measure.exit_code == 2);
  CHECK(measure.err == "archivar-eval: unknown measure 'mrr' (see --help)\n");

  const Result one_file = run_eval(kData + "qrels.txt");
  CHECK(one_file.exit_code == 2);

  const Result help = run_eval("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.starts_with("Usage: archivar-eval"));
  CHECK(help.out.find("Example:") != std::string::npos);
}
