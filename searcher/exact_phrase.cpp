#include "searcher/exact_phrase.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <deque>
#include <optional>

#include "common/analysis/case_fold_filter.h"
#include "common/analysis/compound_dictionary.h"
#include "common/analysis/german_letter_fold_filter.h"
#include "common/analysis/icu_word_tokenizer.h"
#include "common/analysis/stop_word_filter.h"
#include "common/index_schema.h"
#include "searcher/exact_phrase_source.h"

namespace archivar {
namespace {

bool is_word_character(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (u_isalnum(c)) return true;
  const auto type = static_cast<UCharCategory>(u_charType(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

bool is_space(UChar32 c) {
  return u_isUWhiteSpace(c) || c == 0x00A0;
}

UChar32 code_point_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return U_SENTINEL;
  if (static_cast<unsigned char>(text[at]) < 0x80) return static_cast<unsigned char>(text[at]);
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
  return c;
}

std::size_t next_code_point(std::string_view text, std::size_t at) {
  if (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) return at + 1;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  U8_FWD_1(bytes, i, static_cast<int32_t>(text.size()));
  return static_cast<std::size_t>(i);
}

// Folds one code point as the analyzer folds words: case, ä → ae, ö → oe, ü → ue,
// ß → ss (unless @p keep_sharp_s), other accents dropped; apostrophes and inner dots go
// (Söder's = Söders).
void append_folded(std::string& out, UChar32 c, bool keep_sharp_s) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c != '\'' && c != '.') out += static_cast<char>(c);
    return;
  }
  switch (c) {
    case 0xC4:
    case 0xE4:
      out += "ae";
      return;
    case 0xD6:
    case 0xF6:
      out += "oe";
      return;
    case 0xDC:
    case 0xFC:
      out += "ue";
      return;
    case 0xDF:
    case 0x1E9E:
      out += keep_sharp_s ? "\xC3\x9F" : "ss";
      return;
    default:
      break;
  }
  if (is_apostrophe(c) || is_invisible(c)) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString folded(c);
  folded.foldCase();
  if (U_SUCCESS(status)) folded = nfkd->normalize(folded, status);
  for (int32_t k = 0; k < folded.length();) {
    const UChar32 part = folded.char32At(k);
    k += U16_LENGTH(part);
    if (u_charType(part) == U_NON_SPACING_MARK) continue;
    char bytes[U8_MAX_LENGTH];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(bytes), length, U8_MAX_LENGTH, part, error);
    if (!error) out.append(bytes, static_cast<std::size_t>(length));
  }
}

// Normalised separator: " " or "-" for white space and hyphens only ("-" for a single
// hyphen, which may join two words), else the characters trimmed, white space as one.
std::string normalise_separator(std::string_view separator) {
  bool loose = true;
  std::size_t hyphens = 0;
  for (std::size_t i = 0; i < separator.size(); i = next_code_point(separator, i)) {
    const UChar32 c = code_point_at(separator, i);
    if (is_joining_hyphen(c)) {
      ++hyphens;
    } else if (!is_space(c) && !is_invisible(c)) {
      loose = false;
    }
  }
  if (loose) {
    const bool one_hyphen = hyphens == 1 && next_code_point(separator, 0) == separator.size();
    return one_hyphen ? "-" : " ";
  }
  std::string strict;
  bool pending_space = false;
  for (std::size_t i = 0; i < separator.size(); i = next_code_point(separator, i)) {
    const UChar32 c = code_point_at(separator, i);
    const std::size_t end = next_code_point(separator, i);
    if (is_space(c)) {
      pending_space = !strict.empty();
      continue;
    }
    if (pending_space) strict += ' ';
    pending_space = false;
    strict.append(separator.substr(i, end - i));
  }
  return strict;
}

bool is_loose(std::string_view normalised) {
  return normalised == " " || normalised == "-";
}

// The words of @p text: runs of letters, digits and marks; an apostrophe or a dot
// between two of them stays inside ("Söder's", "U.S."), except a dot that ends a
// sentence whose space was lost ("entgegentreten.Maskenpflicht", as the tokenizer splits).
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

