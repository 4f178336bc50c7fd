#include "corpus/formats/markup_budget.h"

#include <fmt/format.h>

#include <cctype>

namespace archivar {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

std::string markup_excess(std::string_view markup, const MarkupBudget& budget) {
  std::size_t nodes = 0;
  for (std::size_t i = 0; i < markup.size(); ++i) {
    if (markup[i] != '<' || i + 1 == markup.size() ||
        !std::isalpha(static_cast<unsigned char>(markup[i + 1]))) {
      continue;
    }
    ++nodes;  // the element
    std::size_t attributes = 0;
    bool in_word = true;  // the element's name
    char quote = '\0';
    for (++i; i < markup.size(); ++i) {
      const char c = markup[i];
      if (quote != '\0') {
        if (c == quote) quote = '\0';
        continue;
      }
      if (c == '>') break;
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (is_space(c) || c == '/') {
        in_word = false;
      } else if (!in_word && c != '=') {
        in_word = true;
        ++attributes;
      }
    }
    if (attributes > budget.max_attributes_per_element) {
      return fmt::format("an element with {} attributes, more than the {} one may have", attributes,
                         budget.max_attributes_per_element);
    }
    nodes += attributes;
    if (nodes > budget.max_nodes) {
      return fmt::format("more than {} elements and attributes", budget.max_nodes);
    }
  }
  return {};
}

}  // namespace archivar
