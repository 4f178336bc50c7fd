#include "searcher/query_lexer.h"

#include <algorithm>
#include <array>

namespace archivar {
namespace {

constexpr std::array<std::string_view, 8> kFields = {"title",   "titel",  "source", "quelle",
                                                     "section", "rubrik", "date",   "datum"};

// Quote marks: ASCII, and German „…“ / English “…” typographic quotes (UTF-8).
std::size_t quote_length(std::string_view text, std::size_t i) {
  if (text[i] == '"') return 1;
  const std::string_view rest = text.substr(i);
  if (rest.starts_with("\xE2\x80\x9E") || rest.starts_with("\xE2\x80\x9C") ||
      rest.starts_with("\xE2\x80\x9D")) {
    return 3;
  }
  return 0;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

Lexeme::Kind operator_kind(std::string_view word) {
  if (word == "AND" || word == "UND") return Lexeme::Kind::kAnd;
  if (word == "OR" || word == "ODER") return Lexeme::Kind::kOr;
  if (word == "NOT" || word == "NICHT") return Lexeme::Kind::kNot;
  return Lexeme::Kind::kWord;
}

}  // namespace

bool is_query_field(std::string_view name) {
  return std::ranges::find(kFields, name) != kFields.end();
}

std::vector<Lexeme> lex_query(std::string_view query) {
  std::vector<Lexeme> lexemes;
  std::size_t i = 0;
  // A '+' or '-' modifies a term only at the start of one, not inside "Ukraine-Krise".
  bool at_term_start = true;
  while (i < query.size()) {
    const char c = query[i];
    if (is_space(c)) {
      ++i;
      at_term_start = true;
      continue;
    }
    if (c == '(' || c == ')') {
      lexemes.push_back({c == '(' ? Lexeme::Kind::kOpen : Lexeme::Kind::kClose, {}, i});
      ++i;
      at_term_start = true;
      continue;
    }
    if ((c == '+' || c == '-') && at_term_start && i + 1 < query.size() &&
        !is_space(query[i + 1])) {
      lexemes.push_back({c == '+' ? Lexeme::Kind::kPlus : Lexeme::Kind::kMinus, {}, i});
      ++i;
      continue;
    }
    if (const std::size_t open = quote_length(query, i); open > 0) {
      std::size_t end = i + open;
      std::size_t close = 0;
      while (end < query.size() && (close = quote_length(query, end)) == 0) ++end;
      if (end >= query.size()) throw QueryError("unterminated quote", i);
      lexemes.push_back(
          {Lexeme::Kind::kPhrase, std::string(query.substr(i + open, end - i - open)), i});
      i = end + close;
      at_term_start = true;
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !is_space(query[end]) && query[end] != '(' && query[end] != ')' &&
           quote_length(query, end) == 0) {
      ++end;
    }
    const std::string_view word = query.substr(i, end - i);
    const std::size_t colon = word.find(':');
    if (colon != std::string_view::npos && colon > 0 &&
        is_query_field(lower_ascii(word.substr(0, colon)))) {
      lexemes.push_back({Lexeme::Kind::kField, lower_ascii(word.substr(0, colon)), i});
      i += colon + 1;
      at_term_start = false;  // "title:-x" is a word, not an exclusion
      continue;
    }
    lexemes.push_back({operator_kind(word), std::string(word), i});
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
    while (end < text.size() && !is_space(text[end]) && text[end] != '(' && text[end] != ')' &&
           quote_length(text, end) == 0) {
      ++end;
    }
    lexemes.push_back({Lexeme::Kind::kWord, std::string(text.substr(i, end - i)), i});
    i = end;
  }
  lexemes.push_back({Lexeme::Kind::kEnd, {}, text.size()});
  return lexemes;
}

}  // namespace archivar
