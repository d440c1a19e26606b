// The watches nobody stands: every watch slot of a place (from a moment on)
// with fewer people on it than the place needs, who is still on it, and who
// could cover it. The watch bill, the summary, the change report and the
// sheets of the people left alone on watch all read them from here, so a
// watch is UNCOVERED in the same words everywhere.
//
// Who remains: the slot's watchers who are not away during it (a person lost
// while still written on a watch does not stand it). Who could cover a
// missing watcher, nearest first, at most kMostCandidates:
//   - present for the whole slot and not on watch anywhere in it;
//   - within their daily limits with the watch added (daily-rest,
//     daily-watch-hours, watches-in-a-row: eval/rules/day_limits.h);
//   - may watch with every remaining watcher (a shared language and not two
//     newcomers: eval/rules/watch_partners.h);
//   - with rule travel on, no duty elsewhere within the travel time of the
//     watch, before or after it (eval/rules/travel_duties.h);
//   - placed that day at the place itself (first), or at a rest center;
// within each group, fewest watches that day first, then scenario order.
#pragma once

#include <string>
#include <vector>

#include "model/problem.h"
#include "model/roster.h"
#include "report/report_support.h"

namespace vigil {

inline constexpr std::size_t kMostCandidates = 3;

struct CoverCandidate {
  int person = 0;
  int place = 0;  // where the person is placed that day
};

struct UncoveredWatch {
  int place = 0, day = 0, slot = 0;
  int start_minute = 0, end_minute = 0;  // unit minutes
  std::vector<int> remaining;            // watchers who stand it
  std::vector<int> away;                 // watchers written on it who are away during it
  int missing = 0;                       // people the place needs beyond `remaining`
  std::vector<CoverCandidate> candidates;  // nearest first, at most kMostCandidates
};

// The unit minute from which a plan's watches still matter: the repair's
// `now` for a repaired plan, else 0 (the whole plan).
int plan_from_minute(const Problem& problem);

// Every short slot that has not ended by `from_minute`, by start time, then
// place. The roster must have the unit layout.
std::vector<UncoveredWatch> uncovered_watches(const Problem& problem, const Roster& roster, int from_minute);

// "post-4, Sun 2026-12-13 12:00-14:00 (day 6): Ana Lima alone, 1 missing;
// could cover: Bo (at post-4), Cy (at rest-1)". A watcher away during the
// slot is named ("Ana Lima alone (Camilo Moreno away)"); the end reads
// "nobody can cover it within the rules" when no one can. Without a start
// date the time has no date (calendar_when, report_support.h).
std::string uncovered_text(const Problem& problem, const UncoveredWatch& watch,
                           const std::optional<CalendarDate>& day0);

}  // namespace vigil
