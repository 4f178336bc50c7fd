#include "eval/measure.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <span>
#include <stdexcept>

namespace archivar::eval {

namespace {

enum class Cutoffs { kNone, kDocuments, kFractions };

// trec_eval's default cutoffs of each family.
constexpr std::array<double, 9> kDocumentCutoffs = {5, 10, 15, 20, 30, 100, 200, 500, 1000};
constexpr std::array<double, 3> kSuccessCutoffs = {1, 5, 10};
constexpr std::array<double, 11> kRecallLevels = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5,
                                                  0.6, 0.7, 0.8, 0.9, 1.0};
constexpr std::array<double, 10> kRMultiples = {0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0};

struct KindInfo {
  MeasureKind kind;
  std::string_view name;
  Cutoffs cutoffs;
  std::span<const double> defaults;
  bool official;  // in trec_eval's default ("official") output
  bool all_trec;  // in trec_eval's all_trec nickname
  bool set;       // in trec_eval's set nickname
};

// Sized by its entries (a declared size would zero-fill missing ones).
constexpr auto kKinds = std::to_array<KindInfo>({
    {MeasureKind::kNumQ, "num_q", Cutoffs::kNone, {}, true, true, true},
    {MeasureKind::kNumRet, "num_ret", Cutoffs::kNone, {}, true, true, true},
    {MeasureKind::kNumRel, "num_rel", Cutoffs::kNone, {}, true, true, true},
    {MeasureKind::kNumRelRet, "num_rel_ret", Cutoffs::kNone, {}, true, true, true},
    {MeasureKind::kMap, "map", Cutoffs::kNone, {}, true, true, false},
    {MeasureKind::kGmMap, "gm_map", Cutoffs::kNone, {}, true, true, false},
    {MeasureKind::kRprec, "Rprec", Cutoffs::kNone, {}, true, true, false},
    {MeasureKind::kBpref, "bpref", Cutoffs::kNone, {}, true, true, false},
    {MeasureKind::kRecipRank, "recip_rank", Cutoffs::kNone, {}, true, true, false},
    {MeasureKind::kIprecAtRecall, "iprec_at_recall", Cutoffs::kFractions, kRecallLevels, true, true,
     false},
    {MeasureKind::kP, "P", Cutoffs::kDocuments, kDocumentCutoffs, true, true, false},
    {MeasureKind::kRelstring, "relstring", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kRecall, "recall", Cutoffs::kDocuments, kDocumentCutoffs, false, true, false},
    {MeasureKind::kInfAP, "infAP", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kGmBpref, "gm_bpref", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kRprecMult, "Rprec_mult", Cutoffs::kFractions, kRMultiples, false, true, false},
    {MeasureKind::kUtility, "utility", Cutoffs::kNone, {}, false, true, true},
    {MeasureKind::k11ptAvg, "11pt_avg", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kBinG, "binG", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kG, "G", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kDcg, "dcg", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kIdealDcg, "ideal_dcg", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kNdcg, "ndcg", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kNdcgRel, "ndcg_rel", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kRndcg, "Rndcg", Cutoffs::kNone, {}, false, true, false},
    {MeasureKind::kNdcgCut, "ndcg_cut", Cutoffs::kDocuments, kDocumentCutoffs, false, true, false},
    {MeasureKind::kMapCut, "map_cut", Cutoffs::kDocuments, kDocumentCutoffs, false, true, false},
    {MeasureKind::kRelativeP, "relative_P", Cutoffs::kDocuments, kDocumentCutoffs, false, true,
     false},
    {MeasureKind::kSuccess, "success", Cutoffs::kDocuments, kSuccessCutoffs, false, true, false},
    {MeasureKind::kSetP, "set_P", Cutoffs::kNone, {}, false, true, true},
    {MeasureKind::kSetRelativeP, "set_relative_P", Cutoffs::kNone, {}, false, true, true},
    {MeasureKind::kSetRecall, "set_recall", Cutoffs::kNone, {}, false, true, true},
    {MeasureKind::kSetMap, "set_map", Cutoffs::kNone, {}, false, true, true},
    {MeasureKind::kSetF, "set_F", Cutoffs::kNone, {}, false, true, true},
    {MeasureKind::kNumNonrelJudgedRet,
     "num_nonrel_judged_ret",
     Cutoffs::kNone,
     {},
     false,
     true,
     false},
});

const KindInfo& kind_info(MeasureKind kind) {
  return *std::ranges::find(kKinds, kind, &KindInfo::kind);
}

const KindInfo* find_kind(std::string_view name) {
  const auto found = std::ranges::find(kKinds, name, &KindInfo::name);
  return found == kKinds.end() ? nullptr : &*found;
}

[[noreturn]] void unknown(std::string_view spec, std::string_view why) {
  throw std::invalid_argument(fmt::format("unknown measure '{}'{}", spec, why));
}

// A cutoff as trec_eval reads it: a positive integer for document counts, any number for
// fractions.
std::optional<double> parse_cutoff(std::string_view text, Cutoffs kind) {
  if (text.empty()) return std::nullopt;
  if (kind == Cutoffs::kDocuments) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return static_cast<double>(value);
  }
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// All measures of @a info: one, or one per default cutoff.
std::vector<Measure> whole_family(const KindInfo& info) {
  if (info.cutoffs == Cutoffs::kNone) return {{info.kind, 0}};
  std::vector<Measure> measures;
  for (const double cutoff : info.defaults) measures.push_back({info.kind, cutoff});
  return measures;
}

}  // namespace

