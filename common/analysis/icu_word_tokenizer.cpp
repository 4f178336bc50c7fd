// Segmentation runs on the caller's UTF-8 through an ICU UText, so offsets are byte offsets
// already. Text with invisible characters (or invalid UTF-8) takes the slower way through a
// UTF-16 copy without them, with a side table of byte offsets. Both ways find the same
// words: ICU's boundaries, hyphen joins and sentence full stops, unit by unit as in UTF-16.
#include "common/analysis/icu_word_tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <vector>

namespace archivar {

bool is_invisible(UChar32 c) {
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // byte order mark / zero-width no-break space
      return true;
    default:
      return false;
  }
}

bool is_joining_hyphen(UChar32 c) {
  return c == u'-' || c == 0x2010 || c == 0x2011;
}

bool is_sentence_dot(std::size_t letters_before, UChar32 next, UChar32 after_next) {
  return letters_before >= 2 && u_isupper(next) && u_islower(after_next);
}

namespace {

// Whether @a utf8 is valid UTF-8 without invisible characters: then it can be segmented
// as it is.
bool segmentable_as_is(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || is_invisible(c)) return false;
  }
  return true;
}

// ICU's classes unit by unit as in UTF-16: a character beyond the BMP (two surrogates
// there) is neither digit nor letter.
bool is_digit_unit(UChar32 c) {
  return c <= 0xFFFF && u_isdigit(c);
}
bool is_letter_unit(UChar32 c) {
  return c <= 0xFFFF && u_isalpha(c);
}

// The letters right before the full stop at @p dot (back to @p word_start, an earlier dot
// or a digit), in UTF-16 text.
std::size_t letters_before(const icu::UnicodeString& text, int32_t word_start, int32_t dot) {
  std::size_t letters = 0;
  for (int32_t k = dot - 1; k >= word_start && u_isalpha(text[k]); --k) ++letters;
  return letters;
}

// The same in UTF-8 text.
std::size_t letters_before(const uint8_t* bytes, int32_t word_start, int32_t dot) {
  std::size_t letters = 0;
  for (int32_t k = dot; k > word_start;) {
    UChar32 c;
    U8_PREV(bytes, word_start, k, c);
    if (!is_letter_unit(c)) break;
    ++letters;
  }
  return letters;
}

// UBRK_WORD_NONE is [0, 100): spaces and punctuation. Everything above is a word or number.
constexpr int32_t kFirstWordStatus = 100;

}  // namespace

IcuWordTokenizer::IcuWordTokenizer(bool split_at_sentence_dots)
    : split_at_sentence_dots_(split_at_sentence_dots) {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getGerman(), status));
  if (U_FAILURE(status) || !words_) {
    throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                             u_errorName(status));
  }
}

IcuWordTokenizer::~IcuWordTokenizer() = default;

