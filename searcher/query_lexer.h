// QueryLexer: splits a search query into words, phrases, operators and field prefixes.
// Every lexeme keeps its byte offset so that parse errors can point at the culprit.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace archivar {

struct Lexeme {
  enum class Kind {
    kWord,    ///< text: the word as typed
    kPhrase,  ///< text: inside the quotes ("..." or „...“)
    kField,   ///< text: the field name before ':' ("title", "quelle", ...)
    kAnd,     ///< AND, UND
    kOr,      ///< OR, ODER
    kNot,     ///< NOT, NICHT
    kOpen,
    kClose,
    kPlus,   ///< '+' directly before a term: required
    kMinus,  ///< '-' directly before a term: excluded
    kEnd,
  };
  Kind kind = Kind::kEnd;
  std::string text;
  std::size_t offset = 0;  ///< byte offset in the query
};

/// Thrown for a query that cannot be read; offset is where the problem is (bytes).
class QueryError : public std::runtime_error {
 public:
  QueryError(const std::string& message, std::size_t offset)
      : std::runtime_error(message), offset_(offset) {}
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

/// Splits @a query. Operators count only in capitals ("und" is a plain word); a field
/// prefix is one of the known names followed by ':'. Throws QueryError for an
/// unterminated quote.
std::vector<Lexeme> lex_query(std::string_view query);

/// Splits @a text into words only, at white space, quotes and parentheses: for natural-
/// language text (topic files, pasted headlines) whose quotes and capitals are not syntax.
std::vector<Lexeme> lex_plain_text(std::string_view text);

/// Whether @a name (lower case) is a field the query language knows.
bool is_query_field(std::string_view name);

}  // namespace archivar
