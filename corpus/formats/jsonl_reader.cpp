#include "corpus/formats/jsonl_reader.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "corpus/record_checks.h"

namespace archivar {
namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// A field's value as text; arrays (paragraphs, several authors) are joined.
std::string as_text(const nlohmann::json& value, std::string_view separator) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) {
      std::string part = as_text(item, separator);
      if (part.empty()) continue;
      if (!joined.empty()) joined += separator;
      joined += part;
    }
    return joined;
  }
  return {};
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, ...".
std::string short_reason(const nlohmann::json::exception& error) {
  std::string_view message = error.what();
  if (const auto bracket = message.find("] "); bracket != std::string_view::npos) {
    message.remove_prefix(bracket + 2);
  }
  return std::string(message);
}

}  // namespace

JsonLinesReader::JsonLinesReader(std::unique_ptr<LineReader> lines, std::string name,
                                 const FieldMap& field_map, Diagnostics& diagnostics)
    : lines_(std::move(lines)),
      name_(std::move(name)),
      field_map_(field_map),
      diagnostics_(diagnostics) {}

std::optional<Article> JsonLinesReader::next() {
  while (lines_->next(line_)) {
    const std::string where = origin(name_, lines_->line_number());
    if (lines_->overlong()) {
      diagnostics_.skipped(where, fmt::format("line longer than {}", kMaxRecordText));
      continue;
    }
    if (is_blank(line_)) continue;
    repair_encoding(line_, where, name_, diagnostics_);

    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line_);
    } catch (const nlohmann::json::exception& error) {
      diagnostics_.skipped(where, "malformed JSON: " + short_reason(error));
      continue;
    }
    if (!record.is_object()) {
      diagnostics_.skipped(where,
                           fmt::format("expected a JSON object, found {}", record.type_name()));
      continue;
    }

    const auto field = [&](std::string_view name, std::string_view separator = "\n\n") {
      const auto it = record.find(field_map_.key_for(name));
      return it == record.end() ? std::string() : as_text(*it, separator);
    };
    Article article{.id = field("id"),
                    .title = field("title"),
                    .text = field("text"),
                    .date = field("date"),
                    .source = field("source"),
                    .section = field("section"),
                    .url = field("url"),
                    .author = field("author", ", "),
                    .origin = where};
    if (!finish_record(article, name_, diagnostics_)) continue;
    return article;
  }
  return std::nullopt;
}

}  // namespace archivar
