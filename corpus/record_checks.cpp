#include "corpus/record_checks.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/text/utf8.h"

namespace archivar {

void repair_encoding(std::string& bytes, std::string_view where, std::string_view file,
                     Diagnostics& diagnostics) {
  RepairedText repaired = repair_utf8(bytes);
  if (repaired.repair == Utf8Repair::kNone) return;
  diagnostics.repaired(where, describe(repaired.repair),
                       fmt::format("{}: {}", file, describe(repaired.repair)));
  bytes = std::move(repaired.text);
}

void ensure_id(Article& article, std::string_view file, Diagnostics& diagnostics) {
  if (!article.id.empty()) return;
  std::error_code error;
  const auto absolute = std::filesystem::absolute(std::filesystem::path(file), error);
  const std::string stable_file =
      error || file == "<stdin>" ? std::string(file) : absolute.string();
  const std::string_view line = std::string_view(article.origin).substr(file.size());
  article.id = stable_file + std::string(line);
  diagnostics.note_once(fmt::format("id:{}", file),
                        fmt::format("{}: records without an id get one from file and line, "
                                    "e.g. '{}'",
                                    file, article.id));
}

bool has_content(const Article& article, Diagnostics& diagnostics) {
  if (!article.title.empty() || !article.text.empty()) return true;
  diagnostics.skipped(article.origin, "record has neither title nor text");
  return false;
}

std::string origin(std::string_view file, std::uint64_t line) {
  return fmt::format("{}:{}", file, line);
}

}  // namespace archivar
