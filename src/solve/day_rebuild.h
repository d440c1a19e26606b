// An exact re-plan of one watched place's watches on one day, for repairs: a
// small depth-first search over the day's watch slots that gives every slot
// its watchers from the people placed there, keeping each slot's pairs
// (shared language, no two novices) and each watcher's daily limits (watch
// time, watches in a row, unbroken rest), with as few cells changed as it can
// find within a node budget. Slots that have started before the repair's
// `now` keep their watchers. Annealing moves one watch at a time and cannot
// cross the walls between such plans; this move jumps them.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "eval/unit_evaluator.h"

namespace vigil {

// The longest run of slots without a watch in a day's watch mask (bit s set:
// on watch in slot s), over slots 0..slots-1.
int longest_free_run(std::uint64_t mask, int slots);

// Fills `changes` (cleared first) with the cells that turn the current watches
// of (place, day) into the plan found, and returns true; false when the budget
// found none (changes left empty). The current roster is read, not changed.
bool rebuild_day_watches(const UnitEvaluator& ev, int place, int day, std::mt19937_64& rng,
                         std::vector<CellChange>& changes, int node_budget = 4000);

}  // namespace vigil
