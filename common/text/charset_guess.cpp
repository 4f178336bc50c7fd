#include "common/text/charset_guess.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <limits>
#include <memory>

namespace archivar {
namespace {

struct DetectorClose {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

struct ConverterClose {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// ICU's canonical name of a converter, "" when it has none by that name.
std::string canonical_name(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UConverter, ConverterClose> converter(
      ucnv_open(std::string(name).c_str(), &status));
  if (U_FAILURE(status) || !converter) return {};
  const char* canonical = ucnv_getName(converter.get(), &status);
  return U_SUCCESS(status) && canonical != nullptr ? canonical : "";
}

}  // namespace

std::optional<CharsetGuess> guess_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UCharsetDetector, DetectorClose> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return std::nullopt;
  ucsdet_enableInputFilter(detector.get(), true);
  const auto length = static_cast<int32_t>(
      std::min<std::size_t>(bytes.size(), std::numeric_limits<int32_t>::max()));
  ucsdet_setText(detector.get(), bytes.data(), length, &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return std::nullopt;
  CharsetGuess guess;
  const char* name = ucsdet_getName(match, &status);
  guess.confidence = ucsdet_getConfidence(match, &status);
  const char* language = ucsdet_getLanguage(match, &status);
  if (U_FAILURE(status) || name == nullptr) return std::nullopt;
  guess.name = name;
  if (language != nullptr) guess.language = language;
  return guess;
}

bool is_known_charset(std::string_view name) {
  return !name.empty() && !canonical_name(name).empty();
}

bool is_latin1_family(std::string_view name) {
  static const std::string latin1 = canonical_name("ISO-8859-1");
  static const std::string windows1252 = canonical_name("windows-1252");
  static const std::string ascii = canonical_name("US-ASCII");
  const std::string canonical = canonical_name(name);
  return !canonical.empty() &&
         (canonical == latin1 || canonical == windows1252 || canonical == ascii);
}

}  // namespace archivar
