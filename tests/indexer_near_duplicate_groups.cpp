// NearDuplicateGroups (indexer/near_duplicate_groups.h): which group an article joins as
// articles are added, replaced and deleted, on an in-memory database built with the real
// DocumentBuilder. Texts are numbered words (w0 w1 ...) so that overlaps are exact.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>

#include "common/analysis/analyzer.h"
#include "common/index_schema.h"
#include "indexer/document_builder.h"
#include "indexer/near_duplicate_groups.h"

using namespace archivar;

namespace {

// "w<from> ... w<to - 1>": texts of 100 words overlapping in a run of k words have
// 98 shingles each and k - 2 in common, Jaccard (k - 2) / (194 - k).
std::string words(int from, int to, const std::string& stem = "w") {
  std::string text;
  for (int i = from; i < to; ++i) text += (text.empty() ? "" : " ") + stem + std::to_string(i);
  return text;
}

struct Archive {
  Analyzer analyzer;
  XapianPositionalPostings postings;
  DocumentBuilder builder{analyzer, postings};
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  NearDuplicateGroups groups{db, NearDuplicateOptions{.min_similarity = 0.7}};

  // Indexes (or replaces) the article as IndexWriter does; returns its group.
  std::string put(const std::string& id, const std::string& text) {
    return put_titled(id, "Meldung " + id, text);
  }

  std::string put_titled(const std::string& id, const std::string& title, const std::string& text) {
    const Article article{.id = id, .title = title, .text = text};
    Xapian::Document document =
        builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {}));
    groups.assign(id, document);
    db.replace_document(schema::id_term(id), document);
    return group_of(id);
  }

  std::string group_of(const std::string& id) {
    const auto it = db.postlist_begin(schema::id_term(id));
    REQUIRE(it != db.postlist_end(schema::id_term(id)));
    const Xapian::Document document = db.get_document(*it);
    const std::string group = document.get_value(schema::kGroupSlot);
    // The group term lists the group's members.
    CHECK(db.term_exists(schema::group_term(group)));
    return group;
  }
};

}  // namespace

TEST_CASE("groups: a copy with small edits joins the first article's group", "[groups]") {
  Archive archive;
  CHECK(archive.put("first", words(0, 100)) == "first");
  // 94 of 100 words in common: Jaccard 92 / 104 = 0.88.
  CHECK(archive.put("edited", words(3, 97) + " " + words(0, 6, "x")) == "first");
  CHECK(archive.put("exact", words(0, 100)) == "first");
  CHECK(archive.db.get_termfreq(schema::group_term("first")) == 3);
}

TEST_CASE("groups: unrelated articles and copies edited beyond the threshold stand alone",
          "[groups]") {
  Archive archive;
  CHECK(archive.put("first", words(0, 100)) == "first");
  CHECK(archive.put("other", words(0, 100, "y")) == "other");
  // Half the words rewritten: Jaccard 48 / 148 = 0.32.
  CHECK(archive.put("rewritten", words(0, 50) + " " + words(0, 50, "z")) == "rewritten");
  // Contains the first article, but is twice as long: Jaccard 98 / 198 = 0.49.
  CHECK(archive.put("longer", words(0, 100) + " " + words(0, 100, "v")) == "longer");
}

