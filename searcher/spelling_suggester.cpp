#include "searcher/spelling_suggester.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <map>

#include "common/surface_signature.h"
#include "common/vocabulary.h"
#include "searcher/edit_distance.h"
#include "searcher/query_lexer.h"

namespace archivar {
namespace {

// A word at most this frequent may be a misspelling while the query finds few hits.
constexpr Xapian::doccount kRareWord = 5;
// A replacement must be used by this many times more articles than the word as typed.
constexpr std::uint64_t kMoreFrequent = 5;
// A replacement two edits away must be this many times more frequent to beat one that
// is one edit away: the archive's usual spelling of a name wins over a rare one that is
// nearer to the typo (FANG-COVID: Selenski → Selenskyj in 133 articles, not Selenskij in
// 11; at 20 the rare one won).
constexpr double kSecondEditCost = 4;
// Shorter words are left alone: too many other words are one edit away.
constexpr std::size_t kMinLetters = 4;
// From this length on, two edits are allowed.
constexpr std::size_t kTwoEditLetters = 8;
// Candidates checked against the index before giving up on a word.
constexpr std::size_t kCandidatesChecked = 5;

// The letters a-z of a word as a bit set, for a cheap lower bound on the edit distance: each
// letter one word has and the other lacks costs at least one edit. A word with a non-ASCII
// byte may fold to any letter (ä to a and e): it gets all of them, and no bound.
constexpr std::uint32_t kAllLetters = (1u << 26) - 1;

std::uint32_t ascii_letters(std::string_view utf8) {
  std::uint32_t mask = 0;
  for (const char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 'a' && byte <= 'z') {
      mask |= 1u << (byte - 'a');
    } else if (byte >= 'A' && byte <= 'Z') {
      mask |= 1u << (byte - 'A');
    } else if (byte >= 0x80) {
      return kAllLetters;
    }
  }
  return mask;
}

std::uint32_t folded_letters(std::u32string_view folded) {
  std::uint32_t mask = 0;
  for (const char32_t c : folded) {
    if (c >= U'a' && c <= U'z') mask |= 1u << (c - U'a');
  }
  return mask;
}

bool is_title_field(const std::string& field) {
  return field == "title" || field == "titel";
}

}  // namespace

std::vector<QueryWord> correctable_words(std::string_view query, bool plain, Analyzer& analyzer) {
  std::vector<QueryWord> words;
  const std::vector<Lexeme> lexemes = plain ? lex_plain_text(query) : lex_query(query);
  bool skip_next = false;  // the value of source:, section: or date:, or an excluded term
  for (const Lexeme& lexeme : lexemes) {
    switch (lexeme.kind) {
      case Lexeme::Kind::kField:
        skip_next = !is_title_field(lexeme.text);
        continue;
      case Lexeme::Kind::kMinus:
        skip_next = true;
        continue;
      case Lexeme::Kind::kPlus:
        continue;
      case Lexeme::Kind::kWord:
      case Lexeme::Kind::kPhrase:
        break;
      default:
        skip_next = false;
        continue;
    }
    if (std::exchange(skip_next, false)) continue;
    const std::size_t base = query.find(lexeme.text, lexeme.offset);
    if (base == std::string_view::npos) continue;
    const TokenStream tokens = analyzer.analyze(lexeme.text);
    for (const std::string_view surface : surface_words(tokens, lexeme.text)) {
      if (folded_code_points(surface).size() < kMinLetters) continue;
      const std::size_t start = static_cast<std::size_t>(surface.data() - lexeme.text.data());
      words.push_back({base + start, base + start + surface.size(), std::string(surface)});
    }
  }
  return words;
}

SpellingSuggester::SpellingSuggester(Archive& archive, Analyzer& analyzer)
    : archive_(archive), analyzer_(analyzer) {}

const std::vector<std::string>& SpellingSuggester::vocabularies() {
  if (!vocabularies_) {
    vocabularies_.emplace();
    for (const ArchiveShard& shard : archive_.shards()) {
      vocabularies_->push_back(Vocabulary::stored_text(shard.database));
    }
  }
  return *vocabularies_;
}

