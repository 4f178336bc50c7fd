// Integration tests of what Archivar installs: `cmake --install` into a scratch prefix,
// searching from there with the compiled dictionary found beside the binaries (no re-read
// of the word list), man pages that match --help, the library's example program built
// against the installed CMake package, and the Debian package unpacked with dpkg -x.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "support/cli.h"
#include "support/demo_index.h"

namespace fs = std::filesystem;
using namespace archivar::test;

namespace {

const std::string kBuildDir = ARCHIVAR_BUILD_DIR;

// The --long-options a text names.
std::set<std::string> long_options(const std::string& text) {
  std::set<std::string> options;
  const std::regex option("--[a-z][a-z0-9_-]*[a-z0-9]");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), option);
       it != std::sregex_iterator(); ++it) {
    options.insert(it->str());
  }
  return options;
}

// Installs the build into @a prefix.
void install_into(const ScratchDir& prefix) {
  const CommandResult installed = run("cmake --install " + shell_quote(kBuildDir) + " --prefix " +
                                      shell_quote(prefix.path().string()));
  INFO(installed.out << installed.err);
  REQUIRE(installed.status == 0);
}

}  // namespace

TEST_CASE("install: a prefix holds binaries, dictionary, man pages, completion, library",
          "[install]") {
  const ScratchDir prefix;
  install_into(prefix);
  const fs::path p = prefix.path();
  for (const char* file :
       {"bin/archivar-index", "bin/archivar-search", "bin/archivar-eval", "bin/archivar-mkdict",
        "share/archivar/words-de.bin", "share/man/man1/archivar-search.1",
        "share/man/man1/archivar-index.1", "share/man/man1/archivar-eval.1",
        "share/bash-completion/completions/archivar-search", "include/archivar/archivar.h",
        "lib/cmake/archivar/archivarConfig.cmake", "lib/cmake/archivar/archivarTargets.cmake"}) {
    INFO(file);
    CHECK(fs::exists(p / file));
  }
  CHECK(fs::exists(p / "lib/libarchivar.so"));
}

TEST_CASE("install: the installed searcher finds the compiled dictionary, not the word list",
          "[install]") {
  const ScratchDir prefix;
  install_into(prefix);
  const std::string bin = (prefix.path() / "bin").string();
  const std::string dictionary = (prefix.path() / "share/archivar/words-de.bin").string();
  // ARCHIVAR_WORDS would override where the binary looks: unset it.
  const std::string env = "env -u ARCHIVAR_WORDS ";

  const CommandResult version = run(env + bin + "/archivar-search --version");
  REQUIRE(version.status == 0);
  CHECK(std::regex_search(version.out, std::regex("^archivar-search [0-9]+\\.[0-9]+\\.[0-9]+")));
  CHECK(version.out.find("compound dictionary: " + dictionary + "\n") != std::string::npos);

  const ScratchDir work;
  const CommandResult indexed =
      run(env + bin + "/archivar-index --quiet --db " + shell_quote(work / "news.db") + " " +
          shell_quote(source_path("corpus/demo")));
  INFO(indexed.err);
  REQUIRE(indexed.status == 0);
  // Botschaftspersonal is found through its parts, which only the dictionary splits.
  const CommandResult found = run(env + bin + "/archivar-search --format ids --db " +
                                  shell_quote(work / "news.db") + " Botschaft");
  INFO(found.err);
  REQUIRE(found.status == 0);
  CHECK_FALSE(found.out.empty());
  // Reading the word list instead would say so on stderr.
  CHECK(found.err.find("compound dictionary") == std::string::npos);
  CHECK(indexed.err.find("compound dictionary") == std::string::npos);

  // Moved away from share/archivar/ (and with another install prefix compiled in), a
  // binary says that it reads the word list: the check above can fail.
  const ScratchDir elsewhere;
  fs::copy_file(prefix.path() / "bin/archivar-search", elsewhere.path() / "archivar-search");
  const CommandResult lost = run(env + (elsewhere / "archivar-search") + " --version");
  REQUIRE(lost.status == 0);
  if (!fs::exists("/usr/local/share/archivar/words-de.bin")) {
    CHECK(lost.out.find("a word list, read and compiled at every start") != std::string::npos);
  }
}

TEST_CASE("install: every option of --help is in the man page", "[install]") {
  for (const std::string program :
       {"archivar-index", "archivar-search", "archivar-eval", "archivar-mkdict"}) {
    INFO(program);
    const CommandResult help = run(binary(program) + " --help");
    REQUIRE(help.status == 0);
    const std::string page = kBuildDir + "/share/man/man1/" + program + ".1";
    const CommandResult man =
        run("MANWIDTH=200 LC_ALL=C man --local-file -P cat " + shell_quote(page));
    INFO(man.err);
    REQUIRE(man.status == 0);
    const std::set<std::string> in_help = long_options(help.out);
    REQUIRE(in_help.count("--help") == 1);
    const std::set<std::string> in_man = long_options(man.out);
    for (const std::string& option : in_help) {
      INFO(option);
      CHECK(in_man.count(option) == 1);
    }
  }
}

