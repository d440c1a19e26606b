// `vigil bench --serve`: the workspace server measured, three tables.
//   1. Readers: N clients (keep-alive, one thread each) read the plan in force
//      of unit-64 (GET /api/plans/current) for S seconds, back to back (the
//      worst case: every client always waiting) and once a second (people
//      opening the page): requests, errors, throughput, latency p50/p99/max.
//   2. Repair round trip: an officer reports a loss (POST /api/repairs) and
//      waits until the draft is saved; median and worst of several losses.
//   3. Store: a 600-person battalion (84 days) with V plan versions: file
//      size, the time to open it, and the first read of the plan in force.
// The server runs in this process on a loopback port (threads: clients + 8);
// the clients share the machine with it, as they would on the duty
// officer's laptop. Every figure is measured, none is assumed.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>

#include "app/commands.h"
#include "base/calendar_date.h"
#include "base/files.h"
#include "io/scenario_reader.h"
#include "io/scenario_writer.h"
#include "io/unit_roster_json.h"
#include "server/api.h"
#include "solve/solver.h"
#include "solve/unit_generator.h"

namespace vigil::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double percentile(std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

// A store at `path` holding `unit` and a plan of it (solved with `work` moves), in force.
bool seed_store(server::Workspace& ws, const Problem& unit, std::int64_t work) {
  SolveOptions options;
  options.work_limit = work;
  options.time_limit_seconds = 600;
  const SolveResult r = solve(unit, options);
  if (!ws.import_scenario(scenario_to_yaml(unit), unit.name + ".yaml", "bench")) return false;
  return ws.import_plan(unit_roster_to_json(unit, r.roster, new_plan_stamp(nullptr)), "roster.json", true, "bench").ok();
}

struct ServerUnderTest {
  std::unique_ptr<server::Store> store;
  std::unique_ptr<server::Workspace> ws;
  std::unique_ptr<server::ApiServer> api;
  std::thread thread;
  ~ServerUnderTest() {
    if (api) api->stop();
    if (thread.joinable()) thread.join();
  }
};

bool start(ServerUnderTest& s, const std::string& path) {
  auto store = server::Store::open(path);
  if (!store) {
    fmt::print(stderr, "{}\n", store.error().format());
    return false;
  }
  s.store = std::move(*store);
  s.ws = std::make_unique<server::Workspace>(*s.store);
  return true;
}

bool listen(ServerUnderTest& s, int threads) {
  s.api = std::make_unique<server::ApiServer>(*s.ws);
  server::ServeOptions options;
  options.port = 0;
  options.threads = threads;
  std::string error;
  if (!s.api->bind(options, error)) {
    fmt::print(stderr, "{}\n", error);
    return false;
  }
  s.thread = std::thread([&s] { s.api->listen(); });
  return true;
}

struct ReadersRow {
  std::size_t requests = 0;
  int errors = 0;
  double p50 = 0, p99 = 0, max = 0;
};

// Each client reads, then waits `pause_ms` (0: reads again at once).
ReadersRow read_for(ServerUnderTest& s, const std::string& token, int clients, double seconds, int pause_ms) {
  std::atomic<bool> stop{false};
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(clients));
  std::vector<int> errors(static_cast<std::size_t>(clients), 0);
  std::vector<std::thread> threads;
  const int port = s.api->port();
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_bearer_token_auth(token);
      client.set_default_headers({{"Accept-Encoding", "gzip"}});  // as a browser or phone asks
      // The body stays compressed: a phone inflates it on its own processor,
      // not on the server's two cores, which this process shares.
      client.set_decompress(false);
      client.set_read_timeout(30, 0);
      while (!stop) {
        const auto t = Clock::now();
        auto r = client.Get("/api/plans/current");
        if (!r || r->status != 200 || r->body.size() < 1000 || r->get_header_value("Content-Encoding") != "gzip")
          ++errors[static_cast<std::size_t>(c)];
        else latencies[static_cast<std::size_t>(c)].push_back(ms_since(t));
        if (pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
      }
    });
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (std::thread& t : threads) t.join();
  ReadersRow row;
  std::vector<double> all;
  for (int c = 0; c < clients; ++c) {
    all.insert(all.end(), latencies[static_cast<std::size_t>(c)].begin(), latencies[static_cast<std::size_t>(c)].end());
    row.errors += errors[static_cast<std::size_t>(c)];
  }
  row.requests = all.size();
  row.p50 = percentile(all, 0.5);
  row.p99 = percentile(all, 0.99);
  row.max = percentile(all, 1.0);
  return row;
}

void readers_table(ServerUnderTest& s, const std::string& token, int clients, double seconds) {
  fmt::print("\nReaders: GET /api/plans/current of unit-64 (viewer token, keep-alive, gzip body not inflated by the "
             "client), {} clients for {:g} s each way\n", clients, seconds);
  fmt::print("| clients read | requests | errors | requests/s | p50 ms | p99 ms | max ms |\n"
             "|---|---|---|---|---|---|---|\n");
  for (const int pause : {0, 1000}) {
    const ReadersRow r = read_for(s, token, clients, seconds, pause);
    fmt::print("| {} | {} | {} | {:.0f} | {:.1f} | {:.1f} | {:.1f} |\n",
               pause ? "once a second" : "back to back", r.requests, r.errors,
               static_cast<double>(r.requests) / seconds, r.p50, r.p99, r.max);
  }
}

