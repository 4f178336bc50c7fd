#include "corpus/input/input_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "corpus/input/byte_source.h"

namespace fs = std::filesystem;

namespace archivar {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

InputFormat format_from_name(const fs::path& path) {
  fs::path name = path.filename();
  const std::string compression = lower(name.extension().string());
  if (compression == ".gz" || compression == ".zst") name = name.stem();
  const std::string extension = lower(name.extension().string());
  if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") {
    return InputFormat::kJsonLines;
  }
  if (extension == ".trec" || extension == ".sgml" || extension == ".sgm") {
    return InputFormat::kTrec;
  }
  return InputFormat::kAuto;
}

InputFormat format_from_content(const fs::path& path) {
  try {
    const auto source = open_byte_source(path);
    std::array<char, 512> head{};
    const std::size_t n = source->read(head.data(), head.size());
    std::string_view text(head.data(), n);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return InputFormat::kAuto;
    text.remove_prefix(first);
    if (text.front() == '{') return InputFormat::kJsonLines;
    if (lower(std::string(text.substr(0, 4))) == "<doc") return InputFormat::kTrec;
  } catch (const ReadError&) {
    // Unreadable: reported when the file is opened for reading.
  }
  return InputFormat::kAuto;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name.front() == '.';
}

}  // namespace

InputFormat detect_format(const fs::path& path) {
  const InputFormat by_name = format_from_name(path);
  return by_name != InputFormat::kAuto ? by_name : format_from_content(path);
}

std::vector<InputFile> collect_input_files(const std::vector<std::string>& arguments,
                                           InputFormat forced, Diagnostics& diagnostics,
                                           const fs::path& skip) {
  std::error_code skip_error;
  const fs::path skipped = skip.empty() ? fs::path() : fs::weakly_canonical(skip, skip_error);
  std::vector<InputFile> files;
  const auto add = [&](const fs::path& path, bool named) {
    const InputFormat format = forced != InputFormat::kAuto ? forced : detect_format(path);
    if (format == InputFormat::kAuto) {
      if (named) {
        diagnostics.input_failed(path.string(),
                                 "unknown format (expected JSON Lines or TREC; use --format)");
      } else {
        diagnostics.note_once(
            path.string(), fmt::format("{}: passed over, not JSON Lines or TREC", path.string()));
      }
      return;
    }
    std::error_code error;
    const std::uintmax_t size = fs::file_size(path, error);
    files.push_back({path, format, error ? 0 : size});
  };

  for (const std::string& argument : arguments) {
    if (argument == "-") {
      files.push_back({"-", forced != InputFormat::kAuto ? forced : InputFormat::kJsonLines, 0});
      continue;
    }
    const fs::path path(argument);
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      diagnostics.input_failed(argument, "no such file or directory");
      continue;
    }
    if (!fs::is_directory(status)) {
      add(path, true);
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator walk(path, fs::directory_options::skip_permission_denied,
                                          error);
    for (auto it = walk; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const bool is_skipped =
          !skipped.empty() && it->is_directory(error) && fs::equivalent(it->path(), skipped, error);
      if (is_hidden(it->path()) || is_skipped) {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(error)) found.push_back(it->path());
    }
    if (error) diagnostics.input_failed(argument, "cannot read directory: " + error.message());
    std::ranges::sort(found);
    for (const fs::path& file : found) add(file, false);
  }
  return files;
}

}  // namespace archivar
