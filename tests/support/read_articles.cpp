#include "support/read_articles.h"

#include <sstream>

#include "corpus/diagnostics.h"

namespace archivar::test {

ReadResult read_articles(const std::filesystem::path& file, InputFormat format,
                         const FieldMap& field_map) {
  return read_articles(file, format, ReaderOptions{.field_map = field_map});
}

ReadResult read_articles(const std::filesystem::path& file, InputFormat format,
                         const ReaderOptions& options) {
  std::ostringstream out;
  Diagnostics diagnostics(out, "test", /*strict=*/false);
  ReadResult result;
  auto reader = open_article_reader(file, format, options, diagnostics);
  while (auto article = reader->next()) result.articles.push_back(std::move(*article));
  diagnostics.print_repeated_repairs();
  result.messages = out.str();
  result.skipped = diagnostics.skipped_count();
  result.repaired = diagnostics.repaired_count();
  return result;
}

}  // namespace archivar::test
