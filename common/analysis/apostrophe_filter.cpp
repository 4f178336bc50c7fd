#include "common/analysis/apostrophe_filter.h"

#include <array>
#include <string_view>

namespace archivar {
namespace {

// UTF-8 of the characters that serve as apostrophes: ' ‘ ’ ʼ.
constexpr std::array<std::string_view, 4> kApostrophes = {"'", "\u2018", "\u2019", "\u02bc"};

}  // namespace

void ApostropheFilter::apply(TokenStream& tokens) {
  for (Token& token : tokens) {
    std::string& text = token.text;
    for (const std::string_view apostrophe : kApostrophes) {
      for (std::size_t at = text.find(apostrophe); at != std::string::npos;
           at = text.find(apostrophe, at)) {
        text.erase(at, apostrophe.size());
      }
    }
  }
}

}  // namespace archivar
