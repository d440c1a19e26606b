// The page compiled into the binary (src/server/assets.h) against a real
// server on a loopback port: every file under web/ comes back byte for byte
// at /assets/<path> (and web/index.html at /) with its content type,
// "Cache-Control: no-cache" and an ETag that a second request may quote for
// a 304; gzip when asked, unchanged once inflated; no token needed; a file
// that is not there is a 404 in words. And the catalogs: every text the
// page asks for is in English, Ukrainian has every English key, the other
// languages at least the person view, sign-in and navigation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "server/api.h"
#include "server/assets.h"

namespace vigil::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kWeb = fs::path(VIGIL_SOURCE_DIR) / "web";

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every file under web/, by its path relative to web/ ("views/now.js").
std::map<std::string, std::string> web_files() {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(kWeb))
    if (entry.is_regular_file()) out[fs::relative(entry.path(), kWeb).generic_string()] = file_bytes(entry.path());
  return out;
}

// The content type a browser needs for each kind of file the page has.
std::string expected_type(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";  // a module script must have a JavaScript type
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  return "unexpected file in web/: " + path;
}

class Assets : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("vigil-assets-" + std::to_string(::getpid()) + ".db")).string();
    fs::remove(path_);
    auto store = Store::open(path_);
    ASSERT_TRUE(store.ok()) << store.error().format();
    store_ = std::move(*store);
    ws_ = std::make_unique<Workspace>(*store_);
    api_ = std::make_unique<ApiServer>(*ws_);
    ServeOptions options;
    options.port = 0;
    std::string error;
    ASSERT_TRUE(api_->bind(options, error)) << error;
    thread_ = std::thread([this] { api_->listen(); });
  }
  void TearDown() override {
    api_->stop();
    thread_.join();
    api_.reset();
    ws_.reset();
    store_.reset();
    fs::remove(path_);
    fs::remove(path_ + "-wal");
    fs::remove(path_ + "-shm");
  }
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}, bool decompress = true) const {
    httplib::Client c("127.0.0.1", api_->port());
    c.set_decompress(decompress);
    return c.Get(path, headers);
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<ApiServer> api_;
  std::thread thread_;
};

