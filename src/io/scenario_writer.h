// Writes a unit Problem as a scenario file (docs/scenario.md). Every field is
// written out, so parse_scenario(scenario_to_yaml(p)) gives back an equal
// problem: the same places (posts first, then rest centers, as the reader
// orders them), people, unit setup, unit rule settings and requests.
#pragma once

#include <string>

#include "model/problem.h"

namespace vigil {

std::string scenario_to_yaml(const Problem& problem);

}  // namespace vigil
