#include "corpus/formats/jsonl_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "corpus/record_checks.h"

namespace archivar {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kFieldCount = std::size(FieldMap::kFields);

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, ...".
std::string short_reason(const std::exception& error) {
  std::string_view message = error.what();
  if (const auto bracket = message.find("] "); bracket != std::string_view::npos) {
    message.remove_prefix(bracket + 2);
  }
  return std::string(message);
}

// Takes the article fields out of one JSON record while the parser reads it (SAX), without
// building the record's tree: a 32 MiB line of "[{},{},...]" took a gigabyte as a tree,
// and a line nested 10,000 deep overflowed the stack of a recursive walk over it. A
// field's text: a string as it is, a number or boolean as JSON writes it, an array the
// texts of its elements (at any depth) joined by the field's separator (paragraphs,
// several authors); objects and null give none. Of a key given twice the last counts, as
// in a tree.
class RecordFields final : public nlohmann::json_sax<Json> {
 public:
  RecordFields(const FieldMap& field_map, std::size_t max_depth) : max_depth_(max_depth) {
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      keys_[f] = field_map.key_for(FieldMap::kFields[f]);
    }
  }

  /// The text of each article field, in FieldMap::kFields order.
  std::array<std::string, kFieldCount>& fields() { return fields_; }

  /// Why the line is no record (malformed, nested too deep, not an object); empty if it is.
  std::string problem() const {
    if (!malformed_.empty()) return malformed_;
    if (too_deep_) return fmt::format("JSON nested deeper than {} levels", max_depth_);
    if (top_type_ != "object") return fmt::format("expected a JSON object, found {}", top_type_);
    return {};
  }

  bool null() override { return scalar("null", {}); }
  bool boolean(bool value) override { return scalar("boolean", value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override {
    return scalar("number", Json(value).dump());
  }
  bool number_unsigned(number_unsigned_t value) override {
    return scalar("number", Json(value).dump());
  }
  bool number_float(number_float_t value, const string_t&) override {
    return scalar("number", Json(value).dump());
  }
  bool string(string_t& value) override { return scalar("string", value); }
  bool binary(binary_t&) override { return scalar("binary", {}); }

  bool start_object(std::size_t) override {
    if (in_value()) ++objects_in_value_;
    return enter("object");
  }
  bool end_object() override {
    leave();
    if (in_value() && objects_in_value_ > 0) --objects_in_value_;
    end_of_value();
    return true;
  }
  bool start_array(std::size_t) override { return enter("array"); }
  bool end_array() override {
    leave();
    end_of_value();
    return true;
  }
  bool key(string_t& key) override {
    if (depth_ != 1) return true;
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      targets_[f] = keys_[f] == key;
      if (targets_[f]) fields_[f].clear();
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& error) override {
    malformed_ = "malformed JSON: " + short_reason(error);
    return false;
  }

 private:
  // Whether a key of the record named an article field whose value is being read.
  bool in_value() const {
    return depth_ >= 1 && std::ranges::any_of(targets_, [](bool target) { return target; });
  }

  bool enter(std::string_view type) {
    if (depth_ == 0) top_type_ = type;
    if (++depth_ > max_depth_) {
      too_deep_ = true;
      return false;  // stops the parser
    }
    return true;
  }

  void leave() { --depth_; }

  // After a scalar, array or object that was the value of a key of the record.
  void end_of_value() {
    if (depth_ == 1) targets_.fill(false);
  }

  bool scalar(std::string_view type, std::string_view text) {
    if (depth_ == 0) top_type_ = type;
    if (in_value() && objects_in_value_ == 0 && !text.empty()) {
      for (std::size_t f = 0; f < kFieldCount; ++f) {
        if (!targets_[f]) continue;
        if (!fields_[f].empty()) fields_[f] += FieldMap::kFields[f] == "author" ? ", " : "\n\n";
        fields_[f] += text;
      }
    }
    end_of_value();
    return true;
  }

  std::size_t max_depth_;
  std::array<std::string_view, kFieldCount> keys_;
  std::array<std::string, kFieldCount> fields_;
  std::array<bool, kFieldCount> targets_{};  // the fields the current key's value fills
  std::size_t depth_ = 0;
  std::size_t objects_in_value_ = 0;
  std::string_view top_type_;
  bool too_deep_ = false;
  std::string malformed_;
};

}  // namespace

JsonLinesReader::JsonLinesReader(std::unique_ptr<LineReader> lines, std::string name,
                                 const FieldMap& field_map, Diagnostics& diagnostics)
    : lines_(std::move(lines)),
      name_(std::move(name)),
      field_map_(field_map),
      diagnostics_(diagnostics) {}

std::optional<Article> JsonLinesReader::next() {
  while (lines_->next(line_)) {
    const std::string where = origin(name_, lines_->line_number());
    if (lines_->overlong()) {
      diagnostics_.skipped(where, fmt::format("line longer than {}", kMaxRecordText));
      continue;
    }
    if (is_blank(line_)) continue;
    repair_encoding(line_, where, name_, diagnostics_);

    RecordFields record(field_map_, kMaxDepth);
    Json::sax_parse(line_, &record);
    if (const std::string problem = record.problem(); !problem.empty()) {
      diagnostics_.skipped(where, problem);
      continue;
    }
    const auto field = [&record](std::string_view name) {
      const auto it = std::ranges::find(FieldMap::kFields, name);
      return std::move(
          record.fields()[static_cast<std::size_t>(it - std::begin(FieldMap::kFields))]);
    };
    Article article{.id = field("id"),
                    .title = field("title"),
                    .text = field("text"),
                    .date = field("date"),
                    .source = field("source"),
                    .section = field("section"),
                    .url = field("url"),
                    .author = field("author"),
                    .origin = where};
    if (!finish_record(article, name_, diagnostics_)) continue;
    return article;
  }
  return std::nullopt;
}

}  // namespace archivar
