// Unit rule one-place: a person watches, stands guard and showers only at the
// place where they are that day (before a transfer that day: where they were
// until it). Units: 1 per watch cell at another place (or while placed
// nowhere) and 1 per shower at another place.
#pragma once

#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct OnePlace {
  static constexpr RuleKind kKind = RuleKind::kOnePlace;

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    const UnitLayout& L = cx.layout;
    for (int p = 0; p < cx.people; ++p)
      for (int d = 0; d < cx.days; ++d) {
        const DayTransfer& moved = cx.transfer_at(p, d);
        auto placed = [&](int offset) {
          const int here = cx.place_at_offset(p, d, offset);
          const std::string where = here < 0 ? std::string("placed nowhere") : "placed at " + cx.place_name(here);
          if (!moved.any()) return where + " that day";
          const bool before = d * kMinutesPerDay + offset < moved.minute;
          return fmt::format("{} {} {}", where, before ? "until" : "from", cx.moment(moved.minute));
        };
        for (int s = 0; s < cx.watch_lanes; ++s) {
          const ShiftCode w = cx.watch_cell(p, d, s);
          if (w < 0 || L.place_of[w] == cx.place_at_offset(p, d, L.slot_start[s])) continue;
          record(in, kKind, tally, p, d, d, w, 1, 1, [&] {
            return fmt::format("{}, {}: {} at {} but {}", cx.name(p), cx.when(d, s), cx.duty(L.place_of[w]),
                               cx.place_name(L.place_of[w]), placed(L.slot_start[s]));
          });
        }
        const ShiftCode sh = cx.shower_cell(p, d);
        if (sh >= 0 && L.place_of[sh] != cx.place_at_offset(p, d, L.shower_start[L.slot_of[sh]]))
          record(in, kKind, tally, p, d, d, sh, 1, 1, [&] {
            return fmt::format("{}, {} {}: shower at {} but {}", cx.name(p), day_label(in.problem, d),
                               cx.shower_text(L.slot_of[sh]), cx.place_name(L.place_of[sh]),
                               placed(L.shower_start[L.slot_of[sh]]));
          });
      }
  }
};

}  // namespace vigil::rules
