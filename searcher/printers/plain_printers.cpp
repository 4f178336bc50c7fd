#include "searcher/printers/plain_printers.h"

#include <fmt/format.h>

#include <cmath>

namespace archivar {

void IdsPrinter::print(const ResultPage& page, std::string_view topic_id) {
  for (const ResultHit& hit : page.hits) {
    if (!topic_id.empty()) out_ << topic_id << '\t';
    out_ << hit.hit.article.id << '\n';
  }
}

void IdsPrinter::print_article(const Article& article) {
  out_ << article.id << '\n';
}

void TrecPrinter::print_article(const Article& article) {
  out_ << article.id << '\n';
}

void TrecPrinter::print(const ResultPage& page, std::string_view topic_id) {
  const std::string qid = topic_id.empty() ? std::string("1") : std::string(topic_id);
  // Six decimals are printed; a step of 1e-6 keeps equal scores apart and in rank order.
  constexpr double kStep = 1e-6;
  double previous = INFINITY;
  for (const ResultHit& hit : page.hits) {
    double score = std::round(hit.hit.score / kStep) * kStep;
    if (score >= previous - kStep / 2) score = previous - kStep;
    previous = score;
    out_ << fmt::format("{} Q0 {} {} {:.6f} {}\n", qid, hit.hit.article.id, hit.hit.rank, score,
                        run_tag_);
  }
}

}  // namespace archivar
