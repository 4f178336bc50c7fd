// IcuWordTokenizer: splits UTF-8 text into word tokens with ICU's Unicode word boundaries.
// First stage of the analysis chain; words joined by a hyphen stay one token for the filters.
#pragma once

#include <unicode/brkiter.h>

#include <cstddef>
#include <memory>
#include <string_view>

#include "common/analysis/token.h"

namespace archivar {

/// Characters dropped before words are found, so that they join rather than split: soft
/// hyphen, zero-width space and joiners, word joiner, byte order mark.
bool is_invisible(UChar32 c);

/// The hyphens that join two words into one token (U+002D, U+2010, U+2011).
bool is_joining_hyphen(UChar32 c);

/// Whether a full stop that follows @a letters_before letters (counted back to the word's
/// start, an earlier full stop or a digit) and precedes @a next and then @a after_next ends a
/// sentence whose space was lost ("entgegentreten.Maskenpflicht"): at least two letters
/// before ("z.B." has one), a capital and a small letter after ("U.S.A." has none).
bool is_sentence_dot(std::size_t letters_before, UChar32 next, UChar32 after_next);

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
  /// tokenize() for text with invisible characters or invalid UTF-8.
  TokenStream tokenize_without_invisibles(std::string_view utf8);

  std::unique_ptr<icu::BreakIterator> words_;
  bool split_at_sentence_dots_;
};

}  // namespace archivar
