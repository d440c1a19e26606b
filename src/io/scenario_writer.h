// Writes a unit Problem as a scenario file (docs/scenario.md). Every field is
// written out, so parse_scenario(scenario_to_yaml(p)) gives back an equal
// problem: the same places (posts first, then rest centers, as the reader
// orders them), people, unit setup, unit rule settings and requests.
#pragma once

#include <string>

#include "model/problem.h"

namespace vigil {

std::string scenario_to_yaml(const Problem& problem);

// A text value as the scenario format writes it: plain when YAML allows it,
// else double-quoted (the events writer shares it).
std::string yaml_scalar(const std::string& text);

// A person's own fields in flow style, as a `join` event writes them:
// "{name: Ivan, nationality: UA, languages: {uk: native}, experience: veteran, skills: [medic]}"
// (no absences).
std::string person_flow(const UnitSetup& unit, const Person& person);

}  // namespace vigil
