// Rebuilds one person's whole line against everyone else's: a dynamic
// programme over days whose states are (last value, length of the current
// run). Successions, run lengths, required days off and barred shift kinds
// hold by construction; minutes, per-kind limits and weekends are priced with
// Lagrange multipliers that are tuned over a few passes. Every candidate line
// is then judged by the incremental evaluator, so the result is exact even
// when the multipliers are not.
#pragma once

#include <vector>

#include "eval/incremental_evaluator.h"

namespace vigil {

struct LineCandidate {
  bool found = false;
  Score delta;  // change of the roster's score if the line is applied
};

class LineOptimizer {
 public:
  explicit LineOptimizer(const ProblemIndex& index);

  // Best line for `person` with the rest of the roster fixed, written to
  // `out` (days() cells). `hard_weight` prices one hard unit against soft
  // cost when comparing candidates.
  LineCandidate optimize(const IncrementalEvaluator& eval, int person, std::int64_t hard_weight,
                         std::vector<ShiftCode>& out);

  // How many DP passes ran in total (a deterministic work counter).
  std::int64_t passes() const { return passes_; }

 private:
  void run_dp(int person, std::vector<ShiftCode>& out);

  const ProblemIndex& ix_;
  int off_states_ = 1, max_run_ = 1;
  std::vector<double> day_cost_;  // [d * (S+1) + v]
  std::vector<double> kind_price_;  // [s]: multiplier per shift of kind s
  double minute_price_ = 0, weekend_price_ = 0;
  std::vector<double> cost_, next_cost_;
  std::vector<std::int32_t> back_;  // [d * states + state] -> previous state
  std::vector<ShiftCode> candidate_;
  std::vector<int> scratch_kinds_;
  std::int64_t passes_ = 0;
};

}  // namespace vigil
