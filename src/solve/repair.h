// Repairing a unit plan: the plan in force plus what happened (events, or a
// loss of people) and the moment `now` give a repaired plan that keeps the
// past as it was, with its evaluation and, when a hard rule cannot be kept,
// what stays broken. The one place a repair is assembled: `vigil repair`,
// the resilience check, the unit benchmark and (later) a server all call it.
// The change report (report/change_report.h) is built by the caller from the
// outcome's problem, plan in force, repaired roster and now.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/input_error.h"
#include "eval/evaluation.h"
#include "eval/unkept_rules.h"
#include "model/events.h"
#include "model/problem.h"
#include "model/roster.h"
#include "solve/solver.h"

namespace vigil {

struct RepairOptions {
  double time_limit_seconds = 5;
  std::int64_t work_limit = 0;  // move evaluations per thread; 0: the time limit applies (see SolveOptions)
  std::uint64_t seed = 1;
  int threads = 1;
  // Stop at the first plan keeping every hard rule (the resilience check asks
  // only whether one exists), instead of settling to as few changes as possible.
  bool first_feasible = false;
  bool check_mode = false;  // see SolveOptions::check_mode
  // The evaluation of a plan keeping every hard rule is explained too (the
  // plan's files list its unmet wishes). Off, only a broken plan's is: the
  // resilience check then skips an explanation per repaired case.
  bool explain_kept_plans = true;
  // Called from the search threads on each improvement (see solve()).
  std::function<void(const Progress&)> on_progress;
  // Cancellation from another thread: see SolveOptions::cancel.
  const std::atomic<bool>* cancel = nullptr;
};

// A repair ready to run: the problem after the events, its repair base set
// (the plan in force and now), and the plan in force moved onto it.
struct RepairCase {
  Problem problem;
  Roster plan_in_force;
  int now_minute = 0;
};

struct RepairOutcome {
  Problem problem;        // after the events, with its repair base
  Roster plan_in_force;   // on `problem`
  int now_minute = 0;
  SolveResult search;     // search.roster is the repaired plan; timing, moves, stop reason, check failure
  Evaluation evaluation;  // of search.roster; explained unless options said otherwise for a kept plan
  bool all_hard_kept = false;
  std::vector<UnkeptRule> unkept;  // the hard rules left broken, by rule and place; empty when all are kept

  const Roster& roster() const { return search.roster; }
};

// Applies the events (model/events.h apply_events: each at or after
// `now_minute`; errors name `events_source`), moves the plan onto the changed
// problem by names and sets its repair base.
Result<RepairCase> prepare_repair(const Problem& problem_before_events, const Roster& plan_in_force,
                                  const std::vector<UnitEvent>& events, int now_minute,
                                  const std::string& events_source = "events");

// Runs the search from the plan in force (nothing starting before now
// changes), then evaluates the best plan found.
RepairOutcome run_repair(RepairCase repair, const RepairOptions& options);

// prepare_repair, then run_repair: the event that cannot be applied, or the outcome.
Result<RepairOutcome> repair_plan(const Problem& problem_before_events, const Roster& plan_in_force,
                                  const std::vector<UnitEvent>& events, int now_minute, const RepairOptions& options,
                                  const std::string& events_source = "events");

// A loss as events: each of `people` (indices into problem.people)
// unavailable from `from_minute` until `until_minute` (Absence::kForever:
// for good), for `reason`.
std::vector<UnitEvent> loss_events(const Problem& problem, const std::vector<int>& people, int from_minute,
                                   int until_minute = Absence::kForever, const std::string& reason = "lost");

}  // namespace vigil
