// One person's roster day read out of the unit layout (where they are, their
// watches, their shower), and the check that a roster has the unit's layout.
// Readers, writers and reports read a unit roster through these.
#pragma once

#include <string>
#include <vector>

#include "model/problem.h"
#include "model/roster.h"
#include "model/unit.h"

namespace vigil {

// What one person does on one roster day, read from the unit layout.
struct UnitDay {
  int place = -1;  // Problem::places index, -1 when placed nowhere
  struct Watch {
    int slot = 0;
    int place = 0;
  };
  std::vector<Watch> watches;  // by slot
  int shower_slot = -1;        // -1: no shower
  int shower_place = -1;
  // A transfer that day (model/unit.h): `place` holds from this many minutes
  // after the changeover; before it the person was at `earlier_place` (-1:
  // nowhere). -1: no transfer.
  int transfer_offset = -1;
  int earlier_place = -1;
};
UnitDay unit_day(const UnitLayout& layout, const Roster& roster, int person, int day);

// Whether the roster has the problem's unit layout (people, days, lanes);
// an error message when it has not, empty when it has.
std::string check_unit_roster_shape(const Problem& problem, const Roster& roster);

}  // namespace vigil