TEST_CASE("groups: a short text joins only an exact copy of its title and text", "[groups]") {
  Archive archive;
  // Too short for a fingerprint, and under other titles: not the same item.
  archive.put("first", words(0, 10));
  CHECK(archive.put("same-text", words(0, 10)) == "same-text");

  // A headline with a teaser, copied by another site: case, punctuation, spacing and
  // inflection aside, the same words.
  const std::string title = "Trump warnt Iran vor Wiederaufrüstung";
  const std::string teaser = "Der US-Präsident droht mit neuen Angriffen.";
  CHECK(archive.put_titled("site-a", title, teaser) == "site-a");
  CHECK(archive.put_titled("site-b", "TRUMP warnt Iran vor Wiederaufrüstung:", teaser) == "site-a");
  CHECK(archive.put_titled("site-c", title + "  ", "Der US-Präsident droht mit neuem Angriff") ==
        "site-a");
  // Another teaser, or the headline alone, is another item.
  CHECK(archive.put_titled("other-teaser", title, "Teheran weist die Drohung zurück.") ==
        "other-teaser");
  CHECK(archive.put_titled("headline-only", title, "") == "headline-only");
  CHECK(archive.put_titled("headline-again", title, "") == "headline-only");
  // Two words name no story.
  CHECK(archive.put_titled("video-1", "Video", "Liveblog") == "video-1");
  CHECK(archive.put_titled("video-2", "Video", "Liveblog") == "video-2");

  // Re-indexed unchanged it stays; edited, it leaves.
  CHECK(archive.put_titled("site-b", title, teaser) == "site-a");
  CHECK(archive.put_titled("site-b", title, "Eine ganz andere Meldung.") == "site-b");
  CHECK(archive.db.get_termfreq(schema::group_term("site-a")) == 2);
}

TEST_CASE("groups: the copy of a deleted short item still finds the rest of its group",
          "[groups]") {
  Archive archive;
  archive.put_titled("a", "Deutschlandticket wird teurer", "");
  archive.put_titled("b", "Deutschlandticket wird teurer", "");
  archive.db.delete_document(schema::id_term("a"));
  CHECK(archive.put_titled("c", "Deutschlandticket wird teurer", "") == "a");
}

TEST_CASE("groups: an article joins the group of its closest match", "[groups]") {
  // x and y overlap in 80 words: Jaccard 78 / 118 = 0.66, two groups.
  const auto two_groups = [](Archive& archive) {
    REQUIRE(archive.put("x", words(0, 100)) == "x");
    REQUIRE(archive.put("y", words(20, 120)) == "y");
  };
  SECTION("the closer one came second") {
    Archive archive;
    two_groups(archive);
    // Words 12..111: Jaccard 86 / 110 = 0.78 with x, 90 / 106 = 0.85 with y.
    CHECK(archive.put("near-y", words(12, 112)) == "y");
  }
  SECTION("the closer one came first") {
    Archive archive;
    two_groups(archive);
    // Words 8..107: 0.85 with x, 0.78 with y.
    CHECK(archive.put("near-x", words(8, 108)) == "x");
  }
}

TEST_CASE("groups: re-indexing an article keeps or changes its group by its new text", "[groups]") {
  Archive archive;
  archive.put("first", words(0, 100));
  archive.put("copy", words(0, 100));
  // The copy again, unchanged text: it is not its own candidate, and stays.
  CHECK(archive.put("copy", words(0, 100)) == "first");
  CHECK(archive.put("first", words(0, 100)) == "first");
  CHECK(archive.db.get_termfreq(schema::group_term("first")) == 2);

  // The first article rewritten entirely: it leaves, and as its id still labels the
  // copy's group, its new group takes another label.
  CHECK(archive.put("first", words(0, 100, "n")) == "first#2");
  CHECK(archive.group_of("copy") == "first");
  CHECK(archive.db.get_termfreq(schema::group_term("first")) == 1);

  // A lone article rewritten keeps its own id as label.
  archive.put("lone", words(0, 100, "l"));
  CHECK(archive.put("lone", words(0, 100, "m")) == "lone");
}

TEST_CASE("groups: a group outlives the deletion of its first article", "[groups]") {
  Archive archive;
  archive.put("first", words(0, 100));
  archive.put("copy", words(0, 100));
  archive.db.delete_document(schema::id_term("first"));
  CHECK(archive.put("late-copy", words(1, 100)) == "first");
  // An unrelated article that takes the deleted id does not join the group by its label.
  CHECK(archive.put("first", words(0, 100, "u")) == "first#2");
  CHECK(archive.group_of("copy") == "first");
}
