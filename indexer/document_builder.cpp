#include "indexer/document_builder.h"

#include <algorithm>

#include "common/index_schema.h"
#include "common/surface_signature.h"
#include "indexer/min_hash.h"
#include "indexer/short_text_key.h"

namespace archivar {

DocumentBuilder::DocumentBuilder(Analyzer& analyzer, PostingSink& postings)
    : analyzer_(analyzer), postings_(postings) {}

DocumentBuilder::Stored DocumentBuilder::stored_fields(const Article& article,
                                                       const std::optional<Date>& date) {
  const std::string iso_date = date ? date->iso() : std::string();
  return {schema::encode_stored(article, iso_date), schema::document_hash(article, iso_date)};
}

Xapian::Document DocumentBuilder::build(const Article& article, const std::optional<Date>& date,
                                        Stored stored, const StoredDataDictionary* dictionary) {
  Xapian::Document document;
  words_.clear();
  // Positions start at 1 (Xapian's convention); the text follows the title after a gap.
  Xapian::termpos next_position = 1;
  // Returns the field's tokens, whose words make the fingerprint.
  const auto add_field = [&](std::string_view text, std::string_view prefix,
                             Xapian::termcount general_wdf) {
    TokenStream tokens = analyzer_.analyze(text);
    for (const std::string_view surface : surface_words(tokens, text)) words_.emplace_back(surface);
    const Xapian::termpos base = next_position;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      const Xapian::termpos position = base + token.position;
      next_position = position + 1;
      if (token.text.size() > schema::kMaxTermBytes) continue;
      // Phrases are built from the words in sequence; stacked forms never take part.
      const bool stacked = is_stacked(tokens, i);
      const auto add = [&](const std::string& term, Xapian::termcount wdf) {
        if (stacked) {
          postings_.add_unpositioned(document, term, wdf);
        } else {
          postings_.add(document, term, position, wdf);
        }
      };
      add(token.text, general_wdf);
      if (!prefix.empty()) add(std::string(prefix) + token.text, 1);
    }
    return tokens;
  };
  const TokenStream title_tokens =
      add_field(schema::indexed_part(article.title), schema::kTitlePrefix, schema::kTitleWdf);
  next_position += schema::kTextPositionGap;
  const TokenStream text_tokens = add_field(schema::indexed_part(article.text), {}, 1);
  add_fingerprint(title_tokens, text_tokens, document);
  add_author_and_url(article, document);

  document.add_boolean_term(schema::id_term(article.id));
  document.add_value(schema::kIdSlot, article.id);
  if (!article.source.empty()) {
    document.add_boolean_term(schema::source_term(article.source));
    document.add_value(schema::kSourceSlot, article.source);
  }
  if (!article.section.empty()) {
    document.add_boolean_term(schema::section_term(article.section));
    document.add_value(schema::kSectionSlot, article.section);
  }
  document.add_value(schema::kOldestFirstSlot,
                     date ? date->sortable() : std::string(schema::kUndatedLast));
  if (date) {
    const std::string day = date->sortable();  // YYYYMMDD
    document.add_value(schema::kDateSlot, day);
    document.add_boolean_term(std::string(schema::kYearPrefix).append(day, 0, 4));
    document.add_boolean_term(std::string(schema::kMonthPrefix).append(day, 0, 6));
  }
  std::ranges::sort(words_);
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  document.add_value(schema::kSurfaceSlot, surface_signature(words_));
  document.add_value(schema::kContentHashSlot, std::move(stored.hash));
  document.set_data(compressor_.compress(std::move(stored.data), dictionary));
  return document;
}

namespace {

// The words as analysed (stems: a changed inflection is no edit), without the forms
// stacked on a word's position.
void append_words(const TokenStream& tokens, std::vector<std::string_view>& words) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_stacked(tokens, i)) words.push_back(tokens[i].text);
  }
}

}  // namespace

void DocumentBuilder::add_author_and_url(const Article& article, Xapian::Document& document) {
  // Author words are found only through author:, so they take no part in the ranking
  // (wdf 0) and count nowhere else; positions serve author:"Vorname Nachname".
  const std::string prefix(schema::kAuthorPrefix);
  const TokenStream tokens = analyzer_.analyze(article.author);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].text.size() > schema::kMaxTermBytes) continue;
    if (is_stacked(tokens, i)) {
      postings_.add_unpositioned(document, prefix + tokens[i].text, 0);
    } else {
      postings_.add(document, prefix + tokens[i].text, tokens[i].position + 1, 0);
    }
  }
  if (article.url.empty()) return;
  document.add_boolean_term(schema::url_term(article.url));
  for (const std::string& term : schema::host_terms(article.url)) document.add_boolean_term(term);
}

void DocumentBuilder::add_fingerprint(const TokenStream& title_tokens,
                                      const TokenStream& text_tokens, Xapian::Document& document) {
  // The title takes no part in the fingerprint: it is what an editor who reprints an
  // agency story rewrites first.
  std::vector<std::string_view> words;
  words.reserve(title_tokens.size() + text_tokens.size());
  append_words(text_tokens, words);
  if (const std::optional<MinHashSignature> signature = MinHashSignature::of(words)) {
    document.add_value(schema::kFingerprintSlot, signature->serialize());
    return;
  }
  // Too short for one: a copy must have the same words, the title's included.
  words.clear();
  append_words(title_tokens, words);
  append_words(text_tokens, words);
  if (const std::optional<std::string> key = ShortTextKey::of(words)) {
    document.add_value(schema::kShortTextSlot, *key);
  }
}

}  // namespace archivar
