#include "corpus/record_checks.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/index_schema.h"
#include "common/text/control_characters.h"
#include "common/text/double_encoding.h"
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

void repair_encoding_by_line(std::string& document, std::string_view file, Diagnostics& diagnostics,
                             std::uint64_t first_line) {
  if (is_valid_utf8(document)) return;
  std::string repaired;
  repaired.reserve(document.size() + document.size() / 8);
  std::uint64_t line_number = first_line;
  for (std::size_t begin = 0; begin <= document.size(); ++line_number) {
    std::size_t end = document.find('\n', begin);
    if (end == std::string::npos) end = document.size();
    std::string line = document.substr(begin, end - begin);
    repair_encoding(line, origin(file, line_number), file, diagnostics);
    repaired += line;
    if (end < document.size()) repaired += '\n';
    begin = end + 1;
  }
  document = std::move(repaired);
}

bool finish_record(Article& article, std::string_view file, Diagnostics& diagnostics) {
  std::size_t repaired = 0;
  for (std::string* field :
       {&article.title, &article.text, &article.author, &article.source, &article.section}) {
    repaired += repair_double_encoding(*field);
  }
  if (repaired > 0) {
    diagnostics.repaired(article.origin,
                         fmt::format("double-encoded UTF-8 ('MÃ¼nchen' for 'München'): {} "
                                     "characters",
                                     repaired),
                         fmt::format("{}: double-encoded UTF-8", file), kDoubleEncodedKind);
  }
  drop_control_characters(article);
  if (!has_content(article, diagnostics)) return false;
  ensure_id(article, file, diagnostics);
  report_shortened_terms(article, diagnostics);
  report_partly_indexed(article, diagnostics);
  return true;
}

void drop_control_characters(Article& article) {
  for (std::string* text : {&article.title, &article.text}) {
    if (has_control_characters(*text, LineBreaks::kKeep)) {
      *text = without_control_characters(*text, LineBreaks::kKeep);
    }
  }
  for (std::string* field : {&article.id, &article.date, &article.source, &article.section,
                             &article.url, &article.author}) {
    if (has_control_characters(*field, LineBreaks::kToSpace)) {
      *field = without_control_characters(*field, LineBreaks::kToSpace);
    }
  }
}

void report_partly_indexed(const Article& article, Diagnostics& diagnostics) {
  for (const auto& [name, value] :
       {std::pair<std::string_view, const std::string&>{"title", article.title},
        {"text", article.text}}) {
    if (value.size() <= schema::kMaxIndexedFieldBytes) continue;
    diagnostics.repaired(article.origin,
                         fmt::format("{} of {:.1f} MiB: only its first {} MiB are searchable, all "
                                     "of it is stored",
                                     name, static_cast<double>(value.size()) / (1 << 20),
                                     schema::kMaxIndexedFieldBytes >> 20));
  }
}

void report_shortened_terms(const Article& article, Diagnostics& diagnostics) {
  const std::vector<schema::ShortenedField> fields = schema::shortened_fields(article);
  if (fields.empty()) return;
  std::string which;
  for (const schema::ShortenedField& field : fields) {
    if (!which.empty()) which += " and ";
    which += fmt::format("{} of {} bytes", field.name, field.bytes);
  }
  diagnostics.repaired(
      article.origin,
      fmt::format("{} longer than the index takes as a term ({} bytes); stored whole, searched "
                  "by a shortened term",
                  which, schema::kXapianMaxTermBytes));
}

std::string stable_path(std::string_view file) {
  if (file == "<stdin>") return std::string(file);
  std::error_code error;
  const auto absolute = std::filesystem::absolute(std::filesystem::path(file), error);
  const std::string path = error ? std::string(file) : absolute.lexically_normal().string();
  return without_control_characters(repair_utf8(path).text, LineBreaks::kToSpace);
}

void ensure_id(Article& article, std::string_view file, Diagnostics& diagnostics) {
  if (!article.id.empty()) return;
  const std::string_view line = std::string_view(article.origin).substr(file.size());
  article.id = stable_path(file) + std::string(line);
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
