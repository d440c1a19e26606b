// `vigil bench`: solves benchmark instances over several seeds and prints a
// results table. Every (instance, seed) run happens in its own fork()ed child
// (app/bench_support.h), so one run cannot disturb the next and its peak
// memory is its own.
#include "app/bench_support.h"
#include "app/commands.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/search_flags.h"
#include "base/files.h"
#include "base/stats.h"
#include "base/text.h"
#include "io/nrp_reader.h"
#include "io/roster_io.h"
#include "solve/solver.h"

namespace vigil::app {
namespace {

namespace fs = std::filesystem;

struct BenchArgs {
  std::string dir;
  std::string instances = "1-24";
  std::string seeds = "1,2,3";
  SearchFlags search;  // seed unused: --seeds lists them
  std::string csv;
};

// One row of best_known.csv.
struct KnownValues {
  std::optional<std::int64_t> lower_bound;
  std::optional<std::int64_t> best_known;
};

// What one (instance, seed) run produced.
struct RunResult {
  std::string instance;
  std::uint64_t seed = 0;
  bool reported = false;  // the child sent a result
  std::string error;      // set when the run failed (child error, crash, kill)
  bool input_error = false;
  bool feasible = false;
  std::int64_t objective = 0;
  std::int64_t hard = 0;
  double seconds = 0;
  double time_to_best = 0;
  std::int64_t moves = 0;
  double moves_per_second = 0;
  std::string stop;
  double peak_mib = 0;
  std::optional<std::int64_t> own_bound;  // our LP bound, when column generation proved one
  std::optional<double> time_near;        // first time within near_percent() of the best known
};

// How close to the best known counts as "near" for the time column: 1 %, or
// 3 % on the long horizons (Instances 20-24, half a year and more).
double near_percent(int days) { return days >= 182 ? 3.0 : 1.0; }

// ---------------------------------------------------------------------------
// Option parsing helpers.

std::optional<std::int64_t> parse_int(const std::string& s) {
  if (s.empty()) return std::nullopt;
  std::size_t used = 0;
  try {
    const long long v = std::stoll(s, &used);
    if (used != s.size()) return std::nullopt;
    return static_cast<std::int64_t>(v);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Reads best_known.csv (header: instance,...,lower_bound,best_known,...).
// Returns an error message, or empty on success.
std::string read_best_known(const fs::path& file, std::map<std::string, KnownValues>& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fmt::format("{}: cannot open the file for reading", file.string());
  std::string line;
  int line_no = 0;
  int col_instance = -1, col_lb = -1, col_best = -1;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto fields = split_csv(line);
    if (col_instance < 0) {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == "instance") col_instance = static_cast<int>(i);
        if (fields[i] == "lower_bound") col_lb = static_cast<int>(i);
        if (fields[i] == "best_known") col_best = static_cast<int>(i);
      }
      if (col_instance < 0 || col_lb < 0 || col_best < 0)
        return fmt::format("{}:{}: expected a header with columns instance, lower_bound and best_known, got '{}'",
                           file.string(), line_no, line);
      continue;
    }
    const int needed = std::max({col_instance, col_lb, col_best});
    if (static_cast<int>(fields.size()) <= needed)
      return fmt::format("{}:{}: expected at least {} fields, got {}", file.string(), line_no, needed + 1,
                         fields.size());
    KnownValues v;
    v.lower_bound = parse_int(fields[static_cast<std::size_t>(col_lb)]);
    v.best_known = parse_int(fields[static_cast<std::size_t>(col_best)]);
    out[fields[static_cast<std::size_t>(col_instance)]] = v;
  }
  if (col_instance < 0) return fmt::format("{}: expected a header line, got an empty file", file.string());
  return {};
}

// ---------------------------------------------------------------------------
// Finding the benchmark folder.

// The nearest ancestor of `start` (itself included) that looks like the vigil
// source tree.
std::optional<fs::path> find_repo_root(fs::path start) {
  std::error_code ec;
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "CMakeLists.txt", ec) && fs::exists(p / "src" / "app" / "main.cc", ec)) return p;
    if (p == p.parent_path()) break;
  }
  return std::nullopt;
}

