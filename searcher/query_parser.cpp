#include "searcher/query_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

#include "common/index_schema.h"
#include "searcher/date_range.h"

namespace archivar {
namespace {

using Kind = Lexeme::Kind;

enum class Field { kText, kTitle, kSource, kSection, kDate };

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

Field field_named(std::string_view name) {
  if (name == "title" || name == "titel") return Field::kTitle;
  if (name == "source" || name == "quelle") return Field::kSource;
  if (name == "section" || name == "rubrik") return Field::kSection;
  return Field::kDate;  // "date", "datum": the lexer knows no other names
}

// A parsed piece of query. Absent (nullopt query) when it had no searchable words.
struct Part {
  std::optional<Xapian::Query> query;
  bool stop_words_only = false;  // made only of German function words
  bool is_filter = false;        // restricts without ranking (source:, date:)
  // Where it only ranks (an optional clause): a looser form that also scores partial
  // matches, e.g. the parts of a hyphenated word on their own.
  std::optional<Xapian::Query> ranked;
  // The first and last index term of a typed word (the word, a compound, the parts of a
  // hyphenated word), for the proximity of neighbouring words; empty for other clauses.
  std::string first_term, last_term;
  std::size_t order = 0;  // position among the clauses of its group
  // The parts of a compound or hyphenated word, each adding to the score on its own (and
  // in plain text, where the word is one of several, matching on its own too); the word
  // itself matches only as a whole or as all its parts.
  std::vector<Xapian::Query> loose_parts;
  // Clauses that add to the score of documents the query matches but never match a
  // document by themselves.
  std::vector<Xapian::Query> boosts;
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& queries) {
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(op, queries.begin(), queries.end());
}

}  // namespace

// One parse: the lexemes, a cursor, and the terms collected for highlighting.
class QueryParser::Run {
 public:
  /// With @a loose_parts_match, the parts of a compound or hyphenated word among several
  /// ranked words match on their own; otherwise they only add to the score.
  Run(Analyzer& analyzer, const ProximityOptions& proximity, std::vector<Lexeme> lexemes,
      bool loose_parts_match)
      : analyzer_(analyzer),
        proximity_(proximity),
        lexemes_(std::move(lexemes)),
        loose_parts_match_(loose_parts_match) {}

  ParsedQuery parse() {
    Part part = parse_or(Field::kText);
    if (peek().kind == Kind::kClose) throw QueryError("')' without a matching '('", peek().offset);
    if (peek().kind != Kind::kEnd) {
      throw QueryError(fmt::format("unexpected '{}'", peek().text), peek().offset);
    }
    ParsedQuery result;
    result.query = part.query.value_or(Xapian::Query::MatchNothing);
    if (part.query && !part.boosts.empty()) {
      result.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, result.query,
                                   combine(Xapian::Query::OP_OR, part.boosts));
    }
    std::ranges::set_difference(part_terms_, highlight_terms_,
                                std::inserter(result.part_terms, result.part_terms.end()));
    result.highlight_terms = std::move(highlight_terms_);
    result.highlight_terms.insert(result.part_terms.begin(), result.part_terms.end());
    return result;
  }

