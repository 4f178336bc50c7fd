#include "eval/comparison.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace archivar::eval {

Tally tally(std::span<const TopicPair> topics) {
  Tally counts;
  for (const TopicPair& topic : topics) {
    const double difference = topic.difference();
    if (difference > 0.0) {
      ++counts.wins;
    } else if (difference < 0.0) {
      ++counts.losses;
    } else {
      ++counts.ties;
    }
  }
  return counts;
}

std::optional<double> MeasureComparison::relative_difference() const {
  if (mean_a == 0.0) return std::nullopt;
  return difference() / mean_a;
}

std::vector<Measure> default_compare_measures() {
  return {{MeasureKind::kMap, 0},
          {MeasureKind::kNdcgCut, 10},
          {MeasureKind::kRecipRank, 0},
          {MeasureKind::kP, 10},
          {MeasureKind::kRecall, 100}};
}

std::vector<Measure> compare_measures(std::span<const std::string> specs) {
  if (specs.empty()) return default_compare_measures();
  std::vector<Measure> measures;
  for (const std::string& spec : specs) {
    MeasureSelection selection;
    selection.add(spec);  // throws std::invalid_argument; "runid" adds no measure
    for (const Measure& measure : selection.measures) {
      if (measure.per_topic() && std::ranges::find(measures, measure) == measures.end()) {
        measures.push_back(measure);
      }
    }
  }
  if (measures.empty()) {
    throw std::invalid_argument("--compare needs a measure with per-topic values (not num_q)");
  }
  return measures;
}

std::vector<TopicPair> pair_topics(const Evaluation& a, const Evaluation& b,
                                   const Measure& measure) {
  const std::vector<std::pair<std::string, double>> values_a = a.per_topic(measure);
  const std::vector<std::pair<std::string, double>> values_b = b.per_topic(measure);
  // Both lists are in qid order: merge them, keeping the qids they share.
  std::vector<TopicPair> pairs;
  auto in_a = values_a.begin();
  auto in_b = values_b.begin();
  while (in_a != values_a.end() && in_b != values_b.end()) {
    if (in_a->first < in_b->first) {
      ++in_a;
    } else if (in_b->first < in_a->first) {
      ++in_b;
    } else {
      pairs.push_back({in_a->first, in_a->second, in_b->second});
      ++in_a;
      ++in_b;
    }
  }
  return pairs;
}

MeasureComparison compare_measure(const Measure& measure, std::vector<TopicPair> topics) {
  MeasureComparison comparison{.measure = measure, .topics = std::move(topics)};
  const std::span<const TopicPair> pairs = comparison.topics;
  std::vector<double> differences;
  differences.reserve(pairs.size());
  double sum_a = 0.0;
  double sum_b = 0.0;
  for (const TopicPair& pair : pairs) {
    sum_a += pair.a;
    sum_b += pair.b;
    differences.push_back(pair.difference());
  }
  if (!pairs.empty()) {
    comparison.mean_a = sum_a / static_cast<double>(pairs.size());
    comparison.mean_b = sum_b / static_cast<double>(pairs.size());
  }
  comparison.tally = tally(pairs);
  comparison.p_randomisation = randomisation_test(differences);
  comparison.t_test = paired_t_test(differences);
  return comparison;
}

Comparison compare_runs(const Qrels& qrels, const Run& a, const Run& b,
                        std::span<const Measure> measures, EvalOptions options) {
  const Evaluation evaluation_a = evaluate(qrels, a, measures, options);
  const Evaluation evaluation_b = evaluate(qrels, b, measures, options);
  Comparison comparison{.run_id_a = a.run_id(), .run_id_b = b.run_id()};
  for (const Measure& measure : measures) {
    comparison.measures.push_back(
        compare_measure(measure, pair_topics(evaluation_a, evaluation_b, measure)));
  }
  if (!comparison.measures.empty()) {
    for (const TopicPair& pair : comparison.measures.front().topics) {
      comparison.qids.push_back(pair.qid);
    }
  }
  comparison.left_out = qrels.topics().size() - comparison.qids.size();
  return comparison;
}

}  // namespace archivar::eval
