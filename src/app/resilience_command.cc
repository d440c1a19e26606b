// `vigil resilience SCENARIO --roster PLAN.json`: for the loss of each single
// person at each changeover, can the plan be repaired keeping every hard
// rule? Prints the weakest points in plain words and a summary score; with
// --out, writes the cases (of one --shard) as a shard file for vigil merge.
#include <fmt/format.h>

#include "app/commands.h"
#include "app/search_flags.h"
#include "app/shard_support.h"
#include "io/unit_roster_json.h"
#include "model/wording.h"
#include "report/resilience_report.h"
#include "solve/resilience.h"

namespace vigil::app {

namespace {

LossRow row_of(const Problem& problem, const LossCase& c) {
  LossRow r;
  r.day = c.day;
  r.person = c.person;
  r.second = c.second;
  r.who = c.second < 0 ? problem.people[c.person].name
                       : problem.people[c.person].name + " and " + problem.people[c.second].name;
  r.when = day_label(problem, c.day);
  r.repaired = c.repaired;
  r.hard_left = c.hard_left;
  r.first_problem = c.first_problem;
  r.consequences = c.consequences;
  return r;
}

// The header of this run's shard file: the inputs' hashes and every option
// that decides the case list or a case's answer (not --list, not the paths).
ShardHeader shard_header(const std::string& scenario, const std::string& roster, const ResilienceOptions& o,
                         std::size_t total, std::string& error) {
  ShardHeader h;
  h.kind = "resilience";
  h.inputs["scenario"] = input_entry(scenario, error);
  if (error.empty()) h.inputs["roster"] = input_entry(roster, error);
  h.parameters = {{"pairs", o.pairs},         {"work", o.work_per_case}, {"seed", o.seed},
                  {"first_day", o.first_day}, {"last_day", o.last_day},  {"every", o.every}};
  h.shard = o.shard;
  h.total = total;
  return h;
}

}  // namespace

Handler setup_resilience(CLI::App& sub) {
  struct Args {
    std::string scenario, roster;
    ResilienceOptions options;
    ShardFlags shard;
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
               "--first-day and --last-day, or split it with --shard)");
  add_seed_flag(sub, args->options.seed);
  add_shard_flags(sub, args->shard, "losses");
  sub.add_option("--list", args->listed, "How many weak points to list")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  return [args]() -> int {
    if (args->shard.parsed.count > 1 && args->shard.out.empty()) {
      fmt::print(stderr, "--shard {}: a shard's cases go to a file for vigil merge: add --out FILE.jsonl\n", args->shard.shard);
      return kExitInputError;
    }
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
    ResilienceOptions options = args->options;
    options.shard = args->shard.parsed;
    const ResilienceReport report = check_resilience(*problem, *plan, options);
    if (!args->shard.out.empty()) {
      std::string error;
      const ShardHeader header =
          shard_header(args->scenario, args->roster, options, report.total, error);
      if (!error.empty()) {
        fmt::print(stderr, "{}\n", error);
        return kExitInputError;
      }
      std::vector<ShardCase> cases;
      for (const LossCase& c : report.cases) cases.push_back({c.index, loss_row_json(row_of(*problem, c))});
      return write_shard_output(args->shard.out, header, cases, report.seconds);
    }
    ResilienceSummary summary{args->scenario, options.pairs, options.work_per_case, options.seed, {}};
    for (const LossCase& c : report.cases) summary.rows.push_back(row_of(*problem, c));
    std::string text = resilience_report_text(summary, args->listed);
    text.pop_back();
    fmt::print("{} in {:.1f} s\n", text, report.seconds);
    return report.repaired == static_cast<int>(report.cases.size()) ? kExitOk : kExitInfeasible;
  };
}

}  // namespace vigil::app
