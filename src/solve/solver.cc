// Runs the workers, one per thread, and merges their results. With a work
// limit the merge is deterministic: the best score wins, ties go to the
// lowest thread index.
#include "solve/solver.h"


#include "eval/problem_index.h"
#include "solve/local_search.h"
#include "solve/unit_search.h"

namespace vigil {

const char* stop_reason_name(StopReason r) {
  switch (r) {
    case StopReason::kTimeLimit: return "time limit";
    case StopReason::kWorkLimit: return "work limit";
    case StopReason::kTarget: return "target reached";
    case StopReason::kProvenOptimal: return "optimal (lower bound reached)";
    case StopReason::kInterrupted: return "interrupted";
  }
  return "?";
}

SolveResult solve(const Problem& problem, const SolveOptions& options,
                  const std::function<void(const Progress&)>& on_progress) {
  if (problem.is_unit()) return solve_unit(problem, options, on_progress);
  const ProblemIndex index(problem);
  SearchControl control;
  control.start = std::chrono::steady_clock::now();
  control.time_limit = options.time_limit_seconds;
  control.cancel = options.cancel;

  BestReporter on_best(on_progress);
  const int threads = std::max(1, options.threads);
  std::vector<std::unique_ptr<LocalSearch>> workers;
  for (int t = 0; t < threads; ++t)
    workers.push_back(std::make_unique<LocalSearch>(problem, index, options, worker_seed(options.seed, t), t, control,
                                                    std::ref(on_best)));
  run_workers(workers);

  SolveResult result;
  result.seconds = control.elapsed();
  const LocalSearch* winner = nullptr;
  for (const auto& w : workers) {
    result.moves += w->moves();
    result.line_rebuilds += w->line_rebuilds();
    if (!w->check_failure().empty() && result.check_failure.empty()) result.check_failure = w->check_failure();
    if (w->found_feasible() && (!winner || w->best_score() < winner->best_score())) winner = w.get();
  }
  result.reason = workers[0]->reason();
  result.proven_lower_bound = workers[0]->own_bound();
  result.bound_note = workers[0]->bound_note();
  result.lp_solves = workers[0]->cg_iterations();
  for (const auto& w : workers)
    if (w->reason() == StopReason::kProvenOptimal || w->reason() == StopReason::kTarget ||
        w->reason() == StopReason::kInterrupted)
      result.reason = w->reason();
  if (winner) {
    result.found_feasible = true;
    result.roster = winner->best();
    result.score = winner->best_score();
    result.time_to_best = winner->time_to_best();
  } else {
    // No feasible roster: report the least infeasible one any worker saw.
    const LocalSearch* least = nullptr;
    for (const auto& w : workers)
      if (w->least_infeasible().people() > 0 && (!least || w->least_infeasible_score() < least->least_infeasible_score()))
        least = w.get();
    result.roster = least ? least->least_infeasible() : Roster(problem);
    result.score = evaluate(problem, index, result.roster).score;
  }
  return result;
}

}  // namespace vigil
