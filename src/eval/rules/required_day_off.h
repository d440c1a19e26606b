// Rule: nobody works on a day they must have off. Unit: one such day.
#pragma once

#include "eval/rules/rule_support.h"
#include "model/wording.h"

namespace vigil::rules {

struct RequiredDayOff {
  static constexpr RuleKind kKind = RuleKind::kRequiredDayOff;

  static int units(const ProblemIndex& ix, int p, int d, ShiftCode s) { return s >= 0 && ix.required_off[ix.cell(p, d)]; }

  static void evaluate(const RuleInput& in, RuleTally& tally) {
    for (int p = 0; p < in.index.people; ++p)
      for (int d = 0; d < in.index.days; ++d) {
        const ShiftCode s = in.roster.at(p, d);
        const int u = units(in.index, p, d, s);
        record(in, kKind, tally, p, d, d, s, u, u, [&] {
          return fmt::format("{} works {} on {}, a required day off", person_name(in.problem, p),
                             shift_name(in.problem, s), day_label(in.problem, d));
        });
      }
  }
};

}  // namespace vigil::rules
