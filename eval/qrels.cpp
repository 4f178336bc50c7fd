#include "eval/qrels.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "eval/input_error.h"
#include "eval/text_lines.h"

namespace archivar::eval {

namespace {

std::optional<int> parse_int(std::string_view text) {
  if (text.starts_with('+')) text.remove_prefix(1);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

Qrels parse(TextLines& lines) {
  Qrels qrels;
  while (const auto fields = lines.next()) {
    if (fields->size() != 4) {
      lines.fail("malformed qrels line: expected 4 fields `qid iter docno rel`, found " +
                 std::to_string(fields->size()));
    }
    const auto relevance = parse_int((*fields)[3]);
    if (!relevance) {
      lines.fail("malformed qrels line: relevance '" + std::string((*fields)[3]) +
                 "' is not an integer");
    }
    if (*relevance > kMaxRelevance) {
      lines.fail("relevance " + std::to_string(*relevance) + " is above " +
                 std::to_string(kMaxRelevance) + ", the highest graded value archivar-eval reads");
    }
    if (!qrels.add((*fields)[0], (*fields)[2], *relevance)) {
      lines.fail("document '" + std::string((*fields)[2]) + "' is judged twice for topic '" +
                 std::string((*fields)[0]) + "'");
    }
  }
  if (qrels.empty()) throw InputError(lines.name(), 0, "no judgments in qrels file");
  return qrels;
}

}  // namespace

bool Qrels::add(std::string_view qid, std::string_view docno, int relevance) {
  auto topic = topics_.find(qid);
  if (topic == topics_.end()) topic = topics_.emplace(std::string(qid), Judgments{}).first;
  return topic->second.emplace(std::string(docno), relevance).second;
}

const Judgments* Qrels::find(std::string_view qid) const {
  const auto topic = topics_.find(qid);
  return topic == topics_.end() ? nullptr : &topic->second;
}

int count_relevant(const Judgments& judgments) {
  return static_cast<int>(
      std::ranges::count_if(judgments, [](const auto& judgment) { return judgment.second >= 1; }));
}

Qrels read_qrels(const std::string& path) {
  TextLines lines(path);
  return parse(lines);
}

Qrels parse_qrels(std::istream& in, const std::string& name) {
  TextLines lines(in, name);
  return parse(lines);
}

}  // namespace archivar::eval