// The next word of @p text from byte @p i on, and @p i moved past it; none at the end.
std::optional<Span> next_word(std::string_view text, std::size_t& i) {
  const auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  while (i < text.size()) {
    const UChar32 c = code_point_at(text, i);
    if (!is_word_character(c)) {
      i = next_code_point(text, i);
      continue;
    }
    Span word{i, i};
    std::size_t letters_since_dot = 0;
    while (i < text.size()) {
      // Most words are ASCII letters: a run of them at once.
      if (ascii_letter(text[i])) {
        const std::size_t run = i;
        while (i < text.size() && ascii_letter(text[i])) ++i;
        letters_since_dot += i - run;
        word.end = i;
        continue;
      }
      const UChar32 d = code_point_at(text, i);
      const std::size_t after = next_code_point(text, i);
      if (is_word_character(d)) {
        const bool letter = d < 0x80 ? !(d >= '0' && d <= '9') : u_isalpha(d) != 0;
        letters_since_dot = letter ? letters_since_dot + 1 : 0;
        i = after;
        word.end = i;
        continue;
      }
      if (is_invisible(d)) {
        i = after;
        continue;
      }
      const UChar32 next = code_point_at(text, after);
      if ((is_apostrophe(d) || d == '.') && next >= 0 && is_word_character(next)) {
        const bool sentence_end =
            d == '.' && is_sentence_dot(letters_since_dot, next,
                                        code_point_at(text, next_code_point(text, after)));
        if (sentence_end) break;
        if (d == '.') letters_since_dot = 0;
        i = after;
        continue;
      }
      break;
    }
    return word;
  }
  return std::nullopt;
}

std::vector<Span> scan_words(std::string_view text) {
  std::vector<Span> words;
  std::size_t i = 0;
  while (const std::optional<Span> word = next_word(text, i)) words.push_back(*word);
  return words;
}

// @p word folded as the analyzer folds it: with @p sharp_s_apart, a word the dictionary
// keeps apart from its ss spelling keeps its ß (Buße is not Busse; Straße is Strasse).
std::string fold_word(std::string_view word, bool sharp_s_apart) {
  const bool keep_sharp_s =
      sharp_s_apart &&
      (word.find("\xC3\x9F") != std::string_view::npos ||
       word.find("\xE1\xBA\x9E") != std::string_view::npos) &&
      CompoundDictionary::standard().keeps_sharp_s(spell_umlauts(case_fold_keeping_sharp_s(word)));
  std::string folded;
  folded.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); i = next_code_point(word, i)) {
    append_folded(folded, code_point_at(word, i), keep_sharp_s);
  }
  return folded;
}

bool starts_with_capital(std::string_view word) {
  const UChar32 c = code_point_at(word, 0);
  return u_isupper(c) || u_istitle(c);
}

// The first byte of a code point as append_folded() spells it; 0 when that takes ICU.
char first_folded_byte(UChar32 c) {
  if (c < 0x80) return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  switch (c) {
    case 0xC4:
    case 0xE4:
      return 'a';
    case 0xD6:
    case 0xF6:
      return 'o';
    case 0xDC:
    case 0xFC:
      return 'u';
    case 0xDF:
    case 0x1E9E:
      return 's';
    default:
      return 0;
  }
}

// Whether the ASCII letters and digits at the start of @p text, up to the first other
// character or the length of @p folded, are @p folded's first characters in lower case.
bool spells_beginning(std::string_view text, std::string_view folded) {
  for (std::size_t k = 0; k < folded.size() && k < text.size(); ++k) {
    char c = text[k];
    const bool digit = c >= '0' && c <= '9';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!digit && !(c >= 'a' && c <= 'z')) return true;
    if (c != folded[k]) return false;
  }
  return true;
}

enum class WordStart { kNo, kYes, kUnsure };

