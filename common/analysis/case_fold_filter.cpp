#include "common/analysis/case_fold_filter.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <string_view>

#include "common/analysis/compound_dictionary.h"
#include "common/analysis/german_letter_fold_filter.h"

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

constexpr std::string_view kSharpS = "\xC3\x9F";             // ß
constexpr std::string_view kCapitalSharpS = "\xE1\xBA\x9E";  // ẞ
// A private-use character, which NFKC_Casefold leaves as it is, holds the place of ß.
constexpr std::string_view kSharpSPlaceholder = "\xEE\x80\x80";  // U+E000

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

bool has_sharp_s(std::string_view text) {
  return text.find(kSharpS) != std::string_view::npos ||
         text.find(kCapitalSharpS) != std::string_view::npos;
}

}  // namespace

std::string case_fold_keeping_sharp_s(std::string_view utf8) {
  std::string marked(utf8);
  replace_all(marked, kSharpS, kSharpSPlaceholder);
  replace_all(marked, kCapitalSharpS, kSharpSPlaceholder);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string folded;
  if (U_SUCCESS(status)) {
    fold->normalize(icu::UnicodeString::fromUTF8(marked), status).toUTF8String(folded);
  }
  if (U_FAILURE(status)) return std::string(utf8);
  replace_all(folded, kSharpSPlaceholder, kSharpS);
  return folded;
}

CaseFoldFilter::CaseFoldFilter(bool keep_sharp_s) : keep_sharp_s_(keep_sharp_s) {
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
    if (keep_sharp_s_ && has_sharp_s(token.text)) {
      std::string kept = case_fold_keeping_sharp_s(token.text);
      if (CompoundDictionary::standard().keeps_sharp_s(spell_umlauts(kept))) {
        token.text = std::move(kept);
        unify_apostrophes(token.text);
        continue;
      }
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
