// HtmlReader: a saved web page as one article — title, date, author and description from
// the head's <meta> tags, the article text from the body without navigation and boilerplate.
#pragma once

#include <memory>
#include <string>

#include "corpus/article_reader.h"

namespace archivar {

class HtmlReader final : public ArticleReader {
 public:
  HtmlReader(std::unique_ptr<ByteSource> source, std::string name, Diagnostics& diagnostics);

  /// The page's article, parsed with libxml2's HTML parser (which takes broken markup
  /// as browsers do). Title: <title> (without a site name appended to it, as in
  /// "… | Tagesblick"), else og:title, else the first <h1>. Date:
  /// article:published_time, datePublished, date, dc.date, dcterms.date, pubdate and
  /// similar <meta> tags, else the first <time datetime>. Author: author, article:author,
  /// dc.creator. Source: og:site_name; section: article:section; url and id: the
  /// canonical link or og:url, else the id is the file path. Text: the description
  /// (og:description) as lead unless the body repeats it, then the paragraphs of the
  /// largest <article>, else <main>, else the body — without nav, footer, aside, form,
  /// script, style, figure, the page's <header> (an article's own is kept, without a
  /// headline that repeats the title) and elements whose class, id or role names navigation,
  /// sharing, comments, ads or cookies; a paragraph that is mostly link text is dropped.
  /// A page without body text is reported and skipped.
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
