// Response bodies sent past cpp-httplib's own compression (see http_body.h).
#include "server/http_body.h"

#include <mutex>
#include <stdexcept>

#include <zlib.h>

namespace vigil::server {

std::string gzip_compress(std::string_view text, int level) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer, as Content-Encoding: gzip wants.
  if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (done != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  return out;
}

const std::string& SharedBody::gzip() const {
  std::call_once(once_, [this] { gzip_ = gzip_compress(text_, 6); });
  return gzip_;
}

namespace {

bool accepts_gzip(const httplib::Request& req) {
  return req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
}

// The body goes out through a provider of known length: cpp-httplib writes it as is.
void provide(httplib::Response& res, std::shared_ptr<const SharedBody> body, bool gzip, const std::string& type) {
  const std::string& bytes = gzip ? body->gzip() : body->text();
  if (gzip) res.set_header("Content-Encoding", "gzip");
  res.set_header("Vary", "Accept-Encoding");
  if (bytes.empty()) {
    res.set_content("", type);
    return;
  }
  res.set_content_provider(bytes.size(), type,
                           [body, gzip](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             const std::string& b = gzip ? body->gzip() : body->text();
                             return sink.write(b.data() + offset, length);
                           });
}

}  // namespace

void send_body(const httplib::Request& req, httplib::Response& res, std::shared_ptr<const SharedBody> body,
               const std::string& type) {
  provide(res, body, accepts_gzip(req) && body->text().size() > 1024, type);
}

void send_body(const httplib::Request& req, httplib::Response& res, std::string text, const std::string& type) {
  send_body(req, res, std::make_shared<const SharedBody>(std::move(text)), type);
}

}  // namespace vigil::server
