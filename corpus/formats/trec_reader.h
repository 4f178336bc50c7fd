// TrecReader: TREC SGML collections, several <DOC>...</DOC> records per file.
// <DOCNO> is the id, <HEADLINE> or <TITLE> the title, every <TEXT> part of the text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "corpus/input/line_reader.h"

namespace archivar {

class TrecReader final : public ArticleReader {
 public:
  TrecReader(std::unique_ptr<LineReader> lines, std::string name, Diagnostics& diagnostics);

  /// Recognised tags: DOCNO; HEADLINE, TITLE, HL; TEXT, BODY (repeatable); DATE,
  /// DATE_TIME; SOURCE; SECTION; URL; AUTHOR, BYLINE. Others, and markup such as <P>
  /// inside a field, are dropped; entities (&amp;, &#252;) are decoded. A <DOC> left
  /// open, longer than kMaxRecordBytes or with a line that long, is reported and skipped
  /// (one too long is not kept in memory: reading goes on at its </DOC> or the next <DOC>).
  std::optional<Article> next() override;
  std::uint64_t bytes_read() const override { return lines_->bytes_read(); }
  std::uint64_t stored_bytes_read() const override { return lines_->stored_bytes_read(); }

 private:
  /// The next logical line: a physical line, split after each "</DOC>" so that
  /// records sharing a line are read one by one.
  bool next_line(std::string& line);
  /// Hands @a line to the next next_line() call again.
  void push_back(std::string line);
  /// Reads on to the end of the document under way (its </DOC>), or up to the next <DOC>.
  void skip_rest_of_document();

  std::unique_ptr<LineReader> lines_;
  std::string name_;
  Diagnostics& diagnostics_;
  std::vector<std::string> queued_;  // logical lines still to return, last first
  std::uint64_t overlong_line_ = 0;  // a line of the current record that was too long
};

}  // namespace archivar
