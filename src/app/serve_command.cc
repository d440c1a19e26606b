// The workspace's commands: `vigil serve` (the store and the JSON API on
// loopback), `vigil user` (sign-in tokens) and `vigil export` (the unit and
// plan versions back out of the store, byte for byte as imported).
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "app/commands.h"
#include "base/files.h"
#include "server/api.h"
#include "server/store.h"
#include "server/workspace.h"

namespace vigil::app {
namespace {

using server::Role;
using server::Store;

std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop = true; }

std::unique_ptr<Store> open_store(const std::string& path) {
  auto store = Store::open(path);
  if (!store) {
    fmt::print(stderr, "{}\n", store.error().format());
    return nullptr;
  }
  return std::move(*store);
}

// "127.0.0.1:8080", ":8080" or "8080" -> host and port.
bool parse_listen(const std::string& text, std::string& host, int& port) {
  const auto colon = text.rfind(':');
  const std::string port_text = colon == std::string::npos ? text : text.substr(colon + 1);
  if (colon != std::string::npos && colon > 0) host = text.substr(0, colon);
  try {
    std::size_t used = 0;
    port = std::stoi(port_text, &used);
    return used == port_text.size() && port >= 0 && port <= 65535;
  } catch (const std::exception&) {
    return false;
  }
}

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

struct ServeArgs {
  std::string db = "vigil.db", listen = "127.0.0.1:8080", init, plan;
  bool allow_remote = false;
  int threads = 32;
};

// On a new store: imports the unit (and a plan, published) when given, and
// makes the coordinator, whose token is printed once.
bool first_start(server::Workspace& ws, const ServeArgs& args) {
  if ((!args.init.empty() || !args.plan.empty()) && ws.store().current_scenario()) {
    fmt::print(stderr, "{}: holds a unit already; --init and --plan are for a new store (the unit changes through "
                       "the API: POST /api/scenario, /api/plans)\n", args.db);
    return false;
  }
  if (!args.init.empty()) {
    auto text = read_text_file(args.init);
    if (!text) {
      fmt::print(stderr, "{}: cannot read the scenario\n", args.init);
      return false;
    }
    auto id = ws.import_scenario(*text, std::filesystem::path(args.init).filename().string(), "vigil serve --init");
    if (!id) {
      fmt::print(stderr, "{}\n", id.error().message);
      return false;
    }
    fmt::print("Imported {} as scenario version {}.\n", args.init, *id);
  }
  if (!args.plan.empty()) {
    auto text = read_text_file(args.plan);
    if (!text) {
      fmt::print(stderr, "{}: cannot read the plan\n", args.plan);
      return false;
    }
    auto v = ws.import_plan(*text, std::filesystem::path(args.plan).filename().string(), true, "vigil serve --plan");
    if (!v) {
      fmt::print(stderr, "{}\n", v.error().message);
      return false;
    }
    fmt::print("Imported {} as plan version {}, in force.\n", args.plan, *v);
  }
  if (ws.store().users().empty()) {
    auto token = ws.store().add_user("coordinator", Role::kCoordinator, "", "vigil serve");
    if (!token) {
      fmt::print(stderr, "{}\n", token.error().message);
      return false;
    }
    fmt::print("Coordinator's sign-in token (shown once; `vigil user add` makes more):\n  {}\n", *token);
  }
  return true;
}

}  // namespace

Handler setup_serve(CLI::App& sub) {
  auto args = std::make_shared<ServeArgs>();
  sub.add_option("--db", args->db, "The store (SQLite), created when missing (default vigil.db)");
  sub.add_option("--listen", args->listen, "Address and port (default 127.0.0.1:8080; port 0: any free port)");
  sub.add_flag("--allow-remote", args->allow_remote, "Allow an address other than loopback (others on the network can reach it)");
  sub.add_option("--init", args->init, "Import this scenario (.yaml) as the unit before serving");
  sub.add_option("--plan", args->plan, "Import this plan (.json, from vigil solve) and put it in force");
  sub.add_option("--threads", args->threads, "Request threads (default 32)")->check(CLI::Range(2, 1024));
  return [args]() -> int {
    server::ServeOptions options;
    options.threads = args->threads;
    if (!parse_listen(args->listen, options.host, options.port)) {
      fmt::print(stderr, "--listen '{}': expected ADDRESS:PORT like 127.0.0.1:8080\n", args->listen);
      return kExitInputError;
    }
    if (!is_loopback(options.host) && !args->allow_remote) {
      fmt::print(stderr, "--listen '{}': not a loopback address; give --allow-remote to let others on the network in\n",
                 args->listen);
      return kExitInputError;
    }
    auto store = open_store(args->db);
    if (!store) return kExitInputError;
    server::Workspace ws(*store);
    if (!first_start(ws, *args)) return kExitInputError;
    server::ApiServer api(ws);
    std::string error;
    if (!api.bind(options, error)) {
      fmt::print(stderr, "{}\n", error);
      return kExitInputError;
    }
    if (!is_loopback(options.host))
      fmt::print("WARNING: listening on {} — anyone who can reach this machine can try to sign in.\n", options.host);
    fmt::print("vigil serve: {} on http://{}:{}/ (Ctrl-C stops)\n", args->db, options.host, api.port());
    std::fflush(stdout);
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    std::thread watcher([&api] {
      while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      api.stop();
    });
    api.listen();
    g_stop = true;
    watcher.join();
    ws.jobs().shutdown();  // cancels a running job: nothing it had not saved was acknowledged
    fmt::print("vigil serve: stopped\n");
    return kExitOk;
  };
}