void repair_table(ServerUnderTest& s, const std::string& token, const Problem& unit, int losses, double seconds) {
  httplib::Client client("127.0.0.1", s.api->port());
  client.set_bearer_token_auth(token);
  std::vector<double> trips;
  int failed = 0;
  for (int i = 0; i < losses; ++i) {
    const std::string person = unit.people[static_cast<std::size_t>(7 * i + 3) % unit.people.size()].name;
    const int day = 6 + 2 * i;
    const nlohmann::json body{{"now", fmt::format("day {} 10:00", day)},
                              {"seconds", seconds},
                              {"events", {{{"unavailable", person}, {"from", fmt::format("day {} 10:00", day)}}}}};
    const auto t = Clock::now();
    auto r = client.Post("/api/repairs", body.dump(), "application/json");
    if (!r || r->status != 202) {
      ++failed;
      continue;
    }
    const std::int64_t job = nlohmann::json::parse(r->body)["job"];
    std::string state = "running";
    while (state == "running") {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      auto j = client.Get(fmt::format("/api/jobs/{}", job));
      state = j ? nlohmann::json::parse(j->body)["state"].get<std::string>() : "lost";
    }
    if (state != "done") ++failed;
    trips.push_back(ms_since(t) / 1000);
  }
  fmt::print("\nRepair round trip on unit-64: a loss reported -> the draft saved ({} losses, days 6.., repair time "
             "limit {:g} s)\n",
             losses, seconds);
  fmt::print("| losses | failed | median s | worst s |\n|---|---|---|---|\n");
  fmt::print("| {} | {} | {:.2f} | {:.2f} |\n", losses, failed, percentile(trips, 0.5), percentile(trips, 1.0));
}

void store_table(const std::string& dir, int versions) {
  GeneratorOptions g;
  g.people = 600;
  g.posts = 30;
  g.rest_centers = 3;
  g.days = 84;
  auto battalion = generate_unit(g);
  if (!battalion) return;
  const std::string path = dir + "/battalion.db";
  double save_ms = 0;
  {
    ServerUnderTest s;
    if (!start(s, path) || !seed_store(*s.ws, *battalion, 200'000)) return;
    const std::string plan = s.store->plan(1)->plan_json;
    const auto t = Clock::now();
    for (int v = 2; v <= versions; ++v) {
      server::PlanVersion p = *s.store->plan(v - 1);
      p.version = v;
      p.parent = v - 1;
      p.state = server::PlanState::kDraft;
      p.made.clear();
      p.reason = "bench";
      if (!s.store->save_plan(p, "bench").ok() || s.store->publish(v, "bench")) return;
    }
    save_ms = ms_since(t) / std::max(1, versions - 1);
  }
  const auto t_open = Clock::now();
  ServerUnderTest s;
  if (!start(s, path)) return;
  const double open_ms = ms_since(t_open);
  const auto t_read = Clock::now();
  const bool read = s.ws->plan_json(s.store->in_force_version()).ok();
  const double read_ms = ms_since(t_read);
  fmt::print("\nStore: battalion of 600 people, 84 days, {} plan versions\n", versions);
  fmt::print("| versions | file MiB | save+publish ms/version | open ms | first read of the plan in force ms |\n"
             "|---|---|---|---|---|\n");
  fmt::print("| {} | {:.1f} | {:.1f} | {:.1f} | {}{:.0f} |\n", versions,
             static_cast<double>(fs::file_size(path) + (fs::exists(path + "-wal") ? fs::file_size(path + "-wal") : 0)) /
                 (1024.0 * 1024.0),
             save_ms, open_ms, read ? "" : "FAILED ", read_ms);
}

}  // namespace

int run_serve_bench(const ServeBenchArgs& args) {
  const std::string dir = (fs::temp_directory_path() / ("vigil-serve-bench-" + std::to_string(::getpid()))).string();
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string unit_file = "examples/unit-64.yaml";
  if (!fs::exists(unit_file)) unit_file = std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml";
  auto unit = read_scenario(unit_file);
  if (!unit) {
    fmt::print(stderr, "{}\n", unit.error().format());
    return kExitInputError;
  }
  fmt::print("vigil bench --serve: {} readers for {:g} s, {} repairs, a battalion store of {} versions (seed 1)\n",
             args.clients, args.seconds, args.repairs, args.versions);
  {
    ServerUnderTest s;
    if (!start(s, dir + "/unit.db") || !seed_store(*s.ws, *unit, 300'000) ||
        !listen(s, args.clients + 8))
      return kExitInputError;
    const std::string viewer = *s.store->add_user("viewer", server::Role::kViewer, "", "bench");
    const std::string officer = *s.store->add_user("officer", server::Role::kOfficer, "", "bench");
    readers_table(s, viewer, args.clients, args.seconds);
    repair_table(s, officer, *unit, args.repairs, args.repair_seconds);
  }
  store_table(dir, args.versions);
  fs::remove_all(dir);
  return kExitOk;
}

}  // namespace vigil::app
