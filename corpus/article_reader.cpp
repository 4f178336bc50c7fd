#include "corpus/article_reader.h"

#include <fmt/format.h>

#include "common/text/utf8.h"
#include "corpus/formats/archive_reader.h"
#include "corpus/formats/csv_dialect_sniffer.h"
#include "corpus/formats/csv_reader.h"
#include "corpus/formats/html_reader.h"
#include "corpus/formats/jsonl_reader.h"
#include "corpus/formats/nitf_reader.h"
#include "corpus/formats/text_reader.h"
#include "corpus/formats/trec_reader.h"
#include "corpus/input/encoding_choice.h"
#include "corpus/input/format_detection.h"
#include "corpus/input/gzip_source.h"
#include "corpus/input/peekable_source.h"
#include "corpus/input/transcoding_source.h"

namespace archivar {
namespace {

// How much of an input the encoding is judged by.
constexpr std::size_t kEncodingSniffBytes = 1 << 16;

// The reader of an input that yields nothing (empty, or of no known format).
class NothingReader final : public ArticleReader {
 public:
  std::optional<Article> next() override { return std::nullopt; }
  std::uint64_t bytes_read() const override { return 0; }
};

std::string describe_character(char c) {
  if (c == '\t') return "tab";
  if (c == '\0') return "none";
  return fmt::format("{}", c);
}

// Says how a CSV file is read when that is not what its extension would say.
void note_sniffed_dialect(const std::string& name, InputFormat format, const CsvDialect& given,
                          const SniffedDialect& dialect, Diagnostics& diagnostics) {
  const char usual_delimiter = format == InputFormat::kTsv ? '\t' : ',';
  std::string how;
  if (!given.delimiter && dialect.delimiter != usual_delimiter) {
    how += fmt::format(" delimiter {}", describe_character(dialect.delimiter));
  }
  if (!given.quote && dialect.quote != '"') {
    how += fmt::format(" quote {}", describe_character(dialect.quote));
  }
  if (!how.empty()) {
    diagnostics.note_once("dialect:" + name,
                          fmt::format("{}: read with{} (detected; --csv-delimiter and "
                                      "--csv-quote override)",
                                      name, how));
  }
  if (!dialect.columns.empty()) {
    std::string columns;
    for (std::size_t c = 0; c < dialect.columns.size(); ++c) {
      if (dialect.columns[c].empty()) continue;
      columns +=
          fmt::format("{}column {} as {}", columns.empty() ? "" : ", ", c + 1, dialect.columns[c]);
    }
    diagnostics.note_once(
        "columns:" + name,
        fmt::format("{}: no header row; read {} (--csv-columns overrides)", name, columns));
  }
}

}  // namespace

std::unique_ptr<ArticleReader> open_article_reader(const std::filesystem::path& path,
                                                   InputFormat format, const ReaderOptions& options,
                                                   Diagnostics& diagnostics) {
  std::error_code error;
  if (path != "-" && std::filesystem::is_regular_file(path, error)) {
    check_gzip_integrity(path, repair_utf8(input_name(path)).text);
  }
  return open_article_reader(open_raw_source(path), input_name(path), format, options, diagnostics);
}

std::unique_ptr<ArticleReader> open_article_reader(std::unique_ptr<ByteSource> raw,
                                                   const std::string& raw_name, InputFormat format,
                                                   const ReaderOptions& options,
                                                   Diagnostics& diagnostics, int depth) {
  // Names go into origins and ids, which are stored as UTF-8: a Latin-1 file name too.
  const std::string name = repair_utf8(raw_name).text;
  auto source = std::make_unique<PeekableSource>(decompress(std::move(raw), name));
  const std::string_view head = source->peek(kSniffBytes);
  if (format == InputFormat::kAuto) format = detect_format(name, head);
  if (format == InputFormat::kAuto) {
    diagnostics.note_once(name, fmt::format("{}: passed over, of no known format", name));
    return std::make_unique<NothingReader>();
  }
  if (depth > 0 && format == InputFormat::kText && is_folder_documentation(name)) {
    diagnostics.note_once(
        name,
        fmt::format("{}: passed over, the archive's documentation rather than an article", name));
    return std::make_unique<NothingReader>();
  }
  if (format == InputFormat::kArchive) {
    if (depth >= ArchiveReader::kMaxDepth) {
      diagnostics.note_once(
          name, fmt::format("{}: passed over, an archive nested {} deep", name, depth + 1));
      return std::make_unique<NothingReader>();
    }
    return std::make_unique<ArchiveReader>(std::move(source), name, options, diagnostics, depth);
  }
  if (head.empty()) {
    diagnostics.skipped(name, "empty file, no articles");
    return std::make_unique<NothingReader>();
  }

  const std::string_view encoding_head = source->peek(kEncodingSniffBytes);
  const EncodingChoice encoding =
      choose_encoding(encoding_head, encoding_head.size() < kEncodingSniffBytes, options.encoding);
  std::unique_ptr<ByteSource> text = std::move(source);
  if (!encoding.convert_from.empty()) {
    if (!encoding.reason.empty()) {
      diagnostics.note_once(
          "encoding:" + name,
          fmt::format("{}: not UTF-8; read as {} (--encoding overrides)", name, encoding.reason));
    }
    text = std::make_unique<TranscodingSource>(std::move(text), encoding.convert_from, name);
  }

  switch (format) {
    case InputFormat::kTrec:
      return std::make_unique<TrecReader>(std::make_unique<LineReader>(std::move(text)), name,
                                          diagnostics);
    case InputFormat::kCsv:
    case InputFormat::kTsv: {
      auto csv = std::make_unique<PeekableSource>(std::move(text));
      const std::string_view csv_head = csv->peek(kEncodingSniffBytes);
      const SniffedDialect dialect =
          sniff_csv_dialect(csv_head, csv_head.size() < kEncodingSniffBytes, options.csv,
                            format == InputFormat::kTsv ? '\t' : ',', options.field_map);
      note_sniffed_dialect(name, format, options.csv, dialect, diagnostics);
      return std::make_unique<CsvReader>(
          std::make_unique<LineReader>(std::move(csv)), name, dialect.delimiter, dialect.quote,
          dialect.columns.empty() ? options.csv.columns : dialect.columns, options.field_map,
          diagnostics);
    }
    case InputFormat::kHtml:
      return std::make_unique<HtmlReader>(std::move(text), name, diagnostics);
    case InputFormat::kNitf:
      return std::make_unique<NitfReader>(std::move(text), name, diagnostics);
    case InputFormat::kText:
      return std::make_unique<TextReader>(std::move(text), name, diagnostics);
    case InputFormat::kJsonLines:
    case InputFormat::kAuto:
    case InputFormat::kArchive:
      break;
  }
  return std::make_unique<JsonLinesReader>(std::make_unique<LineReader>(std::move(text)), name,
                                           options.field_map, diagnostics);
}

}  // namespace archivar