std::optional<std::string> SpellingSuggester::suggest(
    std::string_view query, bool plain, Xapian::doccount hits, const HitCounter& count,
    const std::map<std::string, std::set<std::string>>& word_variants) {
  const std::vector<QueryWord> words = correctable_words(query, plain, analyzer_);
  std::string corrected(query);
  bool changed = false;
  // From the last word to the first, so that the offsets of the others stay valid.
  for (auto word = words.rbegin(); word != words.rend(); ++word) {
    const std::vector<std::string> terms = analyzer_.terms(word->text);
    if (terms.empty()) continue;
    const Xapian::doccount articles = archive_.database().get_termfreq(terms.front());
    if (articles > 0 && (hits >= kFewHits || articles >= kRareWord)) continue;
    const auto variants = word_variants.find(terms.front());
    const std::optional<std::string> replacement = best_replacement(
        *word, articles, variants == word_variants.end() ? nullptr : &variants->second);
    if (!replacement) continue;
    corrected.replace(word->start, word->end - word->start, *replacement);
    changed = true;
  }
  if (!changed) return std::nullopt;
  // Every replacement is in the index, but the query as a whole must find something too,
  // and not less than the query as typed (an AND query may now exclude more).
  const Xapian::doccount corrected_hits = count(corrected);
  if (corrected_hits == 0 || corrected_hits < hits) return std::nullopt;
  return corrected;
}

std::optional<std::string> SpellingSuggester::best_replacement(
    const QueryWord& word, Xapian::doccount word_articles,
    const std::set<std::string>* allowed_terms) {
  const std::u32string typed = folded_code_points(word.text);
  const std::size_t limit = typed.size() >= kTwoEditLetters ? 2 : 1;
  struct Found {
    std::uint64_t articles = 0;
    std::size_t distance = 0;
    std::string spelling;  ///< the spelling most articles use
    std::uint64_t spelling_articles = 0;
  };
  std::map<std::u32string, Found> found;  // by lowered form: all spellings and shards
  std::u32string lowered;
  const std::uint32_t typed_letters = folded_letters(typed);
  for (const std::string& vocabulary : vocabularies()) {
    std::string_view rest = vocabulary;
    while (!rest.empty()) {
      const std::size_t newline = rest.find('\n');
      const std::string_view line = rest.substr(0, newline);
      rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      const std::string_view spelling = line.substr(0, tab);
      // Umlauts take two bytes: an edit changes the length by at most two.
      const std::size_t bytes = spelling.size(), typed_bytes = word.text.size();
      if (bytes + 2 * limit < typed_bytes || typed_bytes + 2 * limit < bytes) continue;
      const std::uint32_t letters = ascii_letters(spelling);
      const auto missing = static_cast<std::size_t>(std::popcount(typed_letters & ~letters));
      const auto extra = letters == kAllLetters
                             ? 0
                             : static_cast<std::size_t>(std::popcount(letters & ~typed_letters));
      if (std::max(missing, extra) > limit) continue;
      folded_code_points(spelling, lowered);
      if (lowered == typed) continue;
      const std::size_t distance = bounded_edit_distance(typed, lowered, limit);
      if (distance > limit) continue;
      std::uint64_t articles = 0;
      const std::string_view number = line.substr(tab + 1);
      std::from_chars(number.data(), number.data() + number.size(), articles);
      Found& entry = found[lowered];
      entry.articles += articles;
      entry.distance = distance;
      if (articles > entry.spelling_articles) {
        entry.spelling_articles = articles;
        entry.spelling = std::string(spelling);
      }
    }
  }
  std::vector<const Found*> ranked;
  for (const auto& [lowered, entry] : found) {
    if (entry.articles >= std::max<std::uint64_t>(1, kMoreFrequent * word_articles)) {
      ranked.push_back(&entry);
    }
  }
  const auto score = [](const Found* entry) {
    return static_cast<double>(entry->articles) /
           std::pow(kSecondEditCost, static_cast<double>(entry->distance) - 1);
  };
  std::ranges::sort(ranked, [&](const Found* a, const Found* b) {
    return score(a) != score(b) ? score(a) > score(b) : a->spelling < b->spelling;
  });
  const std::vector<std::string> typed_terms = analyzer_.terms(word.text);
  for (std::size_t i = 0; i < ranked.size() && i < kCandidatesChecked; ++i) {
    const std::vector<std::string> terms = analyzer_.terms(ranked[i]->spelling);
    // Another spelling of the same term finds nothing new (Strassenbahn, Straßenbahn).
    if (terms.empty() || terms == typed_terms) continue;
    if (allowed_terms != nullptr && !allowed_terms->contains(terms.front())) continue;
    if (archive_.database().get_termfreq(terms.front()) > 0) return ranked[i]->spelling;
  }
  return std::nullopt;
}

}  // namespace archivar
