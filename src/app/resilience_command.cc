// `vigil resilience SCENARIO --roster PLAN.json`: for the loss of each single
// person at each changeover, can the plan be repaired keeping every hard
// rule? Prints the weakest points in plain words and a summary score.
#include <algorithm>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/search_flags.h"
#include "io/unit_roster_json.h"
#include "model/wording.h"
#include "solve/resilience.h"

namespace vigil::app {

Handler setup_resilience(CLI::App& sub) {
  struct Args {
    std::string scenario, roster;
    ResilienceOptions options;
    int listed = 20;
  };
  auto args = std::make_shared<Args>();
  sub.add_option("scenario", args->scenario, "Scenario file (.yaml)")->required();
  sub.add_option("--roster", args->roster, "The plan to test (.json, as written by vigil solve)")->required();
  sub.add_option("--work", args->options.work_per_case, "Move evaluations per repaired loss")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  // Ranges as docs/limits.md: days as a scenario's horizon (at most 3650).
  sub.add_option("--first-day", args->options.first_day, "First changeover to test")
      ->check(CLI::Range(0, 3649))
      ->capture_default_str();
  sub.add_option("--last-day", args->options.last_day, "Last changeover to test (-1: the last day)")
      ->check(CLI::Range(-1, 3649))
      ->capture_default_str();
  sub.add_option("--every", args->options.every,
                 "Days between the changeovers tested (0: the rotation's, every post-days days; 1: every day)")
      ->check(CLI::Range(0, 10000))
      ->capture_default_str();
  sub.add_flag("--pairs", args->options.pairs,
               "Lose every pair of people at once instead of one (n(n-1)/2 cases per changeover: narrow it with "
               "--first-day and --last-day)");
  add_seed_flag(sub, args->options.seed);
  sub.add_option("--list", args->listed, "How many weak points to list")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  return [args]() -> int {
    auto problem = load_instance(args->scenario);
    if (!problem) return kExitInputError;
    if (!problem->is_unit()) {
      fmt::print(stderr, "{}: expected a scenario file (.yaml)\n", args->scenario);
      return kExitInputError;
    }
    auto plan = read_unit_roster(*problem, args->roster);
    if (!plan) {
      fmt::print(stderr, "{}\n", plan.error().format());
      return kExitInputError;
    }
    const ResilienceReport report = check_resilience(*problem, *plan, args->options);
    std::vector<const LossCase*> weak;
    for (const LossCase& c : report.cases)
      if (!c.repaired) weak.push_back(&c);
    std::stable_sort(weak.begin(), weak.end(),
                     [](const LossCase* a, const LossCase* b) { return a->hard_left > b->hard_left; });
    fmt::print("vigil resilience {}: {} {} (lost for good at each changeover tested), "
               "{} repairs of at most {} moves; seed {}\n",
               args->scenario, report.cases.size(), args->options.pairs ? "losses of two people" : "single losses",
               report.cases.size(), args->options.work_per_case, args->options.seed);
    const char* what = args->options.pairs ? "loss of two" : "single loss";
    if (weak.empty()) fmt::print("Every {} can be repaired keeping every hard rule.\n", what);
    else fmt::print("Weakest points ({} losses the repair could not absorb; worst first):\n", weak.size());
    for (std::size_t i = 0; i < weak.size() && static_cast<int>(i) < args->listed; ++i) {
      const LossCase& c = *weak[i];
      std::string consequence;
      for (std::size_t k = 0; k < c.consequences.size(); ++k)
        consequence += (k == 0 ? "" : k + 1 == c.consequences.size() ? " and " : ", ") + c.consequences[k];
      const std::string who = c.second < 0 ? problem->people[c.person].name
                                           : problem->people[c.person].name + " and " + problem->people[c.second].name;
      fmt::print("  - losing {} on {} {} ({} hard unit{} left; first: {})\n", who, day_label(*problem, c.day),
                 consequence, c.hard_left, c.hard_left == 1 ? "" : "s", c.first_problem);
    }
    if (static_cast<int>(weak.size()) > args->listed) fmt::print("  ... and {} more\n", weak.size() - args->listed);
    fmt::print("resilience score: {:.1f} % of {} repaired ({} of {}) in {:.1f} s\n", report.score(),
               args->options.pairs ? "losses of two" : "single losses",
               report.repaired, report.cases.size(), report.seconds);
    return weak.empty() ? kExitOk : kExitInfeasible;
  };
}

}  // namespace vigil::app
