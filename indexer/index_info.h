// IndexInfo: what an Archivar database holds, for `archivar-index --info`: articles, date
// range, sources, sections, analyzer, size on disk and last update.
#pragma once

#include <filesystem>
#include <string>

namespace archivar {

/// A report on the database at @a path, one "label  value" line each. Throws
/// ArchiveOpenError when it is missing or not an Archivar database.
std::string describe_index(const std::filesystem::path& path);

}  // namespace archivar
