// Facets: how the whole result set of a query divides by source, section, year and month,
// counted exactly during the match by Xapian match spies on the document value slots.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace archivar {

enum class Facet { kSource, kSection, kYear, kMonth };

/// Parses a comma-separated list such as "source,year" (also the German quelle, rubrik,
/// jahr, monat), in the order given, without repeats. Throws std::invalid_argument naming
/// the unknown name.
std::vector<Facet> parse_facets(std::string_view list);

/// The facet's name in output: "source", "section", "year", "month".
std::string_view facet_name(Facet facet);

struct FacetValue {
  std::string label;  ///< a source or section as written, "2020", "2020-03"
  Xapian::doccount count = 0;
};

struct FacetCounts {
  Facet facet = Facet::kSource;
  /// Sources and sections by count, most first (then by label); years and months in
  /// time order. Only values with at least one hit.
  std::vector<FacetValue> values;
};

/// Counts the facets of one match. Attach it to an Enquire, run get_mset() with
/// check_at_least at least the database's document count (otherwise the matcher may
/// skip documents and the counts are lower bounds), then read counts(). Works on
/// remote shards too: the spies are Xapian's own ValueCountMatchSpy, which the remote
/// server knows.
class FacetCollector {
 public:
  explicit FacetCollector(std::vector<Facet> facets);
  ~FacetCollector();
  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  /// Registers the spies with @a enquire, which must not outlive this collector.
  void attach(Xapian::Enquire& enquire);

  /// The counts, one entry per facet in the order asked for. Spellings of a source or
  /// section that fold to the same keyword (as source: and section: match them) are
  /// counted together under the most frequent spelling.
  std::vector<FacetCounts> counts() const;

 private:
  std::vector<Facet> facets_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> sources_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> sections_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> dates_;  ///< per day; years and months add up
};

}  // namespace archivar
