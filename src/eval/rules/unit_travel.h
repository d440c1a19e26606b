// Unit rule travel: nobody is in two places at once, nor at a second place
// before they could get there. A person's duties (watches, guard turns and
// showers, at the place of their shift) are taken in order of start (a watch
// before a shower starting at the same minute); each two consecutive duties
// at different places with less than travel-time between the end of the
// first and the start of the second (overlapping ones included) is 1 unit,
// counted on the day the second starts. Travel time is at most 12 h, so the
// duty before the first one of day d is the last one of day d - 1 or none.
// The duties and the pairs are read in rules/travel_duties.h, shared with
// the incremental evaluator; this unit counts them over the plan and words them.
#pragma once

#include "eval/rules/rule_support.h"
#include "eval/rules/travel_duties.h"
#include "eval/unit_context.h"

namespace vigil::rules {

struct Travel {
  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    const int travel = cx.unit.parameters.travel_minutes;
    DayDuties before, day;
    for (int p = 0; p < cx.people; ++p) {
      before.count = 0;
      for (int d = 0; d < cx.days; ++d) {
        const ShiftCode* cells = cx.day_cells(p, d);
        day_duties(cx.layout, d, cx.watch_lanes, cx.has_shower_lane, [&](int lane) { return cells[lane]; }, day);
        travel_units(before, day, travel, [&](const Duty& a, const Duty& b) {
          record(in, RuleKind::kTravel, tally, p, a.start / kMinutesPerDay, d, -1, 1, 1, [&] {
            return fmt::format("{}, {}: {} at {}, then {} at {}: {} to get there, at least {} needed", cx.name(p),
                               day_label(in.problem, d), duty_span(cx, a), cx.place_name(a.place), duty_span(cx, b),
                               cx.place_name(b.place), UnitContext::hours(std::max(0, b.start - a.end)),
                               UnitContext::hours(travel));
          });
        });
        std::swap(before, day);
      }
    }
  }

 private:
  // "04:00-06:00 on watch" or "07:00-07:30 shower".
  static std::string duty_span(const UnitContext& cx, const Duty& x) {
    const int offset = x.start % kMinutesPerDay;
    return fmt::format("{} {}", cx.span_text(offset, x.end - x.start), x.slot < 0 ? "shower" : cx.duty(x.place));
  }
};

}  // namespace vigil::rules
