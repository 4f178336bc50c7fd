#include "searcher/topics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "common/text/keyword.h"

namespace archivar {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

// Drops a leading label such as "Number:" or "Description:" (any case).
std::string without_label(std::string text, std::initializer_list<std::string_view> labels) {
  const std::string folded = lower(text);
  for (const std::string_view label : labels) {
    if (folded.starts_with(label))
      return collapse_whitespace(std::string_view(text).substr(label.size()));
  }
  return text;
}

// TREC's early topics are numbered "051" where the qrels say "51".
std::string without_leading_zeros(std::string number) {
  if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos) return number;
  const std::size_t first = number.find_first_not_of('0');
  return first == std::string::npos ? "0" : number.substr(first);
}

std::size_t line_at(std::string_view content, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(content.begin(), content.begin() + offset, '\n'));
}

// The fields of one <top>...</top>: each tag's text up to the next tag.
struct TopicFields {
  std::string num, title, desc;
};

TopicFields scan_topic(std::string_view body) {
  TopicFields fields;
  std::size_t at = body.find('<');
  while (at != std::string_view::npos) {
    const std::size_t close = body.find('>', at);
    if (close == std::string_view::npos) break;
    std::string tag = lower(body.substr(at + 1, close - at - 1));
    tag = tag.substr(0, tag.find_first_of(" \t\r\n"));
    const std::size_t next = body.find('<', close);
    const std::string text = collapse_whitespace(
        body.substr(close + 1, next == std::string_view::npos ? next : next - close - 1));
    // CLEF prefixes the language: <DE-title>, <EN-desc>.
    if (tag.size() > 3 && tag[2] == '-') tag = tag.substr(3);
    if (tag == "num" && fields.num.empty()) {
      fields.num = without_leading_zeros(without_label(text, {"number:"}));
    } else if (tag == "title" && fields.title.empty()) {
      fields.title = without_label(text, {"topic:", "title:"});
    } else if (tag == "desc" && fields.desc.empty()) {
      fields.desc = without_label(text, {"description:"});
    }
    at = next;
  }
  return fields;
}

std::vector<Topic> read_trec_topics(const std::filesystem::path& path, std::string_view content,
                                    TopicField field) {
  std::vector<Topic> topics;
  const std::string folded = lower(content);
  std::size_t start = folded.find("<top>");
  while (start != std::string::npos) {
    const std::size_t end = folded.find("</top>", start);
    const std::size_t body_end = end == std::string::npos ? content.size() : end;
    const TopicFields fields = scan_topic(content.substr(start + 5, body_end - start - 5));
    const std::size_t line = line_at(content, start);
    if (fields.num.empty()) {
      throw std::runtime_error(fmt::format("{}:{}: a <top> without <num>", path.string(), line));
    }
    std::string query;
    switch (field) {
      case TopicField::kTitle:
        query = fields.title;
        break;
      case TopicField::kDescription:
        query = fields.desc;
        break;
      case TopicField::kTitleAndDescription:
        query = collapse_whitespace(fields.title + " " + fields.desc);
        break;
    }
    if (query.empty()) {
      throw std::runtime_error(fmt::format(
          "{}:{}: topic {} has no {} (choose another with --topic-field)", path.string(), line,
          fields.num, field == TopicField::kTitle ? "<title>" : "<desc>"));
    }
    topics.push_back({fields.num, query, line});
    start = end == std::string::npos ? end : folded.find("<top>", end);
  }
  return topics;
}

std::vector<Topic> read_tsv_topics(const std::filesystem::path& path, std::string_view content) {
  std::vector<Topic> topics;
  std::istringstream in{std::string(content)};
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      throw std::runtime_error(fmt::format(
          "{}:{}: expected 'qid<TAB>query' (or TREC topics, <top> ...)", path.string(), number));
    }
    topics.push_back({line.substr(0, tab), line.substr(tab + 1), number});
  }
  return topics;
}

// trec_eval and archivar-eval reject a run that answers a topic twice.
void refuse_repeated_qids(const std::filesystem::path& path, const std::vector<Topic>& topics) {
  std::unordered_map<std::string_view, std::size_t> line_of_qid;
  for (const Topic& topic : topics) {
    if (const auto [earlier, added] = line_of_qid.emplace(topic.id, topic.line); !added) {
      throw std::runtime_error(fmt::format(
          "{}:{}: topic '{}' was given before, on line {}; give each topic a qid of its own",
          path.string(), topic.line, topic.id, earlier->second));
    }
  }
}

}  // namespace

std::optional<TopicField> parse_topic_field(std::string_view name) {
  if (name == "title") return TopicField::kTitle;
  if (name == "desc") return TopicField::kDescription;
  if (name == "title+desc") return TopicField::kTitleAndDescription;
  return std::nullopt;
}

std::vector<Topic> read_topics(const std::filesystem::path& path, TopicField field) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open topics file", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();
  const std::size_t first = content.find_first_not_of(" \t\r\n");
  std::vector<Topic> topics = first != std::string::npos && content[first] == '<'
                                  ? read_trec_topics(path, content, field)
                                  : read_tsv_topics(path, content);
  refuse_repeated_qids(path, topics);
  return topics;
}

}  // namespace archivar
