#include "corpus/formats/xml_tree.h"

#include <algorithm>
#include <cctype>

namespace archivar::xml {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// The elements below @a node (its siblings' too) named @a local_name, in document order;
// with @a outermost, not those inside one found. Recursive: callers check depth() first.
void collect(xmlNode* node, std::string_view local_name, bool outermost,
             std::vector<xmlNode*>& found) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const bool match = is(node, local_name);
    if (match) found.push_back(node);
    if (!(match && outermost)) collect(node->children, local_name, outermost, found);
  }
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

}  // namespace

std::string_view name(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

bool is(const xmlNode* node, std::string_view local_name) {
  return equal_ignoring_case(name(node), local_name);
}

xmlNode* child(const xmlNode* parent, std::string_view local_name) {
  if (parent == nullptr) return nullptr;
  for (xmlNode* node = parent->children; node != nullptr; node = node->next) {
    if (is(node, local_name)) return node;
  }
  return nullptr;
}

xmlNode* descend(const xmlNode* node, std::initializer_list<std::string_view> path) {
  auto* current = const_cast<xmlNode*>(node);
  for (const std::string_view step : path) {
    current = child(current, step);
    if (current == nullptr) return nullptr;
  }
  return current;
}

std::vector<xmlNode*> find_all(xmlNode* root, std::string_view local_name) {
  std::vector<xmlNode*> found;
  if (root == nullptr) return found;
  if (is(root, local_name)) found.push_back(root);
  collect(root->children, local_name, /*outermost=*/false, found);
  return found;
}

std::vector<xmlNode*> find_outermost(xmlNode* root, std::string_view local_name) {
  std::vector<xmlNode*> found;
  if (root == nullptr) return found;
  if (is(root, local_name)) {
    found.push_back(root);
  } else {
    collect(root->children, local_name, /*outermost=*/true, found);
  }
  return found;
}

std::size_t depth(const xmlNode* root, std::size_t limit) {
  if (root == nullptr) return 0;
  std::size_t deepest = 1;
  std::size_t level = 1;
  // Depth first through the child, next and parent links.
  const xmlNode* node = root;
  while (true) {
    const xmlNode* child = node->children;
    while (child != nullptr && child->type != XML_ELEMENT_NODE) child = child->next;
    if (child != nullptr) {
      node = child;
      deepest = std::max(deepest, ++level);
      if (deepest > limit) return deepest;
      continue;
    }
    while (node != root) {
      const xmlNode* sibling = node->next;
      while (sibling != nullptr && sibling->type != XML_ELEMENT_NODE) sibling = sibling->next;
      if (sibling != nullptr) {
        node = sibling;
        break;
      }
      node = node->parent;
      --level;
    }
    if (node == root) return deepest;
  }
}

std::string attribute(const xmlNode* node, const char* attribute) {
  if (node == nullptr) return {};
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(attribute));
  if (value == nullptr) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

std::string text(const xmlNode* node) {
  if (node == nullptr) return {};
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string result = collapse_space(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return result;
}

std::string collapse_space(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool space = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    const bool nbsp = c == '\xC2' && i + 1 < raw.size() && raw[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string without_by(const std::string& byline) {
  for (const std::string_view prefix : {"Von ", "von ", "By ", "by "}) {
    if (byline.starts_with(prefix)) return byline.substr(prefix.size());
  }
  return byline;
}

std::string day_of(std::string_view value) {
  const std::string trimmed = collapse_space(value);
  const std::string_view date = trimmed;
  // 2023-04-15, 2023-04-15T12:00, 2023-04-15 12:00
  if (date.size() >= 10 && all_digits(date.substr(0, 4)) && date[4] == '-' &&
      all_digits(date.substr(5, 2)) && date[7] == '-' && all_digits(date.substr(8, 2)) &&
      (date.size() == 10 || date[10] == 'T' || date[10] == ' ')) {
    return std::string(date.substr(0, 10));
  }
  // 20230415, 20230415T120000+0200
  if (date.size() >= 8 && all_digits(date.substr(0, 8)) && (date.size() == 8 || date[8] == 'T')) {
    return std::string(date.substr(0, 4)) + "-" + std::string(date.substr(4, 2)) + "-" +
           std::string(date.substr(6, 2));
  }
  return trimmed;
}

}  // namespace archivar::xml
