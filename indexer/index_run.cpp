#include "indexer/index_run.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <optional>

#include "common/date.h"
#include "common/index_schema.h"
#include "corpus/input/byte_source.h"
#include "corpus/input/input_files.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/progress.h"

namespace archivar {
namespace {

std::optional<Date> checked_date(const Article& article, Diagnostics& diagnostics) {
  if (article.date.empty()) return std::nullopt;
  std::optional<Date> date = Date::parse(article.date);
  if (!date) {
    diagnostics.repaired(article.origin,
                         fmt::format("unparsable date '{}' (expected YYYY-MM-DD, ISO-8601 or "
                                     "DD.MM.YYYY); indexed without a date",
                                     article.date));
  }
  return date;
}

// The inputs' size when all are plain files on disk; 0 when that says nothing about the
// text to read (compressed files, standard input).
std::uint64_t uncompressed_size(const std::vector<InputFile>& inputs) {
  std::uint64_t total = 0;
  for (const InputFile& input : inputs) {
    const std::string name = input.path.filename().string();
    if (input.path == "-" || name.ends_with(".gz") || name.ends_with(".zst")) return 0;
    total += input.size;
  }
  return total;
}

}  // namespace

IndexSummary run_index(const IndexRunOptions& options, Diagnostics& diagnostics) {
  const auto started = std::chrono::steady_clock::now();
  IndexWriter writer(options.database, options.analyzer, options.batch_documents,
                     options.wait_for_lock);
  Analyzer analyzer(options.analyzer);
  XapianPositionalPostings postings;
  DocumentBuilder builder(analyzer, postings);
  IndexSummary summary;
  for (const std::string& id : options.deletions) {
    if (writer.remove(id)) {
      ++summary.deleted;
    } else {
      ++summary.not_found;
      diagnostics.note_once("delete:" + id, fmt::format("--delete: no article with id '{}'", id));
    }
  }

  const std::vector<InputFile> inputs =
      collect_input_files(options.inputs, options.format, diagnostics, options.database);
  std::optional<Progress> progress;
  if (options.show_progress) {
    progress.emplace(std::cerr, isatty(STDERR_FILENO) != 0, uncompressed_size(inputs));
  }
  for (const InputFile& input : inputs) {
    std::unique_ptr<ArticleReader> reader;
    try {
      reader = open_article_reader(input.path, input.format, options.field_map, diagnostics);
      while (std::optional<Article> article = reader->next()) {
        if (progress) {
          progress->update(summary.added + summary.replaced + summary.unchanged,
                           summary.bytes_read + reader->bytes_read());
        }
        if (article->id.size() > schema::kMaxIdBytes) {
          diagnostics.skipped(article->origin,
                              fmt::format("id longer than {} bytes", schema::kMaxIdBytes));
          continue;
        }
        const std::optional<Date> date = checked_date(*article, diagnostics);
        std::string stored = DocumentBuilder::stored_fields(*article, date);
        if (writer.holds(article->id, schema::document_hash(stored))) {
          ++summary.unchanged;  // skip the analysis too: a nightly re-run costs little
          continue;
        }
        const Xapian::Document document = builder.build(*article, date, std::move(stored));
        const auto outcome = writer.put(article->id, document, builder.words());
        ++(outcome == IndexWriter::Outcome::kAdded ? summary.added : summary.replaced);
      }
    } catch (const ReadError& error) {
      diagnostics.input_failed(input.path == "-" ? "<stdin>" : input.path.string(), error.what());
    }
    if (reader) summary.bytes_read += reader->bytes_read();
  }
  if (progress) progress->finish();
  writer.commit();
  diagnostics.print_repeated_repairs();

  summary.skipped = diagnostics.skipped_count();
  summary.repaired = diagnostics.repaired_count();
  summary.failed_inputs = diagnostics.failed_inputs();
  summary.documents_in_database = writer.document_count();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

std::string format_summary(const IndexSummary& summary) {
  const double megabytes = static_cast<double>(summary.bytes_read) / 1e6;
  const double seconds = std::max(summary.seconds, 1e-6);
  const std::uint64_t indexed = summary.added + summary.replaced + summary.unchanged;
  std::string text;
  if (summary.deleted + summary.not_found > 0) {
    text +=
        fmt::format("deleted {} articles ({} ids not found)\n", summary.deleted, summary.not_found);
  }
  text += fmt::format(
      "indexed {} articles: {} added, {} replaced, {} unchanged, {} skipped\n"
      "read {:.1f} MB in {:.2f} s: {:.0f} docs/s, {:.1f} MB/s\n"
      "database now holds {} articles\n",
      indexed, summary.added, summary.replaced, summary.unchanged, summary.skipped, megabytes,
      summary.seconds, static_cast<double>(indexed) / seconds, megabytes / seconds,
      summary.documents_in_database);
  if (summary.repaired > 0) {
    text += fmt::format("{} repairs to the input (encoding, dates), as warned above\n",
                        summary.repaired);
  }
  if (summary.failed_inputs > 0) {
    text += fmt::format("{} input(s) could not be read completely\n", summary.failed_inputs);
  }
  return text;
}

}  // namespace archivar
