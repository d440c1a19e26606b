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
// close-post or beds, and `from`. `until` (unavailable only) may be left out
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

// One event from the command line: "unavailable:NAME@day 3 14:00",
// "unavailable:NAME@day 3 14:00..day 10" or "available:NAME@day 8". Errors
// name the option text as their "file": `event 'TEXT': expected ..., got ...`.
Result<UnitEvent> parse_event_option(const std::string& text, const Problem& problem);

}  // namespace vigil
