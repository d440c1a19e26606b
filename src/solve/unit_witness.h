// The witness plan of a generated unit: who is at which post or rest center
// on each day, post teams of disjoint watch pairs that share a language and
// never pair two novices, each team with what its needs ask for, guards and
// showers at the rest centers, keeping every hard rule of docs/unit-rules.md.
// The generator (solve/unit_generator.h) builds one before it returns a unit,
// to show the unit can be planned; tests and the search use it as a feasible
// plan.
#pragma once

#include <optional>
#include <string>

#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

// The generator's fixed post setup, which the witness's watch patterns assume.
inline constexpr int kWitnessWatchersPerPost = 2;
inline constexpr int kWitnessPostBeds = 8;

// Whether a witness plan exists for a drawn unit (places, people, rotation and
// rules; shift kinds not yet added) with `classes` rotation classes: the
// showers each rest center needs for it, or nullopt with `why` said.
std::optional<int> witness_showers_needed(const Problem& drawn, int classes, std::string* why);

// The witness plan of a generated unit as a roster that keeps every hard
// rule: places by the rotation classes, three watch pairs per post team
// (watch slots {0,5,6,11}, {1,2,7,8}, {3,4,9,10}, the same every day of a
// stint), a rest center's guard in six turns of two slots, each to someone
// there who keeps the limits over any 24 hours with it, and one shower per
// rest stint. A feasible start for the search,
// and the proof the tests check with the full evaluator. nullopt when the
// problem's watch setup is not the generator's or the construction fails.
std::optional<Roster> witness_roster(const Problem& generated);

}  // namespace vigil
