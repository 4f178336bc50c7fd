// IndexSchema: what an Archivar document in Xapian carries — terms, prefixes, value slots,
// stored data and database metadata. The indexer writes it and the searcher reads it.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace archivar::schema {

/// Unprefixed terms: the analysed title and text, with positions (title first, then a
/// gap, then the text), title terms weighted up by kTitleWdf. Prefixed terms:
inline constexpr std::string_view kIdPrefix = "Q";          ///< unique id, one per document
inline constexpr std::string_view kTitlePrefix = "S";       ///< title words, for title:
inline constexpr std::string_view kSourcePrefix = "XSRC";   ///< folded source, boolean
inline constexpr std::string_view kSectionPrefix = "XSEC";  ///< folded section, boolean
inline constexpr std::string_view kYearPrefix = "Y";        ///< "Y2022", boolean
inline constexpr std::string_view kMonthPrefix = "M";       ///< "M202202", boolean
inline constexpr std::string_view kAuthorPrefix = "A";      ///< author words, for author:
/// The article's URL as url_term() spells it, boolean, for url:.
inline constexpr std::string_view kUrlPrefix = "U";
/// The URL's host and each domain above it ("m.zeit.de", "zeit.de"), boolean, for url:.
inline constexpr std::string_view kHostPrefix = "XHOST";
/// XNDB terms, the near-duplicate band keys, were written up to layout 4. Grouping keeps
/// the keys in memory now (indexer/committed_bands.h); older databases' XNDB terms are
/// not read.
/// The near-duplicate group's label, boolean: lists a group's members.
inline constexpr std::string_view kGroupPrefix = "XNDG";

/// "YYYYMMDD", sortable and range-searchable as a string; absent without a date.
inline constexpr Xapian::valueno kDateSlot = 0;
/// The article id again, so that ids-only output (TREC runs) need not read stored data.
inline constexpr Xapian::valueno kIdSlot = 1;
/// A hash of the stored fields, so that re-indexing an unchanged article writes nothing.
inline constexpr Xapian::valueno kContentHashSlot = 2;
/// The source as written ("Agentur DPN"), for counting hits per source (facets).
inline constexpr Xapian::valueno kSourceSlot = 3;
/// The section as written ("Politik"), for counting hits per section (facets).
inline constexpr Xapian::valueno kSectionSlot = 4;
/// The label of the article's near-duplicate group, on which searches collapse: the id of
/// the group's first article (or that id with "#2", "#3", ... when the id already labels
/// another group). An article with no near-duplicate has a group of its own.
inline constexpr Xapian::valueno kGroupSlot = 5;
/// The MinHash fingerprint of the article's text (indexer/min_hash.h); absent for texts
/// too short to have one.
inline constexpr Xapian::valueno kFingerprintSlot = 6;
/// kDateSlot's value, or kUndatedLast for an article without a date: sorting by it puts
/// undated articles last, oldest first, also where Xapian cannot run a KeyMaker (remote
/// shards). Newest first needs no such slot: kDateSlot's absent value sorts last then.
inline constexpr Xapian::valueno kOldestFirstSlot = 7;
inline constexpr std::string_view kUndatedLast = "\xff";
/// For a text too short for a fingerprint, the ShortTextKey of its title and text words
/// (indexer/short_text_key.h); absent otherwise.
inline constexpr Xapian::valueno kShortTextSlot = 8;
/// The word forms the article uses as written (SurfaceSignature), for ranking; absent in
/// databases indexed before it, whose articles then all rank as using none.
inline constexpr Xapian::valueno kSurfaceSlot = 9;

/// How much more a word in the title counts than one in the text (within-document freq).
inline constexpr Xapian::termcount kTitleWdf = 3;
/// Longer words (base64 blobs, URLs run together) are not indexed (a word, unlike a field
/// value, is no key: nobody searches for such a blob).
inline constexpr std::size_t kMaxTermBytes = 64;
/// Xapian's own limit on a term, in bytes, each zero byte counting twice (glass stores the
/// term in a B-tree key of at most 255 bytes with the document id). A longer term fails
/// the whole batch when it is written, so no term built from input may exceed it: see
/// field_term().
inline constexpr std::size_t kXapianMaxTermBytes = 245;
/// How much of an article's title and of its text is analysed and indexed; what follows is
/// stored (and printed) but not searchable. Analysis takes about twenty times the text in
/// memory (tokens, positions, vocabulary): a text of 30 MB, within the record limit, took
/// 660 MB. The longest real articles are far shorter (FANG-COVID 0.34 MB, GermaParl 0.12 MB).
inline constexpr std::size_t kMaxIndexedFieldBytes = std::size_t{4} << 20;
/// Ids longer than this cannot be stored as a unique term.
inline constexpr std::size_t kMaxIdBytes = 200;
/// Position gap between title and text, so a phrase never spans the two.
inline constexpr Xapian::termpos kTextPositionGap = 100;

