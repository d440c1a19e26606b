// Unit rule beds: no more people placed at a place on a day than it has beds
// that day (a place with 0 beds is unlimited), and nobody on a day it is
// closed (it has no beds then). Units: the people beyond its beds.
#pragma once

#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct Beds {
  static constexpr RuleKind kKind = RuleKind::kBeds;

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    for (int pl = 0; pl < cx.places; ++pl) {
      const Place& place = in.problem.places[pl];
      if (place.open_throughout(cx.days) && place.capacity <= 0 && place.beds_changes.empty()) continue;
      for (int d = 0; d < cx.days; ++d) {
        const int n = cx.stay_count(pl, d);
        const bool open = place.open_on(d);
        const int beds = open ? place.beds_on(d) : 0;
        if (n == 0 || (open && (beds <= 0 || n <= beds))) continue;
        record(in, kKind, tally, -1, d, d, cx.layout.stay_shift[pl], n - beds, n - beds, [&] {
          const std::string who = cx.names(cx.stay_begin_ptr(pl, d), cx.stay_end_ptr(pl, d), 10);
          if (!open)
            return fmt::format("{}, {}: {} people placed ({}) while it is closed", place.name, day_label(in.problem, d),
                               n, who);
          return fmt::format("{}, {}: {} people placed ({}), {} beds", place.name, day_label(in.problem, d), n, who, beds);
        });
      }
    }
  }
};

}  // namespace vigil::rules
