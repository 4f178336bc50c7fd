// TextReader: a plain text file as one article, the form of many hand-kept archives:
// the first non-empty line is the title, the rest the text, the file path the id.
#pragma once

#include <memory>
#include <string>

#include "corpus/article_reader.h"

namespace archivar {

class TextReader final : public ArticleReader {
 public:
  TextReader(std::unique_ptr<ByteSource> source, std::string name, Diagnostics& diagnostics);

  /// The one article of the file. A file with a NUL byte or many other control
  /// characters is binary, not text, and is reported and skipped, as is one larger than
  /// kMaxRecordBytes or with nothing but white space.
  std::optional<Article> next() override;
  std::uint64_t bytes_read() const override { return bytes_read_; }

 private:
  std::unique_ptr<ByteSource> source_;
  std::string name_;
  Diagnostics& diagnostics_;
  bool done_ = false;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace archivar
