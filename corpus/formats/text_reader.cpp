#include "corpus/formats/text_reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "corpus/input/whole_input.h"
#include "corpus/record_checks.h"

namespace archivar {
namespace {

// Why @a bytes is no text, or empty when it is: a NUL byte, or more than one in ten of
// the first 4096 bytes control characters other than tab, line breaks and form feed.
std::string binary_evidence(std::string_view bytes) {
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return fmt::format("binary data (NUL byte at offset {}), not text", nul);
  }
  const std::string_view head = bytes.substr(0, 4096);
  const auto controls = std::ranges::count_if(head, [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f';
  });
  if (controls * 10 > static_cast<std::ptrdiff_t>(head.size())) {
    return fmt::format("binary data ({} control characters in the first {} bytes), not text",
                       controls, head.size());
  }
  return {};
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n\f");
  return text.substr(first, last - first + 1);
}

}  // namespace

TextReader::TextReader(std::unique_ptr<ByteSource> source, std::string name,
                       Diagnostics& diagnostics)
    : source_(std::move(source)), name_(std::move(name)), diagnostics_(diagnostics) {}

std::optional<Article> TextReader::next() {
  if (done_) return std::nullopt;
  done_ = true;
  std::optional<std::string> read =
      read_whole_document(*source_, name_, "one article", diagnostics_, bytes_read_);
  if (!read) return std::nullopt;
  std::string& bytes = *read;
  if (const std::string evidence = binary_evidence(bytes); !evidence.empty()) {
    diagnostics_.skipped(name_, evidence);
    return std::nullopt;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  std::erase(bytes, '\r');
  repair_encoding_by_line(bytes, name_, diagnostics_);

  // The title is the first line that is not blank; its number is the article's origin.
  std::uint64_t line = 1;
  std::size_t begin = 0;
  std::string_view title;
  while (begin < bytes.size()) {
    const std::size_t end = std::min(bytes.find('\n', begin), bytes.size());
    title = trim(std::string_view(bytes).substr(begin, end - begin));
    begin = end + 1;
    if (!title.empty()) break;
    ++line;
  }
  Article article{.id = stable_path(name_),
                  .title = std::string(title),
                  .text = begin < bytes.size()
                              ? std::string(trim(std::string_view(bytes).substr(begin)))
                              : std::string(),
                  .origin = origin(name_, title.empty() ? 1 : line)};
  if (!finish_record(article, name_, diagnostics_)) return std::nullopt;
  return article;
}

}  // namespace archivar
