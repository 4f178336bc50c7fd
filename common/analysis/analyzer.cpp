#include "common/analysis/analyzer.h"

#include <stdexcept>

#include "common/analysis/apostrophe_filter.h"
#include "common/analysis/case_fold_filter.h"
#include "common/analysis/compound_split_filter.h"
#include "common/analysis/feminine_form_filter.h"
#include "common/analysis/german_letter_fold_filter.h"
#include "common/analysis/hyphen_split_filter.h"
#include "common/analysis/inner_punctuation_filter.h"
#include "common/analysis/stem_filter.h"
#include "common/analysis/stop_word_filter.h"
#include "common/analysis/strong_verb_filter.h"
#include "common/analysis/weak_verb_filter.h"

namespace archivar {

std::string AnalyzerOptions::to_string() const {
  std::string spec;
  const auto add = [&spec](bool on, const char* word) {
    if (!on) return;
    if (!spec.empty()) spec += ',';
    spec += word;
  };
  add(split_hyphens, "hyphens");
  add(fold_letters, "fold");
  add(stem, "stem");
  add(split_compounds, "compounds");
  add(feminine_forms, "feminine");
  add(weak_verbs, "verbs");
  add(strong_verbs, "strong");
  add(particle_verbs, "particles");
  add(apostrophes, "apostrophes");
  add(sentence_dots, "dots");
  add(sharp_s, "eszett");
  return spec.empty() ? "plain" : spec;
}

AnalyzerOptions AnalyzerOptions::parse(std::string_view spec) {
  AnalyzerOptions options{.split_hyphens = false,
                          .fold_letters = false,
                          .stem = false,
                          .split_compounds = false,
                          .feminine_forms = false,
                          .weak_verbs = false,
                          .particle_verbs = false,
                          .strong_verbs = false,
                          .apostrophes = false,
                          .sentence_dots = false,
                          .sharp_s = false};
  while (!spec.empty()) {
    const std::size_t comma = spec.find(',');
    const std::string_view word = spec.substr(0, comma);
    if (word == "hyphens") {
      options.split_hyphens = true;
    } else if (word == "fold") {
      options.fold_letters = true;
    } else if (word == "stem") {
      options.stem = true;
    } else if (word == "compounds") {
      options.split_compounds = true;
    } else if (word == "feminine") {
      options.feminine_forms = true;
    } else if (word == "verbs") {
      options.weak_verbs = true;
    } else if (word == "particles") {
      options.particle_verbs = true;
    } else if (word == "strong") {
      options.strong_verbs = true;
    } else if (word == "apostrophes") {
      options.apostrophes = true;
    } else if (word == "dots") {
      options.sentence_dots = true;
    } else if (word == "eszett") {
      options.sharp_s = true;
    } else if (word != "plain") {
      throw std::invalid_argument("unknown analyzer option '" + std::string(word) + "'");
    }
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
  }
  return options;
}

Analyzer::Analyzer(AnalyzerOptions options, std::size_t cached_forms)
    : options_(options),
      tokenizer_(std::make_unique<IcuWordTokenizer>(options_.sentence_dots)),
      cache_(cached_forms > 0 ? std::make_unique<WordFormCache>(cached_forms) : nullptr) {
  if (options_.split_hyphens) filters_.push_back(std::make_unique<HyphenSplitFilter>());
  first_folding_filter_ = filters_.size();
  filters_.push_back(std::make_unique<CaseFoldFilter>(options_.sharp_s));
  if (options_.apostrophes) filters_.push_back(std::make_unique<ApostropheFilter>());
  filters_.push_back(std::make_unique<InnerPunctuationFilter>());  // sees NFKC: "１．２００" too
  if (options_.fold_letters) filters_.push_back(std::make_unique<GermanLetterFoldFilter>());
  folding_filters_ = filters_.size();
  filters_.push_back(std::make_unique<StopWordFilter>());
  if (options_.feminine_forms) filters_.push_back(std::make_unique<FeminineFormFilter>());
  if (options_.split_compounds) {
    filters_.push_back(std::make_unique<CompoundSplitFilter>());
  }
  // Strong forms first: the weak rule would read "brachte" as "brachen" + -te.
  if (options_.strong_verbs) filters_.push_back(std::make_unique<StrongVerbFilter>());
  if (options_.weak_verbs)
    filters_.push_back(std::make_unique<WeakVerbFilter>(options_.particle_verbs));
  if (options_.stem) filters_.push_back(std::make_unique<StemFilter>());
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

namespace {

// No step may leave an empty term: Xapian fails a whole commit on one, and a query reads
// it as "every document". Tokens stacked on a dropped one keep its place.
void drop_empty_tokens(TokenStream& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].text.empty() && tokens[i + 1].position_increment == 0) {
      tokens[i + 1].position_increment = tokens[i].position_increment;
    }
  }
  std::erase_if(tokens, [](const Token& token) { return token.text.empty(); });
}

