// Helpers that make compressed files and archives for the reader tests, with libarchive's
// writer: bzip2 and xz streams, tar (optionally compressed) and zip archives in memory.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace archivar::test {

enum class Compression { kNone, kGzip, kBzip2, kXz, kZstd };

/// @a plain compressed as one stream (no archive structure).
std::string compress(const std::string& plain, Compression compression);

/// A member of an archive: its path inside and its bytes.
using Member = std::pair<std::string, std::string>;

/// A tar archive (pax format) of @a members, compressed as a whole with @a compression.
std::string tar_archive(const std::vector<Member>& members,
                        Compression compression = Compression::kNone);

/// A zip archive of @a members (deflated).
std::string zip_archive(const std::vector<Member>& members);

}  // namespace archivar::test