TokenStream IcuWordTokenizer::tokenize(std::string_view utf8) {
  if (!segmentable_as_is(utf8)) return tokenize_without_invisibles(utf8);
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUTextPointer text(
      utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
  words_->setText(text.getAlias(), status);
  if (U_FAILURE(status)) return tokenize_without_invisibles(utf8);

  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  TokenStream tokens;
  int32_t word_start = -1;
  int32_t word_end = -1;
  bool has_digit = false;
  const auto flush = [&] {
    if (word_start < 0) return;
    Token token;
    token.start = static_cast<std::uint32_t>(word_start);
    token.end = static_cast<std::uint32_t>(word_end);
    token.text.assign(utf8.substr(token.start, token.end - token.start));
    token.has_digit = has_digit;
    int32_t at = word_start;
    UChar32 first;
    U8_NEXT(bytes, at, length, first);
    token.capitalised = u_isupper(first) || u_istitle(first);
    tokens.push_back(std::move(token));
    word_start = -1;
    has_digit = false;
  };
  const auto add_word = [&](int32_t begin, int32_t end) {
    // Join to the previous word when exactly one hyphen separates them.
    bool joins = false;
    if (word_start >= 0 && begin > word_end) {
      int32_t at = word_end;
      UChar32 between;
      U8_NEXT(bytes, at, length, between);
      joins = at == begin && is_joining_hyphen(between);
    }
    if (!joins) flush();
    if (word_start < 0) word_start = begin;
    word_end = end;
    for (int32_t at = begin; at < end && !has_digit;) {
      UChar32 c;
      U8_NEXT(bytes, at, length, c);
      has_digit = is_digit_unit(c);
    }
  };

  for (int32_t begin = words_->first(), end = words_->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words_->next()) {
    if (words_->getRuleStatus() < kFirstWordStatus) continue;
    int32_t piece = begin;
    // A full stop is one byte in UTF-8, never part of another character's bytes.
    for (int32_t k = begin + 1; split_at_sentence_dots_ && k + 2 < end; ++k) {
      if (bytes[k] != '.') continue;
      int32_t at = k + 1;
      UChar32 next, after_next;
      U8_NEXT(bytes, at, length, next);
      if (at >= end) break;
      // In UTF-16 a character beyond the BMP is followed by its own second half: no dot.
      if (next > 0xFFFF) continue;
      U8_NEXT(bytes, at, length, after_next);
      if (!is_sentence_dot(letters_before(bytes, piece, k), next, after_next)) continue;
      add_word(piece, k);
      flush();
      piece = k + 1;
    }
    add_word(piece, end);
  }
  flush();
  // The iterator must not outlive the text it was given.
  words_->setText(icu::UnicodeString());
  return tokens;
}

TokenStream IcuWordTokenizer::tokenize_without_invisibles(std::string_view utf8) {
  icu::UnicodeString text;
  std::vector<std::uint32_t> byte_offset;  // byte_offset[i]: UTF-8 offset of UTF-16 unit i
  text.getBuffer(static_cast<int32_t>(utf8.size()));
  text.releaseBuffer(0);
  byte_offset.reserve(utf8.size() + 1);

  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = u' ';  // an invalid byte separates words rather than joining them
    if (is_invisible(c)) continue;
    const int32_t before = text.length();
    text.append(c);
    for (int32_t unit = before; unit < text.length(); ++unit) {
      byte_offset.push_back(static_cast<std::uint32_t>(start));
    }
  }
  byte_offset.push_back(static_cast<std::uint32_t>(length));

  TokenStream tokens;
  words_->setText(text);
  int32_t word_start = -1;
  int32_t word_end = -1;
  bool has_digit = false;
  const auto flush = [&] {
    if (word_start < 0) return;
    Token token;
    token.start = byte_offset[word_start];
    token.end = byte_offset[word_end];
    token.text.assign(utf8.substr(token.start, token.end - token.start));
    token.has_digit = has_digit;
    token.capitalised =
        u_isupper(text.char32At(word_start)) || u_istitle(text.char32At(word_start));
    tokens.push_back(std::move(token));
    word_start = -1;
    has_digit = false;
  };
  const auto add_word = [&](int32_t begin, int32_t end) {
    // Join to the previous word when exactly one hyphen separates them.
    const bool joins =
        word_start >= 0 && begin == word_end + 1 && is_joining_hyphen(text[word_end]);
    if (!joins) flush();
    if (word_start < 0) word_start = begin;
    word_end = end;
    for (int32_t k = begin; k < end && !has_digit; ++k) has_digit = is_digit_unit(text[k]);
  };

  for (int32_t begin = words_->first(), end = words_->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words_->next()) {
    if (words_->getRuleStatus() < kFirstWordStatus) continue;
    int32_t piece = begin;
    for (int32_t k = begin + 1; split_at_sentence_dots_ && k + 2 < end; ++k) {
      if (text[k] != u'.' || !is_sentence_dot(letters_before(text, piece, k), text.char32At(k + 1),
                                              text.char32At(k + 2))) {
        continue;
      }
      add_word(piece, k);
      flush();
      piece = k + 1;
    }
    add_word(piece, end);
  }
  flush();
  return tokens;
}

}  // namespace archivar
