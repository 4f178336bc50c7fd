#include "common/text/utf8.h"

#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace archivar {
namespace {

// Windows-1252's 0x80-0x9F block; 0 marks the five undefined bytes.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

void append_utf8(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

bool is_windows1252(std::string_view bytes) {
  for (const char byte : bytes) {
    const auto b = static_cast<unsigned char>(byte);
    if (b >= 0x80 && b <= 0x9F && kWindows1252High[b - 0x80] == 0) return false;
  }
  return true;
}

}  // namespace

char16_t windows1252_c1(unsigned char byte) {
  return byte >= 0x80 && byte <= 0x9F ? kWindows1252High[byte - 0x80] : 0;
}

bool is_valid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char byte : bytes) {
    const auto b = static_cast<unsigned char>(byte);
    if (b < 0x80) {
      out += byte;
    } else if (b <= 0x9F) {
      const char16_t mapped = kWindows1252High[b - 0x80];
      append_utf8(out, mapped != 0 ? mapped : 0xFFFD);
    } else {
      append_utf8(out, b);  // 0xA0-0xFF are the Latin-1 code points themselves
    }
  }
  return out;
}

RepairedText repair_utf8(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return {std::string(bytes), Utf8Repair::kNone};
  if (is_windows1252(bytes)) return {windows1252_to_utf8(bytes), Utf8Repair::kFromWindows1252};
  std::string out;
  out.reserve(bytes.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) {
      append_utf8(out, 0xFFFD);
    } else {
      out.append(bytes.substr(start, i - start));
    }
  }
  return {std::move(out), Utf8Repair::kReplacedBytes};
}

std::string_view describe(Utf8Repair repair) {
  switch (repair) {
    case Utf8Repair::kNone:
      return "valid UTF-8";
    case Utf8Repair::kFromWindows1252:
      return "not UTF-8, read as Windows-1252/Latin-1";
    case Utf8Repair::kReplacedBytes:
      return "invalid UTF-8 bytes replaced by U+FFFD";
  }
  return "";
}

}  // namespace archivar
