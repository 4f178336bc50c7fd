#include "corpus/input_format.h"

#include <array>
#include <utility>

namespace archivar {
namespace {

constexpr std::array<std::pair<InputFormat, std::string_view>, 9> kNames = {{
    {InputFormat::kAuto, "auto"},
    {InputFormat::kJsonLines, "jsonl"},
    {InputFormat::kTrec, "trec"},
    {InputFormat::kCsv, "csv"},
    {InputFormat::kTsv, "tsv"},
    {InputFormat::kHtml, "html"},
    {InputFormat::kNitf, "nitf"},
    {InputFormat::kText, "txt"},
    {InputFormat::kArchive, "archive"},
}};

}  // namespace

std::string_view format_name(InputFormat format) {
  for (const auto& [known, name] : kNames) {
    if (known == format) return name;
  }
  return "unknown";
}

std::optional<InputFormat> parse_format_name(std::string_view name) {
  if (name == "text") return InputFormat::kText;
  for (const auto& [format, known] : kNames) {
    if (known == name && format != InputFormat::kArchive) return format;
  }
  return std::nullopt;
}

}  // namespace archivar
