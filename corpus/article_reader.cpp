#include "corpus/article_reader.h"

#include "corpus/formats/jsonl_reader.h"
#include "corpus/formats/trec_reader.h"

namespace archivar {

std::unique_ptr<ArticleReader> open_article_reader(const std::filesystem::path& path,
                                                   InputFormat format, const FieldMap& field_map,
                                                   Diagnostics& diagnostics) {
  const std::string name = path == "-" ? "<stdin>" : path.string();
  auto lines = std::make_unique<LineReader>(open_byte_source(path));
  switch (format) {
    case InputFormat::kTrec:
      return std::make_unique<TrecReader>(std::move(lines), name, diagnostics);
    case InputFormat::kJsonLines:
    case InputFormat::kAuto:
      break;
  }
  return std::make_unique<JsonLinesReader>(std::move(lines), name, field_map, diagnostics);
}

}  // namespace archivar
