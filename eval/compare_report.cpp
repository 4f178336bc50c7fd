#include "eval/compare_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <vector>

namespace archivar::eval {

namespace {

using Row = std::vector<std::string>;

bool significant(double p) {
  return p < kSignificanceLevel;
}  // false for NaN

// Rows as columns separated by two spaces: the first column left-aligned, the others right.
std::string align(std::span<const Row> rows) {
  std::vector<std::size_t> widths;
  for (const Row& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string out;
  for (const Row& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == 0) {
        out += i + 1 == row.size() ? row[i] : fmt::format("{:<{}}", row[i], widths[i]);
      } else {
        out += fmt::format("  {:>{}}", row[i], widths[i]);
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();  // no trailing blanks
    out += '\n';
  }
  return out;
}

std::string join_tabs(const Row& row) {
  return fmt::format("{}\n", fmt::join(row, "\t"));
}

std::string table_p(double p) {
  if (std::isnan(p)) return "- ";
  const std::string mark = significant(p) ? "*" : " ";
  if (p < 0.0001) return "<0.0001" + mark;
  return fmt::format("{:.4f}{}", p, mark);
}

std::string tsv_p(double p) {
  return std::isnan(p) ? "nan" : fmt::format("{:.4g}", p);
}

std::string tsv_number(double value) {
  return std::isnan(value) ? "nan" : fmt::format("{:.4f}", value);
}

std::string table_interval(const TTest& test) {
  if (std::isnan(test.low)) return "-";
  return fmt::format("[{:+.4f}, {:+.4f}]", test.low, test.high);
}

Row table_row(const MeasureComparison& m) {
  const std::optional<double> relative = m.relative_difference();
  return {m.measure.name(),
          fmt::format("{:.4f}", m.mean_a),
          fmt::format("{:.4f}", m.mean_b),
          fmt::format("{:+.4f}", m.difference()),
          relative ? fmt::format("{:+.1f}", 100.0 * *relative) : "-",
          fmt::format("{}", m.tally.wins),
          fmt::format("{}", m.tally.losses),
          fmt::format("{}", m.tally.ties),
          table_p(m.p_randomisation),
          table_p(m.t_test.p),
          table_interval(m.t_test)};
}

Row tsv_row(const MeasureComparison& m) {
  const std::optional<double> relative = m.relative_difference();
  return {m.measure.name(),
          fmt::format("{:.4f}", m.mean_a),
          fmt::format("{:.4f}", m.mean_b),
          fmt::format("{:.4f}", m.difference()),
          relative ? fmt::format("{:.2f}", 100.0 * *relative) : "nan",
          fmt::format("{}", m.tally.wins),
          fmt::format("{}", m.tally.losses),
          fmt::format("{}", m.tally.ties),
          tsv_p(m.p_randomisation),
          tsv_p(m.t_test.p),
          significant(m.p_randomisation) ? "*" : "",
          significant(m.t_test.p) ? "*" : "",
          tsv_number(m.t_test.low),
          tsv_number(m.t_test.high)};
}

// The topics B lost on (most negative difference first) and won on (biggest first), at most
// `top` of each; equal differences in qid order.
struct Extremes {
  std::vector<TopicPair> losses;
  std::vector<TopicPair> wins;
  std::size_t all_losses = 0;
  std::size_t all_wins = 0;
};

Extremes extremes(const MeasureComparison& m, std::size_t top) {
  Extremes result;
  for (const TopicPair& pair : m.topics) {
    if (pair.difference() < 0.0) result.losses.push_back(pair);
    if (pair.difference() > 0.0) result.wins.push_back(pair);
  }
  std::ranges::stable_sort(result.losses, {}, &TopicPair::difference);
  std::ranges::stable_sort(result.wins, std::ranges::greater{}, &TopicPair::difference);
  result.all_losses = result.losses.size();
  result.all_wins = result.wins.size();
  if (result.losses.size() > top) result.losses.resize(top);
  if (result.wins.size() > top) result.wins.resize(top);
  return result;
}

Row topic_row(const TopicPair& pair) {
  return {pair.qid, fmt::format("{:.4f}", pair.a), fmt::format("{:.4f}", pair.b),
          fmt::format("{:+.4f}", pair.difference())};
}

std::string table_topics(std::string_view title, std::string_view measure,
                         std::span<const TopicPair> pairs, std::size_t all) {
  if (pairs.empty()) return fmt::format("\n{} per topic, {} of B: none\n", measure, title);
  std::string out = pairs.size() < all
                        ? fmt::format("\n{} per topic, the {} biggest {} of B (of {}):\n", measure,
                                      pairs.size(), title, all)
                        : fmt::format("\n{} per topic, {} of B (all {}):\n", measure, title, all);
  std::vector<Row> rows{{"qid", "A", "B", "diff"}};
  for (const TopicPair& pair : pairs) rows.push_back(topic_row(pair));
  return out + align(rows);
}

std::string run_line(std::string_view name, std::string_view label, std::string_view run_id) {
  if (run_id.empty()) return fmt::format("{}: {}\n", name, label);
  return fmt::format("{}: {} ({})\n", name, label, run_id);
}

std::string format_table(const Comparison& comparison, const CompareReportOptions& options) {
  std::string out = run_line("A", options.label_a, comparison.run_id_a);
  out += run_line("B", options.label_b, comparison.run_id_b);
  out += fmt::format("topics: {}", comparison.qids.size());
  if (comparison.left_out > 0) {
    const bool one = comparison.left_out == 1;
    out += fmt::format(" ({} judged topic{} not answered by both runs left out; -c counts {} 0)",
                       comparison.left_out, one ? "" : "s", one ? "it" : "them");
  }
  out += "\n\n";

  std::vector<Row> rows{{"measure", "A", "B", "diff", "rel%", "wins", "losses", "ties", "p(rand) ",
                         "p(t) ", "95% CI of diff"}};
  for (const MeasureComparison& m : comparison.measures) rows.push_back(table_row(m));
  out += align(rows);
  out += fmt::format(
      "* p < {}, two-sided. p(rand): paired randomisation test ({} random sign flips);\n"
      "  p(t): paired t-test, whose {:g}% confidence interval of B - A is the last column.\n",
      kSignificanceLevel, kRandomisationSamples, 100 * kConfidence);

  if (options.per_topic && !comparison.measures.empty()) {
    const MeasureComparison& first = comparison.measures.front();
    const Extremes topics = extremes(first, options.top);
    const std::string name = first.measure.name();
    out += table_topics("losses", name, topics.losses, topics.all_losses);
    out += table_topics("wins", name, topics.wins, topics.all_wins);
  }
  return out;
}

std::string format_tsv(const Comparison& comparison, const CompareReportOptions& options) {
  std::string out = join_tabs({"measure", "A", "B", "diff", "rel%", "wins", "losses", "ties",
                               "p(rand)", "p(t)", "sig(rand)", "sig(t)", "ci95_low", "ci95_high"});
  for (const MeasureComparison& m : comparison.measures) out += join_tabs(tsv_row(m));
  if (options.per_topic && !comparison.measures.empty()) {
    const MeasureComparison& first = comparison.measures.front();
    const Extremes topics = extremes(first, options.top);
    out += '\n';
    out += join_tabs({"measure", "qid", "A", "B", "diff"});
    const std::string name = first.measure.name();
    for (const auto* list : {&topics.losses, &topics.wins}) {
      for (const TopicPair& pair : *list) {
        out += join_tabs({name, pair.qid, fmt::format("{:.4f}", pair.a),
                          fmt::format("{:.4f}", pair.b), fmt::format("{:.4f}", pair.difference())});
      }
    }
  }
  return out;
}

}  // namespace

std::string format_comparison(const Comparison& comparison, const CompareReportOptions& options) {
  return options.format == CompareFormat::kTsv ? format_tsv(comparison, options)
                                               : format_table(comparison, options);
}

}  // namespace archivar::eval
