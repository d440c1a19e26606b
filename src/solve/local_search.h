// One search worker: builds a roster line by line with the line optimizer,
// runs column generation where it is cheap (a bound and a dive), then
// improves the roster by simulated annealing: change a cell, swap two
// people's days or a block of days or a weekend, move a shift within a
// line, switch to a pooled column line, and periodic whole-line rebuilds.
// Hard rules are priced with an adaptive weight so the walk may cross
// infeasible ground; only feasible rosters are kept as best.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <random>

#include "eval/incremental_evaluator.h"
#include "solve/line_optimizer.h"
#include "solve/solve_options.h"
#include "solve/workers.h"

namespace vigil {

class LocalSearch {
 public:
  LocalSearch(const Problem& problem, const ProblemIndex& index, const SolveOptions& options, std::uint64_t seed,
              int thread, SearchControl& control, std::function<void(const Progress&)> on_best);

  // Runs until the control says stop, the work limit, a target or the bound.
  void run();

  bool found_feasible() const { return best_found_; }
  const Roster& best() const { return best_roster_; }
  Score best_score() const { return best_score_; }
  // The roster with the fewest hard units seen while none was feasible.
  const Roster& least_infeasible() const { return least_infeasible_; }
  Score least_infeasible_score() const { return least_infeasible_score_; }
  double time_to_best() const { return time_to_best_; }
  std::int64_t moves() const { return moves_; }
  std::int64_t line_rebuilds() const { return rebuilds_; }
  StopReason reason() const { return reason_; }
  // Our own LP bound, when column generation proved one (never the bound
  // given in the options); bound_note() says why there is none.
  std::optional<std::int64_t> own_bound() const { return own_bound_; }
  const std::string& bound_note() const { return bound_note_; }
  int cg_iterations() const { return cg_iterations_; }
  int lns_windows() const { return lns_windows_; }
  int lns_improved() const { return lns_improved_; }
  const std::string& check_failure() const { return check_failure_; }

 private:
  std::int64_t value(const Score& s) const { return s.soft + hard_weight_ * s.hard; }
  void construct();
  // Column generation and a dive from the current roster; tightens the
  // proven bound and may hand the walk a better roster.
  void run_column_generation();
  // Large-neighbourhood search (window_search.h) from the best roster for
  // `share` of the remaining budget (or until it is stuck), where column
  // generation ran.
  void run_window_search(double share, bool until_stuck);
  void run_pool_programme();
  bool rebuild_line(int person, double temperature);
  // The walk's pieces (run() strings them together). Each try_ move returns
  // false only when check mode found a disagreement; a move it rejects or
  // cannot make is still true.
  // Every 65536 steps: prices hard units up while the walk stays
  // infeasible, down while it is feasible; rarer, repairs weekends.
  void oscillate(std::int64_t step, std::int64_t base_hard_weight);
  // Rebuilds one line whole: while infeasible, preferably someone whose
  // weekends or minutes are off.
  void rebuild_someone(double temperature);
  bool try_move(double temperature);
  bool try_pool_line(double temperature);
  bool try_within_line(double temperature);
  bool try_change_or_swap(int kind, double temperature);
  // Metropolis: whether a move worth `dv` is taken at `temperature`.
  bool accept(std::int64_t dv, double temperature);
  int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
  void note_best();
  bool verify(const char* what);
  bool should_stop();
  // While infeasible: best single weekend hand-over for each person over
  // their weekend limit.
  void repair_weekends();
  // While infeasible late in the walk: every person breaking a per-person
  // rule gets a line that keeps them all (feasible_lines()).
  void repair_people();
  bool repaired_ = false;
  // Whether `person` may be given value `v` on `day`, and `other`'s values
  // on days [first, first + n).
  bool may_receive(int person, int day, ShiftCode v) const;
  bool may_take(int person, int first, int n, const ShiftCode* other) const;

  const Problem& problem_;
  const ProblemIndex& ix_;
  const SolveOptions& options_;
  int thread_;
  SearchControl& control_;
  std::function<void(const Progress&)> on_best_;
  std::mt19937_64 rng_;
  IncrementalEvaluator eval_;
  LineOptimizer lines_;
  // Merged shift classes, for lines that keep every per-person rule where the
  // exact programme does not fit (made on first use).
  std::unique_ptr<LineOptimizer> feasible_lines_;
  LineOptimizer& feasible_lines();
  std::vector<std::vector<ShiftCode>> allowed_;  // per person: shift kinds with a limit above 0
  std::vector<ShiftCode> line_buffer_, window_;
  // Lines column generation found for each person; switching a person to
  // one of them is a move that never breaks a per-person rule.
  std::vector<std::vector<std::vector<ShiftCode>>> line_pool_;
  std::vector<int> pool_people_;
  std::int64_t hard_weight_ = 1000;

  bool best_found_ = false;
  Roster best_roster_, least_infeasible_;
  Score least_infeasible_score_;
  Score best_score_;
  double time_to_best_ = 0;
  std::int64_t moves_ = 0, rebuilds_ = 0;
  StopReason reason_ = StopReason::kTimeLimit;
  std::optional<std::int64_t> proven_bound_;  // what stops the search: ours or the given one, whichever is higher
  std::optional<std::int64_t> own_bound_;     // from column generation, when its bound is valid
  std::string bound_note_ = "column generation did not run";
  double walk_start_ = 0;                     // seconds at which annealing began
  int cg_iterations_ = 0;                     // LP solves column generation made
  int lns_windows_ = 0, lns_improved_ = 0;    // windows the window search re-solved, and improved by
  std::string check_failure_;
};

}  // namespace vigil
