// A line-by-line scanner rather than an XML parser: TREC files are SGML, not XML
// (unescaped '&', unclosed tags), and a scanner survives what a strict parser rejects.
#include "corpus/formats/trec_reader.h"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "corpus/record_checks.h"

namespace archivar {
namespace {

enum class Field { kNone, kId, kTitle, kText, kDate, kSource, kSection, kUrl, kAuthor };

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

Field field_for(std::string_view tag) {
  const std::string name = upper(tag);
  if (name == "DOCNO") return Field::kId;
  if (name == "HEADLINE" || name == "TITLE" || name == "HL") return Field::kTitle;
  if (name == "TEXT" || name == "BODY") return Field::kText;
  if (name == "DATE" || name == "DATE_TIME") return Field::kDate;
  if (name == "SOURCE") return Field::kSource;
  if (name == "SECTION") return Field::kSection;
  if (name == "URL") return Field::kUrl;
  if (name == "AUTHOR" || name == "BYLINE") return Field::kAuthor;
  return Field::kNone;
}

std::string* slot(Article& article, Field field) {
  switch (field) {
    case Field::kId:
      return &article.id;
    case Field::kTitle:
      return &article.title;
    case Field::kText:
      return &article.text;
    case Field::kDate:
      return &article.date;
    case Field::kSource:
      return &article.source;
    case Field::kSection:
      return &article.section;
    case Field::kUrl:
      return &article.url;
    case Field::kAuthor:
      return &article.author;
    case Field::kNone:
      return nullptr;
  }
  return nullptr;
}

void append_code_point(std::string& out, std::uint32_t code_point) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, static_cast<UChar32>(code_point), error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

// Decodes numeric references and named entities: XML's five and the SGML/HTML 4 set
// (&auml; &szlig; &nbsp; ...) from libxml2's table; an unknown '&' stays as it is.
std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t semicolon = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      out += text[i];
      continue;
    }
    const std::string_view entity = text.substr(i + 1, semicolon - i - 1);
    std::uint32_t code_point = 0;
    if (entity == "apos") {  // XML's, which HTML 4 lacks
      code_point = '\'';
    } else if (entity.size() > 1 && entity[0] == '#') {
      const bool hex = entity[1] == 'x' || entity[1] == 'X';
      const std::string_view digits = entity.substr(hex ? 2 : 1);
      std::from_chars(digits.data(), digits.data() + digits.size(), code_point, hex ? 16 : 10);
    } else if (const htmlEntityDesc* named = htmlEntityLookup(
                   reinterpret_cast<const xmlChar*>(std::string(entity).c_str()))) {
      code_point = named->value;
    }
    if (code_point == 0) {
      out += text[i];
      continue;
    }
    append_code_point(out, code_point);
    i = semicolon;
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Collects one record's fields while tags open and close across lines.
class RecordBuilder {
 public:
  explicit RecordBuilder(std::string origin) { article_.origin = std::move(origin); }

  // Feeds one line; returns true when </DOC> closed the record. Returns false with
  // @p reopened set when a "<DOC>" shows the record was never closed.
  bool feed(std::string_view line, bool& reopened) {
    reopened = false;
    std::size_t pos = 0;
    while (pos < line.size()) {
      const std::size_t open = line.find('<', pos);
      capture(line.substr(pos, open == std::string_view::npos ? open : open - pos));
      if (open == std::string_view::npos) break;
      const std::size_t close = line.find('>', open);
      if (close == std::string_view::npos) {  // a lone '<' is text
        capture(line.substr(open));
        break;
      }
      std::string_view tag = line.substr(open + 1, close - open - 1);
      pos = close + 1;
      const bool closing = !tag.empty() && tag.front() == '/';
      if (closing) tag.remove_prefix(1);
      tag = tag.substr(0, tag.find_first_of(" \t"));  // drop attributes
      const std::string name = upper(tag);
      if (name == "DOC") {
        if (closing) return finish_field(), true;
        reopened = true;
        return false;
      }
      const Field field = field_for(name);
      if (field != Field::kNone) {
        finish_field();
        if (!closing) current_ = field;
      } else if (current_ == Field::kText && (name == "P" || name == "BR")) {
        buffer_ += "\n\n";  // paragraph markup inside the text
      }
    }
    if (current_ != Field::kNone) buffer_ += '\n';
    return false;
  }

