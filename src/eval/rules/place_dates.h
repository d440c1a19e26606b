// What the unit rules read from a place's dates (a post opened or closed
// within the horizon, beds changed from a day on: Place in model/problem.h),
// shared by the full evaluator's rule units and the incremental evaluator so
// both count them alike (docs/unit-rules.md, "Places open for part of the
// horizon").
#pragma once

#include <cstdint>
#include <vector>

#include "model/problem.h"

namespace vigil::rules {

// Whether a person at `yesterday` on day - 1 and at `today` on `day` (place
// indices, -1: nowhere) moves because a post opens or closes at that day's
// changeover: `today` is a post that opens that day, or `yesterday` one that
// closes at it. The rotation excuses such a day as it excuses a transfer: a
// short run in it or just before or after it, and the move to another place
// or across a block boundary on it.
inline bool moved_by_place_dates(const std::vector<Place>& places, int yesterday, int today, int day) {
  if (day <= 0) return false;
  if (today >= 0 && places[static_cast<std::size_t>(today)].open_day == day) return true;
  return yesterday >= 0 && places[static_cast<std::size_t>(yesterday)].close_day == day;
}

// Watchers x days the place is open within a horizon of `days` days: its
// share of the watch demand (the spread wishes' fair shares).
inline std::int64_t watcher_days(const Place& place, int days) {
  const int first = place.open_day > 0 ? place.open_day : 0;
  const int end = place.close_day < days ? place.close_day : days;
  return end > first ? static_cast<std::int64_t>(place.watchers) * (end - first) : 0;
}

// The days of the stint block [first, last] on which `place` is open, as
// [open_first, open_last]; open_first > open_last when it is closed on all.
struct OpenDays {
  int first = 0, last = -1;
  bool any() const { return first <= last; }
};
inline OpenDays open_days(const Place& place, int first, int last) {
  const int a = first > place.open_day ? first : place.open_day;
  const int b = place.close_day == Place::kNeverCloses || last < place.close_day - 1 ? last : place.close_day - 1;
  return OpenDays{a, b};
}

}  // namespace vigil::rules
