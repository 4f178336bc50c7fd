// Topics: a file of queries for batch runs, one "qid<TAB>query" per line (TSV),
// as the relevance test collections ship them.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace archivar {

struct Topic {
  std::string id;
  std::string query;
};

/// Reads @a path; blank lines are passed over. Throws std::runtime_error naming the file
/// and line for a line without a tab, a qid given twice, or an unreadable file.
std::vector<Topic> read_topics(const std::filesystem::path& path);

}  // namespace archivar
