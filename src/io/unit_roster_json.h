// The unit roster as JSON, for people and tools: per person and day the place,
// the watches (or guard turns) and the shower.
//
// {"format": "vigil-unit-roster", "version": 1, "scenario": "...", "days": D,
//  "changeover": "06:00", "start_date": "2026-12-07",
//  "plan_version": 2, "replaces": 1, "made": "2026-12-14T09:30:00Z",
//  "people": [{"name": "Ana", "days": [
//    {"day": 0, "place": "post-1",
//     "watches": [{"slot": 0, "start": "06:00", "place": "post-1"}],
//     "shower": null},
//    {"day": 2, "place": "rest-1", "watches": [],
//     "shower": {"start": "14:30", "place": "rest-1"}}, ...]}, ...]}
//
// "place" is null on a day the person is placed nowhere. Times are clock
// times; a roster day runs from the changeover to the next changeover, so
// "02:00" on day 3 is the early morning after the calendar day of day 3.
//
// The reader is strict: every person of the scenario exactly once, every day
// in order ("day" equals its index), known names, keys it knows (a misspelt
// key, person or place gets a "did you mean"), watch starts that are watch
// slot starts, a watch only at a place with watchers, a shower only at a
// shower start and a place with showers, each watch slot once a day. In a
// day, "watches" (default []) and "shower" (default null) may be left out;
// in a watch, "slot" may be left out but must match "start" when given.
// "scenario" is informational and not compared. "version" is the format's;
// "plan_version" counts the plans of one line (1 from `vigil solve`, the
// parent's + 1 from each repair), "replaces" names the version it replaces
// (left out for a first plan), "made" is when it was written (UTC), and
// "start_date" the calendar date of day 0 when known. All four may be left
// out (older files have none). Errors read
// `file: people[3].days[5].watches[1].start: expected ..., got ...`.
#pragma once

#include <string>

#include "base/input_error.h"
#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

// Where a plan stands in its line of plans.
struct PlanStamp {
  int version = 0;   // 1 for a plan from `vigil solve`, the parent's + 1 for a repair; 0: not stamped
  int replaces = 0;  // the version this plan replaces; 0 for a first plan
  std::string made;  // when it was written, UTC "2026-12-14T09:30:00Z"
  std::string reason;  // why this version was made, when said ("hand edit: Ana Lima and Bo Chen swap day 6 (Sun)")
};

// What a plan file says about itself besides the roster.
struct PlanFileInfo {
  PlanStamp stamp;
  std::optional<CalendarDate> start_date;
};

// The stamp of a plan made now (wall_clock_seconds(): SOURCE_DATE_EPOCH when
// set): version 1, or the version after `parent`'s when it replaces one (an
// unstamped parent counts as version 1).
PlanStamp new_plan_stamp(const PlanStamp* parent);

// Writes the problem's start_date when known, and `stamp` when it has a version.
std::string unit_roster_to_json(const Problem& problem, const Roster& roster, const PlanStamp& stamp = {});

Result<Roster> parse_unit_roster_json(const Problem& problem, const std::string& text, const std::string& file_name,
                                      PlanFileInfo* info = nullptr);
Result<Roster> read_unit_roster(const Problem& problem, const std::string& path, PlanFileInfo* info = nullptr);

}  // namespace vigil
