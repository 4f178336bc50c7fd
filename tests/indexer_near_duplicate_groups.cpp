// NearDuplicateGroups (indexer/near_duplicate_groups.h): which group an article joins as
// articles are added, replaced and deleted, built with the real DocumentBuilder, the way a
// run hands them to its writers: each change recorded as uncommitted, then committed either
// at once or only at the end. Texts are numbered words (w0 w1 ...) so that overlaps are exact.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>

#include "common/analysis/analyzer.h"
#include "common/index_schema.h"
#include "indexer/document_builder.h"
#include "indexer/near_duplicate_groups.h"
#include "indexer/uncommitted_articles.h"
#include "support/cli.h"

using namespace archivar;

namespace {

// "w<from> ... w<to - 1>": texts of 100 words overlapping in a run of k words have
// 98 shingles each and k - 2 in common, Jaccard (k - 2) / (194 - k).
std::string words(int from, int to, const std::string& stem = "w") {
  std::string text;
  for (int i = from; i < to; ++i) text += (text.empty() ? "" : " ") + stem + std::to_string(i);
  return text;
}

// One shard, written as IndexWriter would: with commit_each, every change is committed at
// once (the candidates come from the database); without, none is until commit() (the
// candidates come from the uncommitted changes).
struct Archive {
  explicit Archive(bool commit_each) : commit_each(commit_each) {}

  bool commit_each;
  test::ScratchDir dir;
  Analyzer analyzer;
  XapianPositionalPostings postings;
  DocumentBuilder builder{analyzer, postings};
  Xapian::WritableDatabase db{(dir.path() / "db").string(), Xapian::DB_CREATE};
  UncommittedArticles uncommitted{1};
  NearDuplicateGroups groups{{dir.path() / "db"}, uncommitted, {.min_similarity = 0.7}};
  std::uint64_t sequence = 0;

  // Indexes (or replaces) the article; returns its group ("" when it stands alone).
  std::string put(const std::string& id, const std::string& text) {
    return put_titled(id, "Meldung " + id, text);
  }

  std::string put_titled(const std::string& id, const std::string& title, const std::string& text) {
    const Article article{.id = id, .title = title, .text = text};
    Xapian::Document document =
        builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {}));
    const GroupAssignment assignment = groups.assign(id, document);
    if (assignment.founder) {
      UncommittedChange founder = *assignment.founder;
      founder.sequence = ++sequence;
      set_group(founder.id, founder.group);
      uncommitted.add(std::move(founder));
    }
    if (!assignment.group.empty()) {
      document.add_value(schema::kGroupSlot, assignment.group);
      document.add_boolean_term(schema::group_term(assignment.group));
    }
    uncommitted.add(
        {.sequence = ++sequence,
         .id = id,
         .signature = MinHashSignature::parse(document.get_value(schema::kFingerprintSlot)),
         .short_text_key = document.get_value(schema::kShortTextSlot),
         .group = assignment.group});
    db.replace_document(schema::id_term(id), document);
    if (commit_each) commit();
    return group_of(id);
  }

  void remove(const std::string& id) {
    uncommitted.add({.sequence = ++sequence, .id = id, .deleted = true});
    db.delete_document(schema::id_term(id));
    if (commit_each) commit();
  }

  void commit() {
    db.commit();
    uncommitted.committed(0, sequence,
                          [this](const UncommittedChange& change) { groups.committed(change); });
    groups.reopen();
  }

  void set_group(const std::string& id, const std::string& group) {
    const auto it = db.postlist_begin(schema::id_term(id));
    REQUIRE(it != db.postlist_end(schema::id_term(id)));
    Xapian::Document document = db.get_document(*it);
    document.add_value(schema::kGroupSlot, group);
    document.add_boolean_term(schema::group_term(group));
    db.replace_document(*it, document);
  }

  std::string group_of(const std::string& id) {
    const auto it = db.postlist_begin(schema::id_term(id));
    REQUIRE(it != db.postlist_end(schema::id_term(id)));
    const Xapian::Document document = db.get_document(*it);
    const std::string group = document.get_value(schema::kGroupSlot);
    // The group term lists the group's members; an article alone has none.
    if (!group.empty()) CHECK(db.term_exists(schema::group_term(group)));
    return group;
  }

  Xapian::doccount members(const std::string& group) {
    return db.get_termfreq(schema::group_term(group));
  }
};

}  // namespace

