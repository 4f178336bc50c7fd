// Progress (indexer/progress.h): the log line tells the share done and the time left from
// the inputs' size on disk, so compressed inputs get them too; short runs stay quiet.
#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <thread>

#include "indexer/progress.h"

using archivar::Progress;
using namespace std::chrono_literals;

namespace {

// Progress looks at the clock every 64th update: report the same counts 64 times.
void report(Progress& progress, std::uint64_t articles, std::uint64_t bytes,
            std::uint64_t stored_bytes) {
  for (int i = 0; i < 64; ++i) progress.update(articles, bytes, stored_bytes);
}

}  // namespace

TEST_CASE("progress: share done and time left come from the bytes on disk", "[indexer]") {
  std::ostringstream out;
  // 4 MB of compressed input, which will turn out to hold far more text.
  Progress progress(out, /*terminal=*/false, 4'000'000, 1ms);
  std::this_thread::sleep_for(20ms);
  report(progress, 1000, 9'000'000, 1'000'000);
  const std::string line = out.str();
  INFO(line);
  CHECK(line.starts_with("archivar-index: 1000 articles, 9.0 MB (25% of 4.0 MB on disk), "));
  CHECK(line.find(" left, ") != std::string::npos);
  CHECK(line.ends_with(" MB/s\n"));
}

TEST_CASE("progress: without a known size there is no share nor time left", "[indexer]") {
  std::ostringstream out;
  Progress progress(out, /*terminal=*/false, 0, 1ms);  // standard input
  std::this_thread::sleep_for(5ms);
  report(progress, 10, 2'000'000, 0);
  const std::string line = out.str();
  INFO(line);
  CHECK(line.starts_with("archivar-index: 10 articles, 2.0 MB, "));
  CHECK(line.find('%') == std::string::npos);
  CHECK(line.find("left") == std::string::npos);
}

TEST_CASE("progress: a last step is logged only after progress was", "[indexer]") {
  std::ostringstream quiet;
  Progress short_run(quiet, /*terminal=*/false, 100, 10s);
  short_run.step("compacting the database");
  CHECK(quiet.str().empty());

  std::ostringstream logged;
  Progress long_run(logged, /*terminal=*/false, 100, 1ms);
  std::this_thread::sleep_for(5ms);
  report(long_run, 1, 50, 50);
  long_run.step("compacting the database");
  CHECK(logged.str().ends_with("archivar-index: compacting the database ...\n"));
}

TEST_CASE("progress: on a terminal, a bar in one line that fits 80 columns", "[indexer]") {
  std::ostringstream out;
  Progress progress(out, /*terminal=*/true, 604'000'000, 10s);
  std::this_thread::sleep_for(300ms);  // a terminal line is redrawn every quarter second
  report(progress, 151'422, 2'000'000'000, 302'000'000);
  const std::string line = out.str();
  INFO(line);
  REQUIRE(line.starts_with("\r\x1b[K"));
  const std::string shown = line.substr(4);
  CHECK(shown.starts_with("[##########----------]  50%  151422 articles  2000.0 MB  "));
  CHECK(shown.find(" left") != std::string::npos);
  CHECK(shown.find('\n') == std::string::npos);
  CHECK(shown.size() <= 80);
  progress.finish();
  CHECK(out.str().ends_with("\r\x1b[K"));  // the line is cleared for the summary
}