bool is_benchmark_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec) && fs::exists(p / "best_known.csv", ec);
}

// Where `bench` looks when --dir is not given: ../shared/benchmarks/nrp next
// to the source tree that holds this executable, then next to the source tree
// around the working directory, then relative to the working directory.
std::vector<fs::path> default_dir_candidates() {
  std::vector<fs::path> out;
  std::error_code ec;
  const fs::path rel = fs::path("..") / "shared" / "benchmarks" / "nrp";
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    if (auto root = find_repo_root(exe.parent_path())) out.push_back((*root / rel).lexically_normal());
  const fs::path cwd = fs::current_path(ec);
  if (!ec) {
    if (auto root = find_repo_root(cwd)) out.push_back((*root / rel).lexically_normal());
    out.push_back((cwd / rel).lexically_normal());
  }
  std::vector<fs::path> unique;
  for (const auto& p : out)
    if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
  return unique;
}

// ---------------------------------------------------------------------------
// Running one (instance, seed) in a child process.

nlohmann::json solve_instance_job(const fs::path& instance_file, const SolveOptions& options,
                                  std::optional<std::int64_t> best_known) {
  auto problem = read_nrp_instance(instance_file.string());
  if (!problem) return {{"error", problem.error().headline()}, {"input_error", true}};
  // The first improvement that comes within near_percent() of the best known.
  std::optional<double> time_near;
  const double near = best_known ? static_cast<double>(*best_known) * (1.0 + near_percent(problem->days()) / 100.0) : 0;
  const SolveResult r = solve(*problem, options, [&](const Progress& p) {
    if (best_known && !time_near && p.best.hard == 0 && static_cast<double>(p.best.soft) <= near) time_near = p.seconds;
  });
  nlohmann::json out = {{"feasible", r.found_feasible},
                        {"objective", r.score.soft},
                        {"hard", r.score.hard},
                        {"seconds", r.seconds},
                        {"time_to_best", r.time_to_best},
                        {"moves", r.moves},
                        {"moves_per_second", r.moves_per_second()},
                        {"stop", stop_reason_name(r.reason)}};
  if (!r.check_failure.empty()) out["error"] = r.check_failure;
  if (r.proven_lower_bound) out["lower_bound"] = *r.proven_lower_bound;
  if (time_near) out["time_near"] = *time_near;
  return out;
}

RunResult run_one(const std::string& instance, const fs::path& file, std::uint64_t seed, const SolveOptions& base,
                  std::optional<std::int64_t> best_known, double watchdog_seconds) {
  RunResult result;
  result.instance = instance;
  result.seed = seed;
  SolveOptions options = base;
  options.seed = seed;
  const ForkedRun run = run_forked([&] { return solve_instance_job(file, options, best_known); }, watchdog_seconds);
  result.peak_mib = run.peak_mib;
  result.error = run.error;
  const nlohmann::json& j = run.reply;
  result.input_error = j.is_object() && j.value("input_error", false);
  if (j.is_object() && j.contains("feasible")) {
    result.reported = true;
    result.feasible = j["feasible"].get<bool>();
    result.objective = j["objective"].get<std::int64_t>();
    result.hard = j["hard"].get<std::int64_t>();
    result.seconds = j["seconds"].get<double>();
    result.time_to_best = j["time_to_best"].get<double>();
    result.moves = j["moves"].get<std::int64_t>();
    result.moves_per_second = j["moves_per_second"].get<double>();
    result.stop = j["stop"].get<std::string>();
    if (j.contains("lower_bound")) result.own_bound = j["lower_bound"].get<std::int64_t>();
    if (j.contains("time_near")) result.time_near = j["time_near"].get<double>();
  }
  return result;
}

// ---------------------------------------------------------------------------
// The table.

