#include "searcher/query_lexer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "common/text/keyword.h"

namespace archivar {
namespace {

struct FieldName {
  std::string_view name;
  std::string_view german;  ///< the same field in German, or empty
};
constexpr std::array<FieldName, 7> kFields = {{{"title", "titel"},
                                               {"source", "quelle"},
                                               {"section", "rubrik"},
                                               {"date", "datum"},
                                               {"author", "autor"},
                                               {"url", ""},
                                               {"id", ""}}};

// Boosts, NEAR/n windows and ~n proximity above this are typing errors, not intentions.
constexpr double kMaxBoost = 1000;
constexpr unsigned kMaxWindow = 1000;

// Quote marks: ASCII, German „…“ and English “…” typographic quotes, and the guillemets
// »…« (German) and «…» (Swiss, French), in UTF-8. Any of them closes any other.
std::size_t quote_length(std::string_view text, std::size_t i) {
  if (text[i] == '"') return 1;
  const std::string_view rest = text.substr(i);
  if (rest.starts_with("\xE2\x80\x9E") || rest.starts_with("\xE2\x80\x9C") ||
      rest.starts_with("\xE2\x80\x9D")) {
    return 3;
  }
  if (rest.starts_with("\xC2\xAB") || rest.starts_with("\xC2\xBB")) return 2;
  return 0;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool ends_chunk(std::string_view text, std::size_t i) {
  return i >= text.size() || is_space(text[i]) || text[i] == '(' || text[i] == ')';
}

bool is_ascii_letters(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

bool is_digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

Lexeme::Kind operator_kind(std::string_view word) {
  if (word == "AND" || word == "UND" || word == "&&") return Lexeme::Kind::kAnd;
  if (word == "OR" || word == "ODER" || word == "||") return Lexeme::Kind::kOr;
  if (word == "NOT" || word == "NICHT" || word == "!") return Lexeme::Kind::kNot;
  if (word == "NEAR" || word.starts_with("NEAR/")) return Lexeme::Kind::kNear;
  return Lexeme::Kind::kWord;
}

unsigned parse_window(std::string_view digits, std::string_view what, std::size_t offset) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (!is_digits(digits) || error != std::errc() || end != digits.data() + digits.size() ||
      value > kMaxWindow) {
    throw QueryError(fmt::format("{} takes a number of words from 0 to {}", what, kMaxWindow),
                     offset);
  }
  return value;
}

// The number after '^' at @p caret (a boost): digits with at most one decimal point.
double parse_boost(std::string_view number, std::size_t caret) {
  const bool well_formed =
      !number.empty() && number.front() != '.' && std::ranges::count(number, '.') <= 1 &&
      std::ranges::all_of(number, [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  double value = 0;
  if (well_formed) {
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size()) value = -1;
  }
  if (!well_formed || value < 0 || value > kMaxBoost) {
    throw QueryError(
        fmt::format("'^' needs a number from 0 to {} right after it (Drosten^2)", kMaxBoost),
        caret);
  }
  return value;
}

// Reads a "^2" or "~5" right after a phrase or ')' ending at @p i; returns where it ends.
std::size_t read_suffix(std::string_view query, std::size_t i, Lexeme& lexeme) {
  if (i >= query.size() || (query[i] != '^' && query[i] != '~')) return i;
  std::size_t end = i + 1;
  while (!ends_chunk(query, end) && quote_length(query, end) == 0) ++end;
  const std::string_view number = query.substr(i + 1, end - i - 1);
  if (query[i] == '^') {
    lexeme.boost = parse_boost(number, i);
  } else if (lexeme.kind == Lexeme::Kind::kPhrase) {
    lexeme.window = parse_window(number, "'~' after a phrase", i);
  } else {
    throw QueryError("'~' belongs after a phrase (\"Drosten Kekulé\"~5)", i);
  }
  return end;
}

}  // namespace

bool is_query_field(std::string_view name) {
  return std::ranges::any_of(
      kFields, [&](const FieldName& field) { return field.name == name || field.german == name; });
}

std::string query_field_list() {
  std::string list;
  for (const FieldName& field : kFields) {
    if (!list.empty()) list += field.name == kFields.back().name ? " and " : ", ";
    list += fmt::format("{}:", field.name);
    if (!field.german.empty()) list += fmt::format(" ({}:)", field.german);
  }
  return list;
}

std::vector<Lexeme> lex_query(std::string_view query) {
  std::vector<Lexeme> lexemes;
  std::size_t i = 0;
  // A '+', '-' or '!' modifies a term only at the start of one, not in "Ukraine-Krise".
  bool at_term_start = true;
  while (i < query.size()) {
    const char c = query[i];
    if (is_space(c)) {
      ++i;
      at_term_start = true;
      continue;
    }
    if (c == '(' || c == ')') {
      Lexeme lexeme{c == '(' ? Lexeme::Kind::kOpen : Lexeme::Kind::kClose, {}, i};
      i = c == ')' ? read_suffix(query, i + 1, lexeme) : i + 1;
      lexemes.push_back(std::move(lexeme));
      at_term_start = true;
      continue;
    }
    if ((c == '+' || c == '-' || c == '!') && at_term_start && !ends_chunk(query, i + 1)) {
      lexemes.push_back({c == '+' ? Lexeme::Kind::kPlus : Lexeme::Kind::kMinus, {}, i});
      ++i;
      continue;
    }
    if (const std::size_t open = quote_length(query, i); open > 0) {
      std::size_t end = i + open;
      std::size_t close = 0;
      while (end < query.size() && (close = quote_length(query, end)) == 0) ++end;
      if (end >= query.size()) throw QueryError("unterminated quote", i);
      Lexeme lexeme{Lexeme::Kind::kPhrase, std::string(query.substr(i + open, end - i - open)), i};
      i = read_suffix(query, end + close, lexeme);
      lexemes.push_back(std::move(lexeme));
      at_term_start = true;
      continue;
    }
    std::size_t end = i;
    while (!ends_chunk(query, end) && quote_length(query, end) == 0) ++end;
    std::string_view word = query.substr(i, end - i);
    const std::size_t colon = word.find(':');
    // "name:value" is a field (a known name also without a value, which the parser
    // reports); "Achtung: Corona" and "https://…" are words.
    const bool named = colon != std::string_view::npos && is_ascii_letters(word.substr(0, colon));
    if (named && query.substr(i + colon + 1, 2) != "//" &&
        (!ends_chunk(query, i + colon + 1) || is_query_field(lower_ascii(word.substr(0, colon))))) {
      lexemes.push_back({Lexeme::Kind::kField, lower_ascii(word.substr(0, colon)), i});
      i += colon + 1;
      at_term_start = false;  // "title:-x" is a word, not an exclusion
      continue;
    }
    Lexeme lexeme{operator_kind(word), std::string(word), i};
    if (lexeme.kind == Lexeme::Kind::kNear && word != "NEAR") {
      lexeme.window = parse_window(word.substr(5), "NEAR/", i);
    }
    if (lexeme.kind == Lexeme::Kind::kWord) {
      if (const std::size_t caret = word.rfind('^'); caret != std::string_view::npos) {
        lexeme.boost = parse_boost(word.substr(caret + 1), i + caret);
        word = word.substr(0, caret);
      }
      if (const std::size_t tilde = word.rfind('~');
          tilde != std::string_view::npos && tilde > 0 &&
          (tilde + 1 == word.size() || is_digits(word.substr(tilde + 1)))) {
        throw QueryError(
            "'~' after a word asks for a fuzzy match, which Archivar does not do; for words "
            "near each other use quotes (\"Drosten Kekulé\"~5) or NEAR",
            i + tilde);
      }
      lexeme.text = std::string(word);
    }
    // "AND NOT", as Lucene and Xapian users type it, is NOT.
    if (lexeme.kind == Lexeme::Kind::kNot && !lexemes.empty() &&
        lexemes.back().kind == Lexeme::Kind::kAnd) {
      lexemes.pop_back();
    }
    lexemes.push_back(std::move(lexeme));
    i = end;
    at_term_start = false;
  }
  lexemes.push_back({Lexeme::Kind::kEnd, {}, query.size()});
  return lexemes;
}

std::vector<Lexeme> lex_plain_text(std::string_view text) {
  std::vector<Lexeme> lexemes;
  for (std::size_t i = 0; i < text.size();) {
    if (is_space(text[i]) || text[i] == '(' || text[i] == ')') {
      ++i;
      continue;
    }
    if (const std::size_t quote = quote_length(text, i); quote > 0) {
      i += quote;
      continue;
    }
    std::size_t end = i;
    while (!ends_chunk(text, end) && quote_length(text, end) == 0) ++end;
    lexemes.push_back({Lexeme::Kind::kWord, std::string(text.substr(i, end - i)), i});
    i = end;
  }
  lexemes.push_back({Lexeme::Kind::kEnd, {}, text.size()});
  return lexemes;
}

}  // namespace archivar
