// What the three daily limits (daily-rest, daily-watch-hours,
// watches-in-a-row; docs/unit-rules.md) mean on one person's roster day, on
// flat data: the limits in watch slots, and a day's watches as "on watch in
// slot s" (any number of slots) or as a mask (bit s set: on watch in slot s;
// days of at most 64 slots, as the incremental evaluator keeps them). The
// full and incremental evaluators, the precheck, the search and the day
// re-plan all read the limits through here, so a change of a limit's meaning
// is made once.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>

#include "model/unit.h"

namespace vigil::rules {

// The daily limits counted in watch slots of one day.
struct DayLimits {
  int slots = 0;        // watch slots in a roster day
  int max_watches = 0;  // daily-watch-hours: whole watches that fit in max-watch-minutes
  int max_in_row = 0;   // watches-in-a-row
  // daily-rest: free slots in a row that hold min-rest (rounded up, so a
  // longest free run of n slots is short exactly when n * watch length <
  // min-rest).
  int rest_slots = 0;
};

inline DayLimits day_limits(const UnitRuleParameters& par, int watch_minutes, int slots) {
  DayLimits l;
  l.slots = slots;
  l.max_watches = par.max_watch_minutes / watch_minutes;
  l.max_in_row = par.max_watches_in_row;
  l.rest_slots = (par.min_rest_minutes + watch_minutes - 1) / watch_minutes;
  return l;
}

// ---- any number of slots ---------------------------------------------------

// One pass over a day's slots: how many watches, the longest run of free
// slots, and each maximal run of watches longer than max_in_row
// (long_run(first slot, length)).
struct DayWatches {
  int watches = 0, longest_free = 0;
};

template <class OnWatch, class LongRun>
DayWatches scan_day(int slots, int max_in_row, OnWatch&& on_watch, LongRun&& long_run) {
  DayWatches day;
  int free = 0, run = 0;
  for (int s = 0; s <= slots; ++s) {
    if (s < slots && on_watch(s)) {
      ++day.watches;
      ++run;
      day.longest_free = std::max(day.longest_free, free);
      free = 0;
      continue;
    }
    if (s < slots) ++free;
    if (run > max_in_row) long_run(s - run, run);
    run = 0;
  }
  day.longest_free = std::max(day.longest_free, free);
  return day;
}

// daily-watch-hours: watches over the limit (1 unit each).
inline int watches_over(int watches, const DayLimits& l) { return watches > l.max_watches ? watches - l.max_watches : 0; }
// daily-rest (for a person placed somewhere that day): the longest rest is too short.
inline bool rest_too_short(int longest_free, const DayLimits& l) { return longest_free < l.rest_slots; }
// watches-in-a-row: units of one maximal run of watches.
inline int run_over(int length, const DayLimits& l) { return length > l.max_in_row ? length - l.max_in_row : 0; }

// ---- a day as a mask (at most 64 slots) ---------------------------------------

inline bool on_watch(std::uint64_t mask, int slot) { return (mask >> slot) & 1; }

// Calls run(first slot, length) for each maximal run of set bits, a few
// instructions per run (a day holds a handful), not per slot: the incremental
// evaluator prices every changed person-day with these.
template <class Run>
void for_each_run(std::uint64_t bits, Run&& run) {
  while (bits) {
    const int first = std::countr_zero(bits);
    const int length = std::countr_one(bits >> first);
    run(first, length);
    bits = first + length >= 64 ? 0 : bits & ~((std::uint64_t{1} << (first + length)) - 1);
  }
}

// The slots of a day as set bits.
inline std::uint64_t all_slots(int slots) { return slots >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << slots) - 1; }

// The longest run of slots without a watch, over slots 0..slots-1.
inline int longest_free_run(std::uint64_t mask, int slots) {
  int longest = 0;
  for_each_run(~mask & all_slots(slots), [&](int, int length) { longest = std::max(longest, length); });
  return longest;
}

// The length of the run of watches through `slot` (0 when off watch there).
inline int run_through(std::uint64_t mask, int slot, int slots) {
  if (!on_watch(mask, slot)) return 0;
  int run = 1;
  for (int t = slot - 1; t >= 0 && on_watch(mask, t); --t) ++run;
  for (int t = slot + 1; t < slots && on_watch(mask, t); ++t) ++run;
  return run;
}

// The length of the run through `slot` going on over the changeover: into
// the watches that end the day before (`before`) and those that open the day
// after (`after`); days further off are not read (the search's quick checks;
// 0 when off watch there).
inline int run_through_days(std::uint64_t before, std::uint64_t mask, std::uint64_t after, int slot, int slots) {
  const int run = run_through(mask, slot, slots);
  if (run == 0) return 0;
  const std::uint64_t all = all_slots(slots);
  const int lead = std::countr_one(mask & all);
  const int trail = std::min(slots, std::countl_one(slots >= 64 ? mask : mask << (64 - slots)));
  int more = 0;
  if (slot < lead) more += std::min(slots, std::countl_one(slots >= 64 ? before : before << (64 - slots)));
  if (slot >= slots - trail) more += std::min(slots, std::countr_one(after & all));
  return run + more;
}

// watches-in-a-row units of the day's own runs, as if the days before and
// after were free (the search's quick checks of one day; the rule itself
// counts across the changeover: runs_over_from).
inline int runs_over(std::uint64_t mask, const DayLimits& l) {
  int over = 0;
  for_each_run(mask & all_slots(l.slots), [&](int, int length) { over += run_over(length, l); });
  return over;
}

// watches-in-a-row across the changeover: the units of the runs that start
// on day d. A run reaching the day's last slot goes on into the next day's
// first slots (and on through any day on watch throughout); a run at the
// day's first slot that goes on from the day before started then, so it is
// counted there, once. mask_of(e) is the person's mask of day e, 0 <= e < days.
// The cost of day d thus reads days d-1 .. (the end of the run leaving d):
// a change on day c alters the units of day c, c+1, and c-1 and the days
// before it back through days on watch throughout (UnitEvaluator's scopes).
template <class MaskOf>
int runs_over_from(int d, int days, MaskOf&& mask_of, const DayLimits& l) {
  const std::uint64_t all = all_slots(l.slots);
  std::uint64_t mine = mask_of(d) & all;
  if (d > 0 && on_watch(mask_of(d - 1), l.slots - 1)) {
    const int lead = std::countr_one(mine);  // the run that came from day d-1
    mine = lead >= 64 ? 0 : mine & ~((std::uint64_t{1} << lead) - 1);
  }
  int over = 0;
  for_each_run(mine, [&](int first, int length) {
    if (first + length == l.slots)
      for (int e = d + 1; e < days; ++e) {
        const int lead = std::min(std::countr_one(mask_of(e) & all), l.slots);
        length += lead;
        if (lead < l.slots) break;
      }
    over += run_over(length, l);
  });
  return over;
}

// Whether the day keeps all three limits (daily-rest as for someone placed).
inline bool keeps_day_limits(std::uint64_t mask, const DayLimits& l) {
  return watches_over(std::popcount(mask), l) == 0 && !rest_too_short(longest_free_run(mask, l.slots), l) &&
         runs_over(mask, l) == 0;
}

}  // namespace vigil::rules
