// The unit roster as JSON, for people and tools: per person and day the place,
// the watches (or guard turns) and the shower.
//
// {"format": "vigil-unit-roster", "version": 1, "scenario": "...", "days": D,
//  "changeover": "06:00",
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
// "scenario" is informational and not compared. Errors read
// `file: people[3].days[5].watches[1].start: expected ..., got ...`.
#pragma once

#include <string>

#include "base/input_error.h"
#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

std::string unit_roster_to_json(const Problem& problem, const Roster& roster);

Result<Roster> parse_unit_roster_json(const Problem& problem, const std::string& text, const std::string& file_name);
Result<Roster> read_unit_roster(const Problem& problem, const std::string& path);

}  // namespace vigil