TEST_CASE("groups: a copy with small edits joins the first article's group", "[groups]") {
  for (const bool commit_each : {true, false}) {
    Archive archive(commit_each);
    CHECK(archive.put("first", words(0, 100)).empty());
    // 94 of 100 words in common: Jaccard 92 / 104 = 0.88. The first article lends its id.
    CHECK(archive.put("edited", words(3, 97) + " " + words(0, 6, "x")) == "first");
    CHECK(archive.group_of("first") == "first");
    CHECK(archive.put("exact", words(0, 100)) == "first");
    CHECK(archive.members("first") == 3);
  }
}

TEST_CASE("groups: unrelated articles and copies edited beyond the threshold stand alone",
          "[groups]") {
  for (const bool commit_each : {true, false}) {
    Archive archive(commit_each);
    CHECK(archive.put("first", words(0, 100)).empty());
    CHECK(archive.put("other", words(0, 100, "y")).empty());
    // Half the words rewritten: Jaccard 48 / 148 = 0.32.
    CHECK(archive.put("rewritten", words(0, 50) + " " + words(0, 50, "z")).empty());
    // Contains the first article, but is twice as long: Jaccard 98 / 198 = 0.49.
    CHECK(archive.put("longer", words(0, 100) + " " + words(0, 100, "v")).empty());
    CHECK(archive.group_of("first").empty());
  }
}

TEST_CASE("groups: a short text joins only an exact copy of its title and text", "[groups]") {
  for (const bool commit_each : {true, false}) {
    Archive archive(commit_each);
    // Too short for a fingerprint, and under other titles: not the same item.
    archive.put("first", words(0, 10));
    CHECK(archive.put("same-text", words(0, 10)).empty());

    // A headline with a teaser, copied by another site: case, punctuation, spacing and
    // inflection aside, the same words.
    const std::string title = "Trump warnt Iran vor Wiederaufrüstung";
    const std::string teaser = "Der US-Präsident droht mit neuen Angriffen.";
    CHECK(archive.put_titled("site-a", title, teaser).empty());
    CHECK(archive.put_titled("site-b", "TRUMP warnt Iran vor Wiederaufrüstung:", teaser) ==
          "site-a");
    CHECK(archive.put_titled("site-c", title + "  ", "Der US-Präsident droht mit neuem Angriff") ==
          "site-a");
    // Another teaser, or the headline alone, is another item.
    CHECK(archive.put_titled("other-teaser", title, "Teheran weist die Drohung zurück.").empty());
    CHECK(archive.put_titled("headline-only", title, "").empty());
    CHECK(archive.put_titled("headline-again", title, "") == "headline-only");
    // Two words name no story.
    CHECK(archive.put_titled("video-1", "Video", "Liveblog").empty());
    CHECK(archive.put_titled("video-2", "Video", "Liveblog").empty());

    // Re-indexed unchanged it stays; edited, it leaves.
    CHECK(archive.put_titled("site-b", title, teaser) == "site-a");
    CHECK(archive.put_titled("site-b", title, "Eine ganz andere Meldung.").empty());
    CHECK(archive.members("site-a") == 2);
  }
}

TEST_CASE("groups: the copy of a deleted short item still finds the rest of its group",
          "[groups]") {
  for (const bool commit_each : {true, false}) {
    Archive archive(commit_each);
    archive.put_titled("a", "Deutschlandticket wird teurer", "");
    archive.put_titled("b", "Deutschlandticket wird teurer", "");
    archive.remove("a");
    CHECK(archive.put_titled("c", "Deutschlandticket wird teurer", "") == "a");
  }
}

TEST_CASE("groups: an article joins the group of its closest match", "[groups]") {
  for (const bool commit_each : {true, false}) {
    // x and y overlap in 80 words: Jaccard 78 / 118 = 0.66, not one group.
    const auto two_articles = [](Archive& archive) {
      REQUIRE(archive.put("x", words(0, 100)).empty());
      REQUIRE(archive.put("y", words(20, 120)).empty());
    };
    {
      Archive archive(commit_each);  // the closer one came second
      two_articles(archive);
      // Words 12..111: Jaccard 86 / 110 = 0.78 with x, 90 / 106 = 0.85 with y.
      CHECK(archive.put("near-y", words(12, 112)) == "y");
      CHECK(archive.group_of("x").empty());
    }
    {
      Archive archive(commit_each);  // the closer one came first
      two_articles(archive);
      // Words 8..107: 0.85 with x, 0.78 with y.
      CHECK(archive.put("near-x", words(8, 108)) == "x");
      CHECK(archive.group_of("y").empty());
    }
  }
}

