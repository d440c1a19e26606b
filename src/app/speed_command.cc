// `vigil speed`: how fast the incremental evaluator prices moves. It times
// pure delta evaluations (nothing applied) of each move kind on random cells
// of a solved roster, repeats each measurement and prints medians, with a
// from-scratch evaluation as the baseline measured in the same run.
#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <random>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/search_flags.h"
#include "base/stats.h"
#include "eval/incremental_evaluator.h"
#include "io/nrp_reader.h"
#include "solve/solver.h"

namespace vigil::app {
namespace {

using Clock = std::chrono::steady_clock;

// Runs `body(rng)` in batches for about `seconds`; returns calls per second.
template <class Body>
double rate(double seconds, std::uint64_t seed, Body&& body) {
  std::mt19937_64 rng(seed);
  std::int64_t calls = 0;
  std::int64_t sink = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 4096; ++i) sink += body(rng);
    calls += 4096;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  // Keeps the optimiser from dropping the work.
  if (sink == 42) fmt::print(" ");
  return static_cast<double>(calls) / elapsed;
}

}  // namespace

Handler setup_speed(CLI::App& sub) {
  struct Args {
    std::string instance;
    double seconds = 1.0;
    int repeats = 5;
    std::uint64_t seed = 1;
  };
  auto args = std::make_shared<Args>();
  sub.add_option("instance", args->instance, "Instance file (benchmark text format)")->required();
  sub.add_option("--seconds", args->seconds, "Seconds per measurement")->check(CLI::Range(0.05, 600.0))->capture_default_str();
  sub.add_option("--repeats", args->repeats, "Measurements per move kind (the median is shown)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  add_seed_flag(sub, args->seed);
  return [args]() -> int {
    auto problem = load_instance(args->instance);
    if (!problem) return kExitInputError;
    // The moves timed here are the benchmark evaluator's; a unit has its own
    // evaluator, whose speed `vigil solve` prints as moves per second.
    if (problem->kind() != ProblemKind::kBenchmark) {
      fmt::print(stderr,
                 "vigil speed: {}: expected a benchmark instance (.txt), got a scenario; a scenario's search speed is "
                 "the moves per second `vigil solve` prints\n",
                 args->instance);
      return kExitInputError;
    }
    // A realistic roster to price moves on: a short solve without the LP.
    SolveOptions options;
    options.work_limit = 200000;
    options.seed = args->seed;
    options.column_generation = false;
    const SolveResult solved = solve(*problem, options);
    const ProblemIndex index(*problem);
    IncrementalEvaluator eval(*problem, index, solved.roster);
    const int P = problem->person_count(), D = problem->days(), S = problem->shift_count();
    fmt::print("vigil speed {}: {} people, {} days, {} shift kinds; seed {}; {} x {:.2f} s per move kind\n",
               args->instance, P, D, S, args->seed, args->repeats, args->seconds);

    struct Kind {
      const char* name;
      std::function<std::int64_t(std::mt19937_64&)> body;
    };
    const std::vector<Kind> kinds = {
        {"change one cell", [&](std::mt19937_64& rng) {
           const int p = static_cast<int>(rng() % P), d = static_cast<int>(rng() % D);
           const auto v = static_cast<ShiftCode>(static_cast<int>(rng() % (S + 1)) - 1);
           return eval.change_delta(p, d, v).soft;
         }},
        {"swap one day", [&](std::mt19937_64& rng) {
           const int a = static_cast<int>(rng() % P), b = static_cast<int>(rng() % P), d = static_cast<int>(rng() % D);
           return eval.swap_delta(a, b, d, 1).soft;
         }},
        {"swap 2-7 days", [&](std::mt19937_64& rng) {
           const int n = std::min(D, 2 + static_cast<int>(rng() % 6));
           const int a = static_cast<int>(rng() % P), b = static_cast<int>(rng() % P);
           const int first = static_cast<int>(rng() % static_cast<std::uint64_t>(D - n + 1));
           return eval.swap_delta(a, b, first, n).soft;
         }},
        {"full evaluation (baseline)", [&](std::mt19937_64&) {
           return evaluate(*problem, index, eval.roster()).score.soft;
         }},
    };
    fmt::print("\n{:<28} {:>14} {:>14}\n", "move kind", "median /s", "best /s");
    std::vector<double> medians;
    for (const Kind& k : kinds) {
      std::vector<double> runs;
      const double seconds = k.name[0] == 'f' ? std::min(args->seconds, 0.5) : args->seconds;
      for (int r = 0; r < args->repeats; ++r) runs.push_back(rate(seconds, args->seed + static_cast<std::uint64_t>(r), k.body));
      medians.push_back(median(runs));
      const double best = *std::max_element(runs.begin(), runs.end());
      fmt::print("{:<28} {:>12.3f} M {:>12.3f} M\n", k.name, medians.back() / 1e6, best / 1e6);
    }
    // Ratios against the full evaluation, now that it is measured.
    fmt::print("\nspeed-up of each delta over a full evaluation: ");
    for (std::size_t i = 0; i + 1 < kinds.size(); ++i)
      fmt::print("{}{}: {:.0f}x", i ? ", " : "", kinds[i].name, medians[i] / medians.back());
    fmt::print("\n");
    return kExitOk;
  };
}

}  // namespace vigil::app
