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
  /// With @a split_at_sentence_dots, a full stop between a word and a capitalised word
  /// that ICU reads as one ("entgegentreten.Maskenpflicht", a sentence end whose space was
  /// lost) separates them; abbreviations ("z.B.", "U.S.") and host names ("zeit.de") stay.
  explicit IcuWordTokenizer(bool split_at_sentence_dots = true);
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
  std::unique_ptr<icu::BreakIterator> words_;
  bool split_at_sentence_dots_;
};

}  // namespace archivar
