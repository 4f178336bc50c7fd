// QueryLexer: splits a search query into words, phrases, operators and field prefixes.
// Every lexeme keeps its byte offset so that parse errors can point at the culprit.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace archivar {

struct Lexeme {
  enum class Kind {
    kWord,    ///< text: the word as typed (may hold the wildcards * and ?)
    kPhrase,  ///< text: inside the quotes ("...", „...“, »...«, «...»)
    kField,   ///< text: the field name before ':' in lower case ("title", "foo", ...)
    kAnd,     ///< AND, UND, &&
    kOr,      ///< OR, ODER, ||
    kNot,     ///< NOT, NICHT, a lone ! (AND NOT is read as NOT)
    kNear,    ///< NEAR or NEAR/n; window: n
    kOpen,
    kClose,
    kPlus,   ///< '+' directly before a term: required
    kMinus,  ///< '-' or '!' directly before a term: excluded
    kEnd,
  };
  Kind kind = Kind::kEnd;
  std::string text;
  std::size_t offset = 0;  ///< byte offset in the query
  /// "^2" after a word, phrase or ')': the clause's score is multiplied by it.
  std::optional<double> boost;
  /// "~5" after a phrase: its words within that many more positions, in any order; for
  /// kNear, the n of NEAR/n (absent: NEAR's default).
  std::optional<unsigned> window;
};

/// Thrown for a query that cannot be read; offset is where the problem is (bytes), or
/// std::string::npos for a problem of the whole query.
class QueryError : public std::runtime_error {
 public:
  QueryError(const std::string& message, std::size_t offset)
      : std::runtime_error(message), offset_(offset) {}
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

/// Splits @a query. Operators count only in capitals ("und" is a plain word); "name:"
/// directly followed by a value is a field (see is_query_field; the parser rejects
/// unknown names), "https://" is not. Throws QueryError for an unterminated quote, a '^'
/// without a number, and a '~' after a word (fuzzy search, which Archivar does not do).
std::vector<Lexeme> lex_query(std::string_view query);

/// Splits @a text into words only, at white space, quotes and parentheses: for natural-
/// language text (topic files, pasted headlines) whose quotes and capitals are not syntax.
std::vector<Lexeme> lex_plain_text(std::string_view text);

/// Whether @a name (lower case) is a field the query language knows.
bool is_query_field(std::string_view name);

/// The known fields for messages: "title: (titel:), source: (quelle:), ...".
std::string query_field_list();

}  // namespace archivar
