#include "corpus/input/encoding_choice.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <cctype>
#include <cstdint>

#include "common/text/charset_guess.h"
#include "common/text/utf8.h"

namespace archivar {
namespace {

constexpr int kMinimumConfidence = 20;

struct Utf8Census {
  std::size_t multibyte = 0;  // well-formed sequences of two bytes or more
  std::size_t invalid = 0;    // ill-formed sequences
};

Utf8Census census(std::string_view bytes, bool complete) {
  if (!complete) {
    // The head may end inside a character: leave out a lead byte and its continuations.
    std::size_t cut = bytes.size();
    std::size_t steps = 0;
    while (cut > 0 && steps < 3 && is_utf8_continuation(bytes[cut - 1])) {
      --cut;
      ++steps;
    }
    if (cut > 0 && static_cast<unsigned char>(bytes[cut - 1]) >= 0xC0)
      bytes = bytes.substr(0, cut - 1);
  }
  Utf8Census result;
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    ++(c < 0 ? result.invalid : result.multibyte);
  }
  return result;
}

// "UTF-16LE"/"UTF-16BE" when every other byte is zero and the others are the text of a
// Latin script, as in German text in UTF-16 (binary data with zeros is not).
std::string utf16_without_bom(std::string_view bytes) {
  if (bytes.size() < 16) return {};
  std::size_t zeros[2] = {0, 0};
  std::size_t texty[2] = {0, 0};
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    for (std::size_t k = 0; k < 2; ++k) {
      const auto b = static_cast<unsigned char>(bytes[i + k]);
      zeros[k] += b == 0 ? 1 : 0;
      texty[k] += (b >= 0x20 && b != 0x7F) || b == '\t' || b == '\n' || b == '\r' ? 1 : 0;
    }
  }
  const std::size_t pairs = bytes.size() / 2;
  const auto matches = [&](std::size_t zero_half, std::size_t text_half) {
    return zeros[zero_half] * 10 >= pairs * 7 && texty[text_half] * 10 >= pairs * 9;
  };
  if (matches(1, 0)) return "UTF-16LE";
  if (matches(0, 1)) return "UTF-16BE";
  return {};
}

// The charset an HTML or XML head declares ("<meta charset=...", "encoding='...'").
std::string declared_charset(std::string_view head) {
  std::string lowered(head.substr(0, 2048));
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lowered.find('<') == std::string::npos) return {};
  for (const std::string_view key : {"charset=", "encoding="}) {
    std::size_t at = lowered.find(key);
    if (at == std::string::npos) continue;
    at += key.size();
    while (at < lowered.size() &&
           (lowered[at] == '"' || lowered[at] == '\'' || lowered[at] == ' ')) {
      ++at;
    }
    std::size_t end = at;
    while (end < lowered.size() &&
           (std::isalnum(static_cast<unsigned char>(lowered[end])) || lowered[end] == '-' ||
            lowered[end] == '_' || lowered[end] == '.' || lowered[end] == ':')) {
      ++end;
    }
    if (end > at) return std::string(head.substr(at, end - at));
  }
  return {};
}

bool is_utf8_name(std::string_view name) {
  std::string lowered(name);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered == "utf-8" || lowered == "utf8";
}

}  // namespace

EncodingChoice choose_encoding(std::string_view head, bool complete, std::string_view forced) {
  if (!forced.empty()) {
    if (is_utf8_name(forced)) return {};
    return {std::string(forced), ""};
  }
  if (head.starts_with(std::string_view("\xFF\xFE\0\0", 4)) ||
      head.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    return {"UTF-32", "UTF-32 (byte order mark)"};
  }
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    return {"UTF-16", "UTF-16 (byte order mark)"};
  }
  if (std::string utf16 = utf16_without_bom(head); !utf16.empty()) {
    return {utf16, utf16 + " (every other byte is zero)"};
  }
  const Utf8Census utf8 = census(head, complete);
  if (utf8.invalid == 0 || utf8.multibyte > 0) return {};
  if (const std::string declared = declared_charset(head);
      !declared.empty() && !is_utf8_name(declared) && is_known_charset(declared)) {
    if (is_latin1_family(declared)) return {};
    return {declared, fmt::format("{} (declared in the file)", declared)};
  }
  const std::optional<CharsetGuess> guess = guess_charset(head);
  if (!guess || guess->confidence < kMinimumConfidence || is_latin1_family(guess->name) ||
      !is_known_charset(guess->name)) {
    return {};
  }
  return {guess->name,
          fmt::format("{} (ICU's guess, confidence {}{}{})", guess->name, guess->confidence,
                      guess->language.empty() ? "" : ", language ", guess->language)};
}

}  // namespace archivar
