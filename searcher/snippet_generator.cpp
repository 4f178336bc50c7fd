#include "searcher/snippet_generator.h"

#include <algorithm>
#include <tuple>

#include "common/text/utf8.h"
#include "searcher/term_candidates.h"

namespace archivar {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
constexpr std::size_t kMaxWordOverrun = 30;  // characters past the length to finish a word

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Characters (not bytes) in [begin, end): the length budget is for readers.
std::size_t characters(std::string_view text, std::size_t begin, std::size_t end) {
  return utf8_length(text.substr(begin, end - begin));
}

// Moves @p end forward by up to @p budget characters, staying on a character boundary.
std::size_t advance(std::string_view text, std::size_t end, std::size_t budget) {
  while (end < text.size() && budget > 0) {
    ++end;
    while (end < text.size() && is_utf8_continuation(text[end])) ++end;
    --budget;
  }
  return end;
}

std::size_t retreat(std::string_view text, std::size_t begin, std::size_t budget) {
  while (begin > 0 && budget > 0) {
    --begin;
    while (begin > 0 && is_utf8_continuation(text[begin])) --begin;
    --budget;
  }
  return begin;
}

}  // namespace

SnippetGenerator::SnippetGenerator(Analyzer& analyzer, std::size_t length)
    : analyzer_(analyzer), length_(std::max<std::size_t>(length, 40)) {}

const TermCandidates& SnippetGenerator::candidates_of(const std::set<std::string>& terms) {
  if (!candidates_ || candidate_terms_ != terms) {
    candidate_terms_ = terms;
    candidates_.emplace(terms);
  }
  return *candidates_;
}

std::vector<SnippetGenerator::Match> SnippetGenerator::matches(std::string_view text,
                                                               const std::set<std::string>& terms) {
  std::vector<Match> found;
  if (terms.empty()) return found;
  // A word can only yield a term that stands in it: stems, compound parts and verb bases
  // are pieces of the folded word, read with ä as a where Snowball's german2 reads ae so
  // ("muenchen" → "munch"). Other words skip the costly splitting and stemming, and the
  // stretches of text without any such word are not even tokenized.
  const TermCandidates& candidates = candidates_of(terms);
  const auto may_match = [&candidates](const Token& token) {
    return candidates.may_hold(token.text);
  };
  for (const auto& [begin, end] : candidates.in(text)) {
    for (Token& token : analyzer_.analyze_where(text.substr(begin, end - begin), may_match)) {
      token.start += begin;
      token.end += begin;
      const auto term = terms.find(token.text);
      if (term == terms.end()) continue;
      // A hyphen part and its joined word may both match; keep the narrower span.
      if (!found.empty() && token.start < found.back().end) {
        if (token.end - token.start < found.back().end - found.back().start) {
          found.back() = {token.start, token.end, &*term};
        }
        continue;
      }
      found.push_back({token.start, token.end, &*term});
    }
  }
  return found;
}

Snippet SnippetGenerator::render(std::string_view text, std::size_t begin, std::size_t end,
                                 const std::vector<Match>& matches) const {
  Snippet snippet;
  if (begin > 0) snippet.text += kEllipsis;
  auto match = std::ranges::lower_bound(matches, begin, {}, &Match::start);
  bool pending_space = false;
  std::size_t highlight_start = 0;
  bool in_highlight = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (match != matches.end() && !in_highlight && i == match->start && match->end <= end) {
      if (pending_space) snippet.text += ' ';
      pending_space = false;
      highlight_start = snippet.text.size();
      in_highlight = true;
    }
    if (is_space(text[i]) && !in_highlight) {
      pending_space = !snippet.text.empty() && snippet.text != kEllipsis;
    } else {
      if (pending_space) snippet.text += ' ';
      pending_space = false;
      snippet.text += is_space(text[i]) ? ' ' : text[i];
    }
    if (in_highlight && i + 1 == match->end) {
      snippet.highlights.emplace_back(highlight_start, snippet.text.size());
      in_highlight = false;
      ++match;
    }
  }
  if (end < text.size()) snippet.text += kEllipsis;
  return snippet;
}

Snippet SnippetGenerator::whole(std::string_view text, const std::set<std::string>& terms) {
  return render(text, 0, text.size(), matches(text, terms));
}

Snippet SnippetGenerator::passage(std::string_view text, const std::set<std::string>& terms,
                                  const std::set<std::string>& part_terms) {
  const std::vector<Match> found = matches(text, terms);

  // Best window, among those starting at a match: most distinct whole-word terms, then
  // most distinct part terms, then most matches.
  using Rank = std::tuple<std::size_t, std::size_t, std::size_t>;
  std::size_t best_first = 0, best_last = 0;
  Rank best{0, 0, 0};
  for (std::size_t first = 0; first < found.size(); ++first) {
    std::set<const std::string*> distinct;
    std::size_t last = first;
    for (std::size_t k = first; k < found.size(); ++k) {
      if (characters(text, found[first].start, found[k].end) > length_) break;
      distinct.insert(found[k].term);
      last = k;
    }
    const auto parts = static_cast<std::size_t>(std::ranges::count_if(
        distinct, [&](const std::string* term) { return part_terms.contains(*term); }));
    const Rank rank{distinct.size() - parts, parts, last - first + 1};
    if (rank > best) {
      best = rank;
      best_first = first;
      best_last = last;
    }
  }

  std::size_t begin = 0;
  if (!found.empty()) {
    // Centre the matches in the window, then prefer a sentence start a little earlier.
    const std::size_t used = characters(text, found[best_first].start, found[best_last].end);
    const std::size_t slack = length_ > used ? (length_ - used) / 2 : 0;
    begin = retreat(text, found[best_first].start, std::min<std::size_t>(slack, 60));
    const std::size_t sentence = text.substr(0, found[best_first].start).rfind(". ");
    if (sentence != std::string_view::npos && sentence + 2 >= begin &&
        characters(text, sentence + 2, found[best_first].start) < length_ / 2) {
      begin = sentence + 2;
    } else if (begin > 0) {
      // Start on a word: skip forward past the word we landed in.
      while (begin < found[best_first].start && !is_space(text[begin - 1])) ++begin;
    }
    if (characters(text, begin, found[best_first].start) > length_) {
      begin = retreat(text, found[best_first].start, 20);  // inside a space-less blob
    }
    if (begin < 40 && characters(text, 0, begin) < 40) begin = 0;  // keep the lead intact
  }
  while (begin < text.size() && is_space(text[begin])) ++begin;

  std::size_t end = advance(text, begin, length_);
  if (!found.empty()) end = std::max(end, found[best_last].end);
  end = std::min(end, advance(text, begin, 2 * length_));  // one over-long match at most
  if (end < text.size()) {
    // End on a word boundary, within the budget where possible.
    std::size_t cut = end;
    while (cut > begin && !is_space(text[cut])) --cut;
    if (cut > begin && (found.empty() || cut >= found[best_last].end)) {
      end = cut;
    } else {
      // Finish the word, but never run on through a space-less blob (URLs, base64).
      const std::size_t limit = advance(text, end, kMaxWordOverrun);
      while (end < limit && !is_space(text[end])) ++end;
    }
  }
  while (end > begin && (is_space(text[end - 1]))) --end;
  return render(text, begin, end, found);
}

}  // namespace archivar