TEST_F(Assets, EveryFileOfWebIsServedByteForByteWithItsType) {
  const auto files = web_files();
  ASSERT_TRUE(files.count("index.html"));
  ASSERT_TRUE(files.count("app.js"));
  // What is compiled in is exactly what web/ holds now: nothing missing, nothing stale.
  std::set<std::string> embedded;
  for (const EmbeddedFile& f : embedded_web_files()) embedded.insert(f.path);
  std::set<std::string> on_disk;
  for (const auto& [path, bytes] : files) on_disk.insert(path);
  EXPECT_EQ(embedded, on_disk);

  for (const auto& [path, bytes] : files) {
    SCOPED_TRACE(path);
    auto r = get("/assets/" + path, {{"Accept-Encoding", "identity"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, bytes);
    EXPECT_EQ(r->get_header_value("Content-Type"), expected_type(path));
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-cache");
    EXPECT_FALSE(r->has_header("Content-Encoding"));
  }
  auto root = get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 200);
  EXPECT_EQ(root->body, files.at("index.html"));
  EXPECT_EQ(root->get_header_value("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(Assets, GzipWhenAskedAndNotModifiedWhenTheSame) {
  const std::string script = file_bytes(kWeb / "app.js");
  ASSERT_GT(script.size(), 1024u);
  // A browser asks for gzip (and brotli): it gets gzip, which inflates to the file.
  auto raw = get("/assets/app.js", {{"Accept-Encoding", "gzip, deflate, br"}}, false);
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(raw->body.size(), script.size());
  auto inflated = get("/assets/app.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(inflated);
  EXPECT_EQ(inflated->body, script);

  const std::string etag = raw->get_header_value("ETag");
  ASSERT_EQ(etag.size(), 42u) << etag;  // a quoted SHA-1 in hex
  EXPECT_EQ(etag.front(), '"');
  auto again = get("/assets/app.js", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto other = get("/assets/app.css", {{"If-None-Match", etag}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  EXPECT_NE(other->get_header_value("ETag"), etag);
}

TEST_F(Assets, NoTokenForThePageButTheApiStillNeedsOne) {
  auto page = get("/assets/index.html");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  auto me = get("/api/me");
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 401);
  auto missing = get("/assets/views/nowhere.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(json::parse(missing->body)["error"]["message"], "no such file of the page: 'views/nowhere.js'");
  auto escape = get("/assets/../CMakeLists.txt");
  ASSERT_TRUE(escape);
  EXPECT_EQ(escape->status, 404);
}

TEST(WebFiles, ContentTypeByEnding) {
  EXPECT_EQ(web_content_type("views/now.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(web_content_type("i18n/uk.json"), "application/json; charset=utf-8");
  EXPECT_EQ(web_content_type("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(web_content_type("LICENSE"), "application/octet-stream");
  ASSERT_NE(find_web_file("index.html"), nullptr);
  EXPECT_EQ(find_web_file("index.htm"), nullptr);
  EXPECT_EQ(find_web_file(""), nullptr);
}

// --------------------------------------------------------------- catalogs

json catalog(const std::string& code) { return json::parse(file_bytes(kWeb / "i18n" / (code + ".json"))); }

// Every key the page's scripts ask for with t('...') as a literal.
std::set<std::string> keys_in_scripts() {
  std::set<std::string> keys;
  const std::regex call(R"(\bt\('([a-z_0-9.\-]+)')");
  for (const auto& [path, bytes] : web_files()) {
    if (fs::path(path).extension() != ".js") continue;
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), call); it != std::sregex_iterator(); ++it)
      keys.insert((*it)[1]);
  }
  return keys;
}

TEST(WebCatalogs, EveryLanguageListedHasACatalogWithItsLocale) {
  const json languages = json::parse(file_bytes(kWeb / "i18n" / "languages.json"));
  std::set<std::string> codes;
  for (const json& l : languages) codes.insert(l["code"].get<std::string>());
  EXPECT_EQ(codes, (std::set<std::string>{"en", "uk", "pl", "es", "ka"}));
  for (const std::string& code : codes) {
    SCOPED_TRACE(code);
    const json c = catalog(code);
    ASSERT_TRUE(c.contains("_locale"));
    EXPECT_EQ(c["_locale"].get<std::string>().substr(0, 2), code);
  }
}

TEST(WebCatalogs, EnglishHasEveryKeyThePageUsesAndUkrainianEveryEnglishKey) {
  const json en = catalog("en");
  const auto used = keys_in_scripts();
  ASSERT_GT(used.size(), 150u);
  for (const std::string& key : used) EXPECT_TRUE(en.contains(key)) << key << " is used but not in en.json";
  const json uk = catalog("uk");
  for (const auto& [key, text] : en.items()) {
    EXPECT_TRUE(uk.contains(key)) << key << " is missing from uk.json";
    // The sheets' lists, counts and date order (each language its own parts) are checked in catalogs_test.cc.
    if (!uk.contains(key) || !text.is_string() || key == "date.format") continue;
    // The same placeholders: a translation that drops {name} would show a blank.
    const std::regex placeholder(R"(\{\w+\})");
    std::set<std::string> a, b;
    const std::string en_text = text.get<std::string>(), uk_text = uk[key].get<std::string>();
    for (auto it = std::sregex_iterator(en_text.begin(), en_text.end(), placeholder); it != std::sregex_iterator(); ++it)
      a.insert(it->str());
    for (auto it = std::sregex_iterator(uk_text.begin(), uk_text.end(), placeholder); it != std::sregex_iterator(); ++it)
      b.insert(it->str());
    EXPECT_EQ(a, b) << key;
  }
}

TEST(WebCatalogs, PolishSpanishGeorgianCoverSignInNavigationAndThePersonView) {
  const json en = catalog("en");
  for (const std::string code : {"pl", "es", "ka"}) {
    SCOPED_TRACE(code);
    const json c = catalog(code);
    for (const auto& [key, text] : en.items()) {
      const bool needed = key.rfind("signin.", 0) == 0 || key.rfind("nav.", 0) == 0 || key.rfind("view.", 0) == 0 ||
                          key.rfind("person.", 0) == 0 || key.rfind("level.", 0) == 0 || key.rfind("common.", 0) == 0;
      if (needed) {
        EXPECT_TRUE(c.contains(key)) << key;
      }
    }
    for (const auto& [key, text] : c.items()) EXPECT_TRUE(en.contains(key)) << key << " is not an English key";
  }
}

}  // namespace
}  // namespace vigil::server
