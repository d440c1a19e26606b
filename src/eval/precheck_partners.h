// Warnings before the search for people nobody could ever share a watch with
// (issue 14 item 6): someone who, on every day they are with the unit,
// shares no language with anyone else present. At a place of two watchers
// or more every watch they stand breaks shared-language, so the search
// tends to give them guard turns or nothing; the duty officer should know
// before planning. The warning names the person, their nationality (shown in
// reports, docs/scenario.md) and their languages.
#pragma once

#include <string>
#include <vector>

#include "model/problem.h"

namespace vigil {

// One line per such person, in people order. Empty when shared-language is
// off, when no place has two watchers, or for a problem that is not a unit.
std::vector<std::string> partner_warnings(const Problem& problem);

}  // namespace vigil
