// Small helpers over libxml2 trees, shared by the HTML and NITF readers: owning document
// handles, element lookup by local name (namespaces ignored), attributes and text.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::xml {

struct DocumentFree {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};
using Document = std::unique_ptr<xmlDoc, DocumentFree>;

struct ParserFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
using Parser = std::unique_ptr<xmlParserCtxt, ParserFree>;

/// The element's name without a namespace prefix, "" for other nodes.
std::string_view name(const xmlNode* node);

/// Whether @a node is an element named @a local_name (ASCII case ignored, as HTML needs).
bool is(const xmlNode* node, std::string_view local_name);

/// The first child element of @a parent named @a local_name, or nullptr.
xmlNode* child(const xmlNode* parent, std::string_view local_name);

/// Follows a path of child element names from @a node ("body.head/hedline/hl1" as
/// {"body.head", "hedline", "hl1"}); nullptr when a step is missing.
xmlNode* descend(const xmlNode* node, std::initializer_list<std::string_view> path);

/// Every element below @a root (and @a root itself) named @a local_name, in document order.
std::vector<xmlNode*> find_all(xmlNode* root, std::string_view local_name);

/// Like find_all(), but without the elements inside one found: of nested <article>s only
/// the outermost, whose text holds theirs (measuring each nested one took 26 s for 250).
std::vector<xmlNode*> find_outermost(xmlNode* root, std::string_view local_name);

/// How deep the readers let elements nest: below the 256 at which libxml2's parsers stop
/// (unless told otherwise), so that a page cut off there is reported as too deep rather
/// than as one without text, and the readers' recursive walks stay short whatever the parser does.
inline constexpr std::size_t kMaxDepth = 250;

/// How deep elements nest below @a root (1: @a root has no child element), counted
/// without recursion, up to @a limit + 1.
std::size_t depth(const xmlNode* root, std::size_t limit);

/// The value of attribute @a attribute of @a node ("" when absent).
std::string attribute(const xmlNode* node, const char* attribute);

/// All text below @a node, with runs of white space made one space and the ends trimmed.
std::string text(const xmlNode* node);

/// @a raw with runs of white space (including non-breaking spaces) made one space, trimmed.
std::string collapse_space(std::string_view raw);

/// A byline without its leading "Von " or "By " ("Von Lea Hofbauer" -> "Lea Hofbauer").
std::string without_by(const std::string& byline);

/// The day a date value starts with, as "YYYY-MM-DD": "2023-04-15T12:00:00+02:00" and
/// the ISO basic form "20230415T120000+0200" alike; other values are returned trimmed.
std::string day_of(std::string_view value);

}  // namespace archivar::xml
