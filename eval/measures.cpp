#include "eval/measures.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace archivar::eval {

namespace {

// trec_eval's floor for the geometric means: a topic scoring 0 counts as this.
constexpr double kMinGeometricMean = 0.00001;
// Keeps infAP's estimate defined when no judged document precedes a relevant one.
constexpr double kInfApEpsilon = 0.00001;
// relstring shows this many documents.
constexpr std::size_t kRelstringLength = 10;

bool is_relevant(int judged) {
  return judged >= 1;
}

bool is_judged_nonrelevant(int judged) {
  return judged == 0;
}

// Relevant documents among the first k retrieved (all of them if fewer were retrieved).
long relevant_in_top(const TopicRanking& topic, std::size_t k) {
  const auto end =
      topic.ranked.begin() + static_cast<std::ptrdiff_t>(std::min(k, topic.ranked.size()));
  return static_cast<long>(std::count_if(topic.ranked.begin(), end, is_relevant));
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

// The gain of a judged value: the value itself for the levels the qrels use, else 0.
double gain_of(const TopicRanking& topic, int judged) {
  return judged >= 0 && judged < static_cast<int>(topic.rel_levels.size()) ? judged : 0.0;
}

// Walks the ideal ranking's gains, best first: every judged document of the highest level,
// then of the next, down to level 0 (whose gain, 0, ends it).
class IdealGains {
 public:
  explicit IdealGains(const TopicRanking& topic)
      : levels_(topic.rel_levels), level_(static_cast<long>(levels_.size()) - 1) {
    gain_ = level_ >= 0 ? static_cast<double>(level_) : 0.0;
  }
  /// The gain of the ideal ranking's next document (0 once only level 0 is left).
  double next() {
    ++taken_at_level_;
    while (level_ >= 0 && taken_at_level_ > levels_[static_cast<std::size_t>(level_)]) {
      taken_at_level_ = 1;
      --level_;
      gain_ = level_ >= 0 ? static_cast<double>(level_) : 0.0;
    }
    return gain_;
  }
  /// The gain next() returned last (before the first call: the highest level's).
  double current() const { return gain_; }

 private:
  const std::vector<int>& levels_;
  long level_;
  long taken_at_level_ = 0;
  double gain_ = 0.0;
};

double log2_rank(std::size_t i) {
  return std::log2(static_cast<double>(i + 2));  // document i has rank i + 1
}

double average_precision_of_top(const TopicRanking& topic, std::size_t k) {
  double sum = 0.0;
  long relevant_so_far = 0;
  for (std::size_t i = 0; i < std::min(k, topic.ranked.size()); ++i) {
    if (!is_relevant(topic.ranked[i])) continue;
    ++relevant_so_far;
    sum += static_cast<double>(relevant_so_far) / static_cast<double>(i + 1);
  }
  return relevant_so_far > 0 ? sum / static_cast<double>(topic.num_rel) : 0.0;
}

// The cutoff trec_eval makes of a fraction of num_rel.
long fraction_of_relevant(const TopicRanking& topic, double fraction) {
  return static_cast<long>(fraction * topic.num_rel + 0.9);
}

// Interpolated precision at the given recall levels, in their order (trec_eval's loop from
// the last rank up, keeping the largest precision seen).
std::vector<double> interpolated_precisions(const TopicRanking& topic,
                                            std::span<const double> levels) {
  const long retrieved = num_ret(topic);
  const long relevant_retrieved = num_rel_ret(topic);
  std::vector<long> cutoffs;
  for (const double level : levels) cutoffs.push_back(fraction_of_relevant(topic, level));
  std::vector<double> values(levels.size(), 0.0);
  long current = static_cast<long>(cutoffs.size()) - 1;
  while (current >= 0 && cutoffs[static_cast<std::size_t>(current)] > relevant_retrieved) --current;
  // 0 / 0 for an empty ranking, as in trec_eval.
  double interpolated = static_cast<double>(relevant_retrieved) / static_cast<double>(retrieved);
  long relevant_so_far = relevant_retrieved;
  for (long i = retrieved; i > 0 && relevant_so_far > 0; --i) {
    interpolated =
        std::max(interpolated, static_cast<double>(relevant_so_far) / static_cast<double>(i));
    if (is_relevant(topic.ranked[static_cast<std::size_t>(i - 1)])) {
      while (current >= 0 && relevant_so_far == cutoffs[static_cast<std::size_t>(current)]) {
        values[static_cast<std::size_t>(current--)] = interpolated;
      }
      --relevant_so_far;
    }
  }
  while (current >= 0) values[static_cast<std::size_t>(current--)] = interpolated;
  return values;
}

double r_precision_multiple(const TopicRanking& topic, double multiple) {
  const long retrieved = num_ret(topic);
  const long relevant_retrieved = num_rel_ret(topic);
  const long cutoff = fraction_of_relevant(topic, multiple);
  if (cutoff > retrieved) {
    return static_cast<double>(relevant_retrieved) / static_cast<double>(cutoff);
  }
  long relevant_so_far = relevant_retrieved;
  for (long i = retrieved; i > 0 && relevant_so_far > 0; --i) {
    if (i == cutoff) return static_cast<double>(relevant_so_far) / static_cast<double>(i);
    if (is_relevant(topic.ranked[static_cast<std::size_t>(i - 1)])) --relevant_so_far;
  }
  return 0.0;
}

double inferred_average_precision(const TopicRanking& topic) {
  long nonrelevant_so_far = 0;
  long relevant_so_far = 0;
  long unjudged_so_far = 0;
  double sum = 0.0;
  for (std::size_t j = 0; j < topic.ranked.size(); ++j) {
    const int judged = topic.ranked[j];
    if (judged == kNotJudged) continue;
    if (judged == kUnjudgedInPool) {
      ++unjudged_so_far;
      continue;
    }
    if (is_judged_nonrelevant(judged)) {
      ++nonrelevant_so_far;
      continue;
    }
    ++relevant_so_far;
    if (j == 0) {
      sum += 1.0;
      continue;
    }
    const double fj = static_cast<double>(j);
    sum +=
        1.0 / (fj + 1.0) +
        (fj / (fj + 1.0)) *
            (static_cast<double>(relevant_so_far - 1 + nonrelevant_so_far + unjudged_so_far) / fj) *
            ((static_cast<double>(relevant_so_far - 1) + kInfApEpsilon) /
             (static_cast<double>(relevant_so_far - 1 + nonrelevant_so_far) + 2 * kInfApEpsilon));
  }
  return topic.num_rel > 0 ? sum / topic.num_rel : sum;
}

double utility(const TopicRanking& topic) {
  // trec_eval's default coefficients: +1 per relevant retrieved, -1 per other retrieved.
  const double a = num_rel_ret(topic);
  const double b = num_ret(topic) - num_rel_ret(topic);
  const double c = topic.num_rel - num_rel_ret(topic);
  const double d = static_cast<double>(num_rel_ret(topic) - num_ret(topic) - topic.num_rel);
  return 1.0 * a + -1.0 * b + 0.0 * c + 0.0 * d;
}

double binary_g(const TopicRanking& topic) {
  double sum = 0.0;
  long relevant_so_far = 0;
  for (std::size_t i = 0; i < topic.ranked.size(); ++i) {
    if (!is_relevant(topic.ranked[i])) continue;
    ++relevant_so_far;
    sum += 1.0 / std::log2(static_cast<double>(3 + static_cast<long>(i) - relevant_so_far));
  }
  return relevant_so_far > 0 ? sum / static_cast<double>(topic.num_rel) : 0.0;
}

double normalised_gain(const TopicRanking& topic) {
  IdealGains ideal(topic);
  constexpr double kMinCost = 1.0;
  double results_sum = 0.0, ideal_sum = 0.0, cost_sum = 0.0, g = 0.0;
  std::size_t i = 0;
  for (; i < topic.ranked.size() && ideal.current() > 0.0; ++i) {
    const double gain = gain_of(topic, topic.ranked[i]);
    results_sum += gain;
    const double ideal_gain = ideal.next();
    if (ideal_gain > 0.0) ideal_sum += ideal_gain;
    cost_sum += ideal_gain >= kMinCost ? ideal_gain : kMinCost;
    if (gain != 0) g += gain / std::log2(2 + cost_sum - results_sum);
  }
  for (; i < topic.ranked.size(); ++i) {
    const double gain = gain_of(topic, topic.ranked[i]);
    results_sum += gain;
    cost_sum += kMinCost;
    if (gain != 0) g += gain / std::log2(2 + cost_sum - results_sum);
  }
  while (ideal.current() > 0.0) {
    const double ideal_gain = ideal.next();
    if (ideal_gain > 0.0) ideal_sum += ideal_gain;
  }
  return ideal_sum > 0.0 ? g / ideal_sum : 0.0;
}

struct DcgPair {
  double results = 0.0;
  double ideal = 0.0;
};

// DCG of the whole ranking and of the ideal one (trec_eval's ndcg, dcg, ideal_dcg).
DcgPair whole_dcg(const TopicRanking& topic) {
  IdealGains ideal(topic);
  DcgPair dcg;
  std::size_t i = 0;
  for (; i < topic.ranked.size() && ideal.current() > 0.0; ++i) {
    const double gain = gain_of(topic, topic.ranked[i]);
    if (gain != 0) dcg.results += gain / log2_rank(i);
    const double ideal_gain = ideal.next();
    if (ideal_gain > 0.0) dcg.ideal += ideal_gain / log2_rank(i);
  }
  for (; i < topic.ranked.size(); ++i) {
    const double gain = gain_of(topic, topic.ranked[i]);
    if (gain != 0) dcg.results += gain / log2_rank(i);
  }
  for (; ideal.current() > 0.0; ++i) {
    const double ideal_gain = ideal.next();
    if (ideal_gain > 0.0) dcg.ideal += ideal_gain / log2_rank(i);
  }
  return dcg;
}

// nDCG at each relevant document, a relevant document not retrieved counting the nDCG at
// the end of the ranking; averaged over the relevant documents.
double ndcg_over_relevant(const TopicRanking& topic) {
  IdealGains ideal(topic);
  double results = 0.0, ideal_dcg = 0.0, sum = 0.0;
  long relevant = 0, relevant_retrieved = 0;
  std::size_t i = 0;
  for (; i < topic.ranked.size() && ideal.current() > 0.0; ++i) {
    const double gain = gain_of(topic, topic.ranked[i]);
    if (gain != 0) results += gain / log2_rank(i);
    const double ideal_gain = ideal.next();
    if (ideal_gain > 0.0) {
      ++relevant;
      ideal_dcg += ideal_gain / log2_rank(i);
    }
    if (gain > 0) {
      sum += results / ideal_dcg;
      ++relevant_retrieved;
    }
  }
  for (; i < topic.ranked.size(); ++i) {
    const double gain = gain_of(topic, topic.ranked[i]);
    if (gain != 0) results += gain / log2_rank(i);
    if (gain > 0) {
      sum += results / ideal_dcg;
      ++relevant_retrieved;
    }
  }
  for (; ideal.current() > 0.0; ++i) {
    const double ideal_gain = ideal.next();
    if (ideal_gain > 0.0) {
      ++relevant;
      ideal_dcg += ideal_gain / log2_rank(i);
    }
  }
  sum += static_cast<double>(relevant - relevant_retrieved) * results / ideal_dcg;
  return sum > 0.0 ? sum / static_cast<double>(relevant) : 0.0;
}

// nDCG averaged at the ranks where the ideal gain level changes, and at the end of the
// ranking (trec_eval's Rndcg).
double ndcg_at_level_changes(const TopicRanking& topic) {
  if (topic.num_rel == 0) return 0.0;
  IdealGains ideal(topic);
  double results = 0.0, ideal_dcg = 0.0, sum = 0.0;
  double previous_gain = ideal.current();
  long changes = 0;
  const auto at_change = [&](double ideal_gain) {
    if (previous_gain == ideal_gain) return;
    if (ideal_dcg > 0.0) {
      sum += results / ideal_dcg;
      ++changes;
    }
    previous_gain = ideal_gain;
  };
  std::size_t i = 0;
  for (; i < topic.ranked.size() && ideal.current() > 0.0; ++i) {
    const double gain = gain_of(topic, topic.ranked[i]);
    const double ideal_gain = ideal.next();
    at_change(ideal_gain);
    if (gain != 0) results += gain / log2_rank(i);
    if (ideal_gain > 0.0) ideal_dcg += ideal_gain / log2_rank(i);
  }
  if (i < topic.ranked.size()) {
    for (; i < topic.ranked.size(); ++i) {
      const double gain = gain_of(topic, topic.ranked[i]);
      if (gain != 0) results += gain / log2_rank(i);
    }
    if (ideal_dcg > 0.0) {
      sum += results / ideal_dcg;
      ++changes;
    }
  }
  for (; ideal.current() > 0.0; ++i) {
    const double ideal_gain = ideal.next();
    at_change(ideal_gain);
    if (ideal_gain > 0.0) ideal_dcg += ideal_gain / log2_rank(i);
  }
  return sum / static_cast<double>(changes);
}

double relative_precision_at(const TopicRanking& topic, long k) {
  if (topic.num_rel == 0) return 0.0;
  return static_cast<double>(relevant_in_top(topic, static_cast<std::size_t>(k))) /
         static_cast<double>(std::min<long>(k, topic.num_rel));
}

double set_f(const TopicRanking& topic) {
  if (num_rel_ret(topic) == 0) return 0.0;
  const double precision = static_cast<double>(num_rel_ret(topic)) / num_ret(topic);
  const double recall = static_cast<double>(num_rel_ret(topic)) / topic.num_rel;
  constexpr double kBeta = 1.0;  // trec_eval's default: recall as important as precision
  return (kBeta + 1.0) * precision * recall / (kBeta * precision + recall);
}

}  // namespace

TopicRanking TopicRanking::make(const Judgments& judgments, const Retrieved* retrieved) {
  TopicRanking topic;
  if (retrieved != nullptr) {
    const std::vector<ScoredDoc> ranking = rank(*retrieved);
    topic.ranked.reserve(ranking.size());
    for (const ScoredDoc& doc : ranking) {
      const auto judged = judgments.find(doc.docno);
      if (judged == judgments.end()) {
        topic.ranked.push_back(kNotJudged);
      } else {
        topic.ranked.push_back(judged->second < 0 ? kUnjudgedInPool : judged->second);
      }
    }
  }
  for (const auto& [docno, value] : judgments) {
    if (value < 0) continue;
    if (static_cast<std::size_t>(value) >= topic.rel_levels.size()) {
      topic.rel_levels.resize(static_cast<std::size_t>(value) + 1, 0);
    }
    ++topic.rel_levels[static_cast<std::size_t>(value)];
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
  return average_precision_of_top(topic, topic.ranked.size());
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
  const double results = dcg(topic.ranked, static_cast<std::size_t>(k));
  const double ideal = dcg(topic.ideal, static_cast<std::size_t>(k));
  return ideal > 0.0 ? results / ideal : results;
}

double bpref(const TopicRanking& topic) {
  const long judged_nonrelevant = topic.rel_levels.empty() ? 0 : topic.rel_levels[0];
  long nonrelevant_so_far = 0;
  double sum = 0.0;
  for (const int judged : topic.ranked) {
    if (judged == kNotJudged || judged == kUnjudgedInPool) continue;
    if (is_judged_nonrelevant(judged)) {
      ++nonrelevant_so_far;
    } else if (nonrelevant_so_far > 0) {
      sum += 1.0 - static_cast<double>(std::min<long>(nonrelevant_so_far, topic.num_rel)) /
                       static_cast<double>(std::min<long>(judged_nonrelevant, topic.num_rel));
    } else {
      sum += 1.0;
    }
  }
  return topic.num_rel > 0 ? sum / topic.num_rel : sum;
}

double interpolated_precision_at_recall(const TopicRanking& topic, double level) {
  return interpolated_precisions(topic, std::span(&level, 1)).front();
}

double measure_value(const Measure& measure, const TopicRanking& topic) {
  const auto documents = static_cast<int>(measure.cutoff);
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
    case MeasureKind::kGmMap:
      return std::log(std::max(average_precision(topic), kMinGeometricMean));
    case MeasureKind::kRprec:
      return r_precision(topic);
    case MeasureKind::kBpref:
      return bpref(topic);
    case MeasureKind::kRecipRank:
      return reciprocal_rank(topic);
    case MeasureKind::kIprecAtRecall:
      return interpolated_precision_at_recall(topic, measure.cutoff);
    case MeasureKind::kP:
      return precision_at(topic, documents);
    case MeasureKind::kRelstring:
      return 0.0;
    case MeasureKind::kRecall:
      return recall_at(topic, documents);
    case MeasureKind::kInfAP:
      return inferred_average_precision(topic);
    case MeasureKind::kGmBpref:
      return std::log(std::max(bpref(topic), kMinGeometricMean));
    case MeasureKind::kRprecMult:
      return r_precision_multiple(topic, measure.cutoff);
    case MeasureKind::kUtility:
      return utility(topic);
    case MeasureKind::k11ptAvg: {
      constexpr double kLevels[] = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
      const std::vector<double> values = interpolated_precisions(topic, kLevels);
      double sum = 0.0;  // trec_eval adds them from the highest level down
      for (auto it = values.rbegin(); it != values.rend(); ++it) sum += *it;
      return sum / static_cast<double>(values.size());
    }
    case MeasureKind::kBinG:
      return binary_g(topic);
    case MeasureKind::kG:
      return normalised_gain(topic);
    case MeasureKind::kDcg:
      return whole_dcg(topic).results;
    case MeasureKind::kIdealDcg:
      return whole_dcg(topic).ideal;
    case MeasureKind::kNdcg: {
      const DcgPair dcg = whole_dcg(topic);
      return dcg.ideal > 0.0 ? dcg.results / dcg.ideal : 0.0;
    }
    case MeasureKind::kNdcgRel:
      return ndcg_over_relevant(topic);
    case MeasureKind::kRndcg:
      return ndcg_at_level_changes(topic);
    case MeasureKind::kNdcgCut:
      return ndcg_at(topic, documents);
    case MeasureKind::kMapCut:
      return topic.num_rel > 0
                 ? average_precision_of_top(topic, static_cast<std::size_t>(documents))
                 : 0.0;
    case MeasureKind::kRelativeP:
      return relative_precision_at(topic, documents);
    case MeasureKind::kSuccess:
      return relevant_in_top(topic, static_cast<std::size_t>(documents)) > 0 ? 1.0 : 0.0;
    case MeasureKind::kSetP:
      return num_ret(topic) > 0 ? static_cast<double>(num_rel_ret(topic)) / num_ret(topic) : 0.0;
    case MeasureKind::kSetRelativeP:
      return num_ret(topic) > 0 && topic.num_rel > 0
                 ? static_cast<double>(num_rel_ret(topic)) / std::min(num_ret(topic), topic.num_rel)
                 : 0.0;
    case MeasureKind::kSetRecall:
      return topic.num_rel > 0 ? static_cast<double>(num_rel_ret(topic)) / topic.num_rel : 0.0;
    case MeasureKind::kSetMap:
      return num_ret(topic) > 0 && topic.num_rel > 0
                 ? static_cast<double>(num_rel_ret(topic)) * num_rel_ret(topic) /
                       (static_cast<double>(num_ret(topic)) * topic.num_rel)
                 : 0.0;
    case MeasureKind::kSetF:
      return set_f(topic);
    case MeasureKind::kNumNonrelJudgedRet:
      return static_cast<double>(std::ranges::count_if(topic.ranked, is_judged_nonrelevant));
  }
  return 0.0;
}

std::vector<double> measure_values(std::span<const Measure> measures, const TopicRanking& topic) {
  std::vector<double> values;
  values.reserve(measures.size());
  for (const Measure& measure : measures) values.push_back(measure_value(measure, topic));
  return values;
}

std::string relevance_string(const TopicRanking& topic) {
  std::string text;
  for (std::size_t i = 0; i < std::min(kRelstringLength, topic.ranked.size()); ++i) {
    const int judged = topic.ranked[i];
    if (judged > 9) {
      text += '>';
    } else if (judged >= 0) {
      text += static_cast<char>('0' + judged);
    } else if (judged == kNotJudged) {
      text += '-';
    } else {
      text += '.';
    }
  }
  return text;
}

}  // namespace archivar::eval
