// ArticleReader: turns one input file into Articles, one format per implementation.
// Bad records are reported to Diagnostics and skipped; the reader carries on after them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "common/article.h"
#include "corpus/diagnostics.h"
#include "corpus/field_map.h"

namespace archivar {

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;

  /// The next article, or nullopt at the end of the input. Throws ReadError when the
  /// input itself fails (truncated compression); InputError in strict mode.
  virtual std::optional<Article> next() = 0;

  /// Uncompressed bytes read so far.
  virtual std::uint64_t bytes_read() const = 0;
};

enum class InputFormat { kAuto, kJsonLines, kTrec };

/// Opens @a path ("-": standard input) as @a format, reporting to @a diagnostics.
/// @a field_map renames input fields (JSON Lines only).
std::unique_ptr<ArticleReader> open_article_reader(const std::filesystem::path& path,
                                                   InputFormat format, const FieldMap& field_map,
                                                   Diagnostics& diagnostics);

}  // namespace archivar
