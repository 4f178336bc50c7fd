// FacetChart: facet counts as aligned text tables with bar charts, for people at a
// terminal; years and months as a histogram over the whole period, gaps included.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "searcher/facets.h"

namespace archivar {

struct FacetChartOptions {
  bool color = false;
  std::size_t bar_width = 40;  ///< cells of the longest bar
  /// Sources and sections shown (the most frequent); the rest are summed up in one line.
  std::size_t max_keywords = 15;
};

/// The tables for @a facets of a result set of @a total articles, each headed by the
/// facet's name. Bars are drawn with Unicode block elements (eighths of a cell), in
/// colour when asked.
std::string render_facet_chart(const std::vector<FacetCounts>& facets, Xapian::doccount total,
                               const FacetChartOptions& options);

/// A bar of @a fraction (0..1) of @a width cells in block elements; a non-zero fraction
/// gets at least an eighth of a cell.
std::string facet_bar(double fraction, std::size_t width);

}  // namespace archivar
