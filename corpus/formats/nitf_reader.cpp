#include "corpus/formats/nitf_reader.h"

#include <fmt/format.h>
#include <libxml/xmlerror.h>

#include <algorithm>

#include "corpus/formats/markup_budget.h"
#include "corpus/formats/xml_tree.h"
#include "corpus/input/whole_input.h"
#include "corpus/record_checks.h"

namespace archivar {
namespace {

void append_paragraph(std::string& text, const std::string& paragraph) {
  if (paragraph.empty()) return;
  if (!text.empty()) text += "\n\n";
  text += paragraph;
}

// The paragraphs below @a node: each p, hl2 or li (and each block of loose text).
void collect_paragraphs(const xmlNode* node, std::string& text) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (xml::is(node, "p") || xml::is(node, "hl2") || xml::is(node, "li") || xml::is(node, "dd") ||
        xml::is(node, "dt")) {
      append_paragraph(text, xml::text(node));
    } else if (!xml::is(node, "media") && !xml::is(node, "table")) {
      collect_paragraphs(node->children, text);
    }
  }
}

std::string first_non_empty(std::initializer_list<std::string> values) {
  for (const std::string& value : values) {
    if (!value.empty()) return value;
  }
  return {};
}

Article read_nitf(const xmlNode* nitf, const std::string& name) {
  const xmlNode* head = xml::child(nitf, "head");
  const xmlNode* docdata = xml::child(head, "docdata");
  const xmlNode* pubdata = xml::child(head, "pubdata");
  const xmlNode* body_head = xml::descend(nitf, {"body", "body.head"});
  const xmlNode* hedline = xml::child(body_head, "hedline");

  std::string text;
  append_paragraph(text, xml::text(xml::child(hedline, "hl2")));
  collect_paragraphs(xml::child(body_head, "abstract"), text);
  const xmlNode* content = xml::descend(nitf, {"body", "body.content"});
  std::string body_text;
  collect_paragraphs(content != nullptr ? content->children : nullptr, body_text);
  if (body_text.empty()) body_text = xml::text(content);  // text without paragraph markup
  append_paragraph(text, body_text);

  const xmlNode* byline = xml::child(body_head, "byline");
  const xmlNode* person = xml::child(byline, "person");
  const long line = xmlGetLineNo(nitf);
  return Article{
      .id = xml::collapse_space(xml::attribute(xml::child(docdata, "doc-id"), "id-string")),
      .title = first_non_empty(
          {xml::text(xml::child(hedline, "hl1")), xml::text(xml::child(head, "title"))}),
      .text = std::move(text),
      .date =
          xml::day_of(first_non_empty({xml::attribute(xml::child(docdata, "date.issue"), "norm"),
                                       xml::attribute(pubdata, "date.publication")})),
      .source = xml::collapse_space(first_non_empty(
          {xml::attribute(xml::child(docdata, "doc.copyright"), "holder"),
           xml::attribute(pubdata, "name"), xml::text(xml::child(body_head, "distributor"))})),
      .section = xml::collapse_space(xml::attribute(pubdata, "position.section")),
      .url = xml::collapse_space(xml::attribute(pubdata, "ex-ref")),
      .author = xml::without_by(person != nullptr ? xml::text(person) : xml::text(byline)),
      .origin = origin(name, line > 0 ? static_cast<std::uint64_t>(line) : 1)};
}

std::string trimmed_message(const char* message) {
  std::string text = message != nullptr ? message : "cannot parse";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// The first error libxml2 met: after it the parser goes on looking for more, and the
// last one ("Premature end of data") says less about what is wrong.
struct FirstError {
  bool seen = false;
  int line = 0;
  std::string message;
};

void keep_first_error(void* user_data, xmlError* error) {
  auto* context = static_cast<xmlParserCtxt*>(user_data);
  auto* first = context != nullptr ? static_cast<FirstError*>(context->_private) : nullptr;
  if (first == nullptr || first->seen || error == nullptr || error->level < XML_ERR_ERROR) return;
  first->seen = true;
  first->line = error->line;
  first->message = trimmed_message(error->message);
}

}  // namespace

NitfReader::NitfReader(std::unique_ptr<ByteSource> source, std::string name,
                       Diagnostics& diagnostics)
    : source_(std::move(source)), name_(std::move(name)), diagnostics_(diagnostics) {}

void NitfReader::parse() {
  parsed_ = true;
  std::optional<std::string> bytes =
      read_whole_document(*source_, name_, "NITF articles", diagnostics_, bytes_read_);
  if (!bytes) return;
  repair_encoding_by_line(*bytes, name_, diagnostics_);
  if (const std::string excess = markup_excess(*bytes); !excess.empty()) {
    diagnostics_.skipped(name_, "too much markup to parse: " + excess);
    return;
  }
  const xml::Parser parser(xmlNewParserCtxt());
  if (!parser || parser->sax == nullptr) throw ReadError(name_ + ": cannot set up the XML parser");
  FirstError first_error;
  parser->_private = &first_error;
  parser->sax->serror = &keep_first_error;
  // The bytes are UTF-8 by now, whatever the XML declaration says. No DTD is loaded
  // and nothing is fetched from the network.
  const xml::Document document(xmlCtxtReadMemory(
      parser.get(), bytes->data(), static_cast<int>(bytes->size()), name_.c_str(), "UTF-8",
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC |
          XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES));
  if (!document) {
    if (!first_error.seen) {
      const xmlError* error = xmlCtxtGetLastError(parser.get());
      first_error.line = error != nullptr ? error->line : 0;
      first_error.message = trimmed_message(error != nullptr ? error->message : nullptr);
    }
    diagnostics_.skipped(origin(name_, static_cast<std::uint64_t>(std::max(first_error.line, 1))),
                         "malformed XML: " + first_error.message);
    return;
  }
  xmlNode* const root = xmlDocGetRootElement(document.get());
  if (xml::depth(root, xml::kMaxDepth) > xml::kMaxDepth) {
    diagnostics_.skipped(name_, fmt::format("elements nested more than {} deep", xml::kMaxDepth));
    return;
  }
  // A <nitf> inside another is part of its text, not an article of its own.
  const std::vector<xmlNode*> documents = xml::find_outermost(root, "nitf");
  if (documents.empty()) {
    diagnostics_.skipped(name_, "XML without a <nitf> element, not NITF");
    return;
  }
  for (const xmlNode* nitf : documents) articles_.push_back(read_nitf(nitf, name_));
}

std::optional<Article> NitfReader::next() {
  if (!parsed_) parse();
  while (!articles_.empty()) {
    Article article = std::move(articles_.front());
    articles_.pop_front();
    if (finish_record(article, name_, diagnostics_)) return article;
  }
  return std::nullopt;
}

}  // namespace archivar
