// Unit rules on one person's watches over any 24 hours (a watch is a watch
// or guard turn at any place; the meaning of each limit is in
// rules/day_limits.h):
//   daily-rest: placed somewhere on day d, yet some 24 hours starting on d
//     (at any of its slots) hold no unbroken stretch without a watch as long
//     as min-rest: 1 unit per (person, day);
//   daily-watch-hours: the fullest 24 hours starting on day d hold watches
//     beyond floor(max-watch-minutes / watch length): 1 unit per watch over;
//   watches-in-a-row: each maximal run of consecutive watch slots longer than
//     max-in-a-row: run length - max units. A run goes on over the changeover
//     (04:00-06:00 and 06:00-08:00 are 2 in a row) and is counted once, on
//     the day it starts.
#pragma once

#include "eval/rules/day_limits.h"
#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct DailyLimits {
  // Any of the three may be null (rule off). What each limit means is in
  // rules/day_limits.h; this unit counts it over the plan and words it.
  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally* rest, RuleTally* hours,
                       RuleTally* in_row) {
    if (!rest && !hours && !in_row) return;
    const int wm = cx.layout.watch_minutes;
    const DayLimits lim = day_limits(cx.unit.parameters, wm, cx.slots);
    std::vector<std::uint64_t> masks(static_cast<std::size_t>(cx.days) + 1);
    for (int p = 0; p < cx.people; ++p) {
      if (in_row) person_runs(in, cx, lim, p, *in_row);
      for (int d = 0; d < cx.days; ++d) {
        std::uint64_t m = 0;
        for (int s = 0; s < cx.slots && s < cx.watch_lanes; ++s)
          if (cx.watch_cell(p, d, s) >= 0) m |= std::uint64_t{1} << s;
        masks[static_cast<std::size_t>(d)] = m;
      }
      masks[static_cast<std::size_t>(cx.days)] = 0;  // past the last day nothing is planned
      for (int d = 0; d < cx.days; ++d) {
        const std::uint64_t day = masks[static_cast<std::size_t>(d)], next = masks[static_cast<std::size_t>(d) + 1];
        if (rest && cx.place_at(p, d) >= 0 && window_rest_too_short(day, next, lim)) {
          const WindowRest least = least_window_rest(day, next, lim);
          record(in, RuleKind::kDailyRest, *rest, p, d, least.slot == 0 ? d : std::min(d + 1, cx.days - 1), -1, 1, 1,
                 [&] {
                   return fmt::format("{}, {}: longest rest {} in the 24 h from {}, at least {} needed", cx.name(p),
                                      day_label(in.problem, d), UnitContext::hours(least.longest_free * wm),
                                      clock_label(cx.changeover + cx.layout.slot_start[least.slot]),
                                      UnitContext::hours(cx.unit.parameters.min_rest_minutes));
                 });
        }
        if (!hours) continue;
        const WindowWatches most = fullest_window(day, next, lim);
        if (const int over = watches_over(most.watches, lim); over > 0)
          record(in, RuleKind::kDailyWatchHours, *hours, p, d, most.slot == 0 ? d : std::min(d + 1, cx.days - 1), -1,
                 over, over, [&] {
                   return fmt::format("{}, {}: {} watches ({}) in the 24 h from {}, at most {} ({})", cx.name(p),
                                      day_label(in.problem, d), most.watches, UnitContext::hours(most.watches * wm),
                                      clock_label(cx.changeover + cx.layout.slot_start[most.slot]), lim.max_watches,
                                      UnitContext::hours(lim.max_watches * wm));
                 });
      }
    }
  }

 private:
  // watches-in-a-row over the person's whole timeline (slot s of day d is
  // d * slots + s; the slots tile each day from the changeover), so a run
  // goes on over the changeover; each run is counted on the day it starts.
  static void person_runs(const RuleInput& in, const UnitContext& cx, const DayLimits& lim, int p, RuleTally& tally) {
    const int wm = cx.layout.watch_minutes;
    const int total = cx.days * cx.slots;
    auto busy = [&](int t) {
      return t < total && t % cx.slots < cx.watch_lanes && cx.watch_cell(p, t / cx.slots, t % cx.slots) >= 0;
    };
    for (int t = 0; t < total;) {
      if (!busy(t)) {
        ++t;
        continue;
      }
      int length = 0;
      while (busy(t + length)) ++length;
      const int first_day = t / cx.slots, last_day = (t + length - 1) / cx.slots;
      const int over = run_over(length, lim);
      record(in, RuleKind::kWatchesInRow, tally, p, first_day, last_day, -1, over, over, [&] {
        return fmt::format("{}, {} {}: {} watches in a row, at most {}", cx.name(p), day_label(in.problem, first_day),
                           cx.span_text(cx.layout.slot_start[t % cx.slots], length * wm), length, lim.max_in_row);
      });
      t += length;
    }
  }
};

}  // namespace vigil::rules
