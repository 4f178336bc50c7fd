#include "corpus/field_map.h"

#include <algorithm>
#include <stdexcept>

namespace archivar {

FieldMap FieldMap::parse(std::string_view spec) {
  FieldMap map;
  while (!spec.empty()) {
    const std::size_t comma = spec.find(',');
    const std::string_view entry = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
    if (entry.empty()) continue;
    const std::size_t equals = entry.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == entry.size()) {
      throw std::invalid_argument("field map entry '" + std::string(entry) +
                                  "' is not of the form field=name");
    }
    const std::string_view field = entry.substr(0, equals);
    if (std::ranges::find(kFields, field) == std::end(kFields)) {
      throw std::invalid_argument("unknown field '" + std::string(field) +
                                  "' in field map (known: id, title, text, date, source, "
                                  "section, url, author)");
    }
    map.keys_[std::string(field)] = entry.substr(equals + 1);
  }
  return map;
}

std::string_view FieldMap::key_for(std::string_view field) const {
  const auto it = keys_.find(field);
  return it != keys_.end() ? std::string_view(it->second) : field;
}

}  // namespace archivar
