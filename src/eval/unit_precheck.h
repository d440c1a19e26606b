// The pre-solve impossibility check of a unit problem: quick counts that
// prove a hard rule cannot be kept by any plan, in plain words with how far
// short the unit is, before any search. A finding is only reported when it is
// a proof (counted with every hard rule of docs/unit-rules.md that it relies
// on switched on and hard); no finding does not mean a plan exists.
//
// What it counts (W watch slots a day; "a person's watches" is the most
// watches one person can stand in a roster day under daily-watch-hours,
// watches-in-a-row and daily-rest):
//   watch-cover  nobody can stand a watch at all (the limits leave no slot);
//                a place whose watches need more people a day than it has
//                beds; a day with fewer people present than the watches of
//                all places need (per place: its watchers, and at least
//                watchers x W / a person's watches);
//   daily-rest   a rest longer than a day;
//   beds         a day with more people present than beds in all places;
//   novice-pair  a day with fewer experienced people present than the watches
//                need so that no two novices watch together (watchers - 1 of
//                each slot);
//   rotation     a stretch of stint blocks longer than the longest rest in
//                which more people are present throughout (and the day before
//                and after) than the posts can give a post stint;
//   team         a stint block in which fewer people with a team need are
//                present than the posts need (each person is on one post team
//                per block, more only next to an absence or the horizon's ends);
//   showers      a day on which more people must be at a rest center (present
//                minus post beds) than the showers can serve within the
//                longest rest stint around it.
// On top of these per-day counts, the proofs over the rotation
// (eval/precheck_rotation.h) price what the posts need over ranges of
// consecutive stint blocks (team needs of any count, post watches,
// experienced post watchers) against each person's best line under the
// rotation (eval/precheck_lines.h), in hard units: their findings carry a
// bound, and proven_minimum() adds up those that count different rules.
// Partner warnings (no shared language with anyone) are in
// eval/precheck_partners.h.
// Each day counts the places open that day with that day's beds (a post
// opened or closed by a repair's events, model/problem.h Place); around a
// post opening, closing or changing beds inside the days a count spans, the
// rotation may break its rhythm, and the rotation and team counts there
// prove nothing or count more loosely.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/problem.h"

namespace vigil {

struct Finding {
  RuleKind rule = RuleKind::kCount;
  // "days 10-11: 3 veterans are present but 4 posts each need one (1 short)"
  std::string text;
  // How far short: people, beds, team members, post stints or shower slots
  // (the unit the text names); minutes for a daily rest longer than a day.
  int shortfall = 0;
  int first_day = -1, last_day = -1;  // the days it is about; -1 when it is about every day
  int place = -1;                     // index into Problem::places; -1 when about no one place
  // The hard units every plan breaks by this finding's count (0 when it
  // proves a shortfall of people but no number of units), and the rules
  // whose units it counts (bit i: RuleKind i): findings that share a rule
  // may count the same units, so proven_minimum() never adds them up.
  std::int64_t bound = 0;
  std::uint64_t units = 0;
  // A change that would help: only more people, beds or showers, or a need
  // relaxed; never a move that breaks something else.
  std::string hint;
};

// The most hard units the findings prove together: the largest sum of
// bounds over findings whose rules do not overlap (eval/precheck_proof.cc).
std::int64_t proven_minimum(const std::vector<Finding>& findings);

// Every finding, by rule (RuleKind order) and then by day. Empty for a
// problem that is not a unit problem.
std::vector<Finding> precheck_unit(const Problem& problem);

// The most watches one person can stand in one roster day under the hard
// daily-watch-hours, watches-in-a-row and daily-rest limits (the whole day's
// slots when none of them is hard).
int max_watches_per_day(const Problem& problem);

}  // namespace vigil
