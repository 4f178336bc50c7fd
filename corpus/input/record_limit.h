// The most bytes one record may take: a line of a line-based format, a whole HTML, NITF or
// text file. Anything longer is no news article but a damaged file or a blob, and is skipped.
#pragma once

#include <cstddef>

namespace archivar {

inline constexpr std::size_t kMaxRecordBytes = std::size_t{32} << 20;  // 32 MiB

/// "32 MiB", for messages.
inline constexpr const char* kMaxRecordText = "32 MiB";

}  // namespace archivar
