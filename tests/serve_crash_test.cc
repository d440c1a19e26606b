// Nothing acknowledged is lost: `vigil serve` (the built binary) is killed
// with SIGKILL at random moments while a client makes 200 writes (new users,
// forced hand edits that save plan versions, publishes), and restarted each
// time. After every restart each write the server had acknowledged is there,
// and at the end PRAGMA integrity_check is ok and the plan in force reads
// back whole.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "base/files.h"
#include "process_support.h"
#include "server/store.h"

namespace vigil::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Served {
  pid_t pid = -1;
  int port = 0;
  std::string token;  // the coordinator's, printed on the first start
};

// Starts `vigil serve` on a free loopback port; reads the port (and, on the
// first start, the token) from what it prints.
Served start_server(const fs::path& dir, const std::vector<std::string>& extra) {
  const fs::path out = dir / "serve.out";
  fs::remove(out);
  Served s;
  std::vector<std::string> args = {"serve", "--db", (dir / "vigil.db").string(), "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra.begin(), extra.end());
  s.pid = test::start_vigil(args, dir.string(), {}, out.string());
  for (int i = 0; i < 400 && s.port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    const std::string text = read_text_file(out.string()).value_or("");
    const auto at = text.find("on http://127.0.0.1:");
    if (at != std::string::npos && text.find('/', at + 20) != std::string::npos)
      s.port = std::stoi(text.substr(at + 20));
    const std::string said = "token (shown once; `vigil user add` makes more):\n  ";
    const auto token = text.find(said);
    if (token != std::string::npos) s.token = text.substr(token + said.size(), 43);
  }
  return s;
}

void kill_server(Served& s) {
  test::kill_and_reap(s.pid);
  s.pid = -1;
}

TEST(ServeCrash, EveryAcknowledgedWriteSurvivesSigkill) {
  const fs::path dir = fs::temp_directory_path() / ("vigil-crash-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string unit = std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml";
  ASSERT_EQ(std::system(("cd '" + dir.string() + "' && '" VIGIL_BINARY "' solve '" + unit +
                         "' --work 200000 --seed 1 --out-dir p > /dev/null 2>&1").c_str()),
            0);
  Served server = start_server(dir, {"--init", unit, "--plan", (dir / "p/roster.json").string()});
  ASSERT_GT(server.port, 0) << read_text_file((dir / "serve.out").string()).value_or("");
  ASSERT_EQ(server.token.size(), 43u);
  const std::string token = server.token;

  std::set<std::string> users;              // acknowledged
  std::set<std::int64_t> versions = {1};    // acknowledged
  std::int64_t published = 1;               // the newest acknowledged publish
  std::mt19937 random(7);
  int acknowledged = 0, kills = 0;
  std::atomic<bool> killed{false};
  while (acknowledged < 200) {
    // A killer sleeps a random while, then kills the server mid-write.
    killed = false;
    const int delay = std::uniform_int_distribution<int>(30, 400)(random);
    std::thread killer([&, delay, pid = server.pid] {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      ::kill(pid, SIGKILL);
      killed = true;
    });
    httplib::Client c("127.0.0.1", server.port);
    c.set_bearer_token_auth(token);
    c.set_read_timeout(10, 0);
    while (!killed && acknowledged < 200) {
      const int kind = acknowledged % 4;
      if (kind == 0 || kind == 1) {
        const std::string name = "user-" + std::to_string(acknowledged);
        auto r = c.Post("/api/users", json{{"name", name}, {"role", "viewer"}}.dump(), "application/json");
        if (r && r->status == 201) users.insert(name), ++acknowledged;
        else if (r && r->status == 409) users.insert(name), ++acknowledged;  // saved before a kill, unacknowledged then
        continue;
      }
      const std::int64_t newest = *versions.rbegin();
      if (kind == 2) {
        const json edit{{"kind", "swap-day"}, {"people", {"Taras Kozak", "Olena Dovzhenko"}},
                        {"day", "day " + std::to_string(acknowledged % 28)}, {"force", true}};
        auto r = c.Post("/api/plans/" + std::to_string(newest) + "/edits", edit.dump(), "application/json");
        if (r && r->status == 201) versions.insert(json::parse(r->body)["version"].get<std::int64_t>()), ++acknowledged;
        else if (r && r->status == 409) {  // a version saved before a kill: edit the newest
          auto plans = c.Get("/api/plans");
          if (plans && plans->status == 200) versions.insert(json::parse(plans->body)["plans"].back()["version"].get<std::int64_t>());
        } else if (r && r->status == 400) {
          ++acknowledged;  // nothing to swap on that day: a refused write, nothing to keep
        }
        continue;
      }
      auto r = c.Post("/api/plans/" + std::to_string(newest) + "/publish", "", "application/json");
      if (r && r->status == 200) published = newest, ++acknowledged;
      else if (r && r->status == 409) ++acknowledged;  // already published, or made from an older one
    }
    killer.join();
    test::reap(server.pid);
    ++kills;
    server = start_server(dir, {});
    ASSERT_GT(server.port, 0) << read_text_file((dir / "serve.out").string()).value_or("");
    httplib::Client check("127.0.0.1", server.port);
    check.set_bearer_token_auth(token);
    auto listed = check.Get("/api/users");
    ASSERT_TRUE(listed);
    std::set<std::string> stored;
    const json listing = json::parse(listed->body);
    for (const json& u : listing["users"]) stored.insert(u["name"].get<std::string>());
    for (const std::string& u : users) EXPECT_TRUE(stored.count(u)) << u << " lost after kill " << kills;
    for (std::int64_t v : versions)
      EXPECT_EQ(check.Get("/api/plans/" + std::to_string(v))->status, 200) << "version " << v << " lost";
    auto current = check.Get("/api/plans/current");
    ASSERT_TRUE(current);
    ASSERT_EQ(current->status, 200);
    EXPECT_GE(json::parse(current->body)["version"].get<std::int64_t>(), published);
  }
  kill_server(server);
  auto store = Store::open((dir / "vigil.db").string());
  ASSERT_TRUE(store.ok()) << store.error().format();
  EXPECT_EQ((*store)->integrity_check(), "ok");
  EXPECT_GE(kills, 3);
  fs::remove_all(dir);
}

// SIGTERM during a long plan job: the job is cancelled (nothing half-saved),
// the server says it stopped and exits 0 within seconds.
TEST(ServeCrash, SigtermStopsCleanlyDuringAJob) {
  const fs::path dir = fs::temp_directory_path() / ("vigil-term-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string unit = std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml";
  Served server = start_server(dir, {"--init", unit});
  ASSERT_GT(server.port, 0);
  httplib::Client c("127.0.0.1", server.port);
  c.set_bearer_token_auth(server.token);
  auto started = c.Post("/api/jobs/plan", R"({"seconds": 120})", "application/json");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto t0 = std::chrono::steady_clock::now();
  ::kill(server.pid, SIGTERM);
  int status = 0;
  ::waitpid(server.pid, &status, 0);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_LT(seconds, 10.0);
  EXPECT_NE(read_text_file((dir / "serve.out").string())->find("vigil serve: stopped\n"), std::string::npos);
  auto store = Store::open((dir / "vigil.db").string());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->newest_version(), 0);
  EXPECT_EQ((*store)->integrity_check(), "ok");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vigil::server
