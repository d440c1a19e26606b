// Search for a unit problem: build a plan stage by stage (rotation phases and
// post teams, then watches per post and day, then showers), then anneal over
// moves that keep most of the plan's structure: hand a watch to someone else
// at the same place, swap two watches, swap two people's days (all lanes) so
// teams change while every watch stays covered, move a shower; and, while a
// post team misses a need or a watch pairs people who may not stand together,
// swap people across posts or the two halves of the rotation with their
// watches re-planned (solve/unit_team_moves.cc).
#pragma once

#include <cstdint>
#include <functional>

#include "solve/solve_options.h"

namespace vigil {

// The unit branch of solve(): same options, same result.
SolveResult solve_unit(const Problem& problem, const SolveOptions& options,
                       const std::function<void(const Progress&)>& on_progress);

// The constructed start plan alone (no search), for tests and diagnostics.
Roster construct_unit_plan(const Problem& problem, std::uint64_t seed);

}  // namespace vigil
