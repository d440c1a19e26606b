// Serves the page compiled into the binary (see assets.h). Bodies go out
// through send_body (http_body.h): cpp-httplib would otherwise compress each
// script with brotli at its slowest setting on every request.
#include "server/assets.h"

#include <algorithm>
#include <memory>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/http_body.h"

namespace vigil::server {
namespace {

// The bodies of the files, made (and gzipped) once and shared by every request.
const std::shared_ptr<const SharedBody>& body_of(const EmbeddedFile& file) {
  static const std::vector<std::shared_ptr<const SharedBody>> bodies = [] {
    std::vector<std::shared_ptr<const SharedBody>> out;
    for (const EmbeddedFile& f : embedded_web_files())
      out.push_back(std::make_shared<const SharedBody>(std::string(reinterpret_cast<const char*>(f.bytes), f.size)));
    return out;
  }();
  return bodies[static_cast<std::size_t>(&file - embedded_web_files().data())];
}

void serve(const httplib::Request& req, httplib::Response& res, const std::string& path) {
  const EmbeddedFile* file = find_web_file(path);
  if (!file) {
    const nlohmann::json error{{"status", 404}, {"field", "path"},
                               {"message", "no such file of the page: '" + path + "'"}};
    res.status = 404;
    res.set_content(nlohmann::json{{"error", error}}.dump(), "application/json; charset=utf-8");
    return;
  }
  // no-cache: the browser keeps the file but asks each time, so a new binary's page is never stale.
  res.set_header("Cache-Control", "no-cache");
  res.set_header("ETag", file->etag);
  if (req.get_header_value("If-None-Match") == file->etag) {
    res.status = 304;
    return;
  }
  send_body(req, res, body_of(*file), std::string(web_content_type(path)));
}

}  // namespace

const EmbeddedFile* find_web_file(std::string_view path) {
  const auto& files = embedded_web_files();
  const auto it = std::lower_bound(files.begin(), files.end(), path,
                                   [](const EmbeddedFile& f, std::string_view p) { return std::string_view(f.path) < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

std::string_view web_content_type(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [ending, type] : kTypes)
    if (path.size() >= ending.size() && path.substr(path.size() - ending.size()) == ending) return type;
  return "application/octet-stream";
}

void add_web_routes(httplib::Server& server) {
  server.Get("/", [](const httplib::Request& req, httplib::Response& res) { serve(req, res, "index.html"); });
  server.Get(R"(/assets/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    serve(req, res, req.matches[1]);
  });
}

}  // namespace vigil::server
