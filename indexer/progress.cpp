#include "indexer/progress.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/text/plural.h"

namespace archivar {
namespace {

std::string duration(double seconds) {
  const auto total = static_cast<long>(seconds + 0.5);
  if (total >= 3600) return fmt::format("{}h{:02}m", total / 3600, total % 3600 / 60);
  return fmt::format("{}m{:02}s", total / 60, total % 60);
}

}  // namespace

Progress::Progress(std::ostream& out, bool terminal, std::uint64_t stored_total,
                   std::chrono::milliseconds log_interval)
    : out_(out), terminal_(terminal), stored_total_(stored_total), log_interval_(log_interval) {}

void Progress::update(std::uint64_t articles, std::uint64_t bytes, std::uint64_t stored_bytes) {
  // Asking the clock every article would cost more than the rest of this; every 64 will do.
  // (Counted here: the articles written advance in steps while others are analysed.)
  if (++updates_ % 64 != 0) return;
  const auto now = Clock::now();
  const auto interval = terminal_ ? std::chrono::milliseconds(250) : log_interval_;
  if (now - last_print_ < interval) return;
  last_print_ = now;
  print(articles, bytes, stored_bytes);
}

void Progress::print(std::uint64_t articles, std::uint64_t bytes, std::uint64_t stored_bytes) {
  const double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
  const double megabytes = static_cast<double>(bytes) / 1e6;
  const double rate = seconds > 0 ? megabytes / seconds : 0.0;
  const bool sized = stored_total_ > 0;
  // The share is of the bytes on disk, so that it also runs evenly through a compressed
  // file, whose text size is unknown until it is read.
  const double done =
      sized ? std::min(1.0, static_cast<double>(stored_bytes) / static_cast<double>(stored_total_))
            : 0.0;
  const std::string left =
      done > 0 && done < 1 ? duration(seconds * (1 - done) / done) + " left" : std::string();
  if (terminal_) {
    // A bar, and short enough for an 80-column terminal, where a wrapped line could not
    // be overwritten in place.
    std::string line;
    if (sized) {
      constexpr int kBarWidth = 20;
      const int filled = static_cast<int>(done * kBarWidth);
      line = fmt::format("[{}{}] {:3.0f}%  ", std::string(filled, '#'),
                         std::string(kBarWidth - filled, '-'), 100.0 * done);
    }
    line += fmt::format("{}  {:.1f} MB  {:.1f} MB/s", counted(articles, "article", "articles"),
                        megabytes, rate);
    if (!left.empty()) line += "  " + left;
    out_ << "\r\x1b[K" << line << std::flush;
  } else {
    std::string line =
        fmt::format("{}, {:.1f} MB", counted(articles, "article", "articles"), megabytes);
    if (sized) {
      line += fmt::format(" ({:.0f}% of {:.1f} MB on disk)", 100.0 * done,
                          static_cast<double>(stored_total_) / 1e6);
      if (!left.empty()) line += ", " + left;
    }
    out_ << "archivar-index: " << line << fmt::format(", {:.1f} MB/s\n", rate);
  }
  printed_ = true;
}

void Progress::step(std::string_view name) {
  if (terminal_) {
    out_ << "\r\x1b[K" << name << " ..." << std::flush;
    printed_ = true;
  } else if (printed_) {
    out_ << "archivar-index: " << name << " ...\n";
  }
}

void Progress::finish() {
  if (terminal_ && printed_) out_ << "\r\x1b[K" << std::flush;
}

}  // namespace archivar
