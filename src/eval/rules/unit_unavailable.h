// Unit rule unavailable: nothing is planned for a person while absent.
// Units: 1 per day placed while not present (absent at its changeover), 1 per
// watch and 1 per shower that overlaps an absence. In a repair, a watch or
// shower that began before now is history (the loss came during it): not
// counted; what is left of a watch shows as UNCOVERED in the reports.
#pragma once

#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct Unavailable {
  static constexpr RuleKind kKind = RuleKind::kUnavailable;

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    const UnitLayout& L = cx.layout;
    for (int p = 0; p < cx.people; ++p) {
      const Person& person = in.problem.people[p];
      if (person.unit.absences.empty()) continue;
      for (int d = 0; d < cx.days; ++d) {
        const int day_start = d * kMinutesPerDay;
        if (const int pl = cx.place_at(p, d); pl >= 0 && !cx.is_present(p, d))
          record(in, kKind, tally, p, d, d, L.stay_shift[pl], 1, 1, [&] {
            return fmt::format("{}, {}: placed at {} while away ({})", cx.name(p), day_label(in.problem, d),
                               cx.place_name(pl), cx.absence_text(p, day_start, 1));
          });
        for (int s = 0; s < cx.watch_lanes; ++s) {
          const ShiftCode w = cx.watch_cell(p, d, s);
          const int from = day_start + L.slot_start[s];
          if (w < 0 || from < cx.repair_now || !absent_during(person, from, L.watch_minutes)) continue;
          record(in, kKind, tally, p, d, d, w, 1, 1, [&] {
            return fmt::format("{}, {}: {} at {} while away ({})", cx.name(p), cx.when(d, s), cx.duty(L.place_of[w]),
                               cx.place_name(L.place_of[w]), cx.absence_text(p, from, L.watch_minutes));
          });
        }
        const ShiftCode sh = cx.shower_cell(p, d);
        if (sh < 0) continue;
        const int from = day_start + L.shower_start[L.slot_of[sh]];
        if (from < cx.repair_now || !absent_during(person, from, L.shower_minutes)) continue;
        record(in, kKind, tally, p, d, d, sh, 1, 1, [&] {
          return fmt::format("{}, {} {}: shower at {} while away ({})", cx.name(p), day_label(in.problem, d),
                             cx.shower_text(L.slot_of[sh]), cx.place_name(L.place_of[sh]),
                             cx.absence_text(p, from, L.shower_minutes));
        });
      }
    }
  }
};

}  // namespace vigil::rules
