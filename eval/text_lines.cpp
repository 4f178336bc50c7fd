#include "eval/text_lines.h"

#include <filesystem>
#include <iostream>
#include <system_error>

#include "eval/input_error.h"

namespace archivar::eval {

namespace {

// The characters C's isspace() accepts in the "C" locale, which trec_eval splits on.
constexpr std::string_view kSpace = " \t\r\n\v\f";

}  // namespace

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t pos = line.find_first_not_of(kSpace);
  while (pos != std::string_view::npos) {
    const std::size_t end = line.find_first_of(kSpace, pos);
    fields.push_back(line.substr(pos, end == std::string_view::npos ? end : end - pos));
    pos = line.find_first_not_of(kSpace, end == std::string_view::npos ? line.size() : end);
  }
  return fields;
}

TextLines::TextLines(std::string path) : in_(&std::cin), name_(std::move(path)) {
  if (name_ == "-") {
    name_ = "<stdin>";
    return;
  }
  std::error_code error;
  if (std::filesystem::is_directory(name_, error)) {
    throw InputError(name_, 0, "is a directory, not a file");
  }
  file_.emplace(name_, std::ios::binary);
  if (!*file_) throw InputError(name_, 0, "cannot open file for reading");
  in_ = &*file_;
}

TextLines::TextLines(std::istream& in, std::string name) : in_(&in), name_(std::move(name)) {}

std::optional<std::vector<std::string_view>> TextLines::next() {
  while (std::getline(*in_, line_)) {
    ++line_number_;
    auto fields = split_fields(line_);
    if (fields.empty() || fields.front().starts_with('#')) continue;
    return fields;
  }
  if (in_->bad()) throw InputError(name_, 0, "read error");
  return std::nullopt;
}

void TextLines::fail(const std::string& message) const {
  throw InputError(name_, line_number_, message);
}

}  // namespace archivar::eval
