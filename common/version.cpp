#include "common/version.h"

#include <fmt/format.h>

#include "archivar_version_info.h"  // generated into the build tree

namespace archivar {

std::string_view version() {
  return ARCHIVAR_VERSION;
}

std::string_view git_commit() {
  return ARCHIVAR_GIT_COMMIT;
}

std::string version_line(std::string_view program) {
  if (git_commit().empty()) return fmt::format("{} {}", program, version());
  return fmt::format("{} {} (git {})", program, version(), git_commit());
}

}  // namespace archivar