// 607 -> "607", 607.5 -> "607.5".
std::string format_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<std::int64_t>(v));
  return fmt::format("{:.1f}", v);
}

std::string opt_int(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

struct Row {
  std::string instance;
  KnownValues known;
  int runs = 0;
  int feasible_runs = 0;
  // Empty when more than half of the runs found no feasible roster.
  std::optional<double> median_objective;
  std::optional<std::int64_t> best_objective;
  std::optional<double> gap_percent;
  std::optional<std::int64_t> max_hard;  // empty when no run reported
  std::optional<double> median_time_to_best;
  std::optional<std::int64_t> own_bound;   // the highest LP bound any seed proved (each is valid)
  std::optional<double> median_time_near;  // empty when most seeds never came near
  std::optional<double> median_mmoves_per_second;
  double peak_mib = 0;
};

Row summarise(const std::string& instance, const KnownValues& known, const std::vector<RunResult>& runs) {
  Row row;
  row.instance = instance;
  row.known = known;
  // Runs without a feasible roster rank after every feasible run (as +inf).
  std::vector<double> objectives, times, speeds, near_times;
  const double inf = std::numeric_limits<double>::infinity();
  for (const RunResult& r : runs) {
    ++row.runs;
    row.peak_mib = std::max(row.peak_mib, r.peak_mib);
    const bool ok = r.reported && r.feasible;
    objectives.push_back(ok ? static_cast<double>(r.objective) : inf);
    near_times.push_back(r.time_near.value_or(inf));
    if (r.own_bound) row.own_bound = std::max(row.own_bound.value_or(*r.own_bound), *r.own_bound);
    if (r.reported) {
      row.max_hard = std::max(row.max_hard.value_or(0), r.hard);
      speeds.push_back(r.moves_per_second / 1e6);
    }
    if (ok) {
      ++row.feasible_runs;
      times.push_back(r.time_to_best);
      if (!row.best_objective || r.objective < *row.best_objective) row.best_objective = r.objective;
    }
  }
  if (!objectives.empty()) {
    const double m = median(objectives);
    if (std::isfinite(m)) row.median_objective = m;
  }
  if (row.median_objective && known.best_known && *known.best_known != 0)
    row.gap_percent = (*row.median_objective - static_cast<double>(*known.best_known)) /
                      static_cast<double>(*known.best_known) * 100.0;
  if (!times.empty()) row.median_time_to_best = median(times);
  if (!near_times.empty() && known.best_known)
    if (const double m = median(near_times); std::isfinite(m)) row.median_time_near = m;
  if (!speeds.empty()) row.median_mmoves_per_second = median(speeds);
  return row;
}

struct Column {
  const char* title;  // for the text table
  const char* csv;    // for the CSV header
  int width;
};

constexpr Column kColumns[] = {
    {"instance", "instance", -11},
    {"best known", "best_known", 10},
    {"lower bound", "lower_bound", 11},
    {"our bound", "our_lower_bound", 9},
    {"ours median", "ours_median", 11},
    {"ours best", "ours_best", 9},
    {"gap %", "gap_percent", 7},
    {"hard viol", "hard_violations_max", 9},
    {"t best s", "time_to_best_median_s", 9},
    {"t near s", "time_near_best_known_median_s", 8},
    {"M moves/s", "moves_per_second_median_millions", 9},
    {"peak MiB", "peak_memory_max_mib", 8},
};

// The cells of one row; empty means "not available".
std::vector<std::string> cells(const Row& r) {
  return {
      r.instance,
      opt_int(r.known.best_known),
      opt_int(r.known.lower_bound),
      opt_int(r.own_bound),
      r.median_objective ? format_number(*r.median_objective) : std::string(),
      opt_int(r.best_objective),
      r.gap_percent ? fmt::format("{:.2f}", *r.gap_percent) : std::string(),
      r.max_hard ? std::to_string(*r.max_hard) : std::string(),
      r.median_time_to_best ? fmt::format("{:.2f}", *r.median_time_to_best) : std::string(),
      r.median_time_near ? fmt::format("{:.2f}", *r.median_time_near) : std::string(),
      r.median_mmoves_per_second ? fmt::format("{:.2f}", *r.median_mmoves_per_second) : std::string(),
      fmt::format("{:.1f}", r.peak_mib),
  };
}

std::string table_line(const std::vector<std::string>& values) {
  std::string line;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int w = kColumns[i].width;
    const std::string& v = values[i].empty() ? std::string("-") : values[i];
    if (i > 0) line += "  ";
    line += w < 0 ? fmt::format("{:<{}}", v, -w) : fmt::format("{:>{}}", v, w);
  }
  // Trailing spaces carry nothing.
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

std::string join(const std::vector<std::uint64_t>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(v[i]);
  return out;
}

int run_bench(const BenchArgs& args) {
  std::string error;
  const auto instance_numbers = parse_number_list(args.instances, error);
  if (!instance_numbers || instance_numbers->empty()) {
    fmt::print(stderr, "vigil bench: --instances '{}': {}\n", args.instances,
               error.empty() ? "expected at least one instance" : error);
    return kExitInputError;
  }
  const auto seeds = parse_number_list(args.seeds, error);
  if (!seeds || seeds->empty()) {
    fmt::print(stderr, "vigil bench: --seeds '{}': {}\n", args.seeds, error.empty() ? "expected at least one seed" : error);
    return kExitInputError;
  }

  fs::path dir;
  std::error_code ec;
  if (!args.dir.empty()) {
    dir = args.dir;
    if (!fs::is_directory(dir, ec)) {
      fmt::print(stderr, "vigil bench: --dir {}: no such folder\n", args.dir);
      return kExitInputError;
    }
  } else {
    const auto candidates = default_dir_candidates();
    for (const auto& c : candidates)
      if (is_benchmark_dir(c)) {
        dir = c;
        break;
      }
    if (dir.empty()) {
      fmt::print(stderr, "vigil bench: cannot find the benchmark folder (InstanceN.txt and best_known.csv); looked in:\n");
      for (const auto& c : candidates) fmt::print(stderr, "  {}\n", c.string());
      fmt::print(stderr, "Maybe pass --dir DIR.\n");
      return kExitInputError;
    }
  }

  std::map<std::string, KnownValues> known;
  const fs::path known_file = dir / "best_known.csv";
  if (fs::exists(known_file, ec)) {
    if (auto err = read_best_known(known_file, known); !err.empty()) {
      fmt::print(stderr, "vigil bench: {}\n", err);
      return kExitInputError;
    }
  } else {
    fmt::print(stderr, "vigil bench: warning: {} not found; best known, lower bound and gap stay empty\n",
               known_file.string());
  }

  std::vector<std::pair<std::string, fs::path>> instances;
  for (std::uint64_t n : *instance_numbers) {
    const std::string name = fmt::format("Instance{}", n);
    const fs::path file = dir / (name + ".txt");
    if (!fs::exists(file, ec)) {
      fmt::print(stderr, "vigil bench: {}: no such instance file\n", file.string());
      return kExitInputError;
    }
    instances.emplace_back(name, file);
  }

  SolveOptions base;
  args.search.apply(base, kBenchmarkDefaultSeconds);
  // With a work limit the solver ignores the clock, so no watchdog then.
  const double watchdog = base.work_limit > 0 ? 0.0 : 2.0 * base.time_limit_seconds + 60.0;

  const std::size_t total_runs = instances.size() * seeds->size();
  fmt::print("command: {}\n", command_line());
  fmt::print("folder:  {}\n", dir.string());
  fmt::print("seeds:   {}\n", join(*seeds));
  fmt::print("threads: {} per run ({} hardware threads here); runs one after another, each in its own process\n",
             args.search.threads, std::thread::hardware_concurrency());
  fmt::print("budget:  {}\n", base.work_limit > 0
                                  ? fmt::format("work limit {} moves per thread (reproducible)", base.work_limit)
                                  : fmt::format("time limit {} s per run", base.time_limit_seconds));
  fmt::print("runs:    {} instance(s) x {} seed(s) = {}\n\n", instances.size(), seeds->size(), total_runs);
  std::fflush(stdout);

  const auto bench_start = std::chrono::steady_clock::now();
  std::vector<Row> rows;
  bool any_infeasible = false, any_input_error = false;
  std::size_t done = 0;
  const int counter_width = static_cast<int>(std::to_string(total_runs).size());
  for (const auto& [name, file] : instances) {
    const KnownValues kv = known.count(name) ? known[name] : KnownValues{};
    SolveOptions options = base;
    options.lower_bound = kv.lower_bound;
    std::vector<RunResult> runs;
    for (std::uint64_t seed : *seeds) {
      RunResult r = run_one(name, file, seed, options, kv.best_known, watchdog);
      ++done;
      std::string line = fmt::format("[{:>{}}/{}] {:<11} seed {:<4} ", done, counter_width, total_runs, name, seed);
      if (r.reported) {
        line += r.feasible ? fmt::format("objective {:>7}", r.objective)
                           : fmt::format("NO FEASIBLE ROSTER (hard {}, soft {})", r.hard, r.objective);
        line += r.feasible ? fmt::format(" | best at {:>7.2f} s of {:>7.2f} s", r.time_to_best, r.seconds)
                           : fmt::format(" | ran {:.2f} s", r.seconds);
        line += r.own_bound ? fmt::format(" | our bound {:>6}", *r.own_bound) : std::string(" | our bound      -");
        line += r.time_near ? fmt::format(" | near at {:>7.2f} s", *r.time_near) : std::string(" | near at       - s");
        line += fmt::format(" | {:>6.2f} M moves/s | peak {:>7.1f} MiB | stop: {}", r.moves_per_second / 1e6,
                            r.peak_mib, r.stop);
      }
      if (!r.error.empty()) line += fmt::format("{}FAILED: {}", r.reported ? " | " : "", r.error);
      fmt::print("{}\n", line);
      std::fflush(stdout);
      if (!r.reported || !r.feasible || !r.error.empty()) any_infeasible = true;
      if (r.input_error) any_input_error = true;
      runs.push_back(std::move(r));
    }
    rows.push_back(summarise(name, kv, runs));
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - bench_start).count();

  std::vector<std::string> titles;
  for (const Column& c : kColumns) titles.emplace_back(c.title);
  const std::string header = table_line(titles);
  fmt::print("\n{}\n{}\n", header, std::string(header.size(), '-'));
  int at_best = 0, feasible = 0, with_known = 0;
  for (const Row& r : rows) {
    fmt::print("{}\n", table_line(cells(r)));
    if (r.known.best_known) ++with_known;
    if (r.known.best_known && r.best_objective && *r.best_objective <= *r.known.best_known) ++at_best;
    if (r.runs > 0 && r.feasible_runs == r.runs) ++feasible;
  }
  fmt::print("{}\n", std::string(header.size(), '-'));
  fmt::print("our bound: the highest LP bound a seed proved; t near s: median time of the first roster within 1 % "
             "of the best known (3 % from 182 days on)\n");
  fmt::print("totals: {}/{} instances at best known (ours best <= best known), {}/{} feasible (every seed found a "
             "feasible roster); {} runs in {:.1f} s\n",
             at_best, with_known, feasible, rows.size(), total_runs, wall);

  if (!args.csv.empty()) {
    std::string text;
    for (std::size_t i = 0; i < std::size(kColumns); ++i) text += fmt::format("{}{}", i ? "," : "", kColumns[i].csv);
    text += '\n';
    for (const Row& r : rows) {
      const auto values = cells(r);
      for (std::size_t i = 0; i < values.size(); ++i) text += (i ? "," : "") + csv_field(values[i]);
      text += '\n';
    }
    if (const std::string failed = write_file(args.csv, text); !failed.empty()) {
      fmt::print(stderr, "vigil bench: {}\n", failed);
      return kExitInputError;
    }
    fmt::print("table written to {}\n", args.csv);
  }
  if (any_input_error) return kExitInputError;
  return any_infeasible ? kExitInfeasible : kExitOk;
}

}  // namespace

