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

#include <algorithm>

#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct DailyLimits {
  // Any of the three may be null (rule off).
  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally* rest, RuleTally* hours,
                       RuleTally* in_row) {
    if (!rest && !hours && !in_row) return;
    const UnitRuleParameters& par = cx.unit.parameters;
    const int wm = cx.layout.watch_minutes;
    const int max_watches = par.max_watch_minutes / wm;
    const int W = cx.slots;
    for (int p = 0; p < cx.people; ++p)
      for (int d = 0; d < cx.days; ++d) {
        int count = 0, longest_gap = 0, gap = 0, run = 0;
        for (int s = 0; s <= W; ++s) {
          const bool on = s < cx.watch_lanes && cx.watch_cell(p, d, s) >= 0;
          if (on) {
            ++count;
            ++run;
            longest_gap = std::max(longest_gap, gap);
            gap = 0;
          } else {
            if (s < W) ++gap;
            if (in_row && run > par.max_watches_in_row) {
              const int first = s - run, length = run;
              record(in, RuleKind::kWatchesInRow, *in_row, p, d, d, -1, length - par.max_watches_in_row,
                     length - par.max_watches_in_row, [&] {
                       return fmt::format("{}, {} {}: {} watches in a row, at most {}", cx.name(p),
                                          day_label(in.problem, d), cx.span_text(cx.layout.slot_start[first], length * wm),
                                          length, par.max_watches_in_row);
                     });
            }
            run = 0;
          }
        }
        longest_gap = std::max(longest_gap, gap);
        if (rest && cx.place_at(p, d) >= 0 && longest_gap * wm < par.min_rest_minutes)
          record(in, RuleKind::kDailyRest, *rest, p, d, d, -1, 1, 1, [&] {
            return fmt::format("{}, {}: longest rest {}, at least {} needed", cx.name(p), day_label(in.problem, d),
                               UnitContext::hours(longest_gap * wm), UnitContext::hours(par.min_rest_minutes));
          });
        if (hours && count > max_watches)
          record(in, RuleKind::kDailyWatchHours, *hours, p, d, d, -1, count - max_watches, count - max_watches, [&] {
            return fmt::format("{}, {}: {} watches ({}), at most {} ({})", cx.name(p), day_label(in.problem, d), count,
                               UnitContext::hours(count * wm), max_watches, UnitContext::hours(max_watches * wm));
          });
      }
  }
};

}  // namespace vigil::rules
