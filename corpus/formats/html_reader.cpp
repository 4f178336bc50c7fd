// libxml2's HTML parser rather than gumbo: libxml2 also parses the NITF reader's XML, is
// actively maintained (gumbo's upstream stopped in 2016), and repairs broken markup well
// enough for text extraction, which needs no exact HTML5 tree.
#include "corpus/formats/html_reader.h"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "corpus/formats/markup_budget.h"
#include "corpus/formats/xml_tree.h"
#include "corpus/input/whole_input.h"
#include "corpus/record_checks.h"

namespace archivar {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> options) {
  return std::ranges::find(options, value) != options.end();
}

// Elements whose content is never article text. A <header> is the page's banner when
// the text comes from the whole body, but inside an <article> it holds the headline and
// the lead, which are kept.
bool is_dropped_element(std::string_view name, bool keep_header) {
  if (name == "header") return !keep_header;
  return one_of(name, {"script", "style",  "noscript", "template", "nav",    "footer", "aside",
                       "form",   "button", "select",   "textarea", "iframe", "svg",    "canvas",
                       "figure", "menu",   "dialog",   "object",   "embed",  "head"});
}

// Words in class, id or role that mark page furniture rather than the article.
bool is_boilerplate_word(std::string_view word) {
  return one_of(word, {"nav",           "navbar",      "navigation", "menu",        "footer",
                       "breadcrumb",    "breadcrumbs", "byline",     "share",       "sharing",
                       "social",        "comment",     "comments",   "related",     "recommended",
                       "newsletter",    "cookie",      "cookies",    "consent",     "advert",
                       "advertisement", "ad",          "ads",        "banner",      "promo",
                       "sidebar",       "paywall",     "subscribe",  "contentinfo", "complementary",
                       "search"});
}

bool has_boilerplate_marker(const xmlNode* node) {
  if (xml::attribute(node, "aria-hidden") == "true" || xmlHasProp(node, BAD_CAST "hidden")) {
    return true;
  }
  for (const char* attribute : {"class", "id", "role"}) {
    const std::string value = lower(xml::attribute(node, attribute));
    std::size_t begin = 0;
    while (begin < value.size()) {
      std::size_t end = begin;
      while (end < value.size() && std::isalnum(static_cast<unsigned char>(value[end]))) ++end;
      if (end > begin && is_boilerplate_word(std::string_view(value).substr(begin, end - begin))) {
        return true;
      }
      begin = end + 1;
    }
  }
  return false;
}

bool is_block(std::string_view name) {
  return one_of(name,
                {"p",  "div",        "section", "article", "main",       "h1",  "h2", "h3",
                 "h4", "h5",         "h6",      "li",      "ul",         "ol",  "dl", "dt",
                 "dd", "blockquote", "pre",     "table",   "tr",         "td",  "th", "caption",
                 "br", "hr",         "address", "center",  "figcaption", "body"});
}

std::size_t visible_length(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return !std::isspace(static_cast<unsigned char>(c)); }));
}

// Collects the paragraphs of a subtree, leaving out furniture and link lists.
class BodyText {
 public:
  /// @a keep_header: the text comes from an <article> or <main>, whose <header> is its own.
  BodyText(std::string title, bool keep_header)
      : title_(std::move(title)), keep_header_(keep_header) {}

  void walk(const xmlNode* node, bool in_link) {
    for (; node != nullptr; node = node->next) {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        const auto* content = reinterpret_cast<const char*>(node->content);
        if (content == nullptr) continue;
        current_ += content;
        if (in_link) link_length_ += visible_length(content);
        continue;
      }
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string name = lower(xml::name(node));
      if (is_dropped_element(name, keep_header_) || has_boilerplate_marker(node)) continue;
      const bool block = is_block(name);
      if (block) flush();
      walk(node->children, in_link || name == "a");
      if (block) flush();
    }
  }

  std::string take() {
    flush();
    std::string text;
    for (const std::string& paragraph : paragraphs_) {
      if (!text.empty()) text += "\n\n";
      text += paragraph;
    }
    return text;
  }

 private:
  void flush() {
    std::string paragraph = xml::collapse_space(current_);
    const std::size_t length = visible_length(paragraph);
    // Text density: a block that is mostly link text is a menu or a list of teasers.
    const bool mostly_links = link_length_ * 2 > length;
    if (!paragraph.empty() && !mostly_links && paragraph != title_) {
      paragraphs_.push_back(std::move(paragraph));
    }
    current_.clear();
    link_length_ = 0;
  }

  std::string title_;
  bool keep_header_;
  std::vector<std::string> paragraphs_;
  std::string current_;
  std::size_t link_length_ = 0;
};

