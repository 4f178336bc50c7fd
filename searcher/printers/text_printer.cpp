#include "searcher/printers/text_printer.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "common/text/control_characters.h"
#include "common/text/plural.h"
#include "searcher/printers/facet_chart.h"

namespace archivar {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kMatch = "\x1b[1;31m";  // bold red, as grep and ripgrep mark matches
// A group of 150 reprints should not fill the screen; --format json lists them all.
constexpr std::size_t kSimilarIdsShown = 5;

std::string similar_line(const std::vector<std::string>& similar) {
  std::string line = fmt::format("+{} similar: ", similar.size());
  for (std::size_t i = 0; i < similar.size() && i < kSimilarIdsShown; ++i) {
    line += (i > 0 ? ", " : "") + printable(similar[i]);
  }
  if (similar.size() > kSimilarIdsShown) line += ", …";
  return line;
}

}  // namespace

std::string TextPrinter::marked(const Snippet& snippet, std::string_view base_style) const {
  // Each piece on its own: the highlights are offsets into the text as stored.
  if (!color_) return printable(snippet.text);
  const std::string_view text = snippet.text;
  std::string out(base_style);
  std::size_t at = 0;
  for (const auto& [start, end] : snippet.highlights) {
    out += printable(text.substr(at, start - at));
    out += kMatch;
    out += printable(text.substr(start, end - start));
    out += kReset;
    out += base_style;
    at = end;
  }
  out += printable(text.substr(at));
  out += kReset;
  return out;
}

void TextPrinter::print(const ResultPage& page, std::string_view topic_id) {
  const FacetChartOptions chart{.color = color_};
  if (count_only_) {
    out_ << (topic_id.empty() ? fmt::format("{}\n", page.total)
                              : fmt::format("{}\t{}\n", topic_id, page.total));
    if (!page.facets.empty()) out_ << '\n' << render_facet_chart(page.facets, page.total, chart);
    return;
  }
  if (!topic_id.empty()) {
    out_ << fmt::format("== topic {}: {}\n", printable(topic_id), printable(page.query));
  }
  if (!page.similar_to.empty()) {
    out_ << fmt::format("articles like {}", printable(page.similar_to));
    if (page.near_duplicates_left_out > 0) {
      out_ << fmt::format(" (its {} left out)", counted(page.near_duplicates_left_out,
                                                        "near-duplicate", "near-duplicates"));
    }
    out_ << "\n\n";
  }
  if (page.suggestion) {
    const std::string suggestion =
        color_ ? fmt::format("{}{}{}", kBold, printable(*page.suggestion), kReset)
               : printable(*page.suggestion);
    // A question keeps its own question mark ("Wer regiert in der Türkei?").
    const bool asks = page.suggestion->ends_with('?');
    out_ << fmt::format("Meinten Sie: {}{}\n\n", suggestion, asks ? "" : "?");
  }
  for (const ResultHit& result : page.hits) {
    const Article& article = result.hit.article;
    const std::string title =
        article.title.empty() ? std::string("(untitled)") : marked(result.title, kBold);
    out_ << fmt::format("{:>3}. {}\n", result.hit.rank, title);
    std::string meta;
    for (const std::string* field : {&article.date, &article.source, &article.section}) {
      if (field->empty()) continue;
      if (!meta.empty()) meta += " · ";
      meta += printable(*field);
    }
    if (!meta.empty()) meta += " · ";
    meta += fmt::format("id {} · score {:.2f}", printable(article.id), result.hit.score);
    out_ << "     " << (color_ ? fmt::format("{}{}{}", kDim, meta, kReset) : meta) << '\n';
    if (!result.snippet.text.empty()) out_ << "     " << marked(result.snippet, "") << '\n';
    if (!result.hit.similar.empty()) {
      const std::string similar = similar_line(result.hit.similar);
      out_ << "     " << (color_ ? fmt::format("{}{}{}", kDim, similar, kReset) : similar) << '\n';
    }
    out_ << '\n';
  }
  const std::size_t shown = page.hits.size();
  const std::string total = fmt::format("{}{}", page.total_exact ? "" : "about ",
                                        counted(page.total, "result", "results"));
  if (shown == 0 && page.total > 0) {
    out_ << fmt::format("{}, none on this page ({:.1f} ms)\n", total, page.took_ms);
  } else if (shown == 0) {
    out_ << (page.similar_to.empty() ? fmt::format("no results for '{}'\n", printable(page.query))
                                     : std::string("no similar articles\n"));
  } else {
    out_ << fmt::format("{}–{} of {} ({:.1f} ms)\n", page.hits.front().hit.rank,
                        page.hits.back().hit.rank, total, page.took_ms);
  }
  if (!page.facets.empty()) out_ << '\n' << render_facet_chart(page.facets, page.total, chart);
}

void TextPrinter::print_article(const Article& article) {
  const std::string title = article.title.empty() ? std::string("(untitled)") : article.title;
  out_ << (color_ ? fmt::format("{}{}{}", kBold, title, kReset) : title) << '\n';
  std::string meta;
  for (const std::string* field :
       {&article.date, &article.source, &article.section, &article.author}) {
    if (field->empty()) continue;
    if (!meta.empty()) meta += " · ";
    meta += *field;
  }
  if (!meta.empty()) meta += " · ";
  meta += "id " + article.id;
  if (!article.url.empty()) meta += " · " + article.url;
  if (!article.origin.empty()) meta += " · " + article.origin;
  out_ << (color_ ? fmt::format("{}{}{}", kDim, meta, kReset) : meta) << "\n\n";
  if (!article.text.empty()) out_ << article.text << '\n';
  out_ << '\n';
}

}  // namespace archivar
