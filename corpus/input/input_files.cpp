#include "corpus/input/input_files.h"

#include <fmt/format.h>

#include <algorithm>

#include "corpus/input/byte_source.h"
#include "corpus/input/format_detection.h"
#include "corpus/input/peekable_source.h"

namespace fs = std::filesystem;

namespace archivar {
namespace {

InputFormat format_from_file_content(const fs::path& path) {
  try {
    PeekableSource source(open_byte_source(path));
    return format_from_content(source.peek(kSniffBytes));
  } catch (const ReadError&) {
    return InputFormat::kAuto;  // unreadable: reported when the file is opened for reading
  }
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name.front() == '.';
}

// Appends the regular files under @a directory to @a found, reporting directories that
// cannot be read.
void walk(const fs::path& directory, const fs::path& skipped, std::vector<fs::path>& found,
          Diagnostics& diagnostics) {
  std::error_code error;
  fs::directory_iterator entries(directory, error);
  std::vector<fs::path> subdirectories;
  for (; !error && entries != fs::directory_iterator(); entries.increment(error)) {
    const fs::directory_entry& entry = *entries;
    if (is_hidden(entry.path())) continue;
    std::error_code ignored;
    if (entry.is_directory(ignored) && !entry.is_symlink(ignored)) {
      if (skipped.empty() || !fs::equivalent(entry.path(), skipped, ignored)) {
        subdirectories.push_back(entry.path());
      }
    } else if (entry.is_regular_file(ignored)) {
      found.push_back(entry.path());
    }
  }
  if (error) {
    diagnostics.input_failed(directory.string(), "cannot read directory: " + error.message());
  }
  std::ranges::sort(subdirectories);
  for (const fs::path& subdirectory : subdirectories) {
    walk(subdirectory, skipped, found, diagnostics);
  }
}

}  // namespace

InputFormat detect_format(const fs::path& path) {
  const NameVerdict by_name = format_from_name(path.filename().string());
  if (by_name.certain) return by_name.format;
  const InputFormat by_content = format_from_file_content(path);
  return by_content != InputFormat::kAuto ? by_content : by_name.format;
}

std::vector<InputFile> collect_input_files(const std::vector<std::string>& arguments,
                                           InputFormat forced, Diagnostics& diagnostics,
                                           const fs::path& skip) {
  std::error_code skip_error;
  const fs::path skipped = skip.empty() ? fs::path() : fs::weakly_canonical(skip, skip_error);
  std::vector<InputFile> files;
  const auto add = [&](const fs::path& path, bool named) {
    InputFormat format = detect_format(path);
    if (forced != InputFormat::kAuto && format != InputFormat::kArchive) format = forced;
    if (!named && format == InputFormat::kText && is_folder_documentation(path.string())) {
      diagnostics.note_once(path.string(),
                            fmt::format("{}: passed over, the folder's documentation rather than "
                                        "an article (name it as an input to index it)",
                                        path.string()));
      return;
    }
    if (format == InputFormat::kAuto) {
      if (named) {
        diagnostics.input_failed(
            path.string(), fmt::format("unknown format (known: {}; use --format)", kFormatNames));
      } else {
        diagnostics.note_once(path.string(),
                              fmt::format("{}: passed over, of no known format", path.string()));
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
    walk(path, skipped, found, diagnostics);
    std::ranges::sort(found);
    for (const fs::path& file : found) add(file, false);
  }
  return files;
}

}  // namespace archivar
