// Wishes: a person asked to work a shift on a day (unmet by a day off or any
// other shift), or asked not to work a shift on a day (broken only by that
// shift). Priced at the request's weight.
#pragma once

#include "eval/rules/rule_support.h"
#include "model/wording.h"

namespace vigil::rules {

struct ShiftRequests {
  static void evaluate(const RuleInput& in, RuleTally& on_tally, RuleTally& off_tally, bool on_enabled,
                       bool off_enabled, std::int64_t on_weight, std::int64_t off_weight) {
    for (const ShiftRequest& r : in.problem.requests) {
      const ShiftCode s = in.roster.at(r.person.value, r.day);
      const int p = r.person.value;
      if (r.wants_shift && on_enabled && s != r.shift.value)
        record(in, RuleKind::kShiftOnRequest, on_tally, p, r.day, r.day, r.shift.value, 1, on_weight * r.weight, [&] {
          return fmt::format("{} asked to work {} on {} but {}", person_name(in.problem, p),
                             shift_name(in.problem, r.shift.value), day_label(in.problem, r.day),
                             s < 0 ? std::string("is off") : "works " + shift_name(in.problem, s));
        });
      if (!r.wants_shift && off_enabled && s == r.shift.value)
        record(in, RuleKind::kShiftOffRequest, off_tally, p, r.day, r.day, s, 1, off_weight * r.weight, [&] {
          return fmt::format("{} asked not to work {} on {} but does", person_name(in.problem, p),
                             shift_name(in.problem, s), day_label(in.problem, r.day));
        });
    }
  }
};

}  // namespace vigil::rules
