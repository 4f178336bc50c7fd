#include "support/cli.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace archivar::test {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

CommandResult run(const std::string& command_line) {
  const ScratchDir scratch;
  const std::string out = scratch / "out";
  const std::string err = scratch / "err";
  const std::string full =
      "(" + command_line + ") </dev/null >" + shell_quote(out) + " 2>" + shell_quote(err);
  const int raw = std::system(full.c_str());
  CommandResult result;
  result.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}

std::string binary(const std::string& name) {
  return std::string(ARCHIVAR_BIN_DIR) + "/" + name;
}

std::string source_path(const std::string& relative) {
  return std::string(ARCHIVAR_SOURCE_DIR) + "/" + relative;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string as_unprivileged_user() {
  if (::geteuid() != 0) return " ";
  if (run("command -v setpriv").status != 0) return {};
  return "setpriv --reuid=65534 --regid=65534 --clear-groups ";
}

bool has_compaction_leftovers(const std::filesystem::path& parent) {
  for (const auto& entry : std::filesystem::directory_iterator(parent)) {
    if (entry.path().filename().string().find(".compacting-") != std::string::npos) return true;
  }
  return false;
}

CommandResult run_indexer(const std::string& db, const std::string& arguments) {
  return run(binary("archivar-index") + " --db " + shell_quote(db) + " " + arguments);
}

}  // namespace archivar::test