// The <meta> tags of a page by lower-cased property, name or itemprop; the first wins.
std::map<std::string, std::string> meta_tags(xmlNode* root) {
  std::map<std::string, std::string> tags;
  for (const xmlNode* meta : xml::find_all(root, "meta")) {
    std::string content = xml::collapse_space(xml::attribute(meta, "content"));
    if (content.empty()) continue;
    for (const char* key_attribute : {"property", "name", "itemprop"}) {
      const std::string key = lower(xml::attribute(meta, key_attribute));
      if (!key.empty()) tags.try_emplace(key, content);
    }
  }
  return tags;
}

std::string first_of(const std::map<std::string, std::string>& tags,
                     std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    const auto it = tags.find(std::string(key));
    if (it != tags.end()) return it->second;
  }
  return {};
}

std::string canonical_link(xmlNode* root) {
  for (const xmlNode* link : xml::find_all(root, "link")) {
    if (lower(xml::attribute(link, "rel")) == "canonical") {
      return xml::collapse_space(xml::attribute(link, "href"));
    }
  }
  return {};
}

// The element holding the article: the <article> with the most text, else <main> or
// role="main", else the body itself.
xmlNode* content_root(xmlNode* body) {
  xmlNode* best = nullptr;
  std::size_t best_length = 0;
  for (xmlNode* article : xml::find_outermost(body, "article")) {
    const std::size_t length = xml::text(article).size();
    if (length > best_length) {
      best = article;
      best_length = length;
    }
  }
  if (best != nullptr) return best;
  if (const auto mains = xml::find_all(body, "main"); !mains.empty()) return mains.front();
  for (xmlNode* node : xml::find_all(body, "div")) {
    if (lower(xml::attribute(node, "role")) == "main") return node;
  }
  return body;
}

// The page title without the site's name that <title> often appends ("… | Tagesblick").
std::string without_site_name(const std::string& title, const std::string& og_title,
                              const std::string& site_name) {
  if (!og_title.empty() && og_title.size() < title.size() && title.starts_with(og_title)) {
    return og_title;
  }
  if (site_name.empty() || !title.ends_with(site_name)) return title;
  std::string_view rest = std::string_view(title).substr(0, title.size() - site_name.size());
  for (const std::string_view separator : {" | ", " - ", " – ", " — ", " · ", ": "}) {
    if (rest.ends_with(separator) && rest.size() > separator.size()) {
      return std::string(rest.substr(0, rest.size() - separator.size()));
    }
  }
  return title;
}

}  // namespace

HtmlReader::HtmlReader(std::unique_ptr<ByteSource> source, std::string name,
                       Diagnostics& diagnostics)
    : source_(std::move(source)), name_(std::move(name)), diagnostics_(diagnostics) {}

