// TcpForwarder: accepts TCP connections on a fixed local port and relays
// each to a target address.
//
// librdkafka's mock brokers listen on ephemeral ports. `earshot broker
// --port 9092` puts a forwarder on 9092 to the first mock broker, so clients
// can bootstrap from a well-known address; the metadata they receive then
// names the brokers' own loopback addresses, which they reach directly.
//
// Thread safety: Start/Stop from one thread; relaying runs on its own thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

#include "earshot/status.h"

namespace earshot {

class TcpForwarder {
 public:
  TcpForwarder() = default;
  ~TcpForwarder();
  TcpForwarder(const TcpForwarder&) = delete;
  TcpForwarder& operator=(const TcpForwarder&) = delete;

  // Listens on listen_host:listen_port and relays to target_host:target_port.
  Status Start(const std::string& listen_host, uint16_t listen_port, const std::string& target_host,
               uint16_t target_port);
  void Stop();

 private:
  void Loop();
  int listen_fd_ = -1;
  int wake_pipe_[2] = {-1, -1};
  std::string target_host_;
  uint16_t target_port_ = 0;
  std::thread thread_;
};

}  // namespace earshot