// Whether next_word() begins a word at byte @p at of @p text, which holds a word character
// there, judged by the code point before it alone: not after another word character (the
// word goes on); unsure after an apostrophe, a dot or an invisible character, which a word
// may hold inside; else yes.
WordStart word_start_at(std::string_view text, std::size_t at) {
  if (at == 0) return WordStart::kYes;
  std::size_t before = at - 1;
  while (before > 0 && at - before < 4 &&
         (static_cast<unsigned char>(text[before]) & 0xC0) == 0x80) {
    --before;
  }
  if (next_code_point(text, before) != at) return WordStart::kUnsure;
  const UChar32 c = code_point_at(text, before);
  if (c < 0 || is_apostrophe(c) || c == '.' || is_invisible(c)) return WordStart::kUnsure;
  return is_word_character(c) ? WordStart::kNo : WordStart::kYes;
}

}  // namespace

// A word of the text, folded only when a phrase word may stand in it: most never are.
struct ExactPhrase::TextWord {
  Span span;
  std::string folded;
  bool folded_yet = false;
  bool capital = false;

  const std::string& fold(std::string_view text, bool sharp_s_apart) {
    if (!folded_yet) {
      const std::string_view surface = text.substr(span.start, span.end - span.start);
      folded = fold_word(surface, sharp_s_apart);
      capital = starts_with_capital(surface);
      folded_yet = true;
    }
    return folded;
  }
};

// The words of a text, scanned as far as a check looks: most texts that hold a phrase
// hold it early, and the rest need not be split into words.
struct ExactPhrase::TextWords {
  std::string_view text;
  std::size_t scanned_to = 0;
  std::deque<TextWord> words;  // grows while words found earlier are referred to

  bool has(std::size_t j) {
    while (words.size() <= j) {
      const std::optional<Span> word = next_word(text, scanned_to);
      if (!word) return false;
      words.push_back({*word});
    }
    return true;
  }
  TextWord& operator[](std::size_t j) { return words[j]; }
};

std::span<const std::string_view> ExactPhrase::inflection_endings() {
  static constexpr std::array<std::string_view, 14> kEndings = {
      "", "e", "n", "en", "s", "es", "er", "ern", "em", "ens", "ns", "nen", "in", "innen"};
  return kEndings;
}

ExactPhrase::ExactPhrase(std::string_view typed, bool sharp_s_apart)
    : sharp_s_apart_(sharp_s_apart) {
  std::size_t previous_end = std::string_view::npos;
  const std::vector<Span> spans = scan_words(typed);
  if (!spans.empty()) {
    typed_ = typed.substr(spans.front().start, spans.back().end - spans.front().start);
  }
  for (const Span& span : spans) {
    const std::string_view surface = typed.substr(span.start, span.end - span.start);
    Word word;
    word.folded = fold_word(surface, sharp_s_apart_);
    if (word.folded.empty()) continue;
    const bool function_word = StopWordFilter::is_stop_word(word.folded);
    word.capital = starts_with_capital(surface) && !function_word;
    word.inflects = !function_word;
    if (previous_end != std::string_view::npos) {
      word.separator = normalise_separator(typed.substr(previous_end, span.start - previous_end));
      word.joinable = word.separator == "-";
    }
    previous_end = span.end;
    words_.push_back(std::move(word));
  }
}

bool ExactPhrase::matches_from(TextWords& text_words, std::string_view text, std::size_t k,
                               std::size_t j, std::size_t offset) const {
  TextWord& here = text_words[j];
  const Word& word = words_[k];
  const std::string_view rest = std::string_view(here.fold(text, sharp_s_apart_)).substr(offset);
  if (!rest.starts_with(word.folded)) return false;
  if (offset == 0 && word.capital && !here.capital) return false;
  const std::string_view ending = rest.substr(word.folded.size());
  // "Corona-Krise" typed, "Coronakrise" written: the next word goes on in this one.
  if (k + 1 < words_.size() && words_[k + 1].joinable && !ending.empty() &&
      matches_from(text_words, text, k + 1, j, offset + word.folded.size())) {
    return true;
  }
  const auto endings = inflection_endings();
  const bool inflected =
      ending.empty() || (word.inflects && std::ranges::find(endings, ending) != endings.end());
  if (!inflected) return false;
  if (k + 1 == words_.size()) return true;
  if (!text_words.has(j + 1)) return false;
  const Word& next = words_[k + 1];
  const std::size_t gap = here.span.end;
  const std::string between =
      normalise_separator(text.substr(gap, text_words[j + 1].span.start - gap));
  return (is_loose(next.separator) ? is_loose(between) : between == next.separator) &&
         matches_from(text_words, text, k + 1, j + 1, 0);
}

