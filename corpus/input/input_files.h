// InputFiles: expands the indexer's INPUT arguments into the files to read, with formats.
// Directories are walked recursively in name order; formats come from name or content.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/diagnostics.h"
#include "corpus/input_format.h"

namespace archivar {

struct InputFile {
  std::filesystem::path path;  ///< "-" for standard input
  InputFormat format = InputFormat::kAuto;
  std::uintmax_t size = 0;  ///< on disk, 0 when unknown
};

/// The format of the file at @a path: by its name (see format_from_name), else by its
/// first bytes after decompression (see format_from_content). kAuto when neither tells
/// or the file cannot be read.
InputFormat detect_format(const std::filesystem::path& path);

/// Expands @a arguments. @a forced (not kAuto) applies to every file except archives,
/// which are always recognised (the forced format then applies to their members).
/// Files named on the command line must be readable and of a known format, or are
/// reported as failed; files found in directories that are of no known format
/// (a README.md, images) or plain-text documentation (see is_folder_documentation) are
/// passed over with a note. A directory that cannot be read is reported as failed and
/// the walk goes on. Hidden entries are skipped; symbolic links
/// to directories are not followed, so link loops cannot trap the walk. @a skip (the
/// database being written, when it lies inside an input directory) is not walked.
std::vector<InputFile> collect_input_files(const std::vector<std::string>& arguments,
                                           InputFormat forced, Diagnostics& diagnostics,
                                           const std::filesystem::path& skip = {});

}  // namespace archivar
