#include "common/open_database.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/index_schema.h"

namespace archivar {

Xapian::Database open_archive_database(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw ArchiveOpenError(
        fmt::format("database '{}' does not exist (create it with "
                    "archivar-index --db {} INPUT...)",
                    path, path));
  }
  Xapian::Database database;
  try {
    database = Xapian::Database(path);
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw ArchiveOpenError(
        fmt::format("'{}' is not a readable Xapian database: {}", path, e.get_msg()));
  } catch (const Xapian::Error& e) {
    throw ArchiveOpenError(fmt::format("cannot open database '{}': {}", path, e.get_description()));
  }
  if (database.get_metadata(std::string(schema::kFormatKey)).empty()) {
    throw ArchiveOpenError(
        fmt::format("'{}' is a Xapian database, but not one written by archivar-index", path));
  }
  return database;
}

}  // namespace archivar
