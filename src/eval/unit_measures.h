// Measures of a unit plan that no rule prices but the duty officer and the
// bench want to see: how many post teams go on whole to their next stint
// (the team-continuity wish, rules/unit_team_continuity.h), the longest run
// of watches anyone stands without a break (across the changeover and
// midnight, wherever the watches are), and the shortest of the longest
// unbroken rests anyone gets in any 24 hours they are present throughout.
// The daily rules count within one roster day; these do not stop at the
// changeover, so they show what the daily counting lets through.
#pragma once

#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

struct UnitMeasures {
  int teams = 0;        // post teams with at least two members going on to a next post stint
  int teams_whole = 0;  // of those, the teams whose members all go on to one post
  int longest_watch_run_minutes = 0;  // 0 when nobody stands a watch
  // The least, over people and over every 24 hours (from a watch slot's start)
  // they are present throughout, of the longest unbroken time off watch in
  // those 24 hours; -1 when no such 24 hours exist (a horizon of one day).
  int shortest_daily_rest_minutes = -1;
};

UnitMeasures unit_measures(const Problem& problem, const Roster& roster);

}  // namespace vigil