Handler setup_user(CLI::App& sub) {
  auto db = std::make_shared<std::string>("vigil.db");
  auto name = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>("viewer");
  auto person = std::make_shared<std::string>();
  auto action = std::make_shared<std::string>();
  sub.add_option("action", *action, "add, list or revoke")->required()->check(CLI::IsMember({"add", "list", "revoke"}));
  sub.add_option("name", *name, "The user's name (add, revoke)");
  sub.add_option("--role", *role, "coordinator, officer or viewer (add; default viewer)");
  sub.add_option("--person", *person, "The unit member this user is: their own schedule (add)");
  sub.add_option("--db", *db, "The store (default vigil.db)");
  return [=]() -> int {
    if (!std::filesystem::exists(*db)) {
      fmt::print(stderr, "{}: no store here (vigil serve creates it)\n", *db);
      return kExitInputError;
    }
    auto store = open_store(*db);
    if (!store) return kExitInputError;
    if (*action == "list") {
      for (const server::User& u : store->users())
        fmt::print("{}\t{}\t{}\t{}{}\n", u.name, role_name(u.role), u.person.empty() ? "-" : u.person, u.created,
                   u.revoked ? "\trevoked" : "");
      return kExitOk;
    }
    if (name->empty()) {
      fmt::print(stderr, "vigil user {}: expected a user's name\n", *action);
      return kExitInputError;
    }
    if (*action == "revoke") {
      std::string error;
      if (!store->revoke_user(*name, "vigil user", &error)) {
        fmt::print(stderr, "vigil user revoke: {}\n", error);
        return kExitInputError;
      }
      fmt::print("{}'s token is revoked.\n", *name);
      return kExitOk;
    }
    const auto r = server::parse_role(*role);
    if (!r) {
      fmt::print(stderr, "--role '{}': expected coordinator, officer or viewer\n", *role);
      return kExitInputError;
    }
    auto token = store->add_user(*name, *r, *person, "vigil user");
    if (!token) {
      fmt::print(stderr, "{}\n", token.error().message);
      return kExitInputError;
    }
    fmt::print("{} ({}) sign-in token, shown once:\n  {}\n", *name, role_name(*r), *token);
    return kExitOk;
  };
}

Handler setup_export(CLI::App& sub) {
  auto db = std::make_shared<std::string>("vigil.db");
  auto what = std::make_shared<std::string>();
  auto version = std::make_shared<std::int64_t>(0);
  auto out = std::make_shared<std::string>();
  sub.add_option("what", *what, "scenario (the unit now) or plan")->required()->check(CLI::IsMember({"scenario", "plan"}));
  sub.add_option("--version", *version, "The version (default: the newest scenario, the plan in force)");
  sub.add_option("--out", *out, "Write to this file (default: standard output)");
  sub.add_option("--db", *db, "The store (default vigil.db)");
  return [=]() -> int {
    if (!std::filesystem::exists(*db)) {
      fmt::print(stderr, "{}: no store here\n", *db);
      return kExitInputError;
    }
    auto store = open_store(*db);
    if (!store) return kExitInputError;
    std::string text;
    if (*what == "scenario") {
      auto s = *version ? store->scenario(*version) : store->current_scenario();
      if (!s) {
        fmt::print(stderr, "{}: no scenario version {}\n", *db, *version);
        return kExitInputError;
      }
      text = s->yaml;
    } else {
      auto p = *version ? store->plan(*version) : store->plan_in_force();
      if (!p) {
        fmt::print(stderr, "{}: {}\n", *db, *version ? fmt::format("no plan version {}", *version) : "no plan in force");
        return kExitInputError;
      }
      text = p->plan_json;
    }
    if (out->empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      return kExitOk;
    }
    if (auto err = write_file(*out, text); !err.empty()) {
      fmt::print(stderr, "{}\n", err);
      return kExitInputError;
    }
    return kExitOk;
  };
}

}  // namespace vigil::app