TEST_CASE("groups: re-indexing an article keeps or changes its group by its new text", "[groups]") {
  for (const bool commit_each : {true, false}) {
    Archive archive(commit_each);
    archive.put("first", words(0, 100));
    archive.put("copy", words(0, 100));
    // The copy again, unchanged text: it is not its own candidate, and stays.
    CHECK(archive.put("copy", words(0, 100)) == "first");
    CHECK(archive.put("first", words(0, 100)) == "first");
    CHECK(archive.members("first") == 2);

    // The first article rewritten entirely: it leaves, and stands alone.
    CHECK(archive.put("first", words(0, 100, "n")).empty());
    CHECK(archive.group_of("copy") == "first");
    CHECK(archive.members("first") == 1);
    // A copy of its new text makes a new group: the old label stays with the old copy.
    CHECK(archive.put("new-copy", words(0, 100, "n")) == "first#2");
    CHECK(archive.group_of("first") == "first#2");

    // A lone article rewritten stays alone.
    archive.put("lone", words(0, 100, "l"));
    CHECK(archive.put("lone", words(0, 100, "m")).empty());
  }
}

TEST_CASE("groups: a group outlives the deletion of its first article", "[groups]") {
  for (const bool commit_each : {true, false}) {
    Archive archive(commit_each);
    archive.put("first", words(0, 100));
    archive.put("copy", words(0, 100));
    archive.remove("first");
    CHECK(archive.put("late-copy", words(1, 100)) == "first");
    // An unrelated article that takes the deleted id does not join the group by its label,
    // and a copy of it starts a group of another label.
    CHECK(archive.put("first", words(0, 100, "u")).empty());
    CHECK(archive.put("copy-of-new", words(0, 100, "u")) == "first#2");
    CHECK(archive.group_of("copy") == "first");
  }
}

TEST_CASE("groups: uncommitted changes supersede what the database shows", "[groups]") {
  Archive archive(/*commit_each=*/true);
  archive.put("a", words(0, 100));
  archive.commit_each = false;
  // Rewritten but not yet committed: the database still shows the old text, which must not
  // attract a copy of it.
  archive.put("a", words(0, 100, "r"));
  CHECK(archive.put("old-copy", words(0, 100)).empty());
  CHECK(archive.put("new-copy", words(0, 100, "r")) == "a");
  archive.commit();
  CHECK(archive.put("another", words(0, 100, "r")) == "a");
  CHECK(archive.members("a") == 3);
}

TEST_CASE("groups: a later run finds its candidates in the fingerprints the database keeps",
          "[groups]") {
  Archive first_run(/*commit_each=*/true);
  first_run.put("story", words(0, 100));
  first_run.put("other", words(500, 600));
  first_run.put("item", "Kurzmeldung: Sturm über Hamburg");
  first_run.put("replaced", words(1000, 1100));
  first_run.put("replaced", words(2000, 2100));  // its first text's keys are not its own now
  first_run.put("deleted", words(3000, 3100));
  first_run.remove("deleted");
  // The index holds no band terms: the next run reads the fingerprint value slots.
  for (auto it = first_run.db.allterms_begin("XNDB"); it != first_run.db.allterms_end("XNDB");
       ++it) {
    FAIL("band term " << *it);
  }

  UncommittedArticles uncommitted(1);
  NearDuplicateGroups later({first_run.dir.path() / "db"}, uncommitted, {.min_similarity = 0.7});
  const auto group_of = [&](const std::string& id, const std::string& title,
                            const std::string& text) {
    const Article article{.id = id, .title = title, .text = text};
    const Xapian::Document document =
        first_run.builder.build(article, std::nullopt, DocumentBuilder::stored_fields(article, {}));
    return later.assign(id, document);
  };
  const GroupAssignment copy = group_of("copy", "Meldung copy", words(2, 100) + " x1 x2");
  CHECK(copy.group == "story");
  REQUIRE(copy.founder);
  CHECK(copy.founder->id == "story");
  CHECK(group_of("item-copy", "Meldung item", "Kurzmeldung: Sturm über Hamburg").group == "item");
  CHECK(group_of("old-text", "Meldung x", words(1000, 1100)).group.empty());
  CHECK(group_of("new-text", "Meldung y", words(2000, 2100)).group == "replaced");
  CHECK(group_of("after-deleted", "Meldung z", words(3000, 3100)).group.empty());
  CHECK(group_of("story", "Meldung story", words(0, 100)).group.empty());  // not its own copy
}
