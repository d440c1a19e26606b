// Response bodies of the API, written by us rather than by cpp-httplib: the
// library compresses every text body itself, with brotli at its highest
// quality when the client accepts it (what browsers do), which took 0.5 s
// for one plan of unit-64. A body sent here goes out through a content
// provider of known length, which the library passes through untouched:
// gzip at a fast level when the client accepts it, as is otherwise.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <httplib.h>

namespace vigil::server {

// `text` deflated into the gzip format (zlib, `level` 1-9).
std::string gzip_compress(std::string_view text, int level);

// A body and, once asked for, its gzip form: immutable documents (a plan
// version as read) are compressed once and shared by every reader.
class SharedBody {
 public:
  explicit SharedBody(std::string text) : text_(std::move(text)) {}
  const std::string& text() const { return text_; }
  const std::string& gzip() const;

 private:
  std::string text_;
  mutable std::once_flag once_;
  mutable std::string gzip_;
};

// Sends `body` with `type`: gzip when the request accepts it and the body is
// worth it (over 1 KiB), else as it is.
void send_body(const httplib::Request& req, httplib::Response& res, std::shared_ptr<const SharedBody> body,
               const std::string& type);
void send_body(const httplib::Request& req, httplib::Response& res, std::string text, const std::string& type);

}  // namespace vigil::server
