// TrecReader: TREC SGML collections, several <DOC>...</DOC> records per file.
// <DOCNO> is the id, <HEADLINE> or <TITLE> the title, every <TEXT> part of the text.
#pragma once

#include <memory>
#include <string>

#include "corpus/article_reader.h"
#include "corpus/input/line_reader.h"

namespace archivar {

class TrecReader final : public ArticleReader {
 public:
  TrecReader(std::unique_ptr<LineReader> lines, std::string name, Diagnostics& diagnostics);

  /// Recognised tags: DOCNO; HEADLINE, TITLE, HL; TEXT, BODY (repeatable); DATE,
  /// DATE_TIME; SOURCE; SECTION; URL; AUTHOR, BYLINE. Others, and markup such as <P>
  /// inside a field, are dropped; entities (&amp;, &#252;) are decoded. A <DOC> left
  /// open is reported and skipped.
  std::optional<Article> next() override;
  std::uint64_t bytes_read() const override { return lines_->bytes_read(); }

 private:
  std::unique_ptr<LineReader> lines_;
  std::string name_;
  Diagnostics& diagnostics_;
  std::string line_;
  bool pending_doc_ = false;  // a <DOC> line was read ahead while closing a broken record
  std::uint64_t pending_line_ = 0;
  std::string pending_rest_;
};

}  // namespace archivar
