// Reading Xapian stub files (common/stub_file.h): the shard lines Xapian 1.4 accepts,
// paths relative to the stub, and a clear error naming file and line otherwise.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "common/stub_file.h"
#include "support/cli.h"

using namespace archivar;
using archivar::test::ScratchDir;

TEST_CASE("stub file: local and remote shards, comments and blank lines", "[stub]") {
  const ScratchDir dir;
  const auto stub = dir.write("archive/XAPIANDB",
                              "# years\nauto 2019.db\n\nglass /srv/archive/2020.db\n"
                              "remote 10.1.2.3:33333\nremote [::1]:4000\n"
                              "remote :ssh host xapian-progsrv /srv/2021.db\n");
  const auto entries = read_stub_file(stub);
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].kind == StubEntry::Kind::kLocal);
  CHECK(entries[0].path == (dir.path() / "archive" / "2019.db").string());
  CHECK(entries[0].line == 2);
  CHECK(entries[1].path == "/srv/archive/2020.db");
  CHECK(entries[2].kind == StubEntry::Kind::kRemoteTcp);
  CHECK(entries[2].host == "10.1.2.3");
  CHECK(entries[2].port == 33333);
  CHECK(entries[3].host == "::1");
  CHECK(entries[3].port == 4000);
  CHECK(entries[4].kind == StubEntry::Kind::kRemoteProgram);
  CHECK(entries[4].program == "ssh");
  CHECK(entries[4].args == "host xapian-progsrv /srv/2021.db");
}

TEST_CASE("stub file: bad lines are named by file and line", "[stub]") {
  const ScratchDir dir;
  const auto read = [&](const std::string& text) {
    return read_stub_file(dir.write("x.stub", text));
  };
  CHECK_THROWS_WITH(read("auto a.db\ninmemory\n"), Catch::Contains("x.stub:2: unknown shard type"));
  CHECK_THROWS_WITH(read("remote host\n"),
                    Catch::Contains("x.stub:1:") && Catch::Contains("needs a port"));
  CHECK_THROWS_WITH(read("remote host:http\n"), Catch::Contains("'http' is no port number"));
  CHECK_THROWS_WITH(read("auto\n"), Catch::Contains("'auto' needs a path"));
  CHECK_THROWS_AS(read_stub_file(dir / "missing.stub"), StubFileError);
}

TEST_CASE("stub file: told apart from databases", "[stub]") {
  const ScratchDir dir;
  {
    Xapian::WritableDatabase database(dir / "db", Xapian::DB_CREATE);
    database.commit();
  }
  CHECK(stub_file_of(dir / "db").empty());
  CHECK(stub_file_of(dir / "nothing").empty());
  const auto stub = dir.write("a.stub", "auto db\n");
  CHECK(stub_file_of(stub) == stub);
  const auto in_folder = dir.write("folder/XAPIANDB", "auto ../db\n");
  CHECK(stub_file_of(dir / "folder") == in_folder);
}
