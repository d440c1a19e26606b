// The HTTP side of `vigil serve` (cpp-httplib): the JSON API of docs/api.md
// on top of a Workspace. Every request but /api/health carries a token
// ("Authorization: Bearer TOKEN"; a GET may give ?token=, for calendar links
// on phones); the token's role decides what it may do:
//   coordinator  everything, users too
//   officer      everything but users
//   viewer       the plan in force and its files; with a person, their own schedule
// Errors are JSON {"error": {"status", "field", "message"}} with a 4xx status
// naming the field; a body over kMaxBodyBytes is refused (413) unread.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "server/workspace.h"

namespace httplib {
class Server;
}

namespace vigil::server {

inline constexpr std::size_t kMaxBodyBytes = 4u << 20;

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 32;  // request threads (a server-sent event stream holds one while it lasts)
};

class ApiServer {
 public:
  explicit ApiServer(Workspace& workspace);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds; false with the reason in `error` when the address is taken or invalid.
  bool bind(const ServeOptions& options, std::string& error);
  int port() const { return port_; }
  // Serves until stop() (from another thread or a signal watcher).
  void listen();
  void stop();

 private:
  void routes();
  Workspace& workspace_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
};

}  // namespace vigil::server
