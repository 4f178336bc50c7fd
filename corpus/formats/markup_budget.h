// MarkupBudget: how much of a tree the HTML and NITF readers let libxml2 build for one
// document, judged from its bytes before parsing, so that markup cannot take gigabytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace archivar {

struct MarkupBudget {
  /// Elements and attributes in all. libxml2 takes some 250 bytes for each (with its text
  /// node), so a 32 MiB page of "<b>" took 1.3 GB; this bounds the tree near 150 MB. The
  /// longest real pages (a Wikipedia article, a NITF bundle of a day's news) stay far below.
  std::size_t max_nodes = 500000;
  /// Attributes of one element: libxml2 compares each with all before it (quadratic).
  std::size_t max_attributes_per_element = 256;
};

/// Why parsing @a markup (HTML or XML) would take more than @a budget allows, or empty
/// when it stays within. Counts start tags ('<' and a letter) and the attributes inside
/// them (quoted values skipped) on the bytes, a little above what a parser would build.
std::string markup_excess(std::string_view markup, const MarkupBudget& budget = {});

}  // namespace archivar
