// Events files (for `vigil repair`): what changed in a unit after its plan was
// made, read into UnitEvents (model/events.h) for a given unit Problem.
//
//   events:
//     - {unavailable: Olena, from: "day 3 14:00", until: "day 10", reason: wounded}
//     - {available: John, from: "day 8"}
//     - join: {name: Ivan, nationality: UA, languages: {uk: native}, experience: trained, skills: [medic]}
//       from: "day 5"
//     - {add-post: Delta, beds: 8, watchers: 2, from: "day 6"}
//     - {close-post: Bravo, from: "day 6"}
//     - {beds: Base, count: 50, from: "day 4"}
//
// Each event holds exactly one of unavailable, available, join, add-post,
// close-post or beds, and `from`; any event may say when it was `reported`
// (the event log of `vigil repair` does). `until` (unavailable only) may be left out
// for good; `reason` is optional; `beds` (default 8) and `watchers` (default
// 2) belong to add-post, `count` to beds. Time points, languages, levels,
// experience and skills are written as in scenario files (docs/scenario.md).
// Names are checked against the unit and the people and posts added by
// earlier events; errors have the scenario reader's form
// (`file:line:col: events[2].unavailable: expected ..., got ...; did you mean ...?`).
// Whether times are in the past, and the other checks that depend on the
// order of events, are left to apply_events().
#pragma once

#include <string>
#include <vector>

#include "base/input_error.h"
#include "model/events.h"
#include "model/problem.h"

namespace vigil {

Result<std::vector<UnitEvent>> parse_events(const std::string& text, const std::string& file_name,
                                            const Problem& problem);

// Reads and parses an events file; a file that cannot be opened is an error naming it.
Result<std::vector<UnitEvent>> read_events(const std::string& path, const Problem& problem);

// The events as an events file that parse_events() reads back (against the
// problem they were first applied to), each with its `reported` time when
// known; times in roster notation ("day 6 02:00"), with the calendar time in
// a comment when the problem has a start date. `heading` is written as
// comment lines at the top.
std::string events_to_yaml(const Problem& problem, const std::vector<UnitEvent>& events, const std::string& heading);

// The event log after a repair: `previous_log` (the text of the log beside
// the plan repaired, "" for none) with `events` appended, each on its own
// line; a new log when there was none.
std::string append_event_log(const std::string& previous_log, const Problem& problem,
                             const std::vector<UnitEvent>& events);

// One event from the command line: "unavailable:NAME@day 3 14:00",
// "unavailable:NAME@day 3 14:00..day 10" or "available:NAME@day 8". Errors
// name the option text as their "file": `event 'TEXT': expected ..., got ...`.
Result<UnitEvent> parse_event_option(const std::string& text, const Problem& problem);

}  // namespace vigil
