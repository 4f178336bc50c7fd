#include "searcher/topics.h"

#include <fmt/format.h>

#include <fstream>

namespace archivar {

std::vector<Topic> read_topics(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open topics file", path.string()));
  std::vector<Topic> topics;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      throw std::runtime_error(
          fmt::format("{}:{}: expected 'qid<TAB>query'", path.string(), number));
    }
    topics.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return topics;
}

}  // namespace archivar
