// Segmentation runs on UTF-16 (ICU's native form); a side table maps every UTF-16 unit back
// to its byte offset in the caller's UTF-8 so snippets can highlight the original text.
#include "common/analysis/icu_word_tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
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

// The letters right before the full stop at @p dot (back to @p word_start, an earlier dot
// or a digit).
std::size_t letters_before(const icu::UnicodeString& text, int32_t word_start, int32_t dot) {
  std::size_t letters = 0;
  for (int32_t k = dot - 1; k >= word_start && u_isalpha(text[k]); --k) ++letters;
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
    for (int32_t k = begin; k < end && !has_digit; ++k) has_digit = u_isdigit(text[k]);
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
