#include "eval/measure.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace archivar::eval {

namespace {

struct KindName {
  MeasureKind kind;
  std::string_view name;
  bool has_cutoff;
};

constexpr std::array<KindName, 10> kKinds = {{
    {MeasureKind::kNumQ, "num_q", false},
    {MeasureKind::kNumRet, "num_ret", false},
    {MeasureKind::kNumRel, "num_rel", false},
    {MeasureKind::kNumRelRet, "num_rel_ret", false},
    {MeasureKind::kMap, "map", false},
    {MeasureKind::kRprec, "Rprec", false},
    {MeasureKind::kRecipRank, "recip_rank", false},
    {MeasureKind::kP, "P", true},
    {MeasureKind::kRecall, "recall", true},
    {MeasureKind::kNdcgCut, "ndcg_cut", true},
}};

// trec_eval's default cutoffs for P, recall and ndcg_cut.
constexpr std::array<int, 9> kDefaultCutoffs = {5, 10, 15, 20, 30, 100, 200, 500, 1000};

const KindName& kind_info(MeasureKind kind) {
  return *std::ranges::find(kKinds, kind, &KindName::kind);
}

const KindName* find_kind(std::string_view name) {
  const auto found = std::ranges::find(kKinds, name, &KindName::name);
  return found == kKinds.end() ? nullptr : &*found;
}

std::optional<int> parse_cutoff(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty() || value <= 0) {
    return std::nullopt;
  }
  return value;
}

[[noreturn]] void unknown(std::string_view spec, std::string_view why) {
  throw std::invalid_argument(fmt::format("unknown measure '{}'{}", spec, why));
}

}  // namespace

std::string Measure::name() const {
  const KindName& info = kind_info(kind);
  if (!info.has_cutoff) return std::string(info.name);
  return fmt::format("{}_{}", info.name, cutoff);
}

bool Measure::is_count() const noexcept {
  return kind == MeasureKind::kNumQ || kind == MeasureKind::kNumRet ||
         kind == MeasureKind::kNumRel || kind == MeasureKind::kNumRelRet;
}

void MeasureSelection::add(std::string_view spec) {
  std::vector<Measure> added;
  if (spec == "runid") {
    runid = true;
  } else if (const auto dot = spec.find('.'); dot != std::string_view::npos) {
    // trec_eval's grouped form: family.cutoff[,cutoff]...
    const KindName* family = find_kind(spec.substr(0, dot));
    if (family == nullptr || !family->has_cutoff) {
      unknown(spec, " (only P, recall and ndcg_cut take cutoffs)");
    }
    std::string_view rest = spec.substr(dot + 1);
    while (true) {
      const auto comma = rest.find(',');
      const auto cutoff = parse_cutoff(rest.substr(0, comma));
      if (!cutoff) unknown(spec, " (cutoffs must be positive integers)");
      added.push_back({family->kind, *cutoff});
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  } else if (const KindName* plain = find_kind(spec); plain != nullptr) {
    if (plain->has_cutoff) {
      for (const int cutoff : kDefaultCutoffs) added.push_back({plain->kind, cutoff});
    } else {
      added.push_back({plain->kind, 0});
    }
  } else if (const auto underscore = spec.rfind('_'); underscore != std::string_view::npos) {
    // A single measure by its printed name: P_10, recall_100, ndcg_cut_20.
    const KindName* family = find_kind(spec.substr(0, underscore));
    const auto cutoff = parse_cutoff(spec.substr(underscore + 1));
    if (family == nullptr || !family->has_cutoff || !cutoff) unknown(spec, "");
    added.push_back({family->kind, *cutoff});
  } else {
    unknown(spec, "");
  }
  measures.insert(measures.end(), added.begin(), added.end());
  std::ranges::sort(measures);
  // std::unique, not ranges::unique, whose subrange result clang 14 cannot compile.
  measures.erase(std::unique(measures.begin(), measures.end()), measures.end());
}

std::vector<Measure> default_measures() {
  return {
      {MeasureKind::kNumQ, 0},      {MeasureKind::kNumRet, 0},   {MeasureKind::kNumRel, 0},
      {MeasureKind::kNumRelRet, 0}, {MeasureKind::kMap, 0},      {MeasureKind::kRprec, 0},
      {MeasureKind::kRecipRank, 0}, {MeasureKind::kP, 5},        {MeasureKind::kP, 10},
      {MeasureKind::kP, 20},        {MeasureKind::kRecall, 100}, {MeasureKind::kRecall, 1000},
      {MeasureKind::kNdcgCut, 10},  {MeasureKind::kNdcgCut, 20},
  };
}

MeasureSelection default_selection() {
  return MeasureSelection{default_measures(), true};
}

}  // namespace archivar::eval
