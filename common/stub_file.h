// StubFile: the lines of a Xapian stub database file, the text file that lists the shards
// one search runs over (local paths or remote servers), read as Xapian 1.4 reads it.
//
//   # an archive split by year
//   auto /srv/archive/2019.db        (also glass, chert; relative to the stub's folder)
//   remote 10.0.0.7:33333            (TCP: a server started with xapian-tcpsrv)
//   remote :ssh host xapian-progsrv /srv/archive/2020.db   (a program and its arguments)
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace archivar {

struct StubEntry {
  enum class Kind { kLocal, kRemoteTcp, kRemoteProgram };
  Kind kind = Kind::kLocal;
  std::string path;     ///< kLocal: made absolute against the stub file's folder
  std::string host;     ///< kRemoteTcp (without the brackets of an IPv6 address)
  unsigned port = 0;    ///< kRemoteTcp
  std::string program;  ///< kRemoteProgram
  std::string args;     ///< kRemoteProgram
  std::size_t line = 0;
};

/// A stub file that cannot be read; the message names file and line.
class StubFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Whether @a path is a stub (a text file, not a single-file Xapian database, or a
/// directory holding a XAPIANDB stub instead of a database) and, if so, the stub file.
std::filesystem::path stub_file_of(const std::filesystem::path& path);

/// Reads the stub file @a path. Blank lines and lines starting with '#' are passed
/// over. Throws StubFileError for a line of unknown type or without a port.
std::vector<StubEntry> read_stub_file(const std::filesystem::path& path);

}  // namespace archivar
