// PostingSink: how a document's word occurrences are stored, positions included.
// Phrase search depends on positions, and their storage dominates index size and speed,
// so it sits behind this interface and can change without touching the analysis.
#pragma once

#include <xapian.h>

#include <string>

namespace archivar {

class PostingSink {
 public:
  virtual ~PostingSink() = default;

  /// Records that @a term occurs in @a document at @a position, counting @a wdf towards
  /// the term's within-document frequency (more than 1 weights a title word up).
  virtual void add(Xapian::Document& document, const std::string& term, Xapian::termpos position,
                   Xapian::termcount wdf) = 0;

  /// Records @a term without a position: for terms no phrase asks for (the joined form
  /// of a hyphenated word, the parts of a compound), which stand on another word's place.
  virtual void add_unpositioned(Xapian::Document& document, const std::string& term,
                                Xapian::termcount wdf) {
    document.add_term(term, wdf);
  }
};

/// Stores positions in Xapian's own position table, which OP_PHRASE reads.
class XapianPositionalPostings final : public PostingSink {
 public:
  void add(Xapian::Document& document, const std::string& term, Xapian::termpos position,
           Xapian::termcount wdf) override {
    document.add_posting(term, position, wdf);
  }
};

}  // namespace archivar
