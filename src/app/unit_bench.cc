// `vigil bench --unit`: the unit cases of the benchmark. Each (case, seed)
// runs in its own child (run_forked) so peak memory is per run. Prints a
// table of medians: time until every hard rule is kept, the plan's hard units
// and wishes cost, the fairness spreads and the search speed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "app/commands.h"
#include "eval/evaluation.h"
#include "io/scenario_reader.h"
#include "model/unit_generator.h"
#include "report/unit_summary.h"

namespace vigil::app {
namespace {

namespace fs = std::filesystem;

struct UnitCase {
  std::string name;
  double time = 0;
  std::function<Result<Problem>()> load;
};

nlohmann::json solve_case(const UnitCase& c, const SolveOptions& options) {
  auto problem = c.load();
  if (!problem) return {{"error", problem.error().headline()}};
  const SolveResult r = solve(*problem, options);
  const Evaluation ev = evaluate(*problem, r.roster);
  const UnitFairness fair = unit_fairness(*problem, r.roster);
  return {{"feasible", ev.score.feasible()},    {"hard", ev.score.hard},
          {"soft", ev.score.soft},              {"time_to_feasible", r.time_to_feasible},
          {"seconds", r.seconds},               {"moves_per_second", r.moves_per_second()},
          {"night_spread", fair.night_spread},  {"hours_spread", fair.hours_spread},
          {"always_night_spread", fair.always_night_spread}, {"always_hours_spread", fair.always_hours_spread},
          {"people", problem->person_count()},  {"days", problem->days()}};
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::vector<std::uint64_t> parse_seeds(const std::string& text) {
  std::vector<std::uint64_t> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(',', i);
    if (j == std::string::npos) j = text.size();
    const std::string item = text.substr(i, j - i);
    const auto dash = item.find('-');
    try {
      if (dash == std::string::npos) {
        out.push_back(std::stoull(item));
      } else {
        const auto a = std::stoull(item.substr(0, dash)), b = std::stoull(item.substr(dash + 1));
        for (auto s = a; s <= b && out.size() < 10000; ++s) out.push_back(s);
      }
    } catch (const std::exception&) {
      return {};
    }
    i = j + 1;
  }
  return out;
}

}  // namespace

int run_unit_bench(const UnitBenchArgs& args) {
  const auto seeds = parse_seeds(args.seeds);
  if (seeds.empty()) {
    fmt::print(stderr, "vigil bench --unit: --seeds '{}': expected numbers like 1,2,3 or 1-5\n", args.seeds);
    return kExitInputError;
  }
  std::string unit_file = "examples/unit-64.yaml";
  if (!fs::exists(unit_file)) unit_file = std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml";
  std::vector<UnitCase> cases;
  if (args.cases.find("unit-64") != std::string::npos)
    cases.push_back({"unit-64", args.unit_time, [unit_file] { return read_scenario(unit_file); }});
  if (args.cases.find("battalion") != std::string::npos)
    cases.push_back({"battalion-600", args.battalion_time, [] {
                       GeneratorOptions g;
                       g.people = 600;
                       g.posts = 30;
                       g.rest_centers = 3;
                       g.days = 84;
                       g.seed = 1;
                       return generate_unit(g);
                     }});
  if (cases.empty()) {
    fmt::print(stderr, "vigil bench --unit: --cases '{}': expected unit-64 and/or battalion\n", args.cases);
    return kExitInputError;
  }
  fmt::print("vigil bench --unit: {} case(s) x {} seed(s), {} thread(s) per run\n", cases.size(), seeds.size(),
             args.threads);
  fmt::print("{:<14} {:>6} {:>7} {:>9} {:>9} {:>5} {:>7} {:>6} {:>6} {:>7} {:>7} {:>9} {:>8}\n", "case", "people",
             "limit s", "kept/runs", "t kept s", "hard", "wishes", "night", "hours", "night*", "hours*", "M moves/s",
             "peak MiB");
  std::string csv = "case,seed,people,days,limit_s,feasible,time_to_feasible_s,hard,wishes_cost,night_spread,"
                    "hours_spread,always_night_spread,always_hours_spread,moves_per_second,peak_mib\n";
  bool all_kept = true;
  for (const UnitCase& c : cases) {
    std::vector<double> t_kept, hard, soft, night, hours, night_always, hours_always, mps, peak;
    int kept = 0, people = 0;
    for (std::uint64_t seed : seeds) {
      SolveOptions options;
      options.time_limit_seconds = c.time;
      options.seed = seed;
      options.threads = args.threads;
      const ForkedRun run = run_forked([&] { return solve_case(c, options); }, c.time * 3 + 60);
      if (!run.error.empty()) {
        fmt::print(stderr, "  {} seed {}: {}\n", c.name, seed, run.error);
        all_kept = false;
        continue;
      }
      const auto& j = run.reply;
      const bool feasible = j["feasible"].get<bool>();
      kept += feasible ? 1 : 0;
      all_kept = all_kept && feasible;
      people = j["people"].get<int>();
      const double tf = j["time_to_feasible"].get<double>();
      if (feasible) t_kept.push_back(tf);
      hard.push_back(j["hard"].get<double>());
      soft.push_back(j["soft"].get<double>());
      night.push_back(j["night_spread"].get<double>());
      hours.push_back(j["hours_spread"].get<double>());
      night_always.push_back(j["always_night_spread"].get<double>());
      hours_always.push_back(j["always_hours_spread"].get<double>());
      mps.push_back(j["moves_per_second"].get<double>() / 1e6);
      peak.push_back(run.peak_mib);
      csv += fmt::format("{},{},{},{},{},{},{:.3f},{},{},{},{},{},{},{:.0f},{:.1f}\n", c.name, seed, people,
                         j["days"].get<int>(), c.time, feasible ? 1 : 0, tf, j["hard"].get<std::int64_t>(),
                         j["soft"].get<std::int64_t>(), j["night_spread"].get<int>(), j["hours_spread"].get<double>(),
                         j["always_night_spread"].get<int>(), j["always_hours_spread"].get<double>(),
                         j["moves_per_second"].get<double>(), run.peak_mib);
    }
    fmt::print("{:<14} {:>6} {:>7.0f} {:>9} {:>9} {:>5.0f} {:>7.0f} {:>6.0f} {:>6.0f} {:>7.0f} {:>7.0f} {:>9.2f} {:>8.1f}\n",
               c.name, people, c.time, fmt::format("{}/{}", kept, seeds.size()),
               t_kept.size() == seeds.size() ? fmt::format("{:.2f}", median(t_kept)) : std::string("-"), median(hard),
               median(soft), median(night), median(hours), median(night_always), median(hours_always), median(mps),
               median(peak));
    std::fflush(stdout);
  }
  fmt::print("columns: medians over seeds; 't kept s' = seconds until every hard rule was kept (shown when every seed "
             "got there); night/hours = max - min night watches / watch hours per person present; night*/hours* = the same "
             "among the people present every day\n");
  if (!args.csv.empty()) {
    std::ofstream out(args.csv);
    if (!out) {
      fmt::print(stderr, "vigil bench --unit: cannot write {}\n", args.csv);
      return kExitInputError;
    }
    out << csv;
  }
  return all_kept ? kExitOk : kExitInfeasible;
}

}  // namespace vigil::app
