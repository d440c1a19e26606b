// `vigil solve SCENARIO.yaml`: the duty officer's main command. Says before
// the search what a quick count proves impossible, plans, prints a short
// summary (rules kept, wishes met, fairness) and writes the plan's files.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sys/resource.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "base/files.h"
#include "eval/evaluation.h"
#include "eval/precheck_partners.h"
#include "eval/unit_precheck.h"
#include "report/unit_outputs.h"
#include "io/unit_roster_json.h"
#include "io/unit_time.h"
#include "model/wording.h"
#include "report/unit_summary.h"

namespace vigil::app {

int run_unit_solve(const Problem& scenario, const SolveOptions& given, const UnitSolveArgs& args) {
  SolveOptions options = given;
  const bool chatty = !args.quiet && !args.json;
  // Settled before the search: a wrong --start-date or output folder is said at once.
  Problem problem = scenario;
  if (auto err = settle_start_date(problem, args.start_date, std::nullopt, ""); !err.empty()) {
    fmt::print(stderr, "{}\n", err);
    return kExitInputError;
  }
  std::string out_dir = args.out_dir;
  if (out_dir.empty()) out_dir = std::filesystem::path(args.scenario).stem().string() + "-plan";
  if (auto err = check_replaceable_folder(out_dir, "roster.json"); !err.empty()) {
    fmt::print(stderr, "--out-dir {}\n", err);
    return kExitInputError;
  }
  int posts = 0, rests = 0;
  for (const Place& p : problem.places) {
    posts += p.kind == PlaceKind::kPost ? 1 : 0;
    rests += p.kind == PlaceKind::kRestCenter ? 1 : 0;
  }
  if (chatty)
    fmt::print("vigil solve {}: {}, {} people, {} posts, {} rest center(s), {} days; seed {}, {} thread(s), {}\n",
               args.scenario, problem.name, problem.person_count(), posts, rests, problem.days(), args.seed,
               args.threads,
               args.work > 0 ? fmt::format("work limit {} moves", args.work)
                             : fmt::format("time limit {} s", options.time_limit_seconds));
  if (chatty) fmt::print("{}", args.memory_line);

  const std::vector<Finding> findings = precheck_unit(problem);
  const std::int64_t proven = proven_minimum(findings);
  if (chatty && !findings.empty()) {
    fmt::print("\nThese rules cannot all be kept (a count proves it before any search):\n");
    for (const Finding& f : findings) {
      fmt::print("  [{}] {}\n", rule_name(f.rule), f.text);
      if (!f.hint.empty()) fmt::print("      hint: {}\n", f.hint);
    }
    if (proven > 0) fmt::print("Every plan breaks at least {} hard unit{}.\n", proven, proven == 1 ? "" : "s");
    fmt::print("vigil still plans the unit and lists every rule it breaks.\n\n");
  }
  const std::vector<std::string> warnings = partner_warnings(problem);
  if (chatty && !warnings.empty()) {
    fmt::print("\nWarning: nobody can share a watch with {}:\n",
               warnings.size() == 1 ? std::string("this person") : fmt::format("these {} people", warnings.size()));
    for (const std::string& w : warnings) fmt::print("  {}\n", w);
    fmt::print("\n");
  }

  if (args.work == 0) {
    // --time covers the whole command: what reading took is gone, and writing
    // the plan's files (about 40 us per person-day, measured on the
    // battalion) is kept back from the search, at most half the budget.
    const double budget = options.time_limit_seconds;
    const double writing = 0.05 + 40e-6 * problem.person_count() * problem.days();
    options.time_limit_seconds = std::max(0.1 * budget, budget - command_seconds() - std::min(writing, 0.5 * budget));
  }
  const SolveResult r = solve(problem, options, [&](const Progress& p) {
    if (chatty) {
      fmt::print("  {:>8.3f} s  hard {:>5}  wishes cost {:>8}\n", p.seconds, p.best.hard, p.best.soft);
      std::fflush(stdout);
    }
  });
  if (!r.check_failure.empty()) {
    fmt::print(stderr, "{}\n", r.check_failure);
    return kExitInfeasible;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;

  const Evaluation ev = evaluate(problem, r.roster, true);

  OutputOptions out_options;
  out_options.stamp = new_plan_stamp(nullptr);
  out_options.calendar_sequence = out_options.stamp.version - 1;  // 0: the first plan
  out_options.sheet_language = args.sheet_language;
  if (auto err = write_plan_folder(problem, r.roster, ev, out_dir, out_options); !err.empty()) {
    fmt::print(stderr, "{}\n", err);
    return kExitInputError;
  }
  const UnitSummary summary = summarize_unit(problem, r.roster, ev);
  if (!args.out.empty())
    if (auto err = write_file(args.out, unit_roster_to_json(problem, r.roster, out_options.stamp)); !err.empty()) {
      fmt::print(stderr, "{}\n", err);
      return kExitInputError;
    }

  if (args.json) {
    nlohmann::json j = {{"scenario", args.scenario},
                        {"seed", args.seed},
                        {"threads", args.threads},
                        {"feasible", ev.score.feasible()},
                        {"hard", ev.score.hard},
                        {"wishes_cost", ev.score.soft},
                        {"seconds", r.seconds},
                        {"time_to_feasible", r.time_to_feasible},
                        {"moves_to_feasible", r.moves_to_feasible},
                        {"time_to_best", r.time_to_best},
                        {"moves", r.moves},
                        {"moves_per_second", r.moves_per_second()},
                        {"peak_mib", peak_mib},
                        {"night_spread", summary.fairness.night_spread},
                        {"hours_spread", summary.fairness.hours_spread},
                        {"requests", summary.requests},
                        {"requests_met", summary.requests_met},
                        {"precheck_findings", findings.size()},
                        {"proven_minimum", proven},
                        {"optimal", proven > 0 && ev.score.hard == proven},
                        {"partner_warnings", warnings.size()},
                        {"out_dir", out_dir},
                        {"stop", stop_reason_name(r.reason)}};
    fmt::print("{}\n", j.dump());
  } else {
    if (chatty) fmt::print("\n{}", unit_summary_text(summary, 12));
    fmt::print("result: {} hard {}{} wishes cost {} | {:.2f} s, all hard rules kept at {} | {} moves ({:.2f} M/s) | "
               "peak {:.0f} MiB | stop: {} | seed {}\n",
               ev.score.feasible() ? "all hard rules kept" : "SOME HARD RULES BROKEN", ev.score.hard,
               proven > 0 ? fmt::format(" (proven minimum {}{})", proven, ev.score.hard == proven ? ": optimal" : "")
                          : std::string(),
               ev.score.soft,
               r.seconds, r.time_to_feasible >= 0 ? fmt::format("{:.2f} s", r.time_to_feasible) : std::string("-"),
               r.moves, r.moves_per_second() / 1e6, peak_mib, stop_reason_name(r.reason), args.seed);
    if (chatty)
      fmt::print("plan written to {}/ (summary.txt lists every broken rule and unmet wish; watch-bill.html, "
                 "rotation.svg, people/, roster.json)\n",
                 out_dir);
    if (chatty && !problem.start_date) fmt::print("{}\n", no_start_date_note());
  }
  return ev.score.feasible() ? kExitOk : kExitInfeasible;
}

}  // namespace vigil::app
