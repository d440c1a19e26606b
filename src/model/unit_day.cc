// Reading a person's day from the unit roster layout.
#include "model/unit_day.h"

#include <fmt/format.h>

namespace vigil {

UnitDay unit_day(const UnitLayout& layout, const Roster& roster, int person, int day) {
  UnitDay out;
  const ShiftCode stay = roster.at(person, day, UnitLayout::kPlacementLane);
  if (stay >= 0 && layout.role[stay] == UnitShiftRole::kStay) out.place = layout.place_of[stay];
  for (int s = 0; s < layout.watch_slots; ++s) {
    const ShiftCode w = roster.at(person, day, layout.watch_lane(s));
    if (w >= 0 && layout.role[w] == UnitShiftRole::kWatch) out.watches.push_back(UnitDay::Watch{s, layout.place_of[w]});
  }
  const ShiftCode sh = layout.shower_lane < roster.lanes() ? roster.at(person, day, layout.shower_lane) : kOff;
  if (sh >= 0 && layout.role[sh] == UnitShiftRole::kShower) {
    out.shower_slot = layout.slot_of[sh];
    out.shower_place = layout.place_of[sh];
  }
  if (const Transfer* t = roster.transfer(person, day)) {
    out.transfer_offset = t->minute - day * kMinutesPerDay;
    out.earlier_place = t->earlier < 0 ? -1 : layout.place_of[t->earlier];
  }
  return out;
}

std::string check_unit_roster_shape(const Problem& problem, const Roster& roster) {
  if (!problem.is_unit()) return "the problem is not a unit problem";
  const int lanes = problem.lanes_per_day();
  if (roster.people() != problem.person_count() || roster.days() != problem.days() || roster.lanes() != lanes)
    return fmt::format("the roster has {} people x {} days x {} lanes, the unit needs {} x {} x {}", roster.people(),
                       roster.days(), roster.lanes(), problem.person_count(), problem.days(), lanes);
  return {};
}

}  // namespace vigil
