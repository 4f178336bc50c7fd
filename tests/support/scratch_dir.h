// ScratchDir: a fresh temporary directory for a test or a fuzz target, removed with the
// object; write_file for the files put into it.
#pragma once

#include <filesystem>
#include <string>

namespace archivar::test {

/// A fresh empty directory under the system temp dir, removed with the object.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  /// Writes @a bytes to the file @a name inside (creating folders); returns its path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

/// Writes @a content to @a path (binary).
void write_file(const std::string& path, const std::string& content);

}  // namespace archivar::test
