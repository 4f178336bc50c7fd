#include "eval/run.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "eval/text_lines.h"

namespace archivar::eval {

namespace {

std::optional<double> parse_score(std::string_view text) {
  if (text.starts_with('+')) text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty() ||
      std::isnan(value)) {
    return std::nullopt;
  }
  return value;
}

Run parse(TextLines& lines) {
  Run run;
  while (const auto fields = lines.next()) {
    if (fields->size() < 6) {
      lines.fail("malformed run line: expected 6 fields `qid Q0 docno rank score tag`, found " +
                 std::to_string(fields->size()));
    }
    const auto score = parse_score((*fields)[4]);
    if (!score) {
      lines.fail("malformed run line: score '" + std::string((*fields)[4]) + "' is not a number");
    }
    if (!run.add((*fields)[0], (*fields)[2], *score)) {
      lines.fail("document '" + std::string((*fields)[2]) + "' is retrieved twice for topic '" +
                 std::string((*fields)[0]) + "'");
    }
    run.set_run_id(std::string((*fields)[5]));
  }
  return run;
}

}  // namespace

bool Run::add(std::string_view qid, std::string_view docno, double score) {
  auto topic = topics_.find(qid);
  if (topic == topics_.end()) topic = topics_.emplace(std::string(qid), Retrieved{}).first;
  return topic->second.emplace(std::string(docno), score).second;
}

const Retrieved* Run::find(std::string_view qid) const {
  const auto topic = topics_.find(qid);
  return topic == topics_.end() ? nullptr : &topic->second;
}

std::vector<ScoredDoc> rank(const Retrieved& retrieved) {
  std::vector<ScoredDoc> ranking;
  ranking.reserve(retrieved.size());
  for (const auto& [docno, score] : retrieved) ranking.push_back({docno, score});
  std::ranges::sort(ranking, [](const ScoredDoc& a, const ScoredDoc& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.docno > b.docno;
  });
  return ranking;
}

Run read_run(const std::string& path) {
  TextLines lines(path);
  return parse(lines);
}

Run parse_run(std::istream& in, const std::string& name) {
  TextLines lines(in, name);
  return parse(lines);
}

}  // namespace archivar::eval
