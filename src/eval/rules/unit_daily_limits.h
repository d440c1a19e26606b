// Unit rules on one person's roster day (changeover to changeover; nothing
// carries over from the day before or after). A watch is a watch or guard
// turn at any place.
//   daily-rest: placed somewhere, yet the longest unbroken stretch of the day
//     without a watch is shorter than min-rest: 1 unit per (person, day);
//   daily-watch-hours: watches beyond floor(max-watch-minutes / watch length):
//     1 unit per watch over;
//   watches-in-a-row: each maximal run of consecutive watch slots longer than
//     max-in-a-row: run length - max units.
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
    for (int p = 0; p < cx.people; ++p)
      for (int d = 0; d < cx.days; ++d) {
        const DayWatches day = scan_day(
            cx.slots, lim.max_in_row, [&](int s) { return s < cx.watch_lanes && cx.watch_cell(p, d, s) >= 0; },
            [&](int first, int length) {
              if (!in_row) return;
              const int over = run_over(length, lim);
              record(in, RuleKind::kWatchesInRow, *in_row, p, d, d, -1, over, over, [&] {
                return fmt::format("{}, {} {}: {} watches in a row, at most {}", cx.name(p), day_label(in.problem, d),
                                   cx.span_text(cx.layout.slot_start[first], length * wm), length, lim.max_in_row);
              });
            });
        if (rest && cx.place_at(p, d) >= 0 && rest_too_short(day.longest_free, lim))
          record(in, RuleKind::kDailyRest, *rest, p, d, d, -1, 1, 1, [&] {
            return fmt::format("{}, {}: longest rest {}, at least {} needed", cx.name(p), day_label(in.problem, d),
                               UnitContext::hours(day.longest_free * wm),
                               UnitContext::hours(cx.unit.parameters.min_rest_minutes));
          });
        if (const int over = watches_over(day.watches, lim); hours && over > 0)
          record(in, RuleKind::kDailyWatchHours, *hours, p, d, d, -1, over, over, [&] {
            return fmt::format("{}, {}: {} watches ({}), at most {} ({})", cx.name(p), day_label(in.problem, d),
                               day.watches, UnitContext::hours(day.watches * wm), lim.max_watches,
                               UnitContext::hours(lim.max_watches * wm));
          });
      }
  }
};

}  // namespace vigil::rules
