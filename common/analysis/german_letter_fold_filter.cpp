#include "common/analysis/german_letter_fold_filter.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>

namespace archivar {
namespace {

// Returns the two-letter spelling for the UTF-8 sequence at @p i, or empty.
std::string_view umlaut_spelling(std::string_view text, std::size_t i) {
  if (static_cast<unsigned char>(text[i]) != 0xC3 || i + 1 >= text.size()) return {};
  switch (static_cast<unsigned char>(text[i + 1])) {
    case 0xA4:
      return "ae";  // ä
    case 0xB6:
      return "oe";  // ö
    case 0xBC:
      return "ue";  // ü
    default:
      return {};
  }
}

}  // namespace

std::string spell_umlauts(std::string_view text) {
  std::string spelled;
  spelled.reserve(text.size() + 4);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const std::string_view spelling = umlaut_spelling(text, i); !spelling.empty()) {
      spelled += spelling;
      ++i;
    } else {
      spelled += text[i];
    }
  }
  return spelled;
}

std::string_view german_letter_spelling(UChar32 code) {
  switch (code) {
    case 0xC4:  // Ä
    case 0xE4:  // ä
      return "ae";
    case 0xD6:  // Ö
    case 0xF6:  // ö
      return "oe";
    case 0xDC:  // Ü
    case 0xFC:  // ü
      return "ue";
    case 0xDF:  // ß
      return "ss";
    default:
      return {};
  }
}

GermanLetterFoldFilter::GermanLetterFoldFilter() {
  UErrorCode status = U_ZERO_ERROR;
  nfd_ = icu::Normalizer2::getNFDInstance(status);
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU normalizer unavailable: ") + u_errorName(status));
  }
}

void GermanLetterFoldFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    std::string folded = spell_umlauts(token.text);
    const bool other_non_ascii =
        std::ranges::any_of(folded, [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (other_non_ascii) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString decomposed =
          nfd_->normalize(icu::UnicodeString::fromUTF8(folded), status);
      icu::UnicodeString bare;
      for (int32_t k = 0; k < decomposed.length();) {
        const UChar32 c = decomposed.char32At(k);
        if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
        k += U16_LENGTH(c);
      }
      const icu::UnicodeString composed = nfc_->normalize(bare, status);
      if (U_SUCCESS(status)) {
        folded.clear();
        composed.toUTF8String(folded);
      }
    }
    token.text = std::move(folded);
  }
}

}  // namespace archivar
