// The unit scenario file (YAML, docs/scenario.md): the unit's horizon,
// languages, skills, rotation, watches, showers, places, people, rules and
// personal requests, read into a unit Problem.
//
// The reader stops at the first mistake and reports it as an InputError
// naming the file, line, column and field path (`people[3].languages.xx:
// expected ..., got ...`), with a "did you mean" hint for a misspelt name.
// Nothing it accepts is left unchecked, and no exception escapes it.
//
// Time points are written "day N HH:MM" or "day N" (the changeover that starts
// roster day N) and become unit minutes (model/unit.h). A clock time before
// the changeover belongs to the end of roster day N: with a 06:00 changeover,
// "day 3 02:00" is the night after day 3's evening, unit minute 3 * 1440 + 1200.
#pragma once

#include <string>

#include "base/input_error.h"
#include "model/problem.h"

namespace vigil {

// Parses a scenario held in `text`; `file_name` is used in error messages.
Result<Problem> parse_scenario(const std::string& text, const std::string& file_name);

// Reads and parses a scenario file; a file that cannot be opened is an error
// naming it.
Result<Problem> read_scenario(const std::string& path);

// The largest scenario the reader accepts.
inline constexpr int kScenarioMaxDays = 3650;
inline constexpr int kScenarioMaxPeople = 100000;
inline constexpr int kScenarioMaxWeight = 1000000;
inline constexpr long long kScenarioMaxRosterCells = 200000000;  // people x days x (watch slots + 2)

}  // namespace vigil