/// Metadata keys. kFormatKey tells our databases from others'.
inline constexpr std::string_view kFormatKey = "archivar.format";
inline constexpr std::string_view kFormatVersion = "1";
inline constexpr std::string_view kAnalyzerKey = "archivar.analyzer";
inline constexpr std::string_view kUpdatedKey = "archivar.updated";
/// How fingerprints are computed; fingerprints of different schemes are incomparable.
inline constexpr std::string_view kFingerprintKey = "archivar.fingerprint";
/// The words of the archive as written, with article counts (see Vocabulary).
inline constexpr std::string_view kVocabularyKey = "archivar.vocabulary";

/// The term of field value @a value under @a prefix: the two joined, or, when that is
/// longer than Xapian allows (kXapianMaxTermBytes), the prefix, the value's first bytes
/// (cut between UTF-8 characters) and a hash of the whole value (content_hash), exactly
/// kXapianMaxTermBytes long. So every value keeps a term of its own, and a search for the
/// value builds the same term. Every term made from input goes through here.
std::string field_term(std::string_view prefix, std::string_view value);

/// Whether field_term(@a prefix, @a value) had to shorten the value.
bool term_shortened(std::string_view prefix, std::string_view value);

std::string id_term(std::string_view id);
std::string source_term(std::string_view source);
std::string section_term(std::string_view section);
std::string group_term(std::string_view group);

/// The part of @a text that is indexed: all of it, or its first kMaxIndexedFieldBytes cut
/// before the word that runs past them.
std::string_view indexed_part(std::string_view text);

/// A field whose value is too long for a term of its own (see shortened_fields).
struct ShortenedField {
  std::string_view name;  ///< "source", "section"
  std::size_t bytes = 0;  ///< the value's length as folded for its term
};

/// The fields of @a article whose terms field_term() shortens, for a warning: their values
/// are kept whole in the stored fields and value slots. The id is not among them: ids
/// longer than kMaxIdBytes are refused before their term is built.
std::vector<ShortenedField> shortened_fields(const Article& article);
/// The term of @a url for url: — without scheme and "www.", the host in lower case, no
/// trailing '/'; beyond Xapian's term length the rest is replaced by a hash of it. The
/// same address typed by a user gives the same term.
std::string url_term(std::string_view url);
/// The kHostPrefix terms of @a url: its host (without "www.") and each domain above it
/// of at least two labels; none for a URL without a host.
std::vector<std::string> host_terms(std::string_view url);
/// @a url as url_term() spells it, without the prefix and length limit: for url: values.
std::string normalise_url(std::string_view url);

/// A stable 64-bit FNV-1a hash of @a data as 16 hex digits (same in every build).
std::string content_hash(std::string_view data);

/// What a document holds besides its stored fields (terms, value slots) changes between
/// versions. The layout takes part in document_hash(), so that an article indexed with
/// an older layout is rewritten when it is read again, even though it is unchanged.
/// 2: source and section values (kSourceSlot, kSectionSlot).
/// 3: the exact-copy key of short texts (kShortTextSlot), the oldest-first date
///    (kOldestFirstSlot).
/// 4: author words (kAuthorPrefix), URL and host terms (kUrlPrefix, kHostPrefix).
/// 5: the hash leaves out the origin (the same article read from a file named another way
///    is unchanged); an article without near-duplicates carries no group; no band terms.
inline constexpr std::string_view kDocumentLayout = "5";

/// The kContentHashSlot value of @a article, stored with the date @a iso_date: a hash of
/// its stored fields but the origin, and of kDocumentLayout. Where an article was read
/// from does not change it, so re-reading an archive under another path writes nothing.
std::string document_hash(const Article& article, std::string_view iso_date);

/// Stored fields of a document, serialised as its Xapian document data (JSON).
std::string encode_stored(const Article& article, std::string_view iso_date);
/// The stored fields of a document as encode_stored() wrote them; date is "YYYY-MM-DD".
Article decode_stored(std::string_view data);
/// One field ("title", "text", ...) of the stored data @a data, as decode_stored() gives it,
/// without decoding the others: several times faster, for checking thousands of articles.
std::string stored_field(std::string_view data, std::string_view key);

}  // namespace archivar::schema
