#include "common/stub_file.h"

#include <fmt/format.h>

#include <charconv>
#include <cstring>
#include <fstream>

namespace fs = std::filesystem;

namespace archivar {
namespace {

// A single-file glass database starts with this magic; any other regular file is a stub.
bool is_single_file_database(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[14] = {};
  return in.read(magic, sizeof magic) && std::memcmp(magic, "\x0f\x0dXapian Glass", 14) == 0;
}

StubEntry parse_remote(std::string_view spec, const fs::path& file, std::size_t line) {
  const auto bad = [&](std::string_view why) {
    return StubFileError(fmt::format("{}:{}: {}", file.string(), line, why));
  };
  StubEntry entry{.line = line};
  if (spec.empty()) throw bad("'remote' needs HOST:PORT or :PROGRAM ARGS");
  if (spec.front() == ':') {  // ":program args", as Xapian reads it
    spec.remove_prefix(1);
    const std::size_t space = spec.find(' ');
    entry.kind = StubEntry::Kind::kRemoteProgram;
    entry.program = std::string(spec.substr(0, space));
    if (space != std::string_view::npos) entry.args = std::string(spec.substr(space + 1));
    if (entry.program.empty()) throw bad("'remote :' needs a program");
    return entry;
  }
  const std::size_t colon = spec.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == spec.size()) {
    throw bad(fmt::format("remote shard '{}' needs a port (HOST:PORT)", spec));
  }
  std::string_view host = spec.substr(0, colon);
  const std::string_view port = spec.substr(colon + 1);
  unsigned number = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
  if (error != std::errc() || end != port.data() + port.size() || number == 0 || number > 65535) {
    throw bad(fmt::format("'{}' is no port number", port));
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);  // [::1]:5000
  }
  if (host.empty()) throw bad("remote shard without a host");
  entry.kind = StubEntry::Kind::kRemoteTcp;
  entry.host = std::string(host);
  entry.port = number;
  return entry;
}

}  // namespace

fs::path stub_file_of(const fs::path& path) {
  std::error_code error;
  if (fs::is_regular_file(path, error)) {
    return is_single_file_database(path) ? fs::path() : path;
  }
  if (fs::is_directory(path, error) && !fs::exists(path / "iamglass", error) &&
      !fs::exists(path / "iamchert", error) && fs::is_regular_file(path / "XAPIANDB", error)) {
    return path / "XAPIANDB";
  }
  return {};
}

std::vector<StubEntry> read_stub_file(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw StubFileError(fmt::format("{}: cannot read the stub file", path.string()));
  std::vector<StubEntry> entries;
  std::string text;
  for (std::size_t line = 1; std::getline(in, text); ++line) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text.front() == '#') continue;
    const std::size_t space = text.find(' ');
    const std::string type = text.substr(0, space);
    const std::string rest = space == std::string::npos ? std::string() : text.substr(space + 1);
    if (type == "auto" || type == "glass" || type == "chert") {
      if (rest.empty()) {
        throw StubFileError(fmt::format("{}:{}: '{}' needs a path", path.string(), line, type));
      }
      const fs::path shard(rest);
      entries.push_back({.kind = StubEntry::Kind::kLocal,
                         .path = (shard.is_absolute() ? shard : path.parent_path() / shard)
                                     .lexically_normal()
                                     .string(),
                         .line = line});
    } else if (type == "remote") {
      entries.push_back(parse_remote(rest, path, line));
    } else {
      throw StubFileError(fmt::format(
          "{}:{}: unknown shard type '{}' (expected auto PATH, glass PATH or remote HOST:PORT)",
          path.string(), line, type));
    }
  }
  return entries;
}

}  // namespace archivar
