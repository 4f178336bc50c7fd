// Run: a system's retrieved documents with their scores, read from a TREC run file
// (`qid Q0 docno rank score tag`). Holds each docno at most once per topic, as trec_eval demands.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::eval {

/// One topic's retrieved documents: docno -> score.
using Retrieved = std::map<std::string, double, std::less<>>;

struct ScoredDoc {
  std::string docno;
  double score = 0.0;

  bool operator==(const ScoredDoc&) const = default;
};

class Run {
 public:
  /// Records that `docno` was retrieved for `qid` with `score`; returns false (and changes
  /// nothing) if `docno` was already retrieved for `qid`.
  bool add(std::string_view qid, std::string_view docno, double score);

  /// The documents retrieved for a topic, or nullptr if the run has none for it.
  const Retrieved* find(std::string_view qid) const;

  /// Every topic of the run, in byte order of the qid.
  const std::map<std::string, Retrieved, std::less<>>& topics() const noexcept { return topics_; }

  /// The tag (6th field) of the file's last line, which trec_eval prints as `runid`.
  const std::string& run_id() const noexcept { return run_id_; }
  void set_run_id(std::string run_id) { run_id_ = std::move(run_id); }

 private:
  std::map<std::string, Retrieved, std::less<>> topics_;
  std::string run_id_;
};

/// The documents in the order trec_eval evaluates them: the rank column of the file is ignored;
/// score descending, ties broken by docno descending (byte comparison).
std::vector<ScoredDoc> rank(const Retrieved& retrieved);

/// Reads a run file ("-" is standard input). Throws InputError, naming file and line, if the
/// file cannot be read, a line has fewer than six fields or a score that is not a number, or a
/// document is retrieved twice for a topic. Fields after the sixth are ignored; an empty file is
/// an empty run.
Run read_run(const std::string& path);

/// As read_run, from a stream; `name` is used in error messages.
Run parse_run(std::istream& in, const std::string& name);

}  // namespace archivar::eval
