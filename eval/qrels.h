// Qrels: the relevance judgments of a test collection, read from TREC `qid iter docno rel` lines.
// Per topic, docno -> graded value: >= 1 relevant, 0 judged non-relevant, < 0 pooled but unjudged.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <string_view>

namespace archivar::eval {

/// One topic's judgments: docno -> judged value.
using Judgments = std::map<std::string, int, std::less<>>;

/// The highest relevance value a qrels file may give: measures keep a count per value up to
/// the highest one (as trec_eval does), which a value of 199,999,999 would make 800 MB.
inline constexpr int kMaxRelevance = 1000;

class Qrels {
 public:
  /// Records one judgment; returns false (and changes nothing) if `docno` is already judged
  /// for `qid`.
  bool add(std::string_view qid, std::string_view docno, int relevance);

  /// The judgments of a topic, or nullptr if the qrels have none for it.
  const Judgments* find(std::string_view qid) const;

  /// Every judged topic, in byte order of the qid (the order trec_eval reports them in).
  const std::map<std::string, Judgments, std::less<>>& topics() const noexcept { return topics_; }

  bool empty() const noexcept { return topics_.empty(); }

 private:
  std::map<std::string, Judgments, std::less<>> topics_;
};

/// Relevant documents of a topic: judged value >= 1 (trec_eval's default relevance level).
int count_relevant(const Judgments& judgments);

/// Reads a qrels file ("-" is standard input). Throws InputError, naming file and line, if the
/// file cannot be read, a line does not have four fields with an integer relevance, a document
/// is judged twice for a topic, or there is no judgment at all.
Qrels read_qrels(const std::string& path);

/// As read_qrels, from a stream; `name` is used in error messages.
Qrels parse_qrels(std::istream& in, const std::string& name);

}  // namespace archivar::eval
