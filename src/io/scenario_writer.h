// Writes a unit Problem as a scenario file (docs/scenario.md). Every field is
// written out, so parse_scenario(scenario_to_yaml(p)) gives back an equal
// problem: the same places (posts first, then rest centers, as the reader
// orders them), people, unit setup, unit rule settings and requests.
#pragma once

#include <string>

#include "model/problem.h"

namespace vigil {

std::string scenario_to_yaml(const Problem& problem);

// How the scenario format writes values; the reader accepts all of them.
std::string scenario_duration(int minutes);  // "6h", "90min", "0"
// "day 3" (the changeover that starts day 3) or "day 3 14:00" (a clock time
// within roster day 3), for a unit minute and the changeover's clock minute.
std::string scenario_time_point(int changeover_minute, int unit_minute);

}  // namespace vigil
