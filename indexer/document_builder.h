// DocumentBuilder: turns an Article into the Xapian document the index schema describes.
// Runs the analyzer over title and text and adds terms, filters, date value and stored data.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"
#include "common/article.h"
#include "common/date.h"
#include "common/stored_data.h"
#include "indexer/posting_sink.h"

namespace archivar {

class DocumentBuilder {
 public:
  /// Both references must outlive the builder. One builder per thread (the analyzer is
  /// not thread-safe).
  DocumentBuilder(Analyzer& analyzer, PostingSink& postings);

  /// What is stored of an article, and the hash that tells whether it changed.
  struct Stored {
    std::string data;  ///< the document data: the fields a hit prints
    std::string hash;  ///< schema::document_hash
  };

  /// The stored fields of @a article and their hash; @a date is its parsed date, if it
  /// has one.
  static Stored stored_fields(const Article& article, const std::optional<Date>& date);

  /// The document for @a article; @a stored is stored_fields(article, date), kept as the
  /// document data, compressed with @a dictionary if there is one. It carries the
  /// fingerprint of the text and its band terms, but no near-duplicate group yet: that
  /// depends on the archive (see NearDuplicateGroups).
  Xapian::Document build(const Article& article, const std::optional<Date>& date, Stored stored,
                         const StoredDataDictionary* dictionary = nullptr);

  /// The distinct words (as written, see Vocabulary::is_word) of the title and text of
  /// the article last built, for the archive's vocabulary. Stop words are left out.
  const std::vector<std::string>& words() const { return words_; }

 private:
  /// author: words (with positions, for phrases) and url: terms of @a article.
  void add_author_and_url(const Article& article, Xapian::Document& document);
  /// The MinHash fingerprint and band terms, or for a text too short for one, the
  /// ShortTextKey of title and text.
  static void add_fingerprint(const TokenStream& title_tokens, const TokenStream& text_tokens,
                              Xapian::Document& document);

  Analyzer& analyzer_;
  PostingSink& postings_;
  StoredDataCompressor compressor_;
  std::vector<std::string> words_;
};

}  // namespace archivar
