// TranscodingSource: a ByteSource that converts another one's bytes from a legacy encoding
// (ISO-8859-15, UTF-16, KOI8-R, ...) to UTF-8 on the fly, with ICU converters.
#pragma once

#include <unicode/ucnv.h>

#include <memory>
#include <string>
#include <vector>

#include "corpus/input/byte_source.h"

namespace archivar {

class TranscodingSource final : public ByteSource {
 public:
  /// Reads @a source as @a charset (an ICU converter name). Throws ReadError naming
  /// @a name when ICU has no converter of that name. Bytes that are not valid in
  /// @a charset become U+FFFD (or the charset's substitute).
  TranscodingSource(std::unique_ptr<ByteSource> source, const std::string& charset,
                    std::string name);

  std::size_t read(char* buffer, std::size_t size) override;
  std::uint64_t stored_bytes_read() const override { return source_->stored_bytes_read(); }

 private:
  struct ConverterClose {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
  };
  using Converter = std::unique_ptr<UConverter, ConverterClose>;

  std::unique_ptr<ByteSource> source_;
  std::string name_;
  Converter from_;
  Converter to_utf8_;
  std::vector<char> input_;
  std::size_t input_begin_ = 0;
  std::size_t input_end_ = 0;
  bool input_finished_ = false;
  bool done_ = false;
  bool first_ = true;
  std::vector<UChar> pivot_;
  UChar* pivot_source_;
  UChar* pivot_target_;
};

}  // namespace archivar
