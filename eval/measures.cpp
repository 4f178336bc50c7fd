#include "eval/measures.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace archivar::eval {

namespace {

bool is_relevant(int judged) {
  return judged >= 1;
}

// Relevant documents among the first k retrieved (all of them if fewer were retrieved).
int relevant_in_top(const TopicRanking& topic, std::size_t k) {
  const auto end =
      topic.ranked.begin() + static_cast<std::ptrdiff_t>(std::min(k, topic.ranked.size()));
  return static_cast<int>(std::count_if(topic.ranked.begin(), end, is_relevant));
}

// Discounted cumulative gain of the first k gains: gain / log2(rank + 1), so rank 1 is
// undiscounted. Summed in rank order, as trec_eval does, so that the rounding is the same.
double dcg(const std::vector<int>& gains, std::size_t k) {
  double sum = 0.0;
  const std::size_t n = std::min(k, gains.size());
  for (std::size_t i = 0; i < n; ++i) {
    const double gain = gains[i];
    if (gain <= 0) continue;
    sum += gain / std::log2(static_cast<double>(i + 2));  // rank i + 1
  }
  return sum;
}

}  // namespace

TopicRanking TopicRanking::make(const Judgments& judgments, const Retrieved* retrieved) {
  TopicRanking topic;
  if (retrieved != nullptr) {
    const std::vector<ScoredDoc> ranking = rank(*retrieved);
    topic.ranked.reserve(ranking.size());
    for (const ScoredDoc& doc : ranking) {
      const auto judged = judgments.find(doc.docno);
      topic.ranked.push_back(judged == judgments.end() ? kNotJudged : judged->second);
    }
  }
  for (const auto& [docno, value] : judgments) {
    if (is_relevant(value)) topic.ideal.push_back(value);
  }
  std::ranges::sort(topic.ideal, std::greater<>());
  topic.num_rel = static_cast<int>(topic.ideal.size());
  return topic;
}

int num_ret(const TopicRanking& topic) {
  return static_cast<int>(topic.ranked.size());
}

int num_rel_ret(const TopicRanking& topic) {
  return static_cast<int>(std::ranges::count_if(topic.ranked, is_relevant));
}

double average_precision(const TopicRanking& topic) {
  if (topic.num_rel == 0) return 0.0;
  double sum = 0.0;
  int relevant_so_far = 0;
  for (std::size_t i = 0; i < topic.ranked.size(); ++i) {
    if (!is_relevant(topic.ranked[i])) continue;
    ++relevant_so_far;
    sum += static_cast<double>(relevant_so_far) / static_cast<double>(i + 1);
  }
  return sum / static_cast<double>(topic.num_rel);
}

double r_precision(const TopicRanking& topic) {
  if (topic.num_rel == 0) return 0.0;
  return static_cast<double>(relevant_in_top(topic, static_cast<std::size_t>(topic.num_rel))) /
         static_cast<double>(topic.num_rel);
}

double reciprocal_rank(const TopicRanking& topic) {
  const auto first = std::ranges::find_if(topic.ranked, is_relevant);
  if (first == topic.ranked.end()) return 0.0;
  return 1.0 / static_cast<double>(first - topic.ranked.begin() + 1);
}

double precision_at(const TopicRanking& topic, int k) {
  return static_cast<double>(relevant_in_top(topic, static_cast<std::size_t>(k))) /
         static_cast<double>(k);
}

double recall_at(const TopicRanking& topic, int k) {
  if (topic.num_rel == 0) return 0.0;
  return static_cast<double>(relevant_in_top(topic, static_cast<std::size_t>(k))) /
         static_cast<double>(topic.num_rel);
}

double ndcg_at(const TopicRanking& topic, int k) {
  const double ideal = dcg(topic.ideal, static_cast<std::size_t>(k));
  if (ideal <= 0.0) return 0.0;
  return dcg(topic.ranked, static_cast<std::size_t>(k)) / ideal;
}

double measure_value(const Measure& measure, const TopicRanking& topic) {
  switch (measure.kind) {
    case MeasureKind::kNumQ:
      return 1.0;
    case MeasureKind::kNumRet:
      return num_ret(topic);
    case MeasureKind::kNumRel:
      return topic.num_rel;
    case MeasureKind::kNumRelRet:
      return num_rel_ret(topic);
    case MeasureKind::kMap:
      return average_precision(topic);
    case MeasureKind::kRprec:
      return r_precision(topic);
    case MeasureKind::kRecipRank:
      return reciprocal_rank(topic);
    case MeasureKind::kP:
      return precision_at(topic, measure.cutoff);
    case MeasureKind::kRecall:
      return recall_at(topic, measure.cutoff);
    case MeasureKind::kNdcgCut:
      return ndcg_at(topic, measure.cutoff);
  }
  return 0.0;
}

std::vector<double> measure_values(std::span<const Measure> measures, const TopicRanking& topic) {
  std::vector<double> values;
  values.reserve(measures.size());
  for (const Measure& measure : measures) values.push_back(measure_value(measure, topic));
  return values;
}

}  // namespace archivar::eval
