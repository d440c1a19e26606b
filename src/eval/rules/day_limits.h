// What the three limits on a person's watches (daily-rest, daily-watch-hours,
// watches-in-a-row; docs/unit-rules.md) mean, on flat data: the limits in
// watch slots; a day's watches as "on watch in slot s" (any number of slots)
// or as a mask (bit s set: on watch in slot s; days of at most 64 slots, as
// the incremental evaluator keeps them); the 24 hours starting on a day (the
// day's mask and the next day's); and runs going on over the changeover. The
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

// ---- any 24 hours (sliding) --------------------------------------------------
// daily-rest and daily-watch-hours hold in every 24 hours, not only from
// changeover to changeover: the window starting at slot s of day d covers
// slots s..slots-1 of d and 0..s-1 of d + 1 (`next`; 0 past the last day,
// where nothing is planned). The windows starting on day d are counted on d.

inline std::uint64_t low_slots(int n) { return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1; }

// The most watches in a window starting on day d, and the slot where the
// first such window starts.
struct WindowWatches {
  int watches = 0, slot = 0;
};
inline WindowWatches fullest_window(std::uint64_t day, std::uint64_t next, const DayLimits& l) {
  const std::uint64_t all = all_slots(l.slots);
  day &= all;
  next &= all;
  int in_window = std::popcount(day);
  WindowWatches most{in_window, 0};
  for (int s = 1; s < l.slots; ++s) {
    in_window += static_cast<int>(on_watch(next, s - 1)) - static_cast<int>(on_watch(day, s - 1));
    if (in_window > most.watches) most = {in_window, s};
  }
  return most;
}

// The longest unbroken stretch without a watch inside the window from slot s
// of day d: within d's part, within the next day's part, and the stretch over
// the changeover between them.
inline int window_longest_free(std::uint64_t day, std::uint64_t next, int s, const DayLimits& l) {
  const int n = l.slots - s;  // slots of the window on day d (at least 1)
  const std::uint64_t mine = (~day & all_slots(l.slots)) >> s;
  const std::uint64_t theirs = ~next & low_slots(s);
  int longest = 0;
  for_each_run(mine, [&](int, int length) { longest = std::max(longest, length); });
  for_each_run(theirs, [&](int, int length) { longest = std::max(longest, length); });
  const int top = std::countl_one(mine << (64 - n));
  const int lead = std::min(s, std::countr_one(theirs));
  return std::max(longest, top + lead);
}

// The shortest "longest rest" over the windows starting on day d, and the
// slot where that window starts (the first such).
struct WindowRest {
  int longest_free = 0, slot = 0;
};
inline WindowRest least_window_rest(std::uint64_t day, std::uint64_t next, const DayLimits& l) {
  WindowRest least{l.slots + 1, 0};
  for (int s = 0; s < l.slots; ++s)
    if (const int r = window_longest_free(day, next, s, l); r < least.longest_free) least = {r, s};
  return least;
}

// daily-watch-hours units of day d: watches beyond the limit in its fullest window.
inline int window_watches_over(std::uint64_t day, std::uint64_t next, const DayLimits& l) {
  return watches_over(fullest_window(day, next, l).watches, l);
}
// daily-rest of day d (for a person placed somewhere that day): some window
// starting on d holds no rest as long as min-rest.
// Days of up to 32 slots read both days as one word, bit s' + t being slot
// t of the window from s' (the search and the evaluator call this for every
// changed day, so it is a few dozen bit operations, not a loop over windows).
inline bool window_rest_too_short(std::uint64_t day, std::uint64_t next, const DayLimits& l) {
  const int W = l.slots, R = l.rest_slots;
  if (R <= 0) return false;
  if (R > W) return true;
  if (W > 32) {
    for (int s = 0; s < W; ++s)
      if (rest_too_short(window_longest_free(day, next, s, l), l)) return true;
    return false;
  }
  const std::uint64_t all = all_slots(W);
  const std::uint64_t free = ~((day & all) | ((next & all) << W)) & low_slots(2 * W);
  // starts: bit j set when slots j..j+R-1 are all free (an AND over R shifts,
  // by doubling); reach: bit s' set when some rest starts in [s', s' + W - R],
  // that is fits inside the window from s' (an OR over W - R + 1 shifts).
  auto spread = [](std::uint64_t x, int length, bool all_of) {
    int have = 1;
    while (2 * have <= length) {
      x = all_of ? x & (x >> have) : x | (x >> have);
      have *= 2;
    }
    if (have < length) x = all_of ? x & (x >> (length - have)) : x | (x >> (length - have));
    return x;
  };
  const std::uint64_t starts = spread(free, R, true);
  const std::uint64_t reach = spread(starts, W - R + 1, false);
  return (reach & all) != all;
}

// Whether the day keeps all three limits within itself (daily-rest as for
// someone placed): a relaxation of the rules (the precheck's count of what a
// day can hold); with the days either side: keeps_limits_between.
inline bool keeps_day_limits(std::uint64_t mask, const DayLimits& l) {
  return watches_over(std::popcount(mask), l) == 0 && !rest_too_short(longest_free_run(mask, l.slots), l) &&
         runs_over(mask, l) == 0;
}

// Whether day `mask` keeps all three limits together with the day before and
// the day after: the windows starting on it and on the day before, and its
// runs going on over both changeovers (runs further off are not read).
inline bool keeps_limits_between(std::uint64_t before, std::uint64_t mask, std::uint64_t after, const DayLimits& l) {
  if (window_watches_over(before, mask, l) > 0 || window_watches_over(mask, after, l) > 0) return false;
  if (window_rest_too_short(before, mask, l) || window_rest_too_short(mask, after, l)) return false;
  const std::uint64_t all = all_slots(l.slots);
  bool runs_ok = true;
  for_each_run(mask & all, [&](int first, int) {
    runs_ok = runs_ok && run_over(run_through_days(before, mask, after, first, l.slots), l) == 0;
  });
  return runs_ok;
}

}  // namespace vigil::rules