TEST_CASE("install: the example builds against the installed package and finds the demo",
          "[install]") {
  const ScratchDir prefix;
  install_into(prefix);
  const ScratchDir build;
  const CommandResult configured =
      run("cmake -S " + shell_quote(source_path("examples")) + " -B " + shell_quote(build / "out") +
          " -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=" + shell_quote(prefix.path().string()));
  INFO(configured.out << configured.err);
  REQUIRE(configured.status == 0);
  // The package found is the installed one.
  const CommandResult found_package =
      run("grep -q " + shell_quote("archivar_DIR:PATH=" + prefix.path().string()) + " " +
          shell_quote(build / "out/CMakeCache.txt"));
  CHECK(found_package.status == 0);
  const CommandResult built = run("cmake --build " + shell_quote(build / "out"));
  INFO(built.out << built.err);
  REQUIRE(built.status == 0);
  const std::string example = build / "out/search-news";
  // It runs on the installed library, not the build tree's.
  const CommandResult linked = run("ldd " + shell_quote(example));
  CHECK(linked.out.find(prefix.path().string() + "/lib/libarchivar.so") != std::string::npos);

#ifdef ARCHIVAR_SANITIZED
  // The example is built without the sanitizers, against a library built with them: it
  // cannot run without their runtime loaded first.
  WARN("sanitizer build: the installed example is built and linked, not run");
  return;
#endif
  const CommandResult found = run("env -u ARCHIVAR_WORDS " + example + " " +
                                  shell_quote(demo_database()) + " Außenminister Ukraine-Krise");
  INFO(found.err);
  REQUIRE(found.status == 0);
  // The same ids, in the same order, as archivar-search finds.
  const CommandResult expected = run(binary("archivar-search") + " --format ids --limit 5 --db " +
                                     shell_quote(demo_database()) + " Außenminister Ukraine-Krise");
  REQUIRE(expected.status == 0);
  REQUIRE_FALSE(expected.out.empty());
  std::string ids;
  for (std::size_t at = 0; (at = found.out.find('\n', at)) != std::string::npos;) {
    const std::size_t tab = found.out.find('\t', ++at);
    if (tab == std::string::npos || !std::isdigit(static_cast<unsigned char>(found.out[at]))) {
      continue;
    }
    const std::size_t end = found.out.find('\t', tab + 1);
    ids += found.out.substr(tab + 1, end - tab - 1) + "\n";
  }
  CHECK(ids == expected.out);
  CHECK(found.err.find("compound dictionary") == std::string::npos);

  // Indexing through the library: a new article, then the same again (unchanged).
  const ScratchDir work;
  const std::string db = work / "lib.db";
  const CommandResult added = run(example + " --add " + shell_quote(db) +
                                  " lib-1 'Botschaftspersonal reist ab' 'Das Personal der "
                                  "Botschaft verlässt die Hauptstadt.'");
  INFO(added.err);
  REQUIRE(added.status == 0);
  CHECK(added.out == "added 1, replaced 0, unchanged 0; 1 articles\n");
  const CommandResult again = run(example + " --add " + shell_quote(db) +
                                  " lib-1 'Botschaftspersonal reist ab' 'Das Personal der "
                                  "Botschaft verlässt die Hauptstadt.'");
  CHECK(again.out == "added 0, replaced 0, unchanged 1; 1 articles\n");
  const CommandResult searched =
      run(binary("archivar-search") + " --format ids --db " + shell_quote(db) + " Botschaft");
  CHECK(searched.out == "lib-1\n");
}

TEST_CASE("install: the Debian package unpacks to a working archivar-search", "[install][deb]") {
  const ScratchDir packages;
  const CommandResult packed = run("cd " + shell_quote(kBuildDir) + " && cpack -G DEB -B " +
                                   shell_quote(packages.path().string()));
  INFO(packed.out << packed.err);
  REQUIRE(packed.status == 0);
  std::string deb;
  for (const auto& entry : fs::directory_iterator(packages.path())) {
    if (entry.path().extension() == ".deb") deb = entry.path().string();
  }
  REQUIRE_FALSE(deb.empty());
  const CommandResult depends = run("dpkg-deb --field " + shell_quote(deb) + " Depends");
  REQUIRE(depends.status == 0);
  for (const char* package : {"libxapian30", "libicu72", "libarchive13", "libxml2", "libfmt9"}) {
    INFO(depends.out);
    CHECK(depends.out.find(package) != std::string::npos);
  }
  const ScratchDir root;
  REQUIRE(run("dpkg -x " + shell_quote(deb) + " " + shell_quote(root.path().string())).status == 0);
  const CommandResult version =
      run("env -u ARCHIVAR_WORDS " + (root / "usr/bin/archivar-search") + " --version");
  INFO(version.err);
  REQUIRE(version.status == 0);
  CHECK(version.out.starts_with("archivar-search "));
  CHECK(version.out.find("compound dictionary: " + (root / "usr/share/archivar/words-de.bin")) !=
        std::string::npos);
  CHECK(fs::exists(root.path() / "usr/share/man/man1/archivar-search.1"));
  const CommandResult found =
      run("env -u ARCHIVAR_WORDS " + (root / "usr/bin/archivar-search") + " --format ids --db " +
          shell_quote(demo_database()) + " Außenminister");
  CHECK(found.status == 0);
  CHECK_FALSE(found.out.empty());
}
