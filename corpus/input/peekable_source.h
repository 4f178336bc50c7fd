// PeekableSource: a ByteSource whose first bytes can be looked at before they are read,
// to recognise compression, format and encoding on streams that cannot seek (stdin, members).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "corpus/input/byte_source.h"

namespace archivar {

class PeekableSource final : public ByteSource {
 public:
  explicit PeekableSource(std::unique_ptr<ByteSource> source);

  /// The next @a size bytes (fewer only at the end of the data) without consuming them:
  /// later read() calls return them again.
  std::string_view peek(std::size_t size);

  std::size_t read(char* buffer, std::size_t size) override;
  std::uint64_t stored_bytes_read() const override { return source_->stored_bytes_read(); }

 private:
  std::unique_ptr<ByteSource> source_;
  std::string pending_;
  std::size_t consumed_ = 0;  // of pending_
};

}  // namespace archivar
