#include "eval/evaluation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "eval/measures.h"

namespace archivar::eval {

namespace {

double summarise(const Measure& measure, std::size_t column,
                 const std::vector<TopicEvaluation>& topics) {
  if (measure.kind == MeasureKind::kNumQ) return static_cast<double>(topics.size());
  // Summed in topic order, as trec_eval accumulates, so that the rounding is the same.
  double sum = 0.0;
  for (const TopicEvaluation& topic : topics) sum += topic.values[column];
  if (measure.is_count() || topics.empty()) return sum;
  const double mean = sum / static_cast<double>(topics.size());
  return measure.is_geometric() ? std::exp(mean) : mean;
}

}  // namespace

std::optional<std::size_t> Evaluation::index_of(const Measure& measure) const {
  const auto found = std::ranges::find(measures, measure);
  if (found == measures.end()) return std::nullopt;
  return static_cast<std::size_t>(found - measures.begin());
}

std::vector<std::pair<std::string, double>> Evaluation::per_topic(const Measure& measure) const {
  const auto column = index_of(measure);
  if (!column) throw std::out_of_range("measure not evaluated: " + measure.name());
  std::vector<std::pair<std::string, double>> values;
  values.reserve(topics.size());
  for (const TopicEvaluation& topic : topics) values.emplace_back(topic.qid, topic.values[*column]);
  return values;
}

double Evaluation::summary_of(const Measure& measure) const {
  const auto column = index_of(measure);
  if (!column) throw std::out_of_range("measure not evaluated: " + measure.name());
  return summary[*column];
}

Evaluation evaluate(const Qrels& qrels, const Run& run, std::span<const Measure> measures,
                    EvalOptions options) {
  Evaluation evaluation;
  evaluation.measures.assign(measures.begin(), measures.end());
  evaluation.run_id = run.run_id();
  for (const auto& [qid, judgments] : qrels.topics()) {
    const Retrieved* retrieved = run.find(qid);
    if (retrieved == nullptr && !options.complete) continue;
    const TopicRanking topic = TopicRanking::make(judgments, retrieved);
    const bool wants_relstring = std::ranges::any_of(
        measures, [](const Measure& m) { return m.kind == MeasureKind::kRelstring; });
    evaluation.topics.push_back({qid, retrieved != nullptr, measure_values(measures, topic),
                                 wants_relstring ? relevance_string(topic) : std::string()});
  }
  evaluation.summary.reserve(measures.size());
  for (std::size_t column = 0; column < measures.size(); ++column) {
    evaluation.summary.push_back(summarise(measures[column], column, evaluation.topics));
  }
  return evaluation;
}

}  // namespace archivar::eval
