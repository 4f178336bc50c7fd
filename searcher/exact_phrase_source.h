// ExactPhraseSource: the articles a phrase query matches that hold the phrase as typed, as a
// Xapian posting source that reads an article's stored text only when the matcher reaches it.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "searcher/exact_phrase.h"

namespace archivar {

/// A Boolean posting source (it adds no weight) for OP_FILTER beside the phrase's weighted
/// query: the matcher asks it about an article only where the rest of the query lets that
/// article through, so a required word, a date range or a field limits what is read
/// (filter_exact_phrase with PhraseCheck::kWhileMatching); ranked beside optional words,
/// every candidate is asked about. What an article holds is read once per query, however
/// often the query is run (page, count, facets).
///
/// The source keeps pointers to @a stored: the query must not outlive it. It has no name()
/// and cannot be serialised: Archivar's own code must run it, so not over remote shards.
class ExactPhraseSource : public Xapian::PostingSource {
 public:
  /// What every clone of a source shares: the phrase, where to look, and what was read.
  struct Shared {
    Xapian::Query phrase_query;  ///< the candidates: the phrase over stems
    ExactPhrase phrase;
    PhraseField field;
    StoredDataReader* stored;
    /// The forms of a single word in quotes, which must have a position of their own (not
    /// only a part of a compound); empty otherwise.
    std::vector<std::string> one_word;
    /// A database's candidates and what was read of them, by database_key(); a
    /// database's entry made before the query runs spares matching the phrase again.
    struct Candidates {
      std::vector<Xapian::docid> documents;  ///< ascending
      std::vector<std::int8_t> holds;        ///< per document: -1 not read, 0 no, 1 yes
    };
    std::map<std::string, Candidates> by_database;
  };

  explicit ExactPhraseSource(std::shared_ptr<Shared> shared);

  /// What Shared::by_database files @a database's candidates under (one database, not an
  /// archive of several): its UUID, revision, size and last document number; empty for a
  /// database without a UUID.
  static std::string database_key(const Xapian::Database& database);

  void init(const Xapian::Database& database) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override;
  Xapian::doccount get_termfreq_max() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override;
  double get_weight() const override { return 0; }
  ExactPhraseSource* clone() const override;
  std::string get_description() const override;

 private:
  /// Whether candidate @a index holds the phrase, read once.
  bool holds(std::size_t index);
  /// Moves to the first candidate from @a index on that holds the phrase.
  void settle_from(std::size_t index);

  std::shared_ptr<Shared> shared_;
  Xapian::Database database_;
  std::unique_ptr<Shared::Candidates> own_;   ///< for a database without a UUID
  Shared::Candidates* candidates_ = nullptr;  ///< of database_: in shared_, or own_
  /// Whether the source stands on a candidate that holds the phrase (at_), or at the end;
  /// false before the first move and after check() said no, when the next move goes on
  /// from the candidate resume_.
  bool settled_ = false;
  std::size_t at_ = 0;
  std::size_t resume_ = 0;
};

}  // namespace archivar
