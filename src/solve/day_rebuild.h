// An exact re-plan of one watched place's watches on one day, for repairs: a
// small depth-first search over the day's watch slots that gives every slot
// its watchers from the people placed there, keeping each slot's pairs
// (shared language, no two novices) and each watcher's daily limits (watch
// time, watches in a row, unbroken rest), with as few cells changed as it can
// find within a node budget. Slots that have started before the repair's
// `now` keep their watchers. Annealing moves one watch at a time and cannot
// cross the walls between such plans; this move jumps them.
//
// With repeat_days > 1 the plan found is the plan of each of those days (a
// post's stint): the limits over any 24 hours then allow a person at most
// their watches of one day in any 24 hours only when the days repeat, so a
// team stands the same slots through its stint. The later days are planned
// only while the same people are there with no watches elsewhere.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "eval/rules/day_limits.h"
#include "eval/unit_evaluator.h"

namespace vigil {

// Keeps its search buffers between calls, so a repair's moves do not allocate
// once it has warmed up.
class DayRebuilder {
 public:
  // Fills `changes` (cleared first) with the cells that turn the current
  // watches of (place, day) into the plan found, and returns true; false when
  // the budget found none, or nothing needs to change (changes left empty).
  // The current roster is read, not changed.
  bool rebuild(const UnitEvaluator& ev, int place, int day, std::mt19937_64& rng, std::vector<CellChange>& changes,
               int node_budget = 4000, int repeat_days = 1);

 private:
  bool fits(int i, int s) const;
  bool capacity_left(int s) const;
  bool pairs_with(int i, int s, int k) const;
  void order_slot(int s);
  void search(int s, int k, int from, int changes);
  void dives(std::mt19937_64& rng, int node_budget);
  int days_repeated(const UnitEvaluator& ev, int place, int day, int repeat_days) const;
  void emit_changes(const UnitEvaluator& ev, int place, int day, std::vector<CellChange>& changes) const;

  const UnitEvaluator* ev_ = nullptr;
  int slots_ = 0, need_ = 0, first_free_ = 0;
  int place_ = 0, day_ = 0;
  int repeat_ = 1;  // days planned alike (day_ .. day_ + repeat_ - 1)
  bool lenient_before_ = false;  // a repeated stint's day before does not bind (second try)
  rules::DayLimits limits_;
  std::vector<int> people_;              // placed at the place that day
  std::vector<std::uint64_t> busy_;      // per person: free slots they are away for
  std::vector<std::uint64_t> mask_;      // per person: watches so far (those elsewhere and in begun slots included)
  std::vector<std::uint64_t> was_;       // per person: their current watches at this place in free slots
  std::vector<std::uint64_t> before_, after_;  // per person: watches the day before and after (runs go on over the changeover)
  bool prefer_was_ = true;               // try who stood a slot before first
  std::vector<int> base_;                // people in the dive's random order
  std::vector<int> partners_;            // per person: how many others may watch with them
  std::vector<std::vector<int>> order_;  // per slot: people to try, set on entering the slot
  std::vector<int> chosen_;              // per (slot, k): index into people_; begun slots stay -1
  std::vector<int> best_;
  int best_changes_ = 1 << 30;
  int nodes_ = 0, budget_ = 0;
};

// The same with buffers of its own (tests, one-off calls).
bool rebuild_day_watches(const UnitEvaluator& ev, int place, int day, std::mt19937_64& rng,
                         std::vector<CellChange>& changes, int node_budget = 4000);

}  // namespace vigil
