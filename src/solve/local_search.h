// One search worker: builds a roster line by line with the line optimizer,
// then improves it by simulated annealing over three move kinds (change a
// cell, swap two people's shifts on a day, swap a block of days), with
// periodic whole-line rebuilds. Hard rules are priced with a large weight so
// the walk may cross infeasible ground; only feasible rosters are kept as best.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <random>

#include "eval/incremental_evaluator.h"
#include "solve/line_optimizer.h"
#include "solve/solver.h"

namespace vigil {

// Thread-shared stop signal and clock.
struct SearchControl {
  std::atomic<bool> stop{false};
  std::chrono::steady_clock::time_point start;
  double time_limit = 0;
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
};

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
  std::optional<std::int64_t> proven_bound() const { return proven_bound_; }
  int cg_iterations() const { return cg_iterations_; }
  const std::string& check_failure() const { return check_failure_; }

 private:
  std::int64_t value(const Score& s) const { return s.soft + hard_weight_ * s.hard; }
  void construct();
  // Column generation and a dive from the current roster; tightens the
  // proven bound and may hand the walk a better roster.
  void run_column_generation();
  bool rebuild_line(int person, double temperature);
  // Clears `count` random people's lines and rebuilds them one by one;
  // keeps the result under the annealing rule, else restores them.
  bool ruin_and_recreate(int count, double temperature);
  void note_best();
  bool verify(const char* what);
  bool should_stop();

  const Problem& problem_;
  const ProblemIndex& ix_;
  const SolveOptions& options_;
  int thread_;
  SearchControl& control_;
  std::function<void(const Progress&)> on_best_;
  std::mt19937_64 rng_;
  IncrementalEvaluator eval_;
  LineOptimizer lines_;
  std::vector<std::vector<ShiftCode>> allowed_;  // per person: shift kinds with a limit above 0
  std::vector<ShiftCode> line_buffer_, off_line_, saved_lines_;
  std::vector<int> chosen_;
  std::int64_t hard_weight_ = 1000;

  bool best_found_ = false;
  Roster best_roster_, least_infeasible_;
  Score least_infeasible_score_;
  Score best_score_;
  double time_to_best_ = 0;
  std::int64_t moves_ = 0, rebuilds_ = 0;
  StopReason reason_ = StopReason::kTimeLimit;
  std::optional<std::int64_t> proven_bound_;  // from column generation, when its bound is valid
  double walk_start_ = 0;
  int cg_iterations_ = 0;                     // seconds at which annealing began
  std::string check_failure_;
};

}  // namespace vigil