 private:
  const Lexeme& peek() const { return lexemes_[position_]; }
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
    Part left = parse_and(field);
    while (peek().kind == Kind::kOr) {
      const Lexeme& op = take();
      Part right = operand(field, op, &Run::parse_and);
      left = join(Xapian::Query::OP_OR, std::move(left), std::move(right));
    }
    return left;
  }

  Part parse_and(Field field) {
    Part left = parse_not(field);
    while (peek().kind == Kind::kAnd) {
      const Lexeme& op = take();
      Part right = operand(field, op, &Run::parse_not);
      left = join(Xapian::Query::OP_AND, std::move(left), std::move(right));
    }
    return left;
  }

  Part parse_not(Field field) {
    Part left = parse_group(field);
    while (peek().kind == Kind::kNot) {
      const Lexeme& op = take();
      const bool was_collecting = collecting_;
      collecting_ = false;  // terms of excluded documents are not highlighted
      Part right = operand(field, op, &Run::parse_group);
      collecting_ = was_collecting;
      if (!right.query) continue;
      Part result;
      result.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                                   left.query.value_or(Xapian::Query::MatchAll), *right.query);
      result.boosts = std::move(left.boosts);
      result.is_filter = !left.query || left.is_filter;
      left = std::move(result);
    }
    return left;
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
      Part clause = parse_clause(field);
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
    const bool has_content_words =
        std::ranges::any_of(required, [](const Part& p) { return !p.is_filter; }) ||
        std::ranges::any_of(optional, [](const Part& p) { return !p.stop_words_only; });
    std::vector<Xapian::Query> must, may, must_not, filters;
    for (const Part& p : required) (p.is_filter ? filters : must).push_back(*p.query);
    for (const Part& p : optional) {
      if (!p.stop_words_only || !has_content_words) may.push_back(p.ranked.value_or(*p.query));
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
    std::vector<Xapian::Query> boosts;
    for (const Part* p : sequence) {
      boosts.insert(boosts.end(), p->boosts.begin(), p->boosts.end());
      auto& parts_go_to = loose_parts_match_ && sequence.size() >= 2 ? may : boosts;
      parts_go_to.insert(parts_go_to.end(), p->loose_parts.begin(), p->loose_parts.end());
    }
    add_proximity(sequence, may);

    // Ranked core: required words, with optional ones adding to the score; without
    // required words, at least one optional word must match.
    Part group;
    group.stop_words_only = !optional.empty() && !has_content_words;
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

  // Ranked words found close together count extra: "Meister" and "Absteiger" in one
  // sentence say more than the two words anywhere in a long article.
  void add_proximity(const std::vector<const Part*>& words, std::vector<Xapian::Query>& clauses) {
    const auto add = [&](const std::string& left, const std::string& right, Xapian::Query::op op,
                         Xapian::termpos window, double weight) {
      if (weight <= 0 || left.empty() || right.empty() || left == right) return;
      const std::vector<Xapian::Query> pair{Xapian::Query(left), Xapian::Query(right)};
      clauses.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                      Xapian::Query(op, pair.begin(), pair.end(), window), weight));
    };
    for (std::size_t i = 1; i < words.size(); ++i) {
      const std::string& left = words[i - 1]->last_term;
      const std::string& right = words[i]->first_term;
      add(left, right, Xapian::Query::OP_NEAR, proximity_.near_window, proximity_.near_weight);
      add(left, right, Xapian::Query::OP_PHRASE, 2, proximity_.phrase_weight);
      if (i >= 2) {
        add(words[i - 2]->last_term, right, Xapian::Query::OP_NEAR, proximity_.near_window,
            proximity_.skip_near_weight);
      }
    }
  }

  Part parse_clause(Field field) {
    const Lexeme& lexeme = take();
    switch (lexeme.kind) {
      case Kind::kOpen: {
        Part inner = parse_or(field);
        if (peek().kind != Kind::kClose)
          throw QueryError("missing ')' for this '('", lexeme.offset);
        take();
        return inner;
      }
      case Kind::kField: {
        const Kind next = peek().kind;
        const bool adjacent = peek().offset == lexeme.offset + lexeme.text.size() + 1;
        if (!adjacent || (next != Kind::kOpen && next != Kind::kWord && next != Kind::kPhrase)) {
          throw QueryError(fmt::format("'{}:' needs a value right after the colon", lexeme.text),
                           lexeme.offset);
        }
        return parse_clause(field_named(lexeme.text));
      }
      case Kind::kWord:
        return field_value(field, lexeme, /*phrase=*/false);
      case Kind::kPhrase:
        return field_value(field, lexeme, /*phrase=*/true);
      case Kind::kPlus:
      case Kind::kMinus:
        throw QueryError("'+' or '-' needs a term right after it", lexeme.offset);
      default:
        throw QueryError(fmt::format("unexpected '{}'", lexeme.text), lexeme.offset);
    }
  }

  Part field_value(Field field, const Lexeme& lexeme, bool phrase) {
    switch (field) {
      case Field::kText:
      case Field::kTitle: {
        const std::string_view prefix = field == Field::kTitle ? schema::kTitlePrefix : "";
        return phrase ? phrase_query(lexeme.text, prefix) : word_query(lexeme.text, prefix);
      }
      case Field::kSource:
      case Field::kSection: {
        const std::string term = field == Field::kSource ? schema::source_term(lexeme.text)
                                                         : schema::section_term(lexeme.text);
        return Part{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), 0.0), false,
                    true};
      }
      case Field::kDate:
        try {
          return Part{date_range_query(lexeme.text), false, true};
        } catch (const std::invalid_argument& error) {
          throw QueryError(error.what(), lexeme.offset);
        }
    }
    return {};
  }

  std::string term(std::string_view prefix, const Token& token) {
    if (collecting_) {
      (token.is_part || token.is_compound_part ? part_terms_ : highlight_terms_).insert(token.text);
    }
    return std::string(prefix) + token.text;
  }

  // One typed word may analyse into several tokens: a hyphenated word into its joined
  // form plus its parts, a compound into itself plus its parts, "foo/bar" into two
  // words. See the cases below for what each matches.
  Part word_query(std::string_view word, std::string_view prefix) {
    const TokenStream tokens = analyzer_.analyze(word);
    if (tokens.empty()) return {};
    std::vector<Xapian::Query> wholes, parts, compound_parts;
    std::vector<std::string> sequence;  // the terms that stand one after another
    bool all_stop = true;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      auto& group = token.is_compound_part ? compound_parts : token.is_part ? parts : wholes;
      group.emplace_back(term(prefix, token));
      if (i == 0 || token.position_increment > 0) sequence.push_back(tokens[i].text);
      all_stop = all_stop && token.is_stop_word;
    }
    Part part;
    part.stop_words_only = all_stop;
    if (prefix.empty() && !all_stop) {
      part.first_term = sequence.front();
      part.last_term = sequence.back();
    }
    if (parts.size() >= 2) {
      // A hyphenated word: its joined form, or its parts in sequence. Ranked, each part
      // also counts alone ("EU-Hilfen" for an article about "Hilfen der EU"), below them.
      wholes.push_back(Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end()));
      part.query = combine(Xapian::Query::OP_OR, wholes);
      part.ranked = Xapian::Query(
          Xapian::Query::OP_OR,
          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *part.query, kHyphenWholeWeight),
          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, combine(Xapian::Query::OP_AND, parts),
                        0.0));
      part.loose_parts = parts;
      return part;
    }
    for (auto& p : parts) wholes.push_back(std::move(p));
    part.query = wholes.size() == 1
                     ? wholes.front()
                     : Xapian::Query(Xapian::Query::OP_PHRASE, wholes.begin(), wholes.end());
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

  // Every word in order, stop words included; a hyphenated word contributes its parts.
  Part phrase_query(std::string_view text, std::string_view prefix) {
    const TokenStream tokens = analyzer_.analyze(text);
    std::vector<Xapian::Query> sequence;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const bool stacked = i > 0 && tokens[i].position_increment == 0;
      if (!stacked) {
        sequence.emplace_back(term(prefix, tokens[i]));
      } else if (tokens[i].is_compound_part) {
        term(prefix, tokens[i]);  // not in the phrase, but highlighted where it occurs
      }
    }
    if (sequence.empty()) return {};
    if (sequence.size() == 1) return Part{sequence.front(), false, false};
    return Part{Xapian::Query(Xapian::Query::OP_PHRASE, sequence.begin(), sequence.end()), false,
                false};
  }

  Part join(Xapian::Query::op op, Part left, Part right) {
    if (!left.query) return right;
    if (!right.query) return left;
    Part result;
    result.query = Xapian::Query(op, *left.query, *right.query);
    result.is_filter = left.is_filter && right.is_filter;
    result.boosts = std::move(left.boosts);
    result.boosts.insert(result.boosts.end(), right.boosts.begin(), right.boosts.end());
    return result;
  }

  Analyzer& analyzer_;
  const ProximityOptions& proximity_;
  std::vector<Lexeme> lexemes_;
  bool loose_parts_match_;
  std::size_t position_ = 0;
  bool collecting_ = true;
  std::set<std::string> highlight_terms_;  ///< of whole words, until the parse ends
  std::set<std::string> part_terms_;
};

QueryParser::QueryParser(Analyzer& analyzer, ProximityOptions proximity)
    : analyzer_(analyzer), proximity_(proximity) {}

ParsedQuery QueryParser::parse(std::string_view query) {
  return Run(analyzer_, proximity_, lex_query(query), /*loose_parts_match=*/false).parse();
}

ParsedQuery QueryParser::parse_plain(std::string_view text) {
  return Run(analyzer_, proximity_, lex_plain_text(text), /*loose_parts_match=*/true).parse();
}

}  // namespace archivar
