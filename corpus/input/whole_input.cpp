#include "corpus/input/whole_input.h"

#include <fmt/format.h>

namespace archivar {

WholeInput read_whole(ByteSource& source, std::size_t limit) {
  WholeInput input;
  constexpr std::size_t kChunk = 1 << 16;
  while (true) {
    const std::size_t old_size = input.bytes.size();
    input.bytes_read = old_size;
    if (old_size > limit) {
      input.too_large = true;
      std::string().swap(input.bytes);
      return input;
    }
    input.bytes.resize(old_size + kChunk);
    const std::size_t n = source.read(input.bytes.data() + old_size, kChunk);
    input.bytes.resize(old_size + n);
    if (n == 0) return input;
  }
}

std::optional<std::string> read_whole_document(ByteSource& source, const std::string& name,
                                               std::string_view what, Diagnostics& diagnostics,
                                               std::uint64_t& bytes_read) {
  WholeInput input = read_whole(source);
  bytes_read += input.bytes_read;
  if (input.too_large) {
    diagnostics.skipped(name,
                        fmt::format("larger than {}, too large for {}", kMaxRecordText, what));
    return std::nullopt;
  }
  return std::move(input.bytes);
}

}  // namespace archivar
