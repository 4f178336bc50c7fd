#include "searcher/query_parser.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "common/index_schema.h"
#include "common/surface_signature.h"
#include "searcher/date_range.h"
#include "searcher/exact_phrase.h"
#include "searcher/wildcard.h"

namespace archivar {
namespace {

// Whether @a text has an upper- or title-case letter anywhere.
bool has_capital(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    UChar32 code = 0;
    U8_NEXT(text.data(), i, text.size(), code);
    if (code >= 0 && (u_isupper(code) || u_istitle(code))) return true;
  }
  return false;
}

using Kind = Lexeme::Kind;

enum class Field { kText, kTitle, kSource, kSection, kDate, kAuthor, kUrl, kId };

// How much the parts of a compound count against the compound itself. Tuned on the dev
// sets (bench/relevance): MRR on fang-headlines-dev 0.443 at 1.0, 0.453 at 0.5, 0.454 at
// 0.25; mlqa-de-dev 0.692 / 0.702 / 0.699; xquad-de 0.934 / 0.938 / 0.936.
constexpr double kCompoundPartsWeight = 0.5;
// How much the whole of a hyphenated word (joined, or its parts in sequence) counts on top
// of its parts in a ranked query. At 1.0 an article with "SPD-Gesundheitsexperten" scored
// the word three times over (joined form, phrase, parts) and buried articles that had the
// parts apart; MRR fang-headlines-dev 0.454 / 0.469 / 0.474 at 1.0 / 0.5 / 0.25, 0.467 at 0.
constexpr double kHyphenWholeWeight = 0.25;
// How close the parts of a compound must stand to say it in words ("das Personal der
// deutschen Botschaft" for "Botschaftspersonal"): about a sentence.
constexpr Xapian::termpos kCompoundInWordsWindow = 12;
// "a NEAR b" without a number: within ten words, as in Xapian's and Lucene's parsers.
constexpr unsigned kDefaultNearWords = 10;
// A phrase with hyphenated words asks for each joined ("Coronakrise") or in parts; the
// spellings multiply, so only the first few such words get both.
constexpr std::size_t kMaxJoinedAlternatives = 4;

Field field_named(const Lexeme& lexeme) {
  const std::string& name = lexeme.text;
  if (name == "title" || name == "titel") return Field::kTitle;
  if (name == "source" || name == "quelle") return Field::kSource;
  if (name == "section" || name == "rubrik") return Field::kSection;
  if (name == "date" || name == "datum") return Field::kDate;
  if (name == "author" || name == "autor") return Field::kAuthor;
  if (name == "url") return Field::kUrl;
  if (name == "id") return Field::kId;
  throw QueryError(fmt::format("unknown field '{}:'; the fields are {} (put a word with a colon "
                               "in quotes to search it as text)",
                               name, query_field_list()),
                   lexeme.offset);
}

// A parsed piece of query. Absent (nullopt query) when it had no searchable words.
struct Part {
  std::optional<Xapian::Query> query;
  bool stop_words_only = false;  // made only of German function words
  bool is_filter = false;        // restricts without ranking (source:, date:)
  // Of a filter: the field whose values are ORed when given twice ("source"), as in
  // Xapian's QueryParser; filters of different fields are ANDed.
  std::string filter_field;
  // Where it only ranks (an optional clause): a looser form that also scores partial
  // matches, e.g. the parts of a hyphenated word on their own.
  std::optional<Xapian::Query> ranked;
  // The first and last index term of a typed word (the word, a compound, the parts of a
  // hyphenated word), for the proximity of neighbouring words; empty for other clauses.
  std::string first_term, last_term;
  // The term at the typed word's first position, with its field prefix: for NEAR.
  std::string position_term;
  // The surface_hash of the typed word's surface_words, for its use as typed (RankedWord).
  std::vector<std::uint16_t> surfaces;
  // The text's terms of the typed word that stand one after another (function words too;
  // the parts of a hyphenated word), for the query's wording (TypedPair); empty for other
  // clauses and fields.
  std::vector<std::string> typed_sequence;
  bool is_single_term = false;  // query is just Xapian::Query(position_term)
  std::size_t order = 0;        // position among the clauses of its group
  // The parts of a compound or hyphenated word, each adding to the score on its own (and
  // in plain text, where the word is one of several, matching on its own too); the word
  // itself matches only as a whole or as all its parts.
  std::vector<Xapian::Query> loose_parts;
  // Clauses that add to the score of documents the query matches but never match a
  // document by themselves.
  std::vector<Xapian::Query> boosts;
  std::string typed;  // the clause as typed, for notes
  // A phrase or hyphenated word to check as typed (ExactPhrase), which reads stored text:
  // done once the clauses a long query keeps are known (Run::check_as_typed).
  struct PendingCheck {
    std::string typed;
    Xapian::Query weighted;  // the query the articles found are weighted by
    PhraseField where = PhraseField::kTitleOrText;
    double ranked_weight = 0;  // > 0: ranked is the checked query scaled by it
    bool quoted = true;        // typed in quotes: say so when it goes unchecked
  };
  std::optional<PendingCheck> pending_check;
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& queries) {
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(op, queries.begin(), queries.end());
}

// word^2: the clause counts twice as much, whichever form of it matches.
void scale(Part& part, double factor) {
  const auto scaled = [factor](const Xapian::Query& query) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor);
  };
  if (part.query) part.query = scaled(*part.query);
  if (part.ranked) part.ranked = scaled(*part.ranked);
  for (Xapian::Query& query : part.loose_parts) query = scaled(query);
  for (Xapian::Query& query : part.boosts) query = scaled(query);
  part.is_single_term = false;
}

Part filter_part(Xapian::Query query, std::string field) {
  Part part;
  part.query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, std::move(query), 0.0);
  part.is_filter = true;
  part.filter_field = std::move(field);
  return part;
}

}  // namespace

