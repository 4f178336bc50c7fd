#include "common/text/keyword.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace archivar {

std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

std::string fold_keyword(std::string_view value) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string folded;
  if (U_SUCCESS(status)) {
    fold->normalize(icu::UnicodeString::fromUTF8(value), status).toUTF8String(folded);
  }
  if (U_FAILURE(status)) folded.assign(value);

  return collapse_whitespace(folded);
}

std::string collapse_whitespace(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (const char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace archivar
