// Vocabulary: the words of an archive as written ("Bundesregierung", "Selenskyj"), each
// with the number of articles that use it. The indexer adds every article's words and
// keeps the list in the database's metadata; the searcher corrects misspelt queries
// from it. Index terms cannot serve: they are folded and stemmed, not words to show.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace archivar {

class Vocabulary {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };

 public:
  using Counts = std::unordered_map<std::string, std::uint64_t, Hash, std::equal_to<>>;

  /// Whether @a surface is worth keeping as a word: at least three characters, letters
  /// only (no digits, dots, apostrophes or hyphens).
  static bool is_word(std::string_view surface);

  /// Counts one article using each of @a words (distinct words of that article).
  void add_article(const std::vector<std::string>& words);

  /// Counts @a articles more articles using @a word.
  void add(std::string_view word, std::uint64_t articles);

  /// Adds all of @a other's counts.
  void merge(const Vocabulary& other);

  bool empty() const { return counts_.empty(); }
  std::size_t size() const { return counts_.size(); }
  /// Articles using @a word as written; 0 for an unknown word.
  std::uint64_t articles(std::string_view word) const;
  const Counts& counts() const { return counts_; }
  void clear() { counts_.clear(); }

  /// "word<TAB>articles" lines, in byte order of the words (stable output).
  std::string serialise() const;
  /// Reads what serialise() wrote; lines that do not fit are passed over.
  static Vocabulary parse(std::string_view data);

  /// The serialised vocabulary kept in @a database's metadata (see load()), uncompressed
  /// (empty for a database without one).
  static std::string stored_text(const Xapian::Database& database);
  /// The vocabulary kept in @a database's metadata: the sum of its parts (see add_to);
  /// a damaged part is passed over.
  static Vocabulary load(const Xapian::Database& database);
  /// Adds this vocabulary to the one kept in @a database's metadata, as a new part of its
  /// own (zlib-compressed: word lists shrink to a third), so that a commit writes what
  /// the batch used, not the whole list again. Four parts of one size class are merged
  /// into one of the next: each word is rewritten once per size class, and a database
  /// keeps a few parts per class. Parts from several databases (shards merged by
  /// compaction) simply add up; merge_parts() combines two of one name.
  void add_to(Xapian::WritableDatabase& database) const;

  /// Whether @a key names a part of a stored vocabulary (see add_to).
  static bool is_part_key(std::string_view key);
  /// One stored part holding the words of both @a first and @a second, parts of the same
  /// name from two databases.
  static std::string merge_parts(std::string_view first, std::string_view second);

 private:
  Counts counts_;
};

}  // namespace archivar