Handler setup_bench(CLI::App& sub) {
  auto args = std::make_shared<BenchArgs>();
  sub.add_option("--dir", args->dir,
                 "Benchmark folder with InstanceN.txt and best_known.csv (default: ../shared/benchmarks/nrp next to "
                 "the source tree)");
  sub.add_option("--instances", args->instances, "Instance numbers, e.g. 1,2,10-12")->capture_default_str();
  add_time_flag(sub, args->search, " per run", fmt::format("{:g}", kBenchmarkDefaultSeconds));
  sub.add_option("--seeds", args->seeds, "Seeds, one run each, e.g. 1,2,3 or 1-5")->capture_default_str();
  add_threads_flag(sub, args->search.threads, " per run");
  sub.add_option("--csv", args->csv, "Also write the results table to this CSV file");
  add_work_flag(sub, args->search.work, " per run");
  auto serve = std::make_shared<ServeBenchArgs>();
  auto serve_mode = std::make_shared<bool>(false);
  sub.add_flag("--serve", *serve_mode,
               "Measure the workspace server instead: readers of the plan in force, the repair round trip, a "
               "battalion's store");
  sub.add_option("--clients", serve->clients, "With --serve: concurrent readers")->capture_default_str();
  sub.add_option("--seconds", serve->seconds, "With --serve: how long the readers read")->capture_default_str();
  sub.add_option("--versions", serve->versions, "With --serve: plan versions in the battalion's store")
      ->capture_default_str();
  auto unit = std::make_shared<UnitBenchArgs>();
  auto unit_mode = std::make_shared<bool>(false);
  sub.add_flag("--unit", *unit_mode,
               "Run the unit cases instead: the reference unit (examples/unit-64.yaml) and a generated battalion "
               "(600 people, 30 posts, 3 rest centers, 84 days); --seeds, --threads and --csv apply");
  sub.add_option("--cases", unit->cases,
                 "With --unit: which cases (unit-64, battalion; tight: the tight units of tests/data/tight/, each run "
                 "until its first plan keeping every hard rule; repair: single losses repaired on unit-64 plans; "
                 "resilience: the full single-loss check)")
      ->capture_default_str();
  sub.add_option("--repairs", unit->repair_losses, "With --unit: single losses repaired per seed")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  sub.add_option("--repair-time", unit->repair_time, "With --unit: time limit of one repair in seconds")
      ->check(CLI::Range(0.001, 1e5))
      ->capture_default_str();
  sub.add_option("--repair-work", unit->repair_work,
                 "With --unit: moves per repair instead of --repair-time (0 = the clock): the repairs are then the "
                 "same on any machine and load")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000'000}))
      ->capture_default_str();
  sub.add_option("--resilience-work", unit->resilience_work, "With --unit: moves per loss in the resilience check")
      ->check(CLI::Range(1, 1'000'000'000))
      ->capture_default_str();
  sub.add_option("--unit-time", unit->unit_time, "With --unit: time limit of a unit-64 (or tight unit) run in seconds")
      ->check(CLI::Range(0.001, 1e7))
      ->capture_default_str();
  sub.add_option("--battalion-time", unit->battalion_time, "With --unit: time limit of a battalion run in seconds")
      ->check(CLI::Range(0.001, 1e7))
      ->capture_default_str();
  return [args, unit, unit_mode, serve, serve_mode, &sub]() -> int {
    if (*serve_mode) return run_serve_bench(*serve);
    if (!*unit_mode) return run_bench(*args);
    if (sub.count("--seeds")) unit->seeds = args->seeds;
    unit->threads = args->search.threads;
    unit->csv = args->csv;
    return run_unit_bench(*unit);
  };
}

}  // namespace vigil::app
