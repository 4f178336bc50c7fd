// ArticleReader: turns one input into Articles, one format per implementation.
// Bad records are reported to Diagnostics and skipped; the reader carries on after them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "common/article.h"
#include "corpus/diagnostics.h"
#include "corpus/input/byte_source.h"
#include "corpus/input_format.h"
#include "corpus/reader_options.h"

namespace archivar {

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;

  /// The next article, or nullopt at the end of the input. Throws ReadError when the
  /// input itself fails (truncated compression); InputError in strict mode.
  virtual std::optional<Article> next() = 0;

  /// Uncompressed bytes read so far.
  virtual std::uint64_t bytes_read() const = 0;

  /// Bytes taken so far from the input as stored, compressed or not (for progress);
  /// 0 from readers that take their input whole, one article per file.
  virtual std::uint64_t stored_bytes_read() const { return 0; }
};

/// Opens @a path ("-": standard input) as @a format, reporting to @a diagnostics.
/// Compression is undone whatever the format; kAuto recognises the format by name and
/// content, and kArchive reads a tar or zip archive member by member. The encoding is
/// @a options.encoding when given, else detected (see choose_encoding): text that is
/// not UTF-8 reaches the reader converted. An empty input is reported and yields nothing.
/// @a options and @a diagnostics must outlive the reader, which refers to them.
/// Throws ReadError when the input cannot be opened.
std::unique_ptr<ArticleReader> open_article_reader(const std::filesystem::path& path,
                                                   InputFormat format, const ReaderOptions& options,
                                                   Diagnostics& diagnostics);

/// The same for bytes that come from elsewhere (an archive member), named @a name in
/// messages and origins. @a depth counts the archives @a raw lies in.
std::unique_ptr<ArticleReader> open_article_reader(std::unique_ptr<ByteSource> raw,
                                                   const std::string& name, InputFormat format,
                                                   const ReaderOptions& options,
                                                   Diagnostics& diagnostics, int depth = 0);

}  // namespace archivar