void assign_positions(TokenStream& tokens) {
  std::uint32_t position = 0;
  bool first = true;
  for (Token& token : tokens) {
    if (!first) position += token.position_increment;
    token.position = position;
    first = false;
  }
}

}  // namespace

TokenStream Analyzer::analyze_where(std::string_view utf8,
                                    const std::function<bool(const Token&)>& may_match) {
  TokenStream tokens = tokenizer_->tokenize(utf8);
  for (std::size_t i = 0; i < filters_.size(); ++i) {
    if (i == folding_filters_) std::erase_if(tokens, [&](const Token& t) { return !may_match(t); });
    filters_[i]->apply(tokens);
  }
  drop_empty_tokens(tokens);
  assign_positions(tokens);
  return tokens;
}

TokenStream Analyzer::analyze_word(const Token& word) {
  TokenStream tokens{word};
  tokens.front().start = 0;
  tokens.front().end = word.end - word.start;
  for (const auto& filter : filters_) filter->apply(tokens);
  drop_empty_tokens(tokens);
  return tokens;
}

// With the cache, word by word, which gives the tokens the whole text would: no filter looks
// beyond its token, and a word's first token always advances the position.
TokenStream Analyzer::analyze(std::string_view utf8) {
  TokenStream words = tokenizer_->tokenize(utf8);
  if (!cache_) {
    for (const auto& filter : filters_) filter->apply(words);
    drop_empty_tokens(words);
    assign_positions(words);
    return words;
  }
  TokenStream tokens;
  tokens.reserve(words.size() + words.size() / 4);
  for (const Token& word : words) {
    const TokenStream* analysed = cache_->find(word.text);
    if (analysed == nullptr) analysed = &cache_->insert(word.text, analyze_word(word));
    for (const Token& token : *analysed) {
      Token& placed = tokens.emplace_back(token);
      placed.start += word.start;
      placed.end += word.start;
    }
  }
  assign_positions(tokens);
  return tokens;
}

WordFormCacheStatistics Analyzer::cache_statistics() const {
  return cache_ ? cache_->statistics() : WordFormCacheStatistics{};
}

std::string Analyzer::fold(std::string_view word) {
  TokenStream tokens{Token{.text = std::string(word)}};
  for (std::size_t i = first_folding_filter_; i < folding_filters_ && !tokens.empty(); ++i) {
    filters_[i]->apply(tokens);
  }
  return tokens.empty() ? std::string() : tokens.front().text;
}

std::string Analyzer::noun_reading(std::string_view word) {
  TokenStream tokens = tokenizer_->tokenize(word);
  if (tokens.empty()) return {};
  tokens.resize(1);
  tokens.front().capitalised = true;  // what the verb filters ask; the case folding is done
  for (const auto& filter : filters_) filter->apply(tokens);
  drop_empty_tokens(tokens);
  return tokens.empty() ? std::string() : tokens.front().text;
}

std::vector<std::string> Analyzer::terms(std::string_view utf8) {
  std::vector<std::string> result;
  for (Token& token : analyze(utf8)) result.push_back(std::move(token.text));
  return result;
}

}  // namespace archivar