bool ExactPhrase::found_in(std::string_view text) const {
  if (words_.empty()) return true;
  const auto holds_from = [&](std::size_t at) {
    TextWords from_here{text, at, {}};
    return from_here.has(0) && matches_from(from_here, text, 0, 0, 0);
  };
  // Most texts that hold a phrase write it as it was typed. Where a word surely begins
  // there, the words from there on decide as they would in a scan of every word.
  for (std::size_t at = text.find(typed_); at != std::string_view::npos;
       at = text.find(typed_, at + 1)) {
    if (word_start_at(text, at) == WordStart::kYes && holds_from(at)) return true;
  }
  // Then only where a word may begin with the phrase's first letter: an ASCII letter or
  // digit in either case, or any other character (ü folds to "ue", é to "e"). Splitting
  // the whole text into words costs several times as much. A place where it is unsure
  // whether a word begins leaves the decision to that scan.
  const char first = words_.front().folded.front();
  const bool ascii_first = (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9');
  bool unsure = !ascii_first;
  const char first_upper =
      first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
  for (std::size_t at = 0; ascii_first && at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if (text[at] != first && text[at] != first_upper) continue;
      // Each ASCII letter or digit folds to itself in lower case: those from here on must
      // spell the first word's beginning ("und" is no "US").
      if (!spells_beginning(text.substr(at), words_.front().folded)) continue;
    } else {
      if (byte < 0xC0) continue;  // inside a character
      const UChar32 c = code_point_at(text, at);
      if (!is_word_character(c)) continue;
      const char begins = first_folded_byte(c);
      if (begins != 0 && begins != first) continue;
    }
    switch (word_start_at(text, at)) {
      case WordStart::kNo:
        continue;
      case WordStart::kUnsure:
        unsure = true;
        continue;
      case WordStart::kYes:
        if (holds_from(at)) return true;
    }
  }
  if (!unsure) return false;
  TextWords text_words{text};
  for (std::size_t j = 0; text_words.has(j); ++j) {
    const char begins = first_folded_byte(code_point_at(text, text_words[j].span.start));
    if (begins != 0 && begins != first) continue;
    if (matches_from(text_words, text, 0, j, 0)) return true;
  }
  return false;
}

namespace {

// Whether one of @a one_word's forms has a position in @a document: a word of its own, not
// only a part of a compound. Any document stands alone for a phrase (@a one_word empty).
bool stands_alone(const Xapian::Database& database, Xapian::docid document,
                  const std::vector<std::string>& one_word) {
  return one_word.empty() || std::ranges::any_of(one_word, [&](const std::string& term) {
           return database.positionlist_begin(document, term) !=
                  database.positionlist_end(document, term);
         });
}

}  // namespace

bool holds_as_typed(const Xapian::Database& database, Xapian::docid document,
                    StoredDataReader& stored, const ExactPhrase& phrase, PhraseField field,
                    const std::vector<std::string>& one_word) {
  if (!stands_alone(database, document, one_word)) return false;
  const std::string data = stored.json(database.get_document(document).get_data());
  const auto holds_in = [&](std::string_view key) {
    return phrase.found_in(schema::stored_field(data, key));
  };
  return field == PhraseField::kAuthor  ? holds_in("author")
         : field == PhraseField::kTitle ? holds_in("title")
                                        : holds_in("title") || holds_in("text");
}

