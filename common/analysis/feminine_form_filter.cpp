#include "common/analysis/feminine_form_filter.h"

#include <array>

namespace archivar {
namespace {

constexpr std::array<std::string_view, 4> kPersonNounEndings = {"er", "ist", "ent", "at"};

}  // namespace

std::string masculine_base(std::string_view word, const CompoundDictionary& dictionary) {
  std::string_view base;
  if (word.ends_with("innen")) {
    base = word.substr(0, word.size() - 5);
  } else if (word.ends_with("in")) {
    base = word.substr(0, word.size() - 2);
  } else {
    return {};
  }
  if (base.size() < 4) return {};
  bool person = false;
  for (const std::string_view ending : kPersonNounEndings)
    person = person || base.ends_with(ending);
  if (!person || !dictionary.is_noun(base)) return {};
  return std::string(base);
}

void FeminineFormFilter::apply(TokenStream& tokens) {
  TokenStream out;
  out.reserve(tokens.size());
  for (Token& token : tokens) {
    const bool candidate = !token.is_stop_word && !token.has_digit && token.text.size() >= 6 &&
                           (token.text.ends_with("in") || token.text.ends_with("innen"));
    std::string base;
    if (candidate) {
      if (dictionary_ == nullptr) dictionary_ = &CompoundDictionary::standard();
      base = masculine_base(token.text, *dictionary_);
    }
    out.push_back(std::move(token));
    if (base.empty()) continue;
    Token masculine = out.back();
    masculine.text = std::move(base);
    masculine.position_increment = 0;
    masculine.is_part = false;
    masculine.is_compound_part = true;
    out.push_back(std::move(masculine));
  }
  tokens = std::move(out);
}

}  // namespace archivar
