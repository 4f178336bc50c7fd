#include "searcher/printers/facet_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "common/text/control_characters.h"
#include "common/text/plural.h"
#include "common/text/utf8.h"

namespace archivar {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kBarColor = "\x1b[36m";  // cyan
constexpr std::size_t kMaxLabelChars = 32;
// Months are shown with their gaps while the period fits on a screen or two; over
// decades only the months with hits are listed.
constexpr std::size_t kMaxPeriodRows = 60;

// Full block, then the left one to seven eighths of a cell.
constexpr std::string_view kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr std::string_view kFullBlock = "█";

std::size_t display_width(std::string_view utf8) {
  return utf8_length(utf8);
}

// @a utf8 cut to @a chars characters, the last replaced by "…" when cut.
std::string shortened(std::string_view utf8, std::size_t chars) {
  if (display_width(utf8) <= chars) return std::string(utf8);
  std::size_t kept = 0, end = 0;
  while (end < utf8.size()) {
    std::size_t next = end + 1;
    while (next < utf8.size() && is_utf8_continuation(utf8[next])) ++next;
    if (++kept > chars - 1) break;
    end = next;
  }
  return std::string(utf8.substr(0, end)) + "…";
}

std::string padded(std::string_view utf8, std::size_t width) {
  const std::size_t shown = display_width(utf8);
  return std::string(utf8) + std::string(width > shown ? width - shown : 0, ' ');
}

// Years and months with no hits between the first and the last are shown as zero rows:
// a histogram over time must not close its gaps (unless it would grow too long).
std::vector<FacetValue> with_gaps(const std::vector<FacetValue>& periods, Facet facet) {
  if (periods.empty()) return periods;
  if (facet == Facet::kMonth) {
    const auto months = [](const std::string& label) {
      return std::stoi(label.substr(0, 4)) * 12 + std::stoi(label.substr(5, 2));
    };
    const int span = months(periods.back().label) - months(periods.front().label) + 1;
    if (span > static_cast<int>(kMaxPeriodRows)) return periods;
  }
  std::vector<FacetValue> filled;
  const auto number = [](const std::string& label) { return std::stoi(label); };
  int year = number(periods.front().label.substr(0, 4));
  int month = facet == Facet::kMonth ? number(periods.front().label.substr(5, 2)) : 1;
  std::size_t next = 0;
  while (next < periods.size()) {
    const std::string label = facet == Facet::kMonth ? fmt::format("{:04}-{:02}", year, month)
                                                     : fmt::format("{:04}", year);
    if (periods[next].label == label) {
      filled.push_back(periods[next++]);
    } else {
      filled.push_back({label, 0});
    }
    if (facet == Facet::kMonth && ++month <= 12) continue;
    month = 1;
    ++year;
  }
  return filled;
}

}  // namespace

std::string facet_bar(double fraction, std::size_t width) {
  const auto eighths =
      static_cast<std::size_t>(std::lround(std::clamp(fraction, 0.0, 1.0) * width * 8));
  const std::size_t shown = fraction > 0 ? std::max<std::size_t>(eighths, 1) : 0;
  std::string bar;
  for (std::size_t i = 0; i < shown / 8; ++i) bar += kFullBlock;
  bar += kEighths[shown % 8];
  return bar;
}

std::string render_facet_chart(const std::vector<FacetCounts>& facets, Xapian::doccount total,
                               const FacetChartOptions& options) {
  const auto style = [&](std::string_view code, const std::string& text) {
    return options.color && !text.empty() ? fmt::format("{}{}{}", code, text, kReset) : text;
  };
  std::string out;
  for (const FacetCounts& counts : facets) {
    const bool by_time = counts.facet == Facet::kYear || counts.facet == Facet::kMonth;
    std::vector<FacetValue> rows = by_time ? with_gaps(counts.values, counts.facet) : counts.values;
    Xapian::doccount rest_count = 0;
    std::size_t rest_values = 0;
    if (!by_time && rows.size() > options.max_keywords) {
      for (std::size_t i = options.max_keywords; i < rows.size(); ++i) rest_count += rows[i].count;
      rest_values = rows.size() - options.max_keywords;
      rows.resize(options.max_keywords);
    }
    const std::string name(facet_name(counts.facet));
    std::size_t label_width = 0;
    Xapian::doccount largest = 0, counted = 0;
    for (FacetValue& row : rows) {
      row.label = shortened(printable(row.label), kMaxLabelChars);
      label_width = std::max(label_width, display_width(row.label));
      largest = std::max(largest, row.count);
    }
    for (const FacetValue& value : counts.values) counted += value.count;
    const std::size_t count_width = std::to_string(std::max<Xapian::doccount>(largest, 1)).size();

    out += style(kBold, fmt::format("{} ({} {})", name, counts.values.size(),
                                    counts.values.size() == 1 ? "value" : "values")) +
           "\n";
    if (rows.empty()) out += "  (none among the hits)\n";
    for (const FacetValue& row : rows) {
      const double fraction = largest == 0 ? 0.0 : static_cast<double>(row.count) / largest;
      out += fmt::format("  {}  {:>{}}  {}\n", padded(row.label, label_width), row.count,
                         count_width, style(kBarColor, facet_bar(fraction, options.bar_width)));
    }
    if (rest_values > 0) {
      out += style(kDim, fmt::format("  … {} more with {}", rest_values,
                                     archivar::counted(rest_count, "hit", "hits"))) +
             "\n";
    }
    if (counted < total) {
      const std::string_view without = by_time                          ? "a date"
                                       : counts.facet == Facet::kSource ? "a source"
                                                                        : "a section";
      out += style(kDim, fmt::format("  ({} without {})", total - counted, without)) + "\n";
    }
    out += '\n';
  }
  return out;
}

}  // namespace archivar
