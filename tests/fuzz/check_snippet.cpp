#include "common/text/utf8.h"
#include "fuzz_target.h"
#include "searcher/snippet_generator.h"

namespace archivar::fuzz {

void check_snippet(const Snippet& snippet, bool text_is_utf8) {
  std::size_t previous_end = 0;
  for (const auto& [start, end] : snippet.highlights) {
    require(start >= previous_end && start < end && end <= snippet.text.size(),
            "highlights out of order or outside the snippet");
    previous_end = end;
  }
  require(!text_is_utf8 || is_valid_utf8(snippet.text), "a snippet cut inside a character");
}

}  // namespace archivar::fuzz
