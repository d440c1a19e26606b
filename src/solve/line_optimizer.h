// Rebuilds one person's whole line against everyone else's: a dynamic
// programme over days whose states are (last value, length of the current
// run). Successions, run lengths, required days off and barred shift kinds
// hold by construction. Worked minutes and weekends join the state when the
// state space is small enough (exact); otherwise they, like per-kind limits
// always, are priced with Lagrange multipliers tuned over a few passes. Every
// candidate line is judged by the incremental evaluator, so the move's cost
// is exact even when the multipliers are not.
#pragma once

#include <optional>
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

  // Cheapest line for `person` under the given prices (`day_costs[d * (S+1)
  // + v + 1]`, v = kOff or a shift) that keeps every per-person hard rule,
  // written to `out`; nullopt when the exact programme does not fit its
  // budget or no such line was found. `exact` tells whether the answer is
  // proven cheapest (false when per-kind limits needed multipliers).
  std::optional<double> cheapest_feasible_line(int person, const std::vector<double>& day_costs,
                                               std::vector<ShiftCode>& out, bool& exact);
  // Whether the exact programme fits the budget for this person.
  bool exact_fits(int person) const;
  // Transitions one exact pass takes for this person (infinite when it does
  // not fit the budget).
  double exact_work(int person) const;

 private:
  // What the exact programme counts for a person: weekends (when they can
  // bind) and up to two shift kinds with binding limits.
  struct ExactPlan {
    bool fits = false;
    int weekend_levels = 1;
    bool weekends_priced = false;  // weekends left out of the state, priced instead
    int kind_count = 0;
    int kinds[2] = {-1, -1};
    int kind_levels[2] = {1, 1};
  };
  ExactPlan plan_exact(int person) const;
  // The run limits both programmes share: minimum days off (the number of
  // off states), minimum and maximum worked run, each at least 1.
  struct RunShape {
    int min_off, min_on, max_run;
  };
  RunShape run_shape(int person) const;
  void run_dp(int person, std::vector<ShiftCode>& out);
  // The same programme with worked minutes (and weekends, when they can
  // bind) in the state, so those limits hold exactly. False when the state
  // space would exceed the work budget or no line keeps every limit.
  bool run_exact_dp(int person, std::vector<ShiftCode>& out);

  const ProblemIndex& ix_;
  std::vector<double> day_cost_;    // [d * (S+1) + v + 1]: price of value v (kOff = -1) on day d
  std::vector<double> kind_price_;  // [s]: multiplier per shift of kind s
  double minute_price_ = 0, weekend_price_ = 0;  // multipliers on worked minutes and weekends
  std::vector<double> cost_, next_cost_;  // the programme's cheapest cost per state, today and tomorrow
  std::vector<std::int32_t> back_;        // [d * states + state] -> previous state
  std::vector<int> length_units_;         // [s]: length in units of minute_unit_
  int minute_unit_ = 1;                   // greatest common divisor of the shift lengths
  double exact_budget_ = 4e7;             // transitions per exact pass
  std::vector<ShiftCode> candidate_;      // the line being judged
  std::vector<int> scratch_kinds_;        // kinds counted on a candidate line
  std::vector<int> top_kind_;             // [2 * r], [2 * r + 1]: cheapest kinds ending a run of r days
  std::vector<double> exact_work_;        // [p]: transitions of one exact pass, filled on first use
  static constexpr int kMaxPasses = 50;   // DP passes per call while multipliers are tuned
};

}  // namespace vigil
