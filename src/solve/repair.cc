// Repairs of a unit plan (see repair.h).
#include "solve/repair.h"

#include <utility>

namespace vigil {

Result<RepairCase> prepare_repair(const Problem& problem_before_events, const Roster& plan_in_force,
                                  const std::vector<UnitEvent>& events, int now_minute,
                                  const std::string& events_source) {
  auto after = apply_events(problem_before_events, events, now_minute, events_source);
  if (!after) return after.error();
  RepairCase repair{std::move(*after), Roster(), now_minute};
  repair.plan_in_force = remap_roster(problem_before_events, plan_in_force, repair.problem);
  repair.problem.unit->repair = RepairBase{repair.plan_in_force, now_minute};
  return repair;
}

RepairOutcome run_repair(RepairCase repair, const RepairOptions& options) {
  SolveOptions solve_options;
  solve_options.time_limit_seconds = options.time_limit_seconds;
  solve_options.work_limit = options.work_limit;
  solve_options.seed = options.seed;
  solve_options.threads = options.threads;
  solve_options.first_feasible = options.first_feasible;
  solve_options.check_mode = options.check_mode;
  solve_options.cancel = options.cancel;
  solve_options.start = repair.plan_in_force;
  RepairOutcome out;
  out.search = solve(repair.problem, solve_options, options.on_progress);
  // The plan says itself who moved at now (model/unit.h, "Transfers").
  record_transfers(repair.problem, out.search.roster);
  // A kept plan's explanation is the slow part of a short repair; the
  // resilience check, thousands of them, asks only about broken ones.
  const bool explain = options.explain_kept_plans || !out.search.found_feasible;
  out.evaluation = evaluate(repair.problem, out.search.roster, explain);
  out.all_hard_kept = out.evaluation.score.feasible();
  if (!out.all_hard_kept) out.unkept = unkept_rules(repair.problem, out.evaluation);
  out.problem = std::move(repair.problem);
  out.plan_in_force = std::move(repair.plan_in_force);
  out.now_minute = repair.now_minute;
  return out;
}

Result<RepairOutcome> repair_plan(const Problem& problem_before_events, const Roster& plan_in_force,
                                  const std::vector<UnitEvent>& events, int now_minute, const RepairOptions& options,
                                  const std::string& events_source) {
  auto prepared = prepare_repair(problem_before_events, plan_in_force, events, now_minute, events_source);
  if (!prepared) return prepared.error();
  return run_repair(std::move(*prepared), options);
}

std::vector<UnitEvent> loss_events(const Problem& problem, const std::vector<int>& people, int from_minute,
                                   int until_minute, const std::string& reason) {
  std::vector<UnitEvent> events;
  for (int p : people) {
    UnitEvent e;
    e.kind = UnitEvent::Kind::kUnavailable;
    e.person = problem.people[static_cast<std::size_t>(p)].name;
    e.from_minute = from_minute;
    e.until_minute = until_minute;
    e.reason = reason;
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace vigil
