#include "connectors/kafka/tcp_forwarder.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace earshot {
namespace {

int ConnectTo(const std::string& host, uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  if (::inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    ::close(fd);
    return -1;
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return fd;
}

// Copies what is readable from `from` to `to`; false when either side closed.
bool Relay(int from, int to) {
  char buf[64 * 1024];
  const ssize_t n = ::read(from, buf, sizeof(buf));
  if (n <= 0) return false;
  ssize_t off = 0;
  while (off < n) {
    const ssize_t w = ::write(to, buf + off, static_cast<size_t>(n - off));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    off += w;
  }
  return true;
}

}  // namespace

TcpForwarder::~TcpForwarder() { Stop(); }

Status TcpForwarder::Start(const std::string& listen_host, uint16_t listen_port,
                           const std::string& target_host, uint16_t target_port) {
  target_host_ = target_host;
  target_port_ = target_port;
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) return Status("socket", std::strerror(errno));
  const int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(listen_port);
  if (::inet_pton(AF_INET, listen_host.c_str(), &addr.sin_addr) != 1) {
    return Status("bind", "not an IPv4 address: " + listen_host);
  }
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    const std::string why = std::strerror(errno);
    ::close(listen_fd_);
    listen_fd_ = -1;
    return Status("bind", listen_host + ":" + std::to_string(listen_port) + ": " + why);
  }
  if (::pipe2(wake_pipe_, O_CLOEXEC) != 0) return Status("pipe", std::strerror(errno));
  thread_ = std::thread([this] { Loop(); });
  return Status::Ok();
}

void TcpForwarder::Stop() {
  if (thread_.joinable()) {
    const char byte = 0;
    [[maybe_unused]] const ssize_t n = ::write(wake_pipe_[1], &byte, 1);
    thread_.join();
  }
  for (int* fd : {&listen_fd_, &wake_pipe_[0], &wake_pipe_[1]}) {
    if (*fd >= 0) ::close(*fd);
    *fd = -1;
  }
}

void TcpForwarder::Loop() {
  struct Pair {
    int client;
    int upstream;
  };
  std::vector<Pair> pairs;
  for (;;) {
    std::vector<pollfd> fds;
    fds.push_back({wake_pipe_[0], POLLIN, 0});
    fds.push_back({listen_fd_, POLLIN, 0});
    for (const Pair& p : pairs) {
      fds.push_back({p.client, POLLIN, 0});
      fds.push_back({p.upstream, POLLIN, 0});
    }
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents != 0) break;
    const size_t polled = pairs.size();  // pairs accepted below were not in this poll
    if ((fds[1].revents & POLLIN) != 0) {
      const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client >= 0) {
        const int upstream = ConnectTo(target_host_, target_port_);
        if (upstream < 0) {
          ::close(client);
        } else {
          pairs.push_back({client, upstream});
        }
      }
    }
    std::vector<Pair> alive(pairs.begin() + static_cast<ptrdiff_t>(polled), pairs.end());
    for (size_t i = 0; i < polled; ++i) {
      const pollfd& c = fds[2 + 2 * i];
      const pollfd& u = fds[3 + 2 * i];
      bool ok = true;
      if (c.revents != 0) ok = Relay(pairs[i].client, pairs[i].upstream);
      if (ok && u.revents != 0) ok = Relay(pairs[i].upstream, pairs[i].client);
      if (ok) {
        alive.push_back(pairs[i]);
      } else {
        ::close(pairs[i].client);
        ::close(pairs[i].upstream);
      }
    }
    pairs.swap(alive);
  }
  for (const Pair& p : pairs) {
    ::close(p.client);
    ::close(p.upstream);
  }
}

}  // namespace earshot
