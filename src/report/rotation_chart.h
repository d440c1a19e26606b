// The rotation chart: a standalone SVG with one row per person and one column
// per day, each cell coloured by where the person is that day (a distinct
// colour per post, greys for rest centers, white for placed nowhere, hatched
// for absent). People are grouped by their first post (in scenario order;
// people never at a post last), scenario order within a group. Day labels on
// top, names on the left, a legend below. Every person-day cell is one
// <rect class="cell"> with a <title> for tooltips.
#pragma once

#include <string>

#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

std::string rotation_chart_svg(const Problem& problem, const Roster& roster);

}  // namespace vigil
