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

  // A line for `person` that keeps every per-person hard rule, the cheapest
  // the pricing programme finds against everyone else's lines (exact or
  // restricted, see cheapest_feasible_line); not found when neither fits.
  LineCandidate feasible_line(const IncrementalEvaluator& eval, int person, std::vector<ShiftCode>& out);

  // Cheapest line for `person` under the given prices (`day_costs[d * (S+1)
  // + v + 1]`, v = kOff or a shift) that keeps every per-person hard rule,
  // written to `out`; nullopt when the exact programme does not fit its
  // budget or no such line was found. `exact` tells whether the answer is
  // proven cheapest (false when per-kind limits needed multipliers, or only
  // the restricted programme fitted). `relaxed`, when given, gets a lower
  // bound on every feasible line's cost (the first pass, which prices the
  // rules left out of the state at zero), or -infinity when there is none.
  std::optional<double> cheapest_feasible_line(int person, const std::vector<double>& day_costs,
                                               std::vector<ShiftCode>& out, bool& exact,
                                               double* relaxed = nullptr);
  // Whether the exact programme fits the budget for this person.
  bool exact_fits(int person) const;
  // Whether cheapest_feasible_line can answer for this person at all (the
  // exact programme or, where that does not fit, the restricted one).
  bool pricing_fits(int person) const { return plan_pricing(person).fits; }
  // Transitions one exact pass takes for this person (infinite when it does
  // not fit the budget); `merged` false: as if every shift were its own class.
  double exact_work(int person, bool merged = true) const;
  // The exact programme keeps one run state per class of shifts that forbid
  // the same successors (the only thing the next day needs of today's shift)
  // and, each day, tries one shift per group of shifts that are alike in
  // every way the future sees (class, who may not precede them, length,
  // counted kind): the cheapest of the group. Both are exact. Off (the
  // default) gives one class and one group per shift, the plain programme;
  // merged and plain price alike but may break ties between equally cheap
  // lines differently, so column generation merges only where the plain
  // programme is too slow (tests compare the two).
  void set_shift_classes(bool on);
  int shift_classes() const { return classes_; }
  // Lean: the exact programme keeps only worked minutes in its state;
  // weekends and per-kind limits are priced by multipliers (a first pass
  // that keeps them all is still exact, see cheapest_feasible_line).
  void set_lean(bool on) {
    lean_ = on;
    exact_work_.clear();
  }

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
    // Where the full programme does not fit: lines of the person's shifts
    // without a binding per-kind limit only, minutes counted in the gcd of
    // their lengths. Every line it gives keeps every per-person rule, but it
    // is not the cheapest of all lines (a heuristic pricing).
    bool restricted = false;
    int unit = 1;  // minutes per level
  };
  // day_cost_ for `person` against everyone else's lines (requests and cover).
  void fill_day_costs(const IncrementalEvaluator& eval, int person);
  ExactPlan plan_exact(int person) const;
  ExactPlan plan_restricted(int person) const;
  // The exact plan when it fits, else the restricted one (fits may be false).
  ExactPlan plan_pricing(int person) const;
  // Transitions the exact programme tries from one state (shift groups + off).
  int transitions_per_state(int person) const;
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
  bool run_exact_dp(int person, std::vector<ShiftCode>& out, const ExactPlan& plan);
  // The minute levels (in plan.unit) a state after d days can hold and
  // still end within the person's limits, lo[d]..hi[d] for d = 0..days: at
  // most what the most worked days so far can add, at least the floor less
  // what the most worked days left can add (run rules, required days off and
  // per-kind limits kept; exact: only unreachable or dead levels are cut).
  void minute_band(int person, const ExactPlan& plan, std::vector<int>& lo, std::vector<int>& hi) const;

  // Fills row_class_/class_rep_/col_class_ (one class per shift when off).
  void build_shift_classes(bool merge);

  const ProblemIndex& ix_;
  std::vector<int> row_class_;   // [s]: class of the successors s forbids
  std::vector<int> class_rep_;   // [c]: a shift of class c
  std::vector<int> col_class_;   // [t]: class of the predecessors that may not precede t
  int classes_ = 0;
  std::vector<std::uint8_t> chosen_;  // [d * states + state]: the value (kOff + 1, or shift + 1) taken on day d
  std::vector<int> group_of_;         // scratch: [t] -> group
  std::vector<int> step_table_;          // scratch: run_exact_dp's extra index after a move, per group
  std::vector<double> step_price_;       // scratch: run_exact_dp's price of a move and its weekend charges, per group
  std::vector<int> band_lo_, band_hi_;  // scratch: minute_band of the person priced
  std::vector<int> group_best_;       // scratch: [g] -> today's cheapest usable shift of group g, or -1
  std::vector<double> day_cost_;    // [d * (S+1) + v + 1]: price of value v (kOff = -1) on day d
  std::vector<double> kind_price_;  // [s]: multiplier per shift of kind s
  double minute_price_ = 0, weekend_price_ = 0;  // multipliers on worked minutes and weekends
  std::vector<double> cost_, next_cost_;  // the programme's cheapest cost per state, today and tomorrow
  std::vector<std::int32_t> back_;        // [d * states + state] -> previous state
  std::vector<int> length_units_;         // [s]: length in units of minute_unit_
  int minute_unit_ = 1;                   // greatest common divisor of the shift lengths
  bool lean_ = false;
  double exact_budget_ = 4e7;             // transitions per exact pass
  double restricted_budget_ = 2e8;        // transitions per restricted pass
  std::vector<ShiftCode> candidate_;      // the line being judged
  std::vector<int> scratch_kinds_;        // kinds counted on a candidate line
  std::vector<int> top_kind_;             // [2 * r], [2 * r + 1]: cheapest kinds ending a run of r days
  std::vector<double> weekend_warm_;      // [weekend limit]: last weekend price the restricted programme settled on
  std::vector<double> exact_work_;        // [p]: transitions of one exact pass, filled on first use
  static constexpr int kMaxPasses = 50;   // DP passes per call while multipliers are tuned
};

}  // namespace vigil
