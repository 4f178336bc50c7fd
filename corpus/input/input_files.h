// InputFiles: expands the indexer's INPUT arguments into the files to read, with formats.
// Directories are walked recursively in name order; formats come from name or content.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "corpus/diagnostics.h"

namespace archivar {

struct InputFile {
  std::filesystem::path path;  ///< "-" for standard input
  InputFormat format = InputFormat::kAuto;
  std::uintmax_t size = 0;  ///< on disk, 0 when unknown
};

/// Recognises a format by extension (.jsonl, .ndjson, .json; .trec, .sgml, .sgm; each
/// optionally followed by .gz or .zst), else by the first bytes ('{' or "<DOC").
/// Returns kAuto when neither tells.
InputFormat detect_format(const std::filesystem::path& path);

/// Expands @a arguments. @a forced (not kAuto) applies to every file. Files named on
/// the command line must be readable and of a known format, or are reported as failed;
/// files found in directories that are of no known format (READMEs, images) are passed
/// over with a note. Hidden entries are skipped; symbolic links to directories are not
/// followed, so link loops cannot trap the walk. @a skip (the database being written,
/// when it lies inside an input directory) is not walked.
std::vector<InputFile> collect_input_files(const std::vector<std::string>& arguments,
                                           InputFormat forced, Diagnostics& diagnostics,
                                           const std::filesystem::path& skip = {});

}  // namespace archivar
