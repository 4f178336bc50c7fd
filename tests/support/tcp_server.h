// A server process for integration tests (xapian-tcpsrv): started on a free port of
// 127.0.0.1 chosen at run time, waited for until it accepts connections, and stopped
// by its process group when the object goes.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace archivar::test {

/// A TCP port on 127.0.0.1 that nothing listens on right now.
unsigned free_local_port();

class TcpServer {
 public:
  /// Runs @a program with @a arguments (use {port} for the port number) and waits up to
  /// ten seconds for it to listen on 127.0.0.1. Throws std::runtime_error if it does not.
  TcpServer(const std::string& program, const std::vector<std::string>& arguments);
  ~TcpServer();
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  unsigned port() const { return port_; }

 private:
  unsigned port_;
  pid_t pid_ = -1;
};

}  // namespace archivar::test
