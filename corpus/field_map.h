// FieldMap: which input field fills which article field, for archives with other names.
// "--field-map title=headline,text=body" reads the headline into the title.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace archivar {

class FieldMap {
 public:
  /// The article fields a map may name.
  static constexpr std::string_view kFields[] = {"id",     "title",   "text", "date",
                                                 "source", "section", "url",  "author"};

  /// Parses "field=name,field=name"; throws std::invalid_argument naming a bad entry.
  static FieldMap parse(std::string_view spec);

  /// The input key for article field @a field (the field's own name unless mapped).
  std::string_view key_for(std::string_view field) const;

 private:
  std::map<std::string, std::string, std::less<>> keys_;
};

}  // namespace archivar
