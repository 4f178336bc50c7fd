// Opening an Archivar database for reading, with one clear sentence for every way it can
// fail; shared by the searcher and `archivar-index --info`.
#pragma once

#include <xapian.h>

#include <stdexcept>
#include <string>

namespace archivar {

/// A database that cannot be read: missing, unreadable, or not written by archivar-index.
class ArchiveOpenError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Opens @a path (a directory or a Xapian stub file) read-only and checks that
/// archivar-index wrote it. Throws ArchiveOpenError naming the path.
Xapian::Database open_archive_database(const std::string& path);

}  // namespace archivar
