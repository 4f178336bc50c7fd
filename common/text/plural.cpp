#include "common/text/plural.h"

#include <fmt/format.h>

namespace archivar {

std::string counted(std::uint64_t count, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

}  // namespace archivar
