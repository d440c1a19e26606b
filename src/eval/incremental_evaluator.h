// The incremental evaluator: keeps counters (shifts per kind, minutes,
// weekends, cover) for a roster so that the cost change of a move is found by
// looking only at the days it touches. No allocation per move.
//
// A move is described as "person p gets these values on days [first, first+n)".
// Swaps and block swaps are two such line changes on different people; cover
// counts are unchanged by a swap, which callers say with `with_cover = false`.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "eval/evaluation.h"
#include "eval/problem_index.h"

namespace vigil {

// Change of each rule's priced amount (hard units for hard rules, cost for
// soft ones), before weights are folded into a Score.
struct RuleDeltas {
  std::array<std::int64_t, kRuleCount> amount{};
};

class IncrementalEvaluator {
 public:
  IncrementalEvaluator(const Problem& problem, const ProblemIndex& index, Roster roster);

  const Roster& roster() const { return roster_; }
  const Problem& problem() const { return problem_; }
  const ProblemIndex& index() const { return index_; }
  Score score() const { return score_; }
  // Each rule's current amount (hard units or soft cost), kept up to date.
  const std::array<std::int64_t, kRuleCount>& rule_amounts() const { return totals_; }

  // Cost change of giving `person` the values on days [first, first + n).
  Score line_delta(int person, int first, int n, const ShiftCode* values, bool with_cover = true) const {
    return to_score(line_rule_deltas(person, first, n, values, with_cover));
  }
  Score change_delta(int person, int day, ShiftCode value) const { return line_delta(person, day, 1, &value); }
  // Exchange the two people's values on days [first, first + n).
  Score swap_delta(int a, int b, int first, int n) const;

  void apply_line(int person, int first, int n, const ShiftCode* values, bool with_cover = true);
  void apply_change(int person, int day, ShiftCode value) { apply_line(person, day, 1, &value); }
  void apply_swap(int a, int b, int first, int n);

  // Replace the whole roster and rebuild every counter.
  void reset(const Roster& roster);

  // Marginal cover cost of one more (+1) or one fewer (-1) person on (d, s).
  std::int64_t cover_step(int d, int s, int step) const {
    const int n = cover_count_[static_cast<std::size_t>(d) * index_.shifts + s];
    return cover_weight_ * (index_.cover_cost(d, s, n + step) - index_.cover_cost(d, s, n));
  }
  int cover_count(int d, int s) const { return cover_count_[static_cast<std::size_t>(d) * index_.shifts + s]; }
  int kind_count(int person, int s) const { return kind_count_[static_cast<std::size_t>(person) * index_.shifts + s]; }
  std::int64_t minutes(int person) const { return minutes_[person]; }
  int weekends(int person) const { return weekends_[person]; }
  std::int32_t request_cost(int person, int day, ShiftCode v) const {
    return request_cost_[index_.request_slot(person, day, v + 1)];
  }

  RuleDeltas line_rule_deltas(int person, int first, int n, const ShiftCode* values, bool with_cover) const;
  Score to_score(const RuleDeltas& d) const {
    Score s;
    for (int k = 0; k < kRuleCount; ++k) {
      s.hard += d.amount[k] * hard_mult_[k];
      s.soft += d.amount[k] * soft_mult_[k];
    }
    return s;
  }

 private:
  void rebuild();
  void recompute_score();

  const Problem& problem_;
  const ProblemIndex& index_;
  Roster roster_;

  std::array<std::int64_t, kRuleCount> hard_mult_{}, soft_mult_{};
  std::int64_t cover_weight_ = 0;
  std::vector<std::int32_t> request_cost_;  // weighted on + off requests, ProblemIndex layout

  std::vector<int> kind_count_;      // [p * shifts + s]
  std::vector<std::int64_t> minutes_;  // [p]
  std::vector<int> weekends_;        // [p]
  std::vector<int> cover_count_;     // [d * shifts + s]
  std::array<std::int64_t, kRuleCount> totals_{};
  Score score_;

  mutable std::vector<int> kind_delta_;  // scratch, all zero between calls
  mutable std::vector<int> touched_kinds_;
};

}  // namespace vigil
