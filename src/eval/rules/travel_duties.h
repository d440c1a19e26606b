// What the rule travel (docs/unit-rules.md) reads of a person's day, on flat
// data: the day's duties (watches, guard turns and showers) in order of
// start, and the pairs of consecutive duties at different places too close
// to travel between. The full evaluator (rules/unit_travel.h) and the
// incremental one (eval/unit_scope_costs.cc) both count through here.
#pragma once

#include <array>

#include "model/unit.h"

namespace vigil::rules {

struct Duty {
  int start = 0, end = 0;  // unit minutes (from the changeover of day 0)
  int place = -1;
  int slot = 0;            // watch slot, or -1 for a shower
};

// One day's duties, in order of start: at most 60 watches and one shower.
struct DayDuties {
  std::array<Duty, 61> duty{};
  int count = 0;
};

// code_at(lane) is the person's cell of that lane on day d.
template <class CodeAt>
void day_duties(const UnitLayout& L, int d, int watch_lanes, bool has_shower_lane, CodeAt&& code_at,
                DayDuties& out) {
  out.count = 0;
  const int base = d * kMinutesPerDay;
  Duty shower{};
  bool shower_left = false;
  if (has_shower_lane)
    if (const ShiftCode c = code_at(L.shower_lane); c >= 0) {
      const int start = base + L.shower_start[static_cast<std::size_t>(L.slot_of[static_cast<std::size_t>(c)])];
      shower = {start, start + L.shower_minutes, L.place_of[static_cast<std::size_t>(c)], -1};
      shower_left = true;
    }
  for (int s = 0; s < watch_lanes; ++s) {
    const ShiftCode c = code_at(UnitLayout::kFirstWatchLane + s);
    if (c < 0) continue;
    const int start = base + L.slot_start[static_cast<std::size_t>(s)];
    if (shower_left && shower.start < start) {
      out.duty[static_cast<std::size_t>(out.count++)] = shower;
      shower_left = false;
    }
    out.duty[static_cast<std::size_t>(out.count++)] = {start, start + L.watch_minutes,
                                                       L.place_of[static_cast<std::size_t>(c)], s};
  }
  if (shower_left) out.duty[static_cast<std::size_t>(out.count++)] = shower;
}

// Whether going from duty a to duty b leaves too little time to travel.
inline bool too_close(const Duty& a, const Duty& b, int travel_minutes) {
  return a.place != b.place && b.start - a.end < travel_minutes;
}

// The units of day d: `before` holds day d - 1's duties (count 0 on day 0).
template <class Each>
int travel_units(const DayDuties& before, const DayDuties& day, int travel_minutes, Each&& each) {
  int units = 0;
  const Duty* prev = before.count > 0 ? &before.duty[static_cast<std::size_t>(before.count - 1)] : nullptr;
  for (int i = 0; i < day.count; ++i) {
    const Duty& cur = day.duty[static_cast<std::size_t>(i)];
    if (prev && too_close(*prev, cur, travel_minutes)) {
      ++units;
      each(*prev, cur);
    }
    prev = &cur;
  }
  return units;
}

}  // namespace vigil::rules