ExactPhraseFilter filter_exact_phrase(const Xapian::Database& database, StoredDataReader& stored,
                                      const Xapian::Query& phrase_query,
                                      const Xapian::Query& weighted, const ExactPhrase& phrase,
                                      PhraseField field, Xapian::doccount max_candidates,
                                      PhraseCheck check) {
  ExactPhraseFilter result;
  result.query = phrase_query;
  // One word in quotes (its forms ORed): Xapian matches a part of a compound too ("Masse"
  // in "Massenveranstaltung"), which has no position; a word of its own has one. Position
  // lists are cheap to look at beside stored text, so they thin the candidates first.
  std::vector<std::string> one_word;
  const auto is_term = [](const Xapian::Query& query) {
    return query.get_type() == Xapian::Query::LEAF_TERM;
  };
  bool single_word = is_term(phrase_query);
  if (phrase_query.get_type() == Xapian::Query::OP_OR) {
    single_word = true;
    for (std::size_t i = 0; i < phrase_query.get_num_subqueries(); ++i) {
      single_word = single_word && is_term(phrase_query.get_subquery(i));
    }
  }
  if (single_word) {
    one_word.assign(phrase_query.get_unique_terms_begin(), phrase_query.get_unique_terms_end());
  }
  constexpr Xapian::doccount kPositionChecksPerTextCheck = 10;
  Xapian::Enquire enquire(database);
  enquire.set_query(phrase_query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::doccount looked_at =
      one_word.empty() ? max_candidates + 1 : kPositionChecksPerTextCheck * max_candidates + 1;
  const Xapian::MSet matches = enquire.get_mset(0, looked_at);
  if (matches.size() >= looked_at) {
    result.candidates = matches.size();
    result.checked = false;
    return result;
  }
  std::vector<Xapian::MSetIterator> candidates;
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    if (stands_alone(database, *it, one_word)) candidates.push_back(it);
  }
  result.candidates = static_cast<Xapian::doccount>(candidates.size());
  const auto restricted_to = [&](const Xapian::Query& articles) {
    return Xapian::Query(Xapian::Query::OP_FILTER, weighted, articles);
  };
  const auto id_term = [&](const Xapian::Document& document) {
    std::string id = document.get_value(schema::kIdSlot);
    if (id.empty()) id = schema::stored_field(stored.json(document.get_data()), "id");
    return Xapian::Query(schema::id_term(id));
  };
  const auto any_of_ids = [](const std::vector<Xapian::Query>& ids) {
    return Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
  };
  if (candidates.size() > max_candidates) {
    // Too many to read: a word of its own at least, not a part of a compound.
    result.checked = false;
    if (!one_word.empty() && candidates.size() < matches.size()) {
      std::vector<Xapian::Query> ids;
      for (const Xapian::MSetIterator& it : candidates) ids.push_back(id_term(it.get_document()));
      result.query = restricted_to(any_of_ids(ids));
    }
    return result;
  }
  if (candidates.empty()) {
    result.query = Xapian::Query::MatchNothing;
    return result;
  }
  if (check == PhraseCheck::kWhileMatching) {
    auto shared = std::make_shared<ExactPhraseSource::Shared>(
        ExactPhraseSource::Shared{phrase_query, phrase, field, &stored, std::move(one_word), {}});
    // One database numbers its articles as the archive does: the candidates found above
    // serve the source as they are.
    const std::string key =
        database.size() == 1 ? ExactPhraseSource::database_key(database) : std::string();
    if (!key.empty()) {
      ExactPhraseSource::Shared::Candidates& known = shared->by_database[key];
      for (const Xapian::MSetIterator& it : candidates) known.documents.push_back(*it);
      std::ranges::sort(known.documents);
      known.holds.assign(known.documents.size(), -1);
    }
    // Xapian owns a released source and frees it with the last query that holds it.
    result.query =
        restricted_to(Xapian::Query((new ExactPhraseSource(std::move(shared)))->release()));
    return result;
  }
  std::vector<Xapian::Query> found;
  for (const Xapian::MSetIterator& it : candidates) {
    if (holds_as_typed(database, *it, stored, phrase, field, {})) {
      found.push_back(id_term(it.get_document()));
    }
  }
  result.found = static_cast<Xapian::doccount>(found.size());
  if (result.found < matches.size()) {
    result.query = found.empty() ? Xapian::Query::MatchNothing : restricted_to(any_of_ids(found));
  }
  return result;
}

}  // namespace archivar
