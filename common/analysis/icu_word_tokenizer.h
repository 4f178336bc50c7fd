// IcuWordTokenizer: splits UTF-8 text into word tokens with ICU's Unicode word boundaries.
// First stage of the analysis chain; words joined by a hyphen stay one token for the filters.
#pragma once

#include <unicode/brkiter.h>

#include <memory>
#include <string_view>

#include "common/analysis/token.h"

namespace archivar {

class IcuWordTokenizer {
 public:
  IcuWordTokenizer();
  ~IcuWordTokenizer();
  IcuWordTokenizer(const IcuWordTokenizer&) = delete;
  IcuWordTokenizer& operator=(const IcuWordTokenizer&) = delete;

  /// Returns the words and numbers of @a utf8 in order, each with its byte offsets.
  /// Invisible characters (soft hyphen, zero-width space and joiners, BOM) are dropped
  /// before segmentation, so "Bot\u00ADschaft" is one word. Words joined by a hyphen
  /// without spaces ("Ukraine-Krise", "COVID-19") come out as one token including the
  /// hyphens; HyphenSplitFilter takes them apart. Invalid UTF-8 bytes separate words.
  TokenStream tokenize(std::string_view utf8);

 private:
  /// tokenize() for text with invisible characters or invalid UTF-8.
  TokenStream tokenize_without_invisibles(std::string_view utf8);

  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace archivar
