// The entry point of a fuzz target, as libFuzzer calls it, and what the targets share: the
// readers fed from memory, and a check that what they return can be indexed and printed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/input_format.h"

namespace archivar {
struct Snippet;
}

/// Runs the code under test on one input. Returns 0; a crash, a sanitizer report or an
/// abort() on a broken invariant is a finding.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace archivar::fuzz {

/// @a data as the text it is.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Reads @a bytes as the input @a name of @a format to the end, as the indexer does (not
/// strict, messages thrown away), and checks each article: valid UTF-8 without control
/// characters in every field, and a document whose every term Xapian can store.
void read_and_check(std::string_view bytes, std::string_view name, InputFormat format);

/// Aborts with @a what on stderr when @a condition is false: an invariant the target checks.
void require(bool condition, std::string_view what);

/// Checks that @a snippet marks its matches inside its own text and in order, and that it
/// is valid UTF-8 when @a text_is_utf8 (the text it was cut from was).
void check_snippet(const Snippet& snippet, bool text_is_utf8);

}  // namespace archivar::fuzz
