#include "corpus/input/format_detection.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace archivar {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

// Splits the last extension off @a name ("a.tar.gz" -> "a.tar", ".gz"); none for "a".
std::string_view take_extension(std::string_view& name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  const std::string_view extension = name.substr(dot);
  name = name.substr(0, dot);
  return extension;
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> options) {
  return std::ranges::find(options, value) != options.end();
}

}  // namespace

NameVerdict format_from_name(std::string_view file_name) {
  if (const std::size_t slash = file_name.find_last_of('/'); slash != std::string_view::npos) {
    file_name.remove_prefix(slash + 1);
  }
  const std::string name = lower(file_name);
  std::string_view rest = name;
  std::string extension(take_extension(rest));
  if (one_of(extension, {".tgz", ".tbz", ".tbz2", ".txz", ".tzst", ".tar", ".zip"})) {
    return {InputFormat::kArchive, true};
  }
  if (one_of(extension, {".gz", ".zst", ".bz2", ".xz"})) {
    extension = take_extension(rest);
    if (extension == ".tar") return {InputFormat::kArchive, true};
  }
  if (one_of(extension, {".jsonl", ".ndjson", ".json"})) return {InputFormat::kJsonLines, true};
  if (one_of(extension, {".trec", ".sgml", ".sgm"})) return {InputFormat::kTrec, true};
  if (extension == ".csv") return {InputFormat::kCsv, true};
  if (one_of(extension, {".tsv", ".tab"})) return {InputFormat::kTsv, true};
  if (one_of(extension, {".html", ".htm", ".xhtml"})) return {InputFormat::kHtml, true};
  if (extension == ".nitf") return {InputFormat::kNitf, true};
  if (one_of(extension, {".txt", ".text"})) return {InputFormat::kText, false};
  return {};
}

InputFormat format_from_content(std::string_view head) {
  if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) {
    return InputFormat::kArchive;  // zip; an empty one has only the end record
  }
  if (head.size() >= 262 && head.substr(257, 5) == "ustar") return InputFormat::kArchive;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InputFormat::kAuto;
  head.remove_prefix(first);
  if (head.front() == '{') return InputFormat::kJsonLines;
  if (head.front() != '<') return InputFormat::kAuto;
  const std::string markup = lower(head.substr(0, 1024));
  const std::string_view start = markup;
  if (start.starts_with("<doc")) return InputFormat::kTrec;
  if (start.starts_with("<nitf") || start.starts_with("<!doctype nitf")) return InputFormat::kNitf;
  for (const std::string_view tag :
       {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"}) {
    if (start.starts_with(tag)) return InputFormat::kHtml;
  }
  // An XML declaration or a comment first: the root element tells.
  if (start.starts_with("<?xml") || start.starts_with("<!--")) {
    if (markup.find("<nitf") != std::string::npos) return InputFormat::kNitf;
    if (markup.find("<html") != std::string::npos) return InputFormat::kHtml;
  }
  return InputFormat::kAuto;
}

InputFormat detect_format(std::string_view file_name, std::string_view head) {
  const NameVerdict by_name = format_from_name(file_name);
  if (by_name.certain) return by_name.format;
  const InputFormat by_content = format_from_content(head);
  return by_content != InputFormat::kAuto ? by_content : by_name.format;
}

bool is_folder_documentation(std::string_view path) {
  constexpr std::array<std::string_view, 6> kNames = {"readme",  "license",   "licence",
                                                      "copying", "changelog", "authors"};
  // A member of an archive is named ARCHIVE!PATH.
  const std::size_t slash = path.find_last_of("/!");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  name = name.substr(0, name.find('.'));
  std::string lower(name);
  std::ranges::transform(lower, lower.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::ranges::find(kNames, lower) != kNames.end();
}

}  // namespace archivar
