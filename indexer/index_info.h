// IndexInfo: what an Archivar database holds, for `archivar-index --info`: articles, date
// range, sources, sections, analyzer, size on disk and last update.
#pragma once

#include <filesystem>
#include <string>

#include "common/open_database.h"

namespace archivar {

/// A report on the database at @a path, one "label  value" line each; field values that
/// came from the archive are made printable (see printable()). Throws ArchiveOpenError
/// when it is missing or not an Archivar database, or is a stub with program-served
/// shards that @a programs refuses.
std::string describe_index(const std::filesystem::path& path,
                           ProgramRemotes programs = ProgramRemotes::kRefuse);

}  // namespace archivar
