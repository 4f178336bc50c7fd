#include "common/analysis/case_fold_filter.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <string_view>

namespace archivar {
namespace {

bool is_ascii(const std::string& text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// News text writes "geht’s" with U+2019, people type "geht's"; NFKC keeps them apart.
void unify_apostrophes(std::string& text) {
  std::string unified;
  unified.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = std::string_view(text).substr(i);
    if (rest.starts_with("\xE2\x80\x99")) {  // U+2019 right single quotation mark
      unified += '\'';
      i += 2;
    } else if (rest.starts_with("\xCA\xBC")) {  // U+02BC modifier letter apostrophe
      unified += '\'';
      i += 1;
    } else {
      unified += text[i];
    }
  }
  text = std::move(unified);
}

}  // namespace

CaseFoldFilter::CaseFoldFilter() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
  }
}

void CaseFoldFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    if (is_ascii(token.text)) {  // the common case, and far cheaper than a round trip
      for (char& c : token.text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded =
        nfkc_casefold_->normalize(icu::UnicodeString::fromUTF8(token.text), status);
    if (U_FAILURE(status)) continue;  // leave the token as it was rather than lose it
    token.text.clear();
    folded.toUTF8String(token.text);
    unify_apostrophes(token.text);
  }
  std::erase_if(tokens, [](const Token& token) { return token.text.empty(); });
}

}  // namespace archivar
