#include "searcher/exact_phrase_source.h"

#include <algorithm>
#include <utility>

namespace archivar {
namespace {

std::size_t lower_bound_index(const std::vector<Xapian::docid>& documents, Xapian::docid did) {
  return static_cast<std::size_t>(std::ranges::lower_bound(documents, did) - documents.begin());
}

}  // namespace

ExactPhraseSource::ExactPhraseSource(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}

std::string ExactPhraseSource::database_key(const Xapian::Database& database) {
  // A copy of a database keeps its UUID: the revision and size tell copies apart.
  const std::string uuid = database.get_uuid();
  if (uuid.empty()) return uuid;
  return uuid + ':' + std::to_string(database.get_revision()) + ':' +
         std::to_string(database.get_doccount()) + ':' + std::to_string(database.get_lastdocid());
}

void ExactPhraseSource::init(const Xapian::Database& database) {
  database_ = database;
  settled_ = false;
  resume_ = 0;
  // Xapian gives each database of an archive its own clone, with its own document numbers;
  // a database without a UUID (in memory) is read by this clone alone.
  const std::string key = database_key(database);
  bool added = true;
  if (key.empty()) {
    own_ = std::make_unique<Shared::Candidates>();
    candidates_ = own_.get();
  } else {
    const auto entry = shared_->by_database.try_emplace(key);
    candidates_ = &entry.first->second;
    added = entry.second;
  }
  if (added) {
    Xapian::Enquire enquire(database);
    enquire.set_query(shared_->phrase_query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet matches =
        enquire.get_mset(0, std::max<Xapian::doccount>(1, database.get_doccount()));
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      candidates_->documents.push_back(*it);
    }
    std::ranges::sort(candidates_->documents);
    candidates_->holds.assign(candidates_->documents.size(), -1);
  }
  set_maxweight(0);
}

Xapian::doccount ExactPhraseSource::get_termfreq_est() const {
  return static_cast<Xapian::doccount>(candidates_->documents.size());
}

Xapian::doccount ExactPhraseSource::get_termfreq_max() const {
  return static_cast<Xapian::doccount>(candidates_->documents.size());
}

bool ExactPhraseSource::holds(std::size_t index) {
  std::int8_t& verdict = candidates_->holds[index];
  if (verdict < 0) {
    verdict = holds_as_typed(database_, candidates_->documents[index], *shared_->stored,
                             shared_->phrase, shared_->field, shared_->one_word)
                  ? 1
                  : 0;
  }
  return verdict == 1;
}

void ExactPhraseSource::settle_from(std::size_t index) {
  const std::size_t size = candidates_->documents.size();
  while (index < size && !holds(index)) ++index;
  at_ = index;
  settled_ = true;
}

void ExactPhraseSource::next(double /*min_wt*/) {
  settle_from(settled_ ? at_ + 1 : resume_);
}

void ExactPhraseSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  if (settled_ && (at_end() || get_docid() >= did)) return;
  const std::size_t from = lower_bound_index(candidates_->documents, did);
  settle_from(settled_ ? from : std::max(from, resume_));
}

bool ExactPhraseSource::check(Xapian::docid did, double /*min_wt*/) {
  // Reads @a did only: a skip_to() would read the candidates after it too. Where it does not
  // hold, the source is left between candidates, as Xapian's contract allows: the next
  // move goes on after @a did.
  if (settled_ && (at_end() || get_docid() >= did)) return true;
  std::size_t index = lower_bound_index(candidates_->documents, did);
  if (!settled_) index = std::max(index, resume_);
  const bool is_candidate =
      index < candidates_->documents.size() && candidates_->documents[index] == did;
  if (is_candidate && holds(index)) {
    at_ = index;
    settled_ = true;
    return true;
  }
  resume_ = is_candidate ? index + 1 : index;
  settled_ = false;
  return false;
}

bool ExactPhraseSource::at_end() const {
  return settled_ && at_ >= candidates_->documents.size();
}

Xapian::docid ExactPhraseSource::get_docid() const {
  return candidates_->documents[at_];
}

ExactPhraseSource* ExactPhraseSource::clone() const {
  return new ExactPhraseSource(shared_);  // Xapian owns clones (PostingSource::clone)
}

std::string ExactPhraseSource::get_description() const {
  return "ExactPhraseSource(" + shared_->phrase_query.get_description() + ")";
}

}  // namespace archivar