std::string Measure::name() const {
  const KindInfo& info = kind_info(kind);
  switch (info.cutoffs) {
    case Cutoffs::kDocuments:
      return fmt::format("{}_{}", info.name, static_cast<long>(cutoff));
    case Cutoffs::kFractions:
      return fmt::format("{}_{:3.2f}", info.name, cutoff);
    case Cutoffs::kNone:
      break;
  }
  return std::string(info.name);
}

bool Measure::is_count() const noexcept {
  return kind == MeasureKind::kNumQ || kind == MeasureKind::kNumRet ||
         kind == MeasureKind::kNumRel || kind == MeasureKind::kNumRelRet ||
         kind == MeasureKind::kNumNonrelJudgedRet;
}

bool Measure::is_geometric() const noexcept {
  return kind == MeasureKind::kGmMap || kind == MeasureKind::kGmBpref;
}

bool Measure::per_topic() const noexcept {
  return kind != MeasureKind::kNumQ && !is_geometric();
}

void MeasureSelection::add(std::string_view spec) {
  std::vector<Measure> added;
  const auto nickname = [&](bool KindInfo::*member) {
    runid = true;
    for (const KindInfo& info : kKinds) {
      if (info.*member) {
        for (const Measure& measure : whole_family(info)) added.push_back(measure);
      }
    }
  };
  if (spec == "runid") {
    runid = true;
  } else if (spec == "official") {
    nickname(&KindInfo::official);
  } else if (spec == "all_trec") {
    nickname(&KindInfo::all_trec);
  } else if (spec == "set") {
    nickname(&KindInfo::set);
  } else if (const auto dot = spec.find('.'); dot != std::string_view::npos) {
    // trec_eval's grouped form: family.cutoff[,cutoff]...
    const KindInfo* family = find_kind(spec.substr(0, dot));
    if (family == nullptr || family->cutoffs == Cutoffs::kNone) {
      unknown(spec,
              " (cutoffs are for P, recall, ndcg_cut, map_cut, relative_P, success, "
              "iprec_at_recall and Rprec_mult)");
    }
    std::string_view rest = spec.substr(dot + 1);
    while (true) {
      const auto comma = rest.find(',');
      const auto cutoff = parse_cutoff(rest.substr(0, comma), family->cutoffs);
      if (!cutoff) {
        unknown(spec, family->cutoffs == Cutoffs::kDocuments
                          ? " (cutoffs must be positive integers)"
                          : " (cutoffs must be numbers of 0 or more)");
      }
      added.push_back({family->kind, *cutoff});
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  } else if (const KindInfo* plain = find_kind(spec); plain != nullptr) {
    added = whole_family(*plain);
  } else if (const auto underscore = spec.rfind('_'); underscore != std::string_view::npos) {
    // A single measure by its printed name: P_10, recall_100, iprec_at_recall_0.10.
    const KindInfo* family = find_kind(spec.substr(0, underscore));
    if (family == nullptr || family->cutoffs == Cutoffs::kNone) unknown(spec, "");
    const auto cutoff = parse_cutoff(spec.substr(underscore + 1), family->cutoffs);
    if (!cutoff) unknown(spec, "");
    added.push_back({family->kind, *cutoff});
  } else {
    unknown(spec, "");
  }
  measures.insert(measures.end(), added.begin(), added.end());
  // std::sort/std::unique rather than their ranges forms, which clang 14 cannot compile
  // with Debian 12's libstdc++.
  std::sort(measures.begin(), measures.end());
  measures.erase(std::unique(measures.begin(), measures.end()), measures.end());
}

MeasureSelection default_selection() {
  MeasureSelection selection;
  selection.add("official");
  return selection;
}

std::vector<Measure> default_measures() {
  return default_selection().measures;
}

}  // namespace archivar::eval
