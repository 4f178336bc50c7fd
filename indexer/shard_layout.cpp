#include "indexer/shard_layout.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <set>
#include <string>

#include "common/stub_file.h"

namespace fs = std::filesystem;

namespace archivar {
namespace {

constexpr std::string_view kStubName = "XAPIANDB";
// The stub's first line tells our stubs from others', the second whether the shards stay.
constexpr std::string_view kSignature =
    "# archivar-index shards: articles routed by a hash of their id";
constexpr std::string_view kKeepLine = "# keep: the shards stay (archivar-index --shards)";
constexpr std::string_view kMergeLine = "# merge: the next run of archivar-index merges the shards";

std::string shard_name(std::size_t index) {
  return fmt::format("shard-{}", index + 1);
}

}  // namespace

std::size_t shard_of(std::string_view id, std::size_t shards) {
  if (shards <= 1) return 0;
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a: the same everywhere
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return static_cast<std::size_t>(hash % shards);
}

ShardLayout ShardLayout::read(const fs::path& root) {
  ShardLayout layout{.root = root, .shards = {root}};
  const fs::path stub = root / kStubName;
  std::error_code error;
  if (!fs::is_directory(root, error)) return layout;
  if (!fs::exists(stub, error)) {
    // Shards a run created but was killed before it wrote their stub: nothing was indexed
    // into them yet, but they are ours to go on with.
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(root, error)) {
      if (!entry.is_directory()) return layout;
      names.insert(entry.path().filename().string());
    }
    const std::size_t count = names.size();
    for (std::size_t i = 0; i < count; ++i) {
      if (!names.contains(shard_name(i))) return layout;
    }
    if (count == 0) return layout;
    layout = planned(root, count, /*keep=*/false);
    layout.write_stub();
    return layout;
  }
  std::ifstream in(stub);
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  if (first != kSignature) {
    throw ShardLayoutError(fmt::format(
        "'{}' is a Xapian stub database not written by archivar-index; refusing to write "
        "into it (index each of its shards on its own)",
        root.string()));
  }
  std::vector<StubEntry> entries;
  try {
    entries = read_stub_file(stub);
  } catch (const StubFileError& e) {
    throw ShardLayoutError(e.what());
  }
  layout.shards.clear();
  for (const StubEntry& entry : entries) {
    if (entry.kind != StubEntry::Kind::kLocal) {
      throw ShardLayoutError(fmt::format("{}:{}: an archivar-index stub lists local shards only",
                                         stub.string(), entry.line));
    }
    layout.shards.emplace_back(entry.path);
  }
  if (layout.shards.empty()) {
    throw ShardLayoutError(fmt::format("stub file '{}' lists no shard", stub.string()));
  }
  layout.sharded = true;
  layout.keep = second == kKeepLine;
  return layout;
}

ShardLayout ShardLayout::planned(const fs::path& root, std::size_t count, bool keep) {
  ShardLayout layout{.root = root, .sharded = true, .keep = keep};
  for (std::size_t i = 0; i < count; ++i) layout.shards.push_back(root / shard_name(i));
  return layout;
}

void ShardLayout::write_stub() const {
  const fs::path temporary = root / fmt::format("{}.new-{}", kStubName, ::getpid());
  {
    std::ofstream out(temporary);
    out << kSignature << '\n' << (keep ? kKeepLine : kMergeLine) << '\n';
    for (const fs::path& shard : shards) out << "auto " << shard.filename().string() << '\n';
    if (!out.flush()) {
      throw ShardLayoutError(fmt::format("cannot write '{}'", temporary.string()));
    }
  }
  std::error_code error;
  fs::rename(temporary, root / kStubName, error);
  if (error) {
    throw ShardLayoutError(
        fmt::format("cannot write the stub file in '{}': {}", root.string(), error.message()));
  }
}

}  // namespace archivar
