// Unit rule beds: no more people placed at a place on a day than it has beds
// (a place with 0 beds is unlimited). Units: the people beyond its beds.
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
      if (place.capacity <= 0) continue;
      for (int d = 0; d < cx.days; ++d) {
        const int n = cx.stay_count(pl, d);
        if (n <= place.capacity) continue;
        record(in, kKind, tally, -1, d, d, cx.layout.stay_shift[pl], n - place.capacity, n - place.capacity, [&] {
          return fmt::format("{}, {}: {} people placed ({}), {} beds", place.name, day_label(in.problem, d), n,
                             cx.names(cx.stay_begin_ptr(pl, d), cx.stay_end_ptr(pl, d), 10), place.capacity);
        });
      }
    }
  }
};

}  // namespace vigil::rules
