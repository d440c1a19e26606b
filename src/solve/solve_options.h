// What a solve is asked (SolveOptions), what it reports while running
// (Progress) and what it returns (SolveResult). The searches and every front
// end share these types; solve/solver.h only dispatches a problem to the
// search for its kind.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "eval/evaluation.h"
#include "model/roster.h"

namespace vigil {

enum class StopReason { kTimeLimit, kWorkLimit, kTarget, kProvenOptimal, kInterrupted };
const char* stop_reason_name(StopReason r);

struct SolveOptions {
  double time_limit_seconds = 60;
  // Move evaluations per thread; 0 = no limit. A work limit (not a time limit)
  // makes a run reproducible across machines and loads.
  std::int64_t work_limit = 0;
  std::uint64_t seed = 1;
  int threads = 1;
  std::optional<std::int64_t> target;       // stop once a feasible roster costs at most this
  // Stop at the first roster keeping every hard rule, whatever it costs (the
  // resilience check asks only whether a repair exists). A repair then prices
  // its changes at their least from the start.
  bool first_feasible = false;
  std::optional<std::int64_t> lower_bound;  // a proven bound: reaching it proves optimality
  bool check_mode = false;                  // re-score from scratch after every applied move
  bool column_generation = true;            // LP bound and dive where the exact line DP fits
  bool window_search = true;                // after column generation: re-solve windows of the roster with it
  bool master_ip = true;                    // on the clock, after the dive and after the walk: branch and bound over the pool of lines
  std::optional<Roster> start;              // start from this roster instead of building one
  // Cancellation from another thread (a long-running caller's job): once it
  // reads true, the search stops at its next check (every thousand moves or
  // so) and returns its best so far with StopReason::kInterrupted. Column
  // generation, where it runs, finishes its own LP deadline first.
  const std::atomic<bool>* cancel = nullptr;
};

struct Progress {
  Score best;
  double seconds = 0;
  std::int64_t moves = 0;
  int thread = 0;
};

struct SolveResult {
  bool found_feasible = false;
  Roster roster;
  Score score;
  double seconds = 0;
  double time_to_best = 0;
  double time_to_feasible = -1;  // unit problems: when the first plan keeping every hard rule was found
  std::int64_t moves_to_feasible = -1;  // unit problems: the winning walk's moves by then (-1: never)
  std::int64_t moves = 0;       // move evaluations, all threads
  std::int64_t line_rebuilds = 0;
  StopReason reason = StopReason::kTimeLimit;
  std::string check_failure;    // set when check mode found a disagreement
  // Our own LP bound (column generation), when valid: every pricing exact and
  // the LP converged. Never the bound a caller passed in SolveOptions.
  std::optional<std::int64_t> proven_lower_bound;
  std::string bound_note;  // without a bound: why (column generation off, not run, not converged, inexact)
  int lp_solves = 0;
  double moves_per_second() const { return seconds > 0 ? static_cast<double>(moves) / seconds : 0; }
};

// The optimality gap of a roster costing `objective` against a proven lower
// bound, in percent of the objective (the usual MIP convention): 0 when the
// roster is optimal. A bound of 0 on a roster costing 0 is a gap of 0.
inline double gap_percent(std::int64_t objective, std::int64_t bound) {
  if (objective <= bound) return 0.0;
  return objective == 0 ? 0.0 : 100.0 * static_cast<double>(objective - bound) / static_cast<double>(objective);
}

}  // namespace vigil
