// WholeInput: all of an input read into memory, for formats that parse a whole document
// at once (HTML, NITF, plain text), up to the size one article may have.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/diagnostics.h"
#include "corpus/input/byte_source.h"
#include "corpus/input/record_limit.h"

namespace archivar {

struct WholeInput {
  std::string bytes;
  bool too_large = false;        ///< longer than the limit: reading stopped, bytes is empty
  std::uint64_t bytes_read = 0;  ///< what was read from the source
};

/// Reads @a source to its end, or stops after @a limit bytes with too_large set.
WholeInput read_whole(ByteSource& source, std::size_t limit = kMaxRecordBytes);

/// read_whole() for a reader: adds what was read to @a bytes_read and returns the bytes,
/// or reports the input @a name to @a diagnostics as skipped, too large for @a what ("one
/// page"), and returns nullopt.
std::optional<std::string> read_whole_document(ByteSource& source, const std::string& name,
                                               std::string_view what, Diagnostics& diagnostics,
                                               std::uint64_t& bytes_read);

}  // namespace archivar
