// NitfReader: IPTC News Industry Text Format, the XML that news agencies deliver; one
// <nitf> document per file, or several inside one XML file, each an article.
#pragma once

#include <deque>
#include <memory>
#include <string>

#include "corpus/article_reader.h"

namespace archivar {

class NitfReader final : public ArticleReader {
 public:
  NitfReader(std::unique_ptr<ByteSource> source, std::string name, Diagnostics& diagnostics);

  /// Reads with libxml2 (no network, no external DTD). Per <nitf>: id from
  /// docdata/doc-id/@id-string; title from body.head/hedline/hl1, else head/title; a
  /// hedline/hl2 and body.head/abstract open the text, followed by the paragraphs (p, hl2,
  /// li) of body.content; author from body.head/byline (its <person> when there is one);
  /// date from docdata/date.issue/@norm, else pubdata/@date.publication; source from
  /// docdata/doc.copyright/@holder, else pubdata/@name, else body.head/distributor;
  /// section from pubdata/@position.section; url from pubdata/@ex-ref. A file that is
  /// not well-formed XML is reported with the line libxml2 names and skipped, as is one
  /// without a <nitf> element.
  std::optional<Article> next() override;
  std::uint64_t bytes_read() const override { return bytes_read_; }

 private:
  void parse();

  std::unique_ptr<ByteSource> source_;
  std::string name_;
  Diagnostics& diagnostics_;
  bool parsed_ = false;
  std::deque<Article> articles_;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace archivar
