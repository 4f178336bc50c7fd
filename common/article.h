// Article: one news item as a reader found it, before analysis.
// Every reader (JSON Lines, TREC, ...) produces these; the indexer turns them into documents.
#pragma once

#include <string>

namespace archivar {

struct Article {
  std::string id;
  std::string title;
  std::string text;
  std::string date;  ///< as written in the input; parsed by the indexer (see date.h)
  std::string source;
  std::string section;
  std::string url;
  std::string author;
  /// Where the article came from, "file:line", for messages and to trace a hit back.
  std::string origin;
};

}  // namespace archivar
