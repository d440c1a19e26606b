// A person's best line under the rotation, for the precheck's proofs: the
// most a person can bring to the posts over some days (post days, or post
// teams joined) less the hard units their line breaks to bring it, found by
// a small search over the days (a dynamic programme over one person's line
// of places: nowhere, a rest center or a post, day by day).
//
// The precheck proves "every plan breaks at least N hard units" by pricing
// what the posts need against what people can bring: for any plan, the
// units missing at the posts plus the rotation and unavailable units of
// everyone's lines are at least (what is needed) - sum over people of (what
// the person brings - the units their line breaks). This file gives an upper
// bound of the bracket per person; a bound that is too high only weakens the
// proof, never makes it wrong. It is exact (tests/precheck_lines_test.cc
// checks it against every line of short horizons scored by the evaluator)
// except where it gives away more than the rules do:
//   - a post opening at a changeover excuses that day for whoever is at any
//     post on it, and one closing for whoever was at any post the day
//     before, where the rule excuses only those at that post
//     (rules/place_dates.h);
//   - two post runs at the same post in one block count as two teams;
//   - before `from` the line may be in any state, and after `to` its runs are
//     not closed (what a run would break after `to` is not counted).
// Violation units count only on the days [first_charged, last_charged], so
// the bounds of ranges of days that do not overlap add up (each unit is
// counted on one day: a run's length on its last day).
//
// It relies on rotation being hard (checked by the caller): the rules it
// counts are rotation (a present day placed nowhere, a post stint shorter
// than P days, one crossing a block boundary or moving between posts, a rest
// between post stints shorter than rest-days or any rest longer than
// max-rest-days) and, when hard, unavailable (a day placed while absent).
#pragma once

#include <cstdint>
#include <vector>

#include "model/problem.h"

namespace vigil {

// What the rotation rule's counts read from a problem, once.
struct LineRules {
  int days = 0;
  int post_days = 2, rest_days = 2, max_rest_days = 2;
  int posts = 0;                       // posts in the problem (a move between posts needs two)
  bool absences_cost = true;           // unavailable is hard: a day placed while absent is a unit
  std::vector<std::uint8_t> opens;     // [day]: a post opens at its changeover
  std::vector<std::uint8_t> closes;    // [day]: a post closes at its changeover

  explicit LineRules(const Problem& problem);
  int block_of(int day) const { return day / post_days; }
};

// What a line is worth, per day or block; values in any common unit with a
// violation unit costing `unit_cost`.
struct LineGains {
  std::vector<int> post_day;      // [day]: per day at a post (empty: nothing)
  std::vector<int> team;          // [block]: per post team joined in the block (empty: nothing)
  std::vector<int> teams_cap;     // [block]: teams one person can join in the block (posts open)
  int unit_cost = 1;
  int first_charged = 0, last_charged = -1;  // days whose violation units are counted
};

// The largest value - unit_cost x violation units over every line of the
// person on days [from, to] (present[d]: with the unit at day d's changeover).
std::int64_t best_line_value(const LineRules& rules, const std::vector<std::uint8_t>& present, const LineGains& gains,
                             int from, int to);

}  // namespace vigil