// One parse: the lexemes, a cursor, and the terms collected for highlighting.
class QueryParser::Run {
 public:
  /// With @a plain, the text is natural language (see QueryParser::parse_plain).
  Run(Analyzer& analyzer, const ProximityOptions& proximity, const Xapian::Database* database,
      StoredDataReader* stored, const QueryLimits& limits, std::vector<Lexeme> lexemes, bool plain,
      WordVariantOptions variants = {.rare_share = 0})
      : analyzer_(analyzer),
        proximity_(proximity),
        database_(database),
        stored_(stored),
        limits_(limits),
        lexemes_(std::move(lexemes)),
        plain_(plain),
        variants_(variants),
        long_query_(std::ranges::count_if(
                        lexemes_,
                        [](const Lexeme& lexeme) {
                          return lexeme.kind == Kind::kWord || lexeme.kind == Kind::kPhrase;
                        }) > 2 * static_cast<std::ptrdiff_t>(limits.max_ranked_clauses)),
        typed_without_capitals_(std::ranges::none_of(lexemes_, [](const Lexeme& lexeme) {
          return (lexeme.kind == Kind::kWord || lexeme.kind == Kind::kPhrase) &&
                 has_capital(lexeme.text);
        })) {}

  ParsedQuery parse() {
    Part part = parse_or(Field::kText);
    if (peek().kind == Kind::kClose) throw QueryError("')' without a matching '('", peek().offset);
    if (peek().kind != Kind::kEnd) {
      throw QueryError(fmt::format("unexpected '{}'", peek().text), peek().offset);
    }
    if (!plain_ && !part.query && lexemes_.size() > 1) {
      throw QueryError("the query has no word to search for", std::string::npos);
    }
    if (!plain_ && part.stop_words_only) {
      throw QueryError(
          "the query has only stop words (der, die, und, ...), which nearly every article "
          "holds; add a word, or put the words in quotes to search them as a phrase",
          std::string::npos);
    }
    ParsedQuery result;
    result.query = part.query.value_or(Xapian::Query::MatchNothing);
    if (part.query && !part.boosts.empty()) {
      result.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, result.query,
                                   combine(Xapian::Query::OP_OR, part.boosts));
    }
    if (long_query_) {
      // A pasted text's phrases bring its function words ("die", "und"): marked, they would
      // stand out in every snippet, and their letters in nearly every word would have each
      // article's text analysed almost whole.
      for (const std::string& function_word : function_word_terms_) {
        if (content_terms_.contains(function_word)) continue;
        highlight_terms_.erase(function_word);
        part_terms_.erase(function_word);
      }
    }
    std::ranges::set_difference(part_terms_, highlight_terms_,
                                std::inserter(result.part_terms, result.part_terms.end()));
    result.highlight_terms = std::move(highlight_terms_);
    result.highlight_terms.insert(result.part_terms.begin(), result.part_terms.end());
    result.word_variants = std::move(word_variants_);
    result.notes = std::move(notes_);
    result.details = std::move(details_);
    result.word_pairs = std::move(word_pairs_);
    result.ranked_words = std::move(ranked_words_);
    result.typed_pairs = std::move(typed_pairs_);
    return result;
  }

 private:
  // Counts the nesting of parse_clause: parentheses and fields recurse.
  class DepthGuard {
   public:
    DepthGuard(Run& run, const Lexeme& lexeme) : run_(run) {
      if (++run_.depth_ > run_.limits_.max_depth) {
        throw QueryError(
            fmt::format("the query nests more than {} levels deep", run_.limits_.max_depth),
            lexeme.offset);
      }
    }
    ~DepthGuard() { --run_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Run& run_;
  };

  const Lexeme& peek(std::size_t ahead = 0) const {
    return lexemes_[std::min(position_ + ahead, lexemes_.size() - 1)];
  }
  const Lexeme& take() { return lexemes_[position_++]; }

  static bool ends_group(Kind kind) {
    return kind == Kind::kAnd || kind == Kind::kOr || kind == Kind::kNot || kind == Kind::kClose ||
           kind == Kind::kEnd;
  }

  // Binary operators need something on their right.
  Part operand(Field field, const Lexeme& op, Part (Run::*parse_next)(Field)) {
    if (ends_group(peek().kind)) {
      throw QueryError(fmt::format("'{}' needs a term after it", op.text), op.offset);
    }
    return (this->*parse_next)(field);
  }

  Part parse_or(Field field) {
    std::vector<Part> alternatives;
    alternatives.push_back(parse_and(field));
    while (peek().kind == Kind::kOr) {
      const Lexeme& op = take();
      alternatives.push_back(operand(field, op, &Run::parse_and));
    }
    if (alternatives.size() > 1) keep_most_selective(alternatives);
    for (Part& p : alternatives) check_as_typed(p);
    return join(Xapian::Query::OP_OR, std::move(alternatives));
  }

  Part parse_and(Field field) {
    std::vector<Part> conjuncts;
    conjuncts.push_back(parse_not(field));
    while (peek().kind == Kind::kAnd) {
      const Lexeme& op = take();
      conjuncts.push_back(operand(field, op, &Run::parse_not));
    }
    return join(Xapian::Query::OP_AND, std::move(conjuncts));
  }

  Part parse_not(Field field) {
    Part left = parse_group(field);
    std::vector<Xapian::Query> excluded;
    while (peek().kind == Kind::kNot) {
      const Lexeme& op = take();
      const bool was_collecting = collecting_;
      collecting_ = false;  // terms of excluded documents are not highlighted
      Part right = operand(field, op, &Run::parse_group);
      collecting_ = was_collecting;
      if (right.query) excluded.push_back(*right.query);
    }
    if (excluded.empty()) return left;
    Part result;
    result.query =
        Xapian::Query(Xapian::Query::OP_AND_NOT, left.query.value_or(Xapian::Query::MatchAll),
                      combine(Xapian::Query::OP_OR, excluded));
    result.boosts = std::move(left.boosts);
    result.is_filter = !left.query || left.is_filter;
    result.stop_words_only = left.stop_words_only;
    return result;
  }

  // Clauses side by side: required (+, filters) must match, optional ones rank, and
  // excluded (-) ones must not match.
  Part parse_group(Field field) {
    std::vector<Part> required, optional, excluded;
    std::size_t order = 0;
    while (!ends_group(peek().kind)) {
      Kind modifier = Kind::kEnd;
      if (peek().kind == Kind::kPlus || peek().kind == Kind::kMinus) modifier = take().kind;
      const bool was_collecting = collecting_;
      if (modifier == Kind::kMinus) collecting_ = false;
      const bool near_chain = peek().kind == Kind::kWord && peek(1).kind == Kind::kNear;
      Part clause = near_chain ? parse_near(field) : parse_clause(field);
      collecting_ = was_collecting;
      if (!clause.query) continue;
      clause.order = order++;
      if (modifier == Kind::kMinus) {
        excluded.push_back(std::move(clause));
      } else if (modifier == Kind::kPlus || clause.is_filter) {
        required.push_back(std::move(clause));
      } else {
        optional.push_back(std::move(clause));
      }
    }
    keep_most_selective(optional);
    for (auto* clauses : {&required, &optional, &excluded}) {
      for (Part& p : *clauses) check_as_typed(p);
    }
    const bool has_content_words =
        std::ranges::any_of(required, [](const Part& p) { return !p.is_filter; }) ||
        std::ranges::any_of(optional, [](const Part& p) { return !p.stop_words_only; });
    std::vector<Xapian::Query> must, may, must_not, filters;
    // Values of one field are alternatives (source:zeit.de source:spiegel.de).
    std::map<std::string, std::vector<Xapian::Query>> filters_by_field;
    for (const Part& p : required) {
      if (!p.is_filter) {
        must.push_back(*p.query);
      } else if (p.filter_field.empty()) {
        filters.push_back(*p.query);
      } else {
        filters_by_field[p.filter_field].push_back(*p.query);
      }
    }
    for (const auto& [name, values] : filters_by_field) {
      filters.push_back(combine(Xapian::Query::OP_OR, values));
    }
    // Stop words rank only where nothing else does: beside a filter they would only
    // narrow it ("die source:zeit.de" lists that source).
    const bool stop_words_rank = !has_content_words && filters.empty();
    for (const Part& p : optional) {
      if (!p.stop_words_only || stop_words_rank) may.push_back(p.ranked.value_or(*p.query));
    }
    for (const Part& p : excluded) must_not.push_back(*p.query);
    std::vector<const Part*> sequence;  // the ranked words, in query order
    for (const auto* clauses : {&required, &optional}) {
      for (const Part& p : *clauses) {
        if (!p.is_filter && !p.stop_words_only) sequence.push_back(&p);
      }
    }
    std::ranges::sort(sequence, {}, &Part::order);
    // "Straßenbahn" asks for trams, not for every "Bahn": its parts only rank the articles
    // the words match. Only in plain text (a question, a pasted headline: many words,
    // some of which an answer may not contain) is a part one more word that may match.
    // A pasted text is searched by its rarest words alone: the parts of its compounds and
    // the proximity of its words would cost more than they could tell.
    std::vector<Xapian::Query> boosts;
    for (const Part* p : sequence) {
      boosts.insert(boosts.end(), p->boosts.begin(), p->boosts.end());
      if (long_query_) continue;
      auto& parts_go_to = plain_ && sequence.size() >= 2 ? may : boosts;
      parts_go_to.insert(parts_go_to.end(), p->loose_parts.begin(), p->loose_parts.end());
    }
    if (!long_query_) {
      add_proximity(sequence, may);
      add_ranked_words(sequence);
      add_typed_pairs(required, optional);
    }

    // Ranked core: required words, with optional ones adding to the score; without
    // required words, at least one optional word must match.
    Part group;
    group.stop_words_only = !optional.empty() && stop_words_rank;
    group.boosts = std::move(boosts);
    if (!must.empty()) {
      group.query = combine(Xapian::Query::OP_AND, must);
      if (!may.empty()) {
        // Not OP_AND_MAYBE: Xapian 1.4 scores a NEAR or PHRASE on its maybe side without
        // checking positions, so "+Bahn \"Deutsche Bahn\"" would reward the two words
        // anywhere. Filtering a plain OR by the required words scores the same, correctly.
        may.push_back(*group.query);
        group.query = Xapian::Query(Xapian::Query::OP_FILTER, combine(Xapian::Query::OP_OR, may),
                                    *group.query);
      }
    } else if (!may.empty()) {
      group.query = combine(Xapian::Query::OP_OR, may);
    }
    if (!filters.empty()) {
      const Xapian::Query filter = combine(Xapian::Query::OP_AND, filters);
      group.is_filter = !group.query;
      group.query =
          group.query ? Xapian::Query(Xapian::Query::OP_FILTER, *group.query, filter) : filter;
    }
    if (!must_not.empty()) {
      group.is_filter = !group.query || group.is_filter;
      group.query =
          Xapian::Query(Xapian::Query::OP_AND_NOT, group.query.value_or(Xapian::Query::MatchAll),
                        combine(Xapian::Query::OP_OR, must_not));
    }
    return group;
  }

  // Of more ranked clauses side by side (or ORed) than the limit, the same clause typed
  // twice counts once, and the clauses fewest articles have are kept: a pasted article
  // is searched by its rarest words, not by every "Corona" in it.
  void keep_most_selective(std::vector<Part>& clauses) {
    const std::size_t limit = limits_.max_ranked_clauses;
    if (clauses.size() <= limit) return;
    const std::size_t given = clauses.size();
    std::set<std::string> seen;
    std::erase_if(clauses, [&](const Part& p) {
      return p.query && !p.is_filter && !seen.insert(p.query->get_description()).second;
    });
    const std::size_t different = clauses.size();
    if (different <= limit) return;
    const auto articles = [&](const Part& p) {
      Xapian::doccount fewest = std::numeric_limits<Xapian::doccount>::max();
      if (p.is_filter || !p.query || database_ == nullptr) return Xapian::doccount{0};
      for (auto term = p.query->get_unique_terms_begin(); term != p.query->get_unique_terms_end();
           ++term) {
        const Xapian::doccount frequency = database_->get_termfreq(*term);
        if (frequency > 0) fewest = std::min(fewest, frequency);  // an absent word finds none
      }
      return fewest;
    };
    std::vector<std::pair<Xapian::doccount, std::size_t>> ranked;
    for (std::size_t i = 0; i < clauses.size(); ++i) ranked.emplace_back(articles(clauses[i]), i);
    std::ranges::stable_sort(ranked, {}, &std::pair<Xapian::doccount, std::size_t>::first);
    std::vector<bool> keep(clauses.size(), false);
    for (std::size_t i = 0; i < limit; ++i) keep[ranked[i].second] = true;
    std::string left_out;
    std::vector<Part> kept;
    std::set<std::string> kept_terms, dropped_terms;
    for (std::size_t i = 0; i < clauses.size(); ++i) {
      auto& terms = keep[i] ? kept_terms : dropped_terms;
      if (clauses[i].query) {
        terms.insert(clauses[i].query->get_unique_terms_begin(),
                     clauses[i].query->get_unique_terms_end());
      }
      if (keep[i]) {
        kept.push_back(std::move(clauses[i]));
      } else {
        left_out += (left_out.empty() ? "" : " ") + clauses[i].typed;
      }
    }
    clauses = std::move(kept);
    // Snippets mark what was searched for, not the words left out.
    for (const std::string& dropped : dropped_terms) {
      if (kept_terms.contains(dropped)) continue;
      highlight_terms_.erase(dropped);
      part_terms_.erase(dropped);
    }
    long_query_ = true;
    notes_.push_back(fmt::format(
        "the query has {} words and phrases side by side ({} different); only the {} that "
        "fewest articles have are searched",
        given, different, limit));
    details_.push_back("left out of the long query: " + left_out);
  }

  // Ranked words found close together count extra: "Meister" and "Absteiger" in one
  // sentence say more than the two words anywhere in a long article.
  void add_proximity(const std::vector<const Part*>& words, std::vector<Xapian::Query>& clauses) {
    const auto add = [&](const std::string& left, const std::string& right, bool neighbours) {
      if (left.empty() || right.empty() || left == right) return;
      word_pairs_.push_back({left, right, neighbours});
      const auto clause = [&](Xapian::Query::op op, Xapian::termpos window, double weight) {
        if (weight <= 0) return;
        const std::vector<Xapian::Query> pair{Xapian::Query(left), Xapian::Query(right)};
        clauses.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                        Xapian::Query(op, pair.begin(), pair.end(), window),
                                        weight));
      };
      if (neighbours) {
        clause(Xapian::Query::OP_NEAR, proximity_.near_window, proximity_.near_weight);
        clause(Xapian::Query::OP_PHRASE, 2, proximity_.phrase_weight);
        clause(Xapian::Query::OP_AND, 0, proximity_.pair_weight);
      } else {
        clause(Xapian::Query::OP_NEAR, proximity_.near_window, proximity_.skip_near_weight);
      }
    };
    for (std::size_t i = 1; i < words.size(); ++i) {
      add(words[i - 1]->last_term, words[i]->first_term, /*neighbours=*/true);
      if (i >= 2) add(words[i - 2]->last_term, words[i]->first_term, /*neighbours=*/false);
    }
  }

  void add_ranked_words(const std::vector<const Part*>& words) {
    for (const Part* word : words) ranked_words_.push_back({word->surfaces});
  }

  // The query's wording: each two words typed next to each other, function words included
  // ("in der Krise"), that an article repeating the wording holds next to each other too.
  // A clause between them that is no word of the text (a phrase, a field, an excluded
  // word) breaks the wording.
  void add_typed_pairs(const std::vector<Part>& required, const std::vector<Part>& optional) {
    std::vector<const Part*> words;
    for (const auto* clauses : {&required, &optional}) {
      for (const Part& p : *clauses) words.push_back(&p);
    }
    std::ranges::sort(words, {}, &Part::order);
    const auto add = [&](const std::string& left, const std::string& right) {
      const TypedPair pair{left, right};
      if (std::ranges::find(typed_pairs_, pair) == typed_pairs_.end()) typed_pairs_.push_back(pair);
    };
    const Part* before = nullptr;
    for (const Part* word : words) {
      const std::vector<std::string>& terms = word->typed_sequence;
      if (terms.empty()) {
        before = nullptr;
        continue;
      }
      if (before != nullptr && before->order + 1 == word->order) {
        add(before->typed_sequence.back(), terms.front());
      }
      for (std::size_t i = 1; i < terms.size(); ++i) add(terms[i - 1], terms[i]);
      before = word;
    }
  }

  // "Drosten NEAR Kekulé", "a NEAR/5 b NEAR c": the words within that many words of each
  // other (the window grows by one for each word beyond two), in any order.
  Part parse_near(Field field) {
    if (field != Field::kText && field != Field::kTitle && field != Field::kAuthor) {
      throw QueryError("NEAR works between words of the text, the title or the author",
                       peek().offset);
    }
    std::vector<Part> words;
    words.push_back(field_value(field, take(), /*phrase=*/false));
    unsigned within = std::numeric_limits<unsigned>::max();
    while (peek().kind == Kind::kNear) {
      const Lexeme& op = take();
      if (peek().kind != Kind::kWord || is_wildcard(peek().text)) {
        throw QueryError("NEAR needs a word on each side", op.offset);
      }
      within = std::min(within, op.window.value_or(kDefaultNearWords));
      words.push_back(field_value(field, take(), /*phrase=*/false));
    }
    std::vector<Xapian::Query> anchors, wholes;
    bool single_terms = true;
    for (Part& word : words) {
      check_as_typed(word);
      if (!word.query || word.position_term.empty()) {
        throw QueryError("NEAR needs a word on each side", lexemes_[position_ - 1].offset);
      }
      anchors.emplace_back(word.position_term);
      wholes.push_back(*word.query);
      single_terms = single_terms && word.is_single_term;
    }
    const auto window = static_cast<Xapian::termpos>(within + anchors.size() - 1);
    const Xapian::Query near(Xapian::Query::OP_NEAR, anchors.begin(), anchors.end(), window);
    Part result;
    // A hyphenated or compound word stands near by its first term, and must be whole.
    result.query = single_terms ? near
                                : Xapian::Query(Xapian::Query::OP_FILTER, near,
                                                combine(Xapian::Query::OP_AND, wholes));
    result.first_term = words.front().first_term;
    result.last_term = words.back().last_term;
    result.is_filter = field == Field::kAuthor;
    result.filter_field = result.is_filter ? "author" : "";
    result.typed = words.front().typed + " NEAR …";
    return result;
  }

  Part parse_clause(Field field) {
    const Lexeme& lexeme = take();
    const DepthGuard depth(*this, lexeme);
    switch (lexeme.kind) {
      case Kind::kOpen: {
        Part inner = parse_or(field);
        if (peek().kind != Kind::kClose) {
          throw QueryError("missing ')' for this '('", lexeme.offset);
        }
        const Lexeme& close = take();
        if (close.boost) scale(inner, *close.boost);
        inner.typed = "(…)";
        return inner;
      }
      case Kind::kField: {
        const Kind next = peek().kind;
        const bool adjacent = peek().offset == lexeme.offset + lexeme.text.size() + 1;
        const Field named = field_named(lexeme);
        if (!adjacent || (next != Kind::kOpen && next != Kind::kWord && next != Kind::kPhrase)) {
          throw QueryError(fmt::format("'{}:' needs a value right after the colon", lexeme.text),
                           lexeme.offset);
        }
        return parse_clause(named);
      }
      case Kind::kWord:
      case Kind::kPhrase: {
        Part part = field_value(field, lexeme, /*phrase=*/lexeme.kind == Kind::kPhrase);
        if (lexeme.boost) {
          check_as_typed(part);
          scale(part, *lexeme.boost);
        }
        return part;
      }
      case Kind::kNear:
        throw QueryError("NEAR needs a word on each side", lexeme.offset);
      case Kind::kPlus:
      case Kind::kMinus:
        throw QueryError("'+', '-' or '!' needs a term right after it", lexeme.offset);
      default:
        throw QueryError(fmt::format("unexpected '{}'", lexeme.text), lexeme.offset);
    }
  }

  Part field_value(Field field, const Lexeme& lexeme, bool phrase) {
    Part part;
    switch (field) {
      case Field::kText:
      case Field::kTitle:
      case Field::kAuthor: {
        const std::string_view prefix = field == Field::kTitle    ? schema::kTitlePrefix
                                        : field == Field::kAuthor ? schema::kAuthorPrefix
                                                                  : "";
        const PhraseField where = field == Field::kTitle    ? PhraseField::kTitle
                                  : field == Field::kAuthor ? PhraseField::kAuthor
                                                            : PhraseField::kTitleOrText;
        part = phrase ? phrase_query(lexeme, prefix, where)
                      : word_query(lexeme.text, prefix, lexeme.offset, where);
        if (field == Field::kAuthor && part.query) {
          // Author words weigh nothing (wdf 0): they select, like source:.
          part.is_filter = true;
          part.filter_field = "author";
          part.stop_words_only = false;
          part.ranked.reset();
          part.loose_parts.clear();
          part.first_term.clear();
          part.last_term.clear();
        }
        break;
      }
      case Field::kSource:
        part = filter_part(Xapian::Query(schema::source_term(lexeme.text)), "source");
        break;
      case Field::kSection:
        part = filter_part(Xapian::Query(schema::section_term(lexeme.text)), "section");
        break;
      case Field::kId:
        part = filter_part(Xapian::Query(schema::id_term(lexeme.text)), "id");
        break;
      case Field::kUrl:
        part = filter_part(url_query(lexeme), "url");
        break;
      case Field::kDate:
        try {
          part = filter_part(date_range_query(lexeme.text), "date");
        } catch (const std::invalid_argument& error) {
          throw QueryError(error.what(), lexeme.offset);
        }
        break;
    }
    part.typed = phrase ? fmt::format("\"{}\"", lexeme.text) : lexeme.text;
    return part;
  }

  // url:zeit.de (the site and its subdomains), url:https://www.zeit.de/a/b (that page),
  // url:zeit.de/politik/* (pages under it).
  Xapian::Query url_query(const Lexeme& lexeme) {
    const std::string_view value = lexeme.text;
    if (value.ends_with('*')) {
      const std::string start = schema::normalise_url(value.substr(0, value.size() - 1));
      if (database_ == nullptr) return Xapian::Query::MatchNothing;
      const WildcardTerms pages =
          expand_wildcard(*database_, schema::kUrlPrefix, start + "*", limits_.max_wildcard_terms);
      count_terms(pages.terms.size(), lexeme);
      note_wildcard_limit(lexeme.text, pages);
      return pages.terms.empty()
                 ? Xapian::Query::MatchNothing
                 : Xapian::Query(Xapian::Query::OP_OR, pages.terms.begin(), pages.terms.end());
    }
    const std::string normalised = schema::normalise_url(value);
    if (normalised.find_first_of("/?#") == std::string::npos) {
      return Xapian::Query(std::string(schema::kHostPrefix) + normalised);
    }
    return Xapian::Query(schema::url_term(value));
  }

  void count_terms(std::size_t count, const Lexeme& lexeme) {
    terms_ += count;
    if (terms_ > limits_.max_terms) {
      throw QueryError(fmt::format("the query is too long: it asks for more than {} words; "
                                   "shorten it",
                                   limits_.max_terms),
                       lexeme.offset);
    }
  }

  void note_wildcard_limit(std::string_view typed, const WildcardTerms& expansion) {
    if (expansion.matched > expansion.terms.size()) {
      notes_.push_back(fmt::format(
          "'{}' matches {} words of the archive; only the {} in most articles are searched", typed,
          expansion.matched, expansion.terms.size()));
    }
  }

  std::string term(std::string_view prefix, const Token& token) {
    if (collecting_) {
      highlight(token.text, /*part=*/token.is_part || token.is_compound_part, token.is_stop_word);
    }
    return std::string(prefix) + token.text;
  }

  // Marks @a index_term in snippets: as a part of a typed word, or as a function word's
  // (which a pasted text does not mark: see parse()).
  void highlight(const std::string& index_term, bool part = false, bool function_word = false) {
    (part ? part_terms_ : highlight_terms_).insert(index_term);
    (function_word ? function_word_terms_ : content_terms_).insert(index_term);
  }

  // Drost*, Mask?npflicht: the index words that fit, as one word (Xapian's OP_SYNONYM
  // scores them as if they were one term).
  Part wildcard_query(std::string_view word, std::string_view prefix, std::size_t offset) {
    const Lexeme where{Kind::kWord, std::string(word), offset};
    std::string pattern;
    for (std::size_t i = 0; i < word.size();) {
      const std::size_t wildcard = std::min(word.find_first_of("*?", i), word.size());
      std::string literal = analyzer_.fold(word.substr(i, wildcard - i));
      std::erase(literal, '-');  // joined forms have none ("Corona-*": coronakrise)
      pattern += literal;
      if (wildcard < word.size()) pattern += word[wildcard];
      i = wildcard + 1;
    }
    if (literal_length(pattern) < 2) {
      throw QueryError(fmt::format("'{}' is too short a pattern: give at least two letters "
                                   "besides * and ? (Drost*)",
                                   word),
                       offset);
    }
    Part part;
    if (database_ == nullptr) {
      part.query = Xapian::Query::MatchNothing;
      return part;
    }
    const WildcardTerms expansion =
        expand_wildcard(*database_, prefix, pattern, limits_.max_wildcard_terms);
    count_terms(expansion.terms.size(), where);
    note_wildcard_limit(word, expansion);
    if (expansion.terms.empty()) {
      part.query = Xapian::Query::MatchNothing;
      return part;
    }
    for (const std::string& found : expansion.terms) {
      if (collecting_ && prefix.empty()) highlight(found);
    }
    part.query =
        Xapian::Query(Xapian::Query::OP_SYNONYM, expansion.terms.begin(), expansion.terms.end());
    return part;
  }

  // One typed word may analyse into several tokens: a hyphenated word into its joined
  // form plus its parts, a compound into itself plus its parts, "foo/bar" into two
  // words. See the cases below for what each matches.
  // A pasted text repeats its words: each is read once.
  Part word_query(std::string_view word, std::string_view prefix, std::size_t offset,
                  PhraseField where) {
    std::string key = fmt::format("{}\t{}\t{}", collecting_ ? 1 : 0, prefix, word);
    if (const auto known = words_read_.find(key); known != words_read_.end()) return known->second;
    Part part = read_word(word, prefix, offset, where);
    words_read_.emplace(std::move(key), part);
    return part;
  }

  Part read_word(std::string_view word, std::string_view prefix, std::size_t offset,
                 PhraseField where) {
    if (!plain_ && is_wildcard(word)) return wildcard_query(word, prefix, offset);
    const TokenStream tokens = analyzer_.analyze(word);
    if (tokens.empty()) return {};
    count_terms(tokens.size(), Lexeme{Kind::kWord, std::string(word), offset});
    std::vector<std::uint16_t> surfaces;
    for (const std::string_view surface : surface_words(tokens, word)) {
      surfaces.push_back(surface_hash(surface));
    }
    std::vector<Xapian::Query> wholes, parts, compound_parts;
    std::vector<std::string> sequence;  // the terms that stand one after another
    bool all_stop = true;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      auto& group = token.is_compound_part ? compound_parts : token.is_part ? parts : wholes;
      group.emplace_back(term(prefix, token));
      if (!is_stacked(tokens, i)) sequence.push_back(tokens[i].text);
      all_stop = all_stop && token.is_stop_word;
    }
    Part part;
    part.stop_words_only = all_stop;
    part.surfaces = std::move(surfaces);
    part.position_term = std::string(prefix) + sequence.front();
    if (prefix.empty()) part.typed_sequence = sequence;
    if (prefix.empty() && !all_stop) {
      part.first_term = sequence.front();
      part.last_term = sequence.back();
    }
    if (parts.size() >= 2) {
      // A hyphenated word: its joined form, or its parts in sequence. Ranked, each part
      // also counts alone ("EU-Hilfen" for an article about "Hilfen der EU"), below them.
      if (plain_) {
        wholes.push_back(Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end()));
        part.query = combine(Xapian::Query::OP_OR, wholes);
      } else {
        // Typed as a query it means the word, as a phrase of its parts does: "Corona-Test"
        // is "Corona-Tests" or "Coronatest", not "auf Corona getestet" (ExactPhrase).
        Part spelled =
            phrase_query(Lexeme{Kind::kPhrase, std::string(word), offset}, prefix, where);
        part.query = spelled.query;
        part.pending_check = std::move(spelled.pending_check);
        if (part.pending_check) {
          part.pending_check->ranked_weight = kHyphenWholeWeight;
          part.pending_check->quoted = false;  // its spellings are what it asked for
        }
      }
      const Xapian::Query whole(Xapian::Query::OP_SCALE_WEIGHT, *part.query, kHyphenWholeWeight);
      // In plain text it also matches its parts anywhere (a headline's "EU-Hilfen" for an
      // article about "Hilfen der EU"); typed as a query it means the word: "Corona-Warn-
      // App" is not every article with "Corona", "warnen" and "App".
      part.ranked = plain_
                        ? Xapian::Query(Xapian::Query::OP_OR, whole,
                                        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                      combine(Xapian::Query::OP_AND, parts), 0.0))
                        : whole;
      part.loose_parts = parts;
      return part;
    }
    for (auto& p : parts) wholes.push_back(std::move(p));
    part.query = wholes.size() == 1
                     ? wholes.front()
                     : Xapian::Query(Xapian::Query::OP_PHRASE, wholes.begin(), wholes.end());
    part.is_single_term = wholes.size() == 1 && compound_parts.size() < 2;
    const bool single_term = part.is_single_term;
    if (part.is_single_term && plain_ && !long_query_ && prefix.empty()) {
      widen_to_variants(part, Lexeme{Kind::kWord, std::string(word), offset});
    }
    if (single_term && typed_without_capitals_) {
      read_as_noun_too(part, prefix, Lexeme{Kind::kWord, std::string(word), offset});
    }
    if (compound_parts.size() >= 2 && wholes.size() == 1) {
      // A compound: itself, or its parts as words of their own, close together ("Personal
      // der Botschaft"). Only words of their own have positions: the parts of other
      // compounds ("Straße" and the "Bahn" of "Fahrbahn") do not say "Straßenbahn".
      // Each part found adds to the score, so an article with the compound ranks above
      // one with its parts, and one with some parts (and other query words) gains too;
      // a part alone matches nothing ("Straßenbahn" does not find every "Bahn").
      const Xapian::Query all_parts(Xapian::Query::OP_NEAR, compound_parts.begin(),
                                    compound_parts.end(), kCompoundInWordsWindow);
      part.query = Xapian::Query(Xapian::Query::OP_OR, *part.query,
                                 Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all_parts, 0.0));
      part.loose_parts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                               combine(Xapian::Query::OP_OR, compound_parts),
                                               kCompoundPartsWeight));
    }
    return part;
  }

  // German capitalises nouns, and the analyzer reads a lower-case word that is also a verb
  // form as the verb ("angriff" → angreifen, "macht" → machen). A search typed without any
  // capitals does not say which is meant, so such a word matches both readings, as one
  // term: "angriff" finds "Angriff" and "griff an" alike.
  void read_as_noun_too(Part& part, std::string_view prefix, const Lexeme& where) {
    const std::string noun = analyzer_.noun_reading(where.text);
    const std::string noun_term = std::string(prefix) + noun;
    if (noun.empty() || noun_term == part.position_term) return;
    count_terms(1, where);
    if (collecting_) {
      highlight(noun_term);
      details_.push_back(fmt::format("'{}', typed in lower case, also searched as the noun {}",
                                     where.text, noun_term));
    }
    part.query = Xapian::Query(Xapian::Query::OP_SYNONYM, *part.query, Xapian::Query(noun_term));
    part.is_single_term = false;
  }

  // A rare word of plain text also matches the archive's other forms of it (WordVariants),
  // as one term with them: BM25 weighs the word once, whichever form an article uses. A
  // pasted text has words enough; a query means its words (counts, facets).
  void widen_to_variants(Part& part, const Lexeme& where) {
    if (database_ == nullptr) return;
    std::vector<std::string> terms = word_variants(*database_, part.position_term, variants_);
    if (terms.empty()) return;
    count_terms(terms.size(), where);
    if (collecting_) {
      for (const std::string& variant : terms) highlight(variant);
      word_variants_[part.position_term].insert(terms.begin(), terms.end());
      details_.push_back(fmt::format("the rare word {} (of '{}') also searched as: {}",
                                     part.position_term, where.text, fmt::join(terms, " ")));
    }
    terms.push_back(part.position_term);
    part.query = Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    part.is_single_term = false;
  }

  // The index terms of a typed word and of its inflected forms ("Trump": "trump" and
  // "trumps", which Snowball keeps apart; ExactPhrase decides which forms count). With
  // @a joined, of the joined form of a hyphenated word. Function words and numbers as typed.
  std::vector<std::string> inflected_terms(const std::string& surface, std::string_view prefix,
                                           bool joined, const Lexeme& lexeme) {
    std::vector<std::string> terms;
    // A pasted text checks nothing as typed: its words as they stand serve.
    const auto endings = long_query_ ? ExactPhrase::inflection_endings().first(1)
                                     : ExactPhrase::inflection_endings();
    for (const std::string_view ending : endings) {
      const TokenStream tokens = analyzer_.analyze(surface + std::string(ending));
      const auto own = std::ranges::find_if(tokens, [&](const Token& token) {
        return !joined || (&token != &tokens.front() && token.position_increment == 0 &&
                           !token.is_part && !token.is_compound_part);
      });
      if (own == tokens.end()) continue;
      if (ending.empty() && (own->is_stop_word || own->has_digit)) {
        terms.push_back(std::string(prefix) + own->text);
        break;
      }
      std::string found = std::string(prefix) + own->text;
      if (std::ranges::find(terms, found) != terms.end()) continue;
      if (collecting_ && prefix.empty()) highlight(own->text);
      terms.push_back(std::move(found));
    }
    count_terms(terms.size(), lexeme);
    return terms;
  }

  // Every word in order, stop words included, each also inflected; a hyphenated word its
  // parts in order, or joined ("die Corona-Krise": also "die Coronakrise"). With a
  // database, only articles that hold the phrase as typed match (ExactPhrase); "~n" asks
  // instead for the words within n more positions, in any order.
  Part phrase_query(const Lexeme& lexeme, std::string_view prefix, PhraseField where) {
    const TokenStream tokens = analyzer_.analyze(lexeme.text);
    count_terms(tokens.size(), lexeme);
    using Alternatives = std::vector<std::string>;  // terms, any of which may stand there
    struct Word {
      std::vector<Alternatives> parts;  // one word, or a hyphenated word's parts
      Alternatives joined;              // a hyphenated word's joined form
      std::uint32_t start = 0, end = 0;
    };
    const auto surface = [&](const Token& token) {
      return lexeme.text.substr(token.start, token.end - token.start);
    };
    std::vector<Word> words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      const bool stacked = is_stacked(tokens, i);
      term(prefix, token);  // highlighted where it occurs
      if (stacked) {
        if (!token.is_part && !token.is_compound_part && !words.empty()) {
          words.back().joined = lexeme.window
                                    ? Alternatives{std::string(prefix) + token.text}
                                    : inflected_terms(surface(token), prefix, true, lexeme);
          words.back().start = token.start;
          words.back().end = token.end;
        }
        continue;
      }
      Alternatives forms = lexeme.window ? Alternatives{std::string(prefix) + token.text}
                                         : inflected_terms(surface(token), prefix, false, lexeme);
      const bool continues = token.is_part && !words.empty() && !words.back().joined.empty() &&
                             token.start >= words.back().start && token.end <= words.back().end;
      if (continues) {
        words.back().parts.push_back(std::move(forms));
      } else {
        words.push_back({{std::move(forms)}, {}, token.start, token.end});
      }
    }
    if (words.empty()) return {};
    const auto query_of = [](const Alternatives& forms) {
      return forms.size() == 1 ? Xapian::Query(forms.front())
                               : Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
    };
    Part part;
    part.typed = lexeme.text;
    if (lexeme.window) {
      std::vector<Xapian::Query> in_parts;
      for (const Word& word : words) {
        for (const Alternatives& forms : word.parts) in_parts.push_back(query_of(forms));
      }
      const auto window = static_cast<Xapian::termpos>(in_parts.size() + *lexeme.window);
      part.query = in_parts.size() == 1 ? in_parts.front()
                                        : Xapian::Query(Xapian::Query::OP_NEAR, in_parts.begin(),
                                                        in_parts.end(), window);
      return part;
    }
    // Each hyphenated word (the first few) in parts or joined: every combination.
    std::vector<std::size_t> joinable;
    for (std::size_t w = 0; w < words.size() && joinable.size() < kMaxJoinedAlternatives; ++w) {
      if (!words[w].joined.empty()) joinable.push_back(w);
    }
    std::vector<Xapian::Query> spellings, unordered;
    for (std::size_t mask = 0; mask < (std::size_t{1} << joinable.size()); ++mask) {
      std::vector<Xapian::Query> sequence;
      for (std::size_t w = 0; w < words.size(); ++w) {
        const auto at = std::ranges::find(joinable, w);
        const bool joined =
            at != joinable.end() && (mask >> static_cast<std::size_t>(at - joinable.begin())) & 1;
        if (joined) {
          sequence.push_back(query_of(words[w].joined));
        } else {
          for (const Alternatives& forms : words[w].parts) sequence.push_back(query_of(forms));
        }
      }
      spellings.push_back(sequence.size() == 1 ? sequence.front()
                                               : Xapian::Query(Xapian::Query::OP_PHRASE,
                                                               sequence.begin(), sequence.end()));
      unordered.push_back(combine(Xapian::Query::OP_AND, sequence));
    }
    part.query = combine(Xapian::Query::OP_OR, spellings);
    // One spelling weighs as the AND of its words; of several, an article may hold the
    // words of one without the phrase, so the phrase itself weighs.
    const Xapian::Query weighted = spellings.size() == 1 ? unordered.front() : *part.query;
    if (database_ != nullptr) part.pending_check = Part::PendingCheck{lexeme.text, weighted, where};
    return part;
  }

  // Restricts @a part to the articles that hold it as typed (see Part::PendingCheck), as
  // far as the query's budget of articles to read allows.
  void check_as_typed(Part& part) {
    if (!part.pending_check || !part.query) return;
    const Part::PendingCheck check = std::move(*part.pending_check);
    part.pending_check.reset();
    // A pasted text cut down to its rarest words ranks; it counts nothing exactly.
    if (long_query_) return;
    const ExactPhrase exact(check.typed, analyzer_.options().sharp_s);
    if (exact.empty()) return;
    const Xapian::doccount budget = limits_.max_phrase_candidates > phrase_candidates_checked_
                                        ? limits_.max_phrase_candidates - phrase_candidates_checked_
                                        : 0;
    const ExactPhraseFilter filter = filter_exact_phrase(
        *database_, *stored_, *part.query, check.weighted, exact, check.where, budget,
        limits_.check_phrases_while_matching ? PhraseCheck::kWhileMatching
                                             : PhraseCheck::kBeforeMatching);
    part.query = filter.query;
    if (check.ranked_weight > 0) {
      part.ranked = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *part.query, check.ranked_weight);
    }
    if (filter.checked) {
      phrase_candidates_checked_ += filter.candidates;
    } else if (check.quoted) {
      notes_.push_back(
          fmt::format("\"{}\" is in more than {} articles, too many to check each as typed: it is "
                      "matched by its words in order, whatever their capitals and endings",
                      check.typed, budget));
    }
  }

  Part join(Xapian::Query::op op, std::vector<Part> parts) {
    std::erase_if(parts, [](const Part& p) { return !p.query; });
    if (parts.empty()) return {};
    if (parts.size() == 1) return std::move(parts.front());
    Part result;
    std::vector<Xapian::Query> queries;
    result.is_filter = true;
    result.stop_words_only = true;
    for (Part& p : parts) {
      queries.push_back(*p.query);
      result.is_filter = result.is_filter && p.is_filter;
      result.stop_words_only = result.stop_words_only && p.stop_words_only;
      result.boosts.insert(result.boosts.end(), p.boosts.begin(), p.boosts.end());
    }
    result.query = Xapian::Query(op, queries.begin(), queries.end());
    return result;
  }

  Analyzer& analyzer_;
  const ProximityOptions& proximity_;
  const Xapian::Database* database_;
  StoredDataReader* stored_;  // non-null whenever database_ is
  const QueryLimits& limits_;
  std::vector<Lexeme> lexemes_;
  bool plain_;
  WordVariantOptions variants_;  ///< for plain text; no variants for a query
  std::size_t position_ = 0;
  std::size_t depth_ = 0;
  std::size_t terms_ = 0;
  Xapian::doccount phrase_candidates_checked_ = 0;
  /// A pasted text rather than a query typed: more words than twice the clauses kept, or
  /// cut down to its most selective clauses. Its phrases rank; they are not read (checked).
  bool long_query_;
  /// No word or phrase has a capital letter ("angriff kiew"): its words may be nouns.
  bool typed_without_capitals_;
  std::unordered_map<std::string, Part> words_read_;  ///< by collecting, prefix and word
  bool collecting_ = true;
  std::set<std::string> highlight_terms_;      ///< of whole words, until the parse ends
  std::set<std::string> function_word_terms_;  ///< of highlight_ and part_terms_: stop words'
  std::set<std::string> content_terms_;        ///< and of the other words
  std::set<std::string> part_terms_;
  std::map<std::string, std::set<std::string>> word_variants_;
  std::vector<std::string> notes_;
  std::vector<std::string> details_;
  std::vector<WordPair> word_pairs_;
  std::vector<RankedWord> ranked_words_;
  std::vector<TypedPair> typed_pairs_;
};

QueryParser::QueryParser(Analyzer& analyzer, ProximityOptions proximity,
                         const Xapian::Database* database, QueryLimits limits,
                         StoredDataReader* stored)
    : analyzer_(analyzer),
      proximity_(proximity),
      database_(database),
      limits_(limits),
      own_stored_(database != nullptr && stored == nullptr
                      ? std::make_unique<StoredDataReader>(std::vector{*database})
                      : nullptr),
      stored_(stored != nullptr ? stored : own_stored_.get()) {}

ParsedQuery QueryParser::parse(std::string_view query) {
  return Run(analyzer_, proximity_, database_, stored_, limits_, lex_query(query),
             /*plain=*/false)
      .parse();
}

ParsedQuery QueryParser::parse_plain(std::string_view text, const WordVariantOptions& variants) {
  return Run(analyzer_, proximity_, database_, stored_, limits_, lex_plain_text(text),
             /*plain=*/true, variants)
      .parse();
}

}  // namespace archivar
