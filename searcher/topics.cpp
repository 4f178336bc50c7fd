#include "searcher/topics.h"

#include <fmt/format.h>

#include <fstream>
#include <unordered_map>

namespace archivar {

std::vector<Topic> read_topics(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open topics file", path.string()));
  std::vector<Topic> topics;
  std::unordered_map<std::string, std::size_t> line_of_qid;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      throw std::runtime_error(
          fmt::format("{}:{}: expected 'qid<TAB>query'", path.string(), number));
    }
    std::string qid = line.substr(0, tab);
    if (const auto [earlier, added] = line_of_qid.emplace(qid, number); !added) {
      // trec_eval and archivar-eval reject a run that answers a topic twice.
      throw std::runtime_error(
          fmt::format("{}:{}: topic '{}' was given before, on line {}; "
                      "give each topic a qid of its own",
                      path.string(), number, qid, earlier->second));
    }
    topics.push_back({std::move(qid), line.substr(tab + 1)});
  }
  return topics;
}

}  // namespace archivar
