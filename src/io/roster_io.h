// Roster files. CSV: header `employee,0,1,...,D-1`, one row per person, each
// cell a shift name or empty (the layout of the benchmark's reference
// rosters). JSON: {"format": "vigil-roster", "version": 1, "days": D,
// "people": [{"name": ..., "shifts": ["D", "", ...]}]}.
#pragma once

#include <string>

#include "base/input_error.h"
#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

Result<Roster> parse_roster_csv(const Problem& problem, const std::string& text, const std::string& file_name);
Result<Roster> parse_roster_json(const Problem& problem, const std::string& text, const std::string& file_name);
// Picks the format by extension (.json, else CSV).
Result<Roster> read_roster(const Problem& problem, const std::string& path);

std::string roster_to_csv(const Problem& problem, const Roster& roster);
std::string roster_to_json(const Problem& problem, const Roster& roster);
// Writes by extension; returns an error message or empty.
std::string write_roster(const Problem& problem, const Roster& roster, const std::string& path);

}  // namespace vigil
