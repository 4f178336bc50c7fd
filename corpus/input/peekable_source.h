// PeekableSource: a ByteSource whose first bytes can be looked at before they are read,
// to recognise compression, format and encoding on streams that cannot seek (stdin, members).
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "corpus/input/byte_source.h"

namespace archivar {

class PeekableSource final : public ByteSource {
 public:
  explicit PeekableSource(std::unique_ptr<ByteSource> source);

  /// The next @a size bytes (fewer only at the end of the data) without consuming them:
  /// later read() calls return them again. When the source fails after giving some bytes
  /// (a truncated stream shorter than @a size), those are returned and read() throws the
  /// error once it has handed them out: the bytes before the break are not lost.
  std::string_view peek(std::size_t size);

  std::size_t read(char* buffer, std::size_t size) override;
  std::uint64_t stored_bytes_read() const override { return source_->stored_bytes_read(); }

 private:
  std::unique_ptr<ByteSource> source_;
  std::string pending_;
  std::size_t consumed_ = 0;  // of pending_
  std::exception_ptr error_;  // met by peek(), thrown after pending_
};

}  // namespace archivar
