// Helpers for integration tests that run the real binaries: run a command line and
// capture exit status, standard output and standard error (scratch directories:
// support/scratch_dir.h, included here for them).
#pragma once

#include <filesystem>
#include <string>

#include "support/scratch_dir.h"

namespace archivar::test {

struct CommandResult {
  int status = -1;  ///< exit status, or -1 when the command did not exit normally
  std::string out;
  std::string err;
};

/// Runs @a command_line with /bin/sh; standard input is /dev/null unless redirected.
CommandResult run(const std::string& command_line);

/// Path of a built binary ("archivar-index").
std::string binary(const std::string& name);

/// Path of a file in the source tree ("corpus/demo").
std::string source_path(const std::string& relative);

/// Single-quotes @a text for /bin/sh.
std::string shell_quote(const std::string& text);

/// A prefix for a command line that runs it as user nobody when the tests run as root,
/// for whom permissions block nothing; " " when not root; empty when that cannot be done
/// (no setpriv).
std::string as_unprivileged_user();

/// Whether @a parent holds a directory an indexer's compaction made ("DB.compacting-...").
bool has_compaction_leftovers(const std::filesystem::path& parent);

/// Runs archivar-index on database @a db with @a arguments (already quoted for the shell).
CommandResult run_indexer(const std::string& db, const std::string& arguments);

}  // namespace archivar::test
