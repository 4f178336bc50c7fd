// A test helper that reads a whole input file through open_article_reader and keeps what
// the reader returned and reported, for the reader tests of every format.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/article.h"
#include "corpus/article_reader.h"
#include "corpus/field_map.h"
#include "corpus/reader_options.h"

namespace archivar::test {

struct ReadResult {
  std::vector<Article> articles;
  std::string messages;  ///< everything Diagnostics wrote
  std::uint64_t skipped = 0;
  std::uint64_t repaired = 0;
};

/// Reads @a file as @a format (not strict) to the end.
ReadResult read_articles(const std::filesystem::path& file, InputFormat format,
                         const FieldMap& field_map = {});
/// The same with all reader options.
ReadResult read_articles(const std::filesystem::path& file, InputFormat format,
                         const ReaderOptions& options);

}  // namespace archivar::test
