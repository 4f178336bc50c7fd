#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <ostream>

#include "common/analysis/analyzer.h"
#include "common/index_schema.h"
#include "common/text/control_characters.h"
#include "common/text/utf8.h"
#include "corpus/article_reader.h"
#include "fuzz_target.h"
#include "indexer/document_builder.h"
#include "indexer/posting_sink.h"

namespace archivar::fuzz {
namespace {

// The fuzz input as the bytes of a file.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}

  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t n = std::min(size, bytes_.size());
    std::copy_n(bytes_.data(), n, buffer);
    bytes_.remove_prefix(n);
    read_ += n;
    return n;
  }
  std::uint64_t stored_bytes_read() const override { return read_; }

 private:
  std::string_view bytes_;
  std::uint64_t read_ = 0;
};

void check_field(const std::string& value, LineBreaks line_breaks, std::string_view what) {
  require(is_valid_utf8(value), what);
  require(!has_control_characters(value, line_breaks), what);
}

void check_article(const Article& article) {
  check_field(article.title, LineBreaks::kKeep, "title: invalid UTF-8 or control characters");
  check_field(article.text, LineBreaks::kKeep, "text: invalid UTF-8 or control characters");
  for (const std::string* field : {&article.id, &article.date, &article.source, &article.section,
                                   &article.url, &article.author}) {
    check_field(*field, LineBreaks::kToSpace, "field: invalid UTF-8 or control characters");
  }
  require(!article.title.empty() || !article.text.empty(), "article without title and text");
  require(!article.id.empty(), "article without id");
}

// Whether Xapian can store @a term: not empty, within its limit (a zero byte counts twice).
void check_term(const std::string& term) {
  const auto zeros = static_cast<std::size_t>(std::count(term.begin(), term.end(), '\0'));
  require(!term.empty() && term.size() + zeros <= schema::kXapianMaxTermBytes,
          "a term Xapian cannot store");
}

// Every term of the document for @a article, and the terms of the near-duplicate group it
// may start (labelled with its id, or "ID#2" when that is taken), which the writer adds.
void check_terms(const Article& article, const Xapian::Document& document) {
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) check_term(*it);
  check_term(schema::group_term(article.id));
  check_term(schema::group_term(article.id + "#12345"));
}

}  // namespace

void require(bool condition, std::string_view what) {
  if (condition) return;
  std::cerr << "fuzz target: broken invariant: " << what << "\n";
  std::abort();
}

void read_and_check(std::string_view bytes, std::string_view name, InputFormat format) {
  static Analyzer analyzer;
  static XapianPositionalPostings postings;
  static DocumentBuilder builder(analyzer, postings);
  std::ostream discarded(nullptr);
  Diagnostics diagnostics(discarded, "fuzz", /*strict=*/false);
  const ReaderOptions options{.member_format =
                                  format == InputFormat::kArchive ? InputFormat::kAuto : format};
  try {
    const std::unique_ptr<ArticleReader> reader = open_article_reader(
        std::make_unique<MemorySource>(bytes), std::string(name), format, options, diagnostics);
    while (const std::optional<Article> article = reader->next()) {
      check_article(*article);
      if (article->id.size() > schema::kMaxIdBytes) continue;  // refused by the indexer
      check_terms(*article, builder.build(*article, std::nullopt,
                                          DocumentBuilder::stored_fields(*article, std::nullopt)));
    }
  } catch (const ReadError&) {
    // A broken input as the indexer reports it: the articles before it were checked.
  }
}

}  // namespace archivar::fuzz
