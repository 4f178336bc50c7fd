#include "searcher/facets.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include "common/index_schema.h"
#include "common/text/keyword.h"

namespace archivar {
namespace {

struct FacetName {
  std::string_view name;
  Facet facet;
};

constexpr FacetName kNames[] = {
    {"source", Facet::kSource},  {"quelle", Facet::kSource}, {"section", Facet::kSection},
    {"rubrik", Facet::kSection}, {"year", Facet::kYear},     {"jahr", Facet::kYear},
    {"month", Facet::kMonth},    {"monat", Facet::kMonth},
};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

bool is_sortable_date(const std::string& value) {
  return value.size() == 8 &&
         std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Keyword values: spellings that fold alike are one value, shown as the most frequent.
std::vector<FacetValue> keyword_counts(const Xapian::ValueCountMatchSpy& spy) {
  struct Group {
    Xapian::doccount total = 0;
    Xapian::doccount best = 0;
    std::string label;
  };
  std::map<std::string, Group> groups;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string value = *it;
    const Xapian::doccount count = it.get_termfreq();
    Group& group = groups[fold_keyword(value)];
    group.total += count;
    if (count > group.best || (count == group.best && value < group.label)) {
      group.best = count;
      group.label = value;
    }
  }
  std::vector<FacetValue> values;
  for (auto& [key, group] : groups) values.push_back({std::move(group.label), group.total});
  std::ranges::sort(values, [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.label < b.label;
  });
  return values;
}

// Days "YYYYMMDD" added up by their first @a digits digits; labels "YYYY" or "YYYY-MM".
std::vector<FacetValue> period_counts(const Xapian::ValueCountMatchSpy& spy, std::size_t digits) {
  std::map<std::string, Xapian::doccount> periods;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string day = *it;
    if (is_sortable_date(day)) periods[day.substr(0, digits)] += it.get_termfreq();
  }
  std::vector<FacetValue> values;
  for (const auto& [period, count] : periods) {
    values.push_back(
        {digits == 6 ? period.substr(0, 4) + "-" + period.substr(4, 2) : period, count});
  }
  return values;
}

}  // namespace

std::vector<Facet> parse_facets(std::string_view list) {
  std::vector<Facet> facets;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view name = trimmed(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (name.empty()) continue;
    const auto known = std::ranges::find(kNames, name, &FacetName::name);
    if (known == std::end(kNames)) {
      throw std::invalid_argument("unknown facet '" + std::string(name) +
                                  "' (known: source, section, year, month)");
    }
    if (std::ranges::find(facets, known->facet) == facets.end()) facets.push_back(known->facet);
  }
  return facets;
}

std::string_view facet_name(Facet facet) {
  switch (facet) {
    case Facet::kSource:
      return "source";
    case Facet::kSection:
      return "section";
    case Facet::kYear:
      return "year";
    case Facet::kMonth:
      break;
  }
  return "month";
}

FacetCollector::FacetCollector(std::vector<Facet> facets) : facets_(std::move(facets)) {
  for (const Facet facet : facets_) {
    switch (facet) {
      case Facet::kSource:
        sources_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSourceSlot);
        break;
      case Facet::kSection:
        sections_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSectionSlot);
        break;
      case Facet::kYear:
      case Facet::kMonth:
        if (!dates_) dates_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot);
        break;
    }
  }
}

FacetCollector::~FacetCollector() = default;

void FacetCollector::attach(Xapian::Enquire& enquire) {
  for (Xapian::ValueCountMatchSpy* spy : {sources_.get(), sections_.get(), dates_.get()}) {
    if (spy != nullptr) enquire.add_matchspy(spy);
  }
}

std::vector<FacetCounts> FacetCollector::counts() const {
  std::vector<FacetCounts> result;
  for (const Facet facet : facets_) {
    FacetCounts counts{.facet = facet};
    switch (facet) {
      case Facet::kSource:
        counts.values = keyword_counts(*sources_);
        break;
      case Facet::kSection:
        counts.values = keyword_counts(*sections_);
        break;
      case Facet::kYear:
        counts.values = period_counts(*dates_, 4);
        break;
      case Facet::kMonth:
        counts.values = period_counts(*dates_, 6);
        break;
    }
    result.push_back(std::move(counts));
  }
  return result;
}

}  // namespace archivar
