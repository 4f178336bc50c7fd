#include "support/tcp_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace archivar::test {
namespace {

sockaddr_in loopback(unsigned port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

bool accepts_connections(unsigned port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  const sockaddr_in address = loopback(port);
  const bool connected =
      ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

}  // namespace

unsigned free_local_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address = loopback(0);  // port 0: the kernel picks a free one
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot find a free port on 127.0.0.1");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

TcpServer::TcpServer(const std::string& program, const std::vector<std::string>& arguments)
    : port_(free_local_port()) {
  std::vector<std::string> argv_strings{program};
  for (std::string argument : arguments) {
    if (const auto at = argument.find("{port}"); at != std::string::npos) {
      argument.replace(at, 6, std::to_string(port_));
    }
    argv_strings.push_back(std::move(argument));
  }
  std::vector<char*> argv;
  for (std::string& argument : argv_strings) argv.push_back(argument.data());
  argv.push_back(nullptr);

  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork() failed");
  if (pid_ == 0) {
    // A group of its own: xapian-tcpsrv ends its whole process group on SIGTERM, which
    // must not be the test runner's.
    ::setpgid(0, 0);
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::setpgid(pid_, pid_);  // also here, so that it holds before either side goes on
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!accepts_connections(port_)) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error(program + " exited before listening");
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
      throw std::runtime_error(program + " did not listen within 10 s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

TcpServer::~TcpServer() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGTERM);  // the server and the processes it forked per connection
  ::waitpid(pid_, nullptr, 0);
}

}  // namespace archivar::test
