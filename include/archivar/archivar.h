// The Archivar library: open an Archivar database, search it with archivar-search's query
// language and read ranked hits with snippets, or index articles into one. One entry point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// Marks what libarchivar.so exports; everything else in it stays internal.
#define ARCHIVAR_API __attribute__((visibility("default")))

/** The Archivar library.
 *
 *  A program that links archivar::archivar (CMake: find_package(archivar)) searches the
 *  databases archivar-index writes, exactly as archivar-search does: the same German
 *  analysis, query language, ranking, near-duplicate collapsing and snippets.
 *
 *  @code
 *  archivar::Database db = archivar::Database::open("news.db");
 *  for (const archivar::SearchHit& hit : db.search("Außenminister Ukraine-Krise").hits)
 *    std::cout << hit.id << " " << hit.title << "\n" << hit.snippet << "\n";
 *  @endcode
 */
namespace archivar {

/** What the library throws: a database that cannot be opened or written, a query that
 *  cannot be parsed, an article that cannot be indexed. what() says which and why.
 */
class ARCHIVAR_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/** A news article to index: the fields archivar-index reads from its inputs. */
struct Document {
  /// The key: indexing an id again replaces the article. Required.
  std::string id;
  std::string title;
  std::string text;
  /// YYYY-MM-DD, ISO-8601 with a time, or DD.MM.YYYY; an unparsable date is left out.
  std::string date;
  std::string source;
  std::string section;
  std::string url;
  std::string author;
};

/** What Database::index() did. */
struct IndexReport {
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;
  /// Read again with the same stored fields: nothing written.
  std::uint64_t unchanged = 0;
  /// Articles in the database after the commit.
  std::uint64_t documents_in_database = 0;
};

/** How Database::search() ranks and pages. */
struct SearchOptions {
  enum class Sort { kRelevance, kDateAscending, kDateDescending };

  /// Hits to return, and to skip first.
  std::size_t limit = 10;
  std::size_t offset = 0;
  Sort sort = Sort::kRelevance;
  /// Only articles of that period, as in the query language's date: (empty: open).
  std::string from;
  std::string to;
  /// Read the query as plain words: quotes, AND/OR/NOT, fields and +/- are text.
  bool plain = false;
  /// Show each group of near-duplicates once (the best hit), as archivar-search does.
  bool collapse_near_duplicates = true;
  /// The snippet's length in characters.
  std::size_t snippet_length = 240;
};

/** One ranked article. */
struct SearchHit {
  /// 1-based, counting from the first result, not from the offset.
  std::size_t rank = 0;
  double score = 0;
  std::string id;
  std::string title;
  /// YYYY-MM-DD, or empty.
  std::string date;
  std::string source;
  std::string section;
  std::string url;
  /// Where the article was read from: FILE:LINE, or ARCHIVE!MEMBER:LINE.
  std::string origin;
  /// The passage of the text with the most query words.
  std::string snippet;
  /// Byte ranges [start, end) of the matches within snippet.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
  /// Near-duplicates of this hit that match the query too, when collapsing.
  std::vector<std::string> similar;
};

/** A page of results. */
struct SearchResults {
  /// Matching articles (near-duplicate groups when collapsing): Xapian's estimate.
  std::uint64_t total_estimate = 0;
  std::vector<SearchHit> hits;
  /// A corrected query that finds more, when this one found few hits.
  std::optional<std::string> suggestion;
  /// Parse, match, snippets and suggestion, in milliseconds.
  double took_ms = 0;
};

/** An Archivar database, opened for searching.
 *
 *  Searches see the database as of the last commit of an indexer when the search began;
 *  one Database is for one thread at a time (open one per thread).
 */
class ARCHIVAR_API Database {
 public:
  /** Opens the database archivar-index wrote at @a path (a directory, or a Xapian stub
   *  file listing shards). Throws Error when there is none or it is not Archivar's.
   */
  static Database open(const std::string& path);

  /** Runs @a query (archivar-search's query language, or plain words with
   *  SearchOptions::plain). Throws Error for a query that cannot be parsed.
   */
  SearchResults search(std::string_view query, const SearchOptions& options = {});

  /// Articles in the database.
  std::uint64_t size() const;

  /** Indexes @a documents into the database at @a path (created if missing) and commits,
   *  as archivar-index does: an id already there is replaced, an article whose fields are
   *  unchanged is not written, near-duplicates are grouped. Throws Error for a database
   *  that cannot be written (another indexer holds it, say) or a document without an id,
   *  title and text, or valid UTF-8; nothing of the call is written then.
   */
  static IndexReport index(const std::string& path, const std::vector<Document>& documents);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// The library's version, "0.1.0".
ARCHIVAR_API std::string_view library_version();

}  // namespace archivar