  Article take() {
    finish_field();
    return std::move(article_);
  }

 private:
  void capture(std::string_view text) {
    if (current_ != Field::kNone) buffer_ += text;
  }

  void finish_field() {
    if (current_ == Field::kNone) return;
    std::string value = decode_entities(trim(buffer_));
    std::string& target = *slot(article_, current_);
    if (!value.empty()) {
      if (!target.empty()) target += current_ == Field::kText ? "\n\n" : " ";
      target += value;
    }
    buffer_.clear();
    current_ = Field::kNone;
  }

  Article article_;
  Field current_ = Field::kNone;
  std::string buffer_;
};

bool starts_doc(std::string_view line) {
  const std::string head = upper(trim(line).substr(0, 5));
  return head == "<DOC>" || head == "<DOC ";
}

}  // namespace

TrecReader::TrecReader(std::unique_ptr<LineReader> lines, std::string name,
                       Diagnostics& diagnostics)
    : lines_(std::move(lines)), name_(std::move(name)), diagnostics_(diagnostics) {}

bool TrecReader::next_line(std::string& line) {
  if (!queued_.empty()) {
    line = std::move(queued_.back());
    queued_.pop_back();
    return true;
  }
  if (!lines_->next(line)) return false;
  if (lines_->overlong()) overlong_line_ = lines_->line_number();
  repair_encoding(line, origin(name_, lines_->line_number()), name_, diagnostics_);
  // Split after every "</DOC>" that more text follows; queue the pieces after the first.
  const std::string upper_line = upper(line);
  std::vector<std::string> pieces;
  std::size_t begin = 0;
  for (std::size_t end = upper_line.find("</DOC>"); end != std::string::npos;
       end = upper_line.find("</DOC>", begin)) {
    const std::size_t cut = end + 6;
    if (trim(std::string_view(line).substr(cut)).empty()) break;
    pieces.push_back(line.substr(begin, cut - begin));
    begin = cut;
  }
  if (pieces.empty()) return true;
  pieces.push_back(line.substr(begin));
  line = std::move(pieces.front());
  for (std::size_t k = pieces.size() - 1; k >= 1; --k) queued_.push_back(std::move(pieces[k]));
  return true;
}

void TrecReader::push_back(std::string line) {
  queued_.push_back(std::move(line));
}

void TrecReader::skip_rest_of_document() {
  std::string line;
  while (next_line(line)) {
    if (starts_doc(line)) {
      push_back(std::move(line));
      return;
    }
    if (upper(line).find("</DOC>") != std::string::npos) return;
  }
}

std::optional<Article> TrecReader::next() {
  std::string line;
  while (true) {
    bool found = false;
    while (next_line(line)) {
      if (starts_doc(line)) {
        found = true;
        break;
      }
    }
    if (!found) return std::nullopt;

    const std::string where = origin(name_, lines_->line_number());
    RecordBuilder record(where);
    overlong_line_ = 0;
    bool closed = false;
    bool reopened = false;
    std::string rest = line.substr(line.find('>') + 1);
    std::size_t record_bytes = rest.size();
    closed = record.feed(rest, reopened);
    while (!closed && !reopened && record_bytes <= kMaxRecordBytes && next_line(line)) {
      record_bytes += line.size() + 1;
      closed = record.feed(line, reopened);
      if (reopened) push_back(line);  // the next record starts here
    }
    if (!closed && !reopened && record_bytes > kMaxRecordBytes) {
      skip_rest_of_document();
      diagnostics_.skipped(
          where, fmt::format("document longer than {}; a </DOC> may be missing", kMaxRecordText));
      continue;
    }
    Article article = record.take();
    if (!closed) {
      diagnostics_.skipped(article.origin, reopened ? "<DOC> without </DOC> before the next <DOC>"
                                                    : "<DOC> without </DOC> at end of file");
      continue;
    }
    if (overlong_line_ != 0) {
      diagnostics_.skipped(article.origin, fmt::format("line {} of the document is longer than {}",
                                                       overlong_line_, kMaxRecordText));
      continue;
    }
    if (!finish_record(article, name_, diagnostics_)) continue;
    return article;
  }
}

}  // namespace archivar