std::optional<Article> HtmlReader::next() {
  if (done_) return std::nullopt;
  done_ = true;
  std::optional<std::string> bytes =
      read_whole_document(*source_, name_, "one page", diagnostics_, bytes_read_);
  if (!bytes) return std::nullopt;
  repair_encoding_by_line(*bytes, name_, diagnostics_);
  if (const std::string excess = markup_excess(*bytes); !excess.empty()) {
    diagnostics_.skipped(name_, "too much markup to parse: " + excess);
    return std::nullopt;
  }

  const xml::Parser parser(htmlNewParserCtxt());
  if (!parser) throw ReadError(name_ + ": cannot set up the HTML parser");
  // The bytes are UTF-8 by now, whatever the page's <meta charset> says.
  const xml::Document document(htmlCtxtReadMemory(
      parser.get(), bytes->data(), static_cast<int>(bytes->size()), name_.c_str(), "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
          HTML_PARSE_IGNORE_ENC));
  xmlNode* root = document ? xmlDocGetRootElement(document.get()) : nullptr;
  if (root == nullptr) {
    diagnostics_.skipped(name_, "not an HTML page: no element could be parsed");
    return std::nullopt;
  }
  if (xml::depth(root, xml::kMaxDepth) > xml::kMaxDepth) {
    diagnostics_.skipped(name_, fmt::format("elements nested more than {} deep", xml::kMaxDepth));
    return std::nullopt;
  }

  const auto tags = meta_tags(root);
  const auto heads = xml::find_all(root, "head");
  const std::string site_name = first_of(tags, {"og:site_name", "dc.publisher", "publisher"});
  const std::string meta_title = first_of(tags, {"og:title", "twitter:title", "dc.title"});
  std::string title = without_site_name(
      heads.empty() ? "" : xml::text(xml::child(heads.front(), "title")), meta_title, site_name);
  if (title.empty()) title = meta_title;
  const auto bodies = xml::find_all(root, "body");
  xmlNode* const body = bodies.empty() ? nullptr : bodies.front();
  if (title.empty() && body != nullptr) {
    if (const auto h1 = xml::find_all(body, "h1"); !h1.empty()) title = xml::text(h1.front());
  }
  if (body == nullptr) {
    diagnostics_.skipped(origin(name_, 1), "HTML page without a <body>");
    return std::nullopt;
  }

  xmlNode* const root_of_text = content_root(body);
  BodyText body_text(title, root_of_text != body);
  body_text.walk(root_of_text->children, false);
  std::string text = body_text.take();
  if (text.empty() && root_of_text != body) {
    BodyText whole_body(title, false);
    whole_body.walk(body->children, false);
    text = whole_body.take();
  }
  if (text.empty()) {
    diagnostics_.skipped(origin(name_, xmlGetLineNo(body) > 0 ? xmlGetLineNo(body) : 1),
                         "HTML page whose <body> has no article text");
    return std::nullopt;
  }
  const std::string description =
      first_of(tags, {"description", "og:description", "dc.description", "twitter:description"});
  if (!description.empty() && text.find(description) == std::string::npos) {
    text = description + "\n\n" + text;
  }

  std::string date =
      first_of(tags, {"article:published_time", "og:article:published_time", "datepublished",
                      "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
                      "dcterms.created", "pubdate", "publishdate", "publish-date",
                      "publication_date", "sailthru.date", "parsely-pub-date"});
  if (date.empty()) {
    for (const xmlNode* time : xml::find_all(root_of_text, "time")) {
      date = xml::attribute(time, "datetime");
      if (!date.empty()) break;
    }
  }
  std::string author = first_of(tags, {"author", "dc.creator", "dcterms.creator", "byl",
                                       "parsely-author", "sailthru.author"});
  if (author.empty()) {
    const std::string article_author = first_of(tags, {"article:author"});
    if (!article_author.starts_with("http")) author = article_author;  // often a profile URL
  }
  author = xml::without_by(author);
  std::string url = canonical_link(root);
  if (url.empty()) url = first_of(tags, {"og:url"});
  const long line = xmlGetLineNo(root_of_text);
  Article article{.id = url.empty() ? stable_path(name_) : url,
                  .title = std::move(title),
                  .text = std::move(text),
                  .date = date.empty() ? "" : xml::day_of(date),
                  .source = site_name,
                  .section = first_of(tags, {"article:section", "section"}),
                  .url = std::move(url),
                  .author = std::move(author),
                  .origin = origin(name_, line > 0 ? static_cast<std::uint64_t>(line) : 1)};
  if (!finish_record(article, name_, diagnostics_)) return std::nullopt;
  return article;
}

}  // namespace archivar
