// Version: what a binary says on --version — the release, the git commit it was built
// from, and for the binaries that analyse German text, the compound dictionary they use.
#pragma once

#include <string>
#include <string_view>

namespace archivar {

/// The project's version, from CMake's project(VERSION ...): "0.1.0".
std::string_view version();

/// The commit the binary was built from ("316351a1b2c3", "316351a1b2c3-dirty" with
/// uncommitted changes), or empty when it was not built from a git checkout.
std::string_view git_commit();

/// The first line of --version: "archivar-search 0.1.0 (git 316351a1b2c3)".
std::string version_line(std::string_view program);

}  // namespace archivar
