// Topics: a file of queries for batch runs, as test collections ship them: one
// "qid<TAB>query" per line (TSV), or TREC/CLEF topics (<top> <num> <title> <desc> <narr>).
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace archivar {

struct Topic {
  std::string id;
  std::string query;
  std::size_t line = 0;  ///< where the topic starts in its file (0: not from a file)
};

/// Which part of a TREC topic is the query.
enum class TopicField { kTitle, kDescription, kTitleAndDescription };

/// "title", "desc" or "title+desc"; nullopt for anything else.
std::optional<TopicField> parse_topic_field(std::string_view name);

/// Reads @a path: TREC/CLEF topics when its first non-blank character is '<', else TSV.
/// Of TREC topics, @a field is the query (title and description joined by a space); tags
/// may be closed or not (TREC's <title> runs to the next tag), in any case, with CLEF's
/// language prefix (<DE-title>), and the labels "Number:", "Topic:", "Description:" are
/// dropped; a number of digits loses its leading zeros (TREC's "051" is qrels' "51"). Of TSV, blank
/// lines are passed over. Throws std::runtime_error naming the file and line for a TSV line without
/// a tab, a qid given twice (in either format), a topic without a number or without the field asked
/// for, or an unreadable file.
std::vector<Topic> read_topics(const std::filesystem::path& path,
                               TopicField field = TopicField::kTitle);

}  // namespace archivar
