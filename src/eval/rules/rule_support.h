// Small helpers shared by the rule units: recording a match, naming shifts.
#pragma once

#include <fmt/format.h>

#include "eval/evaluation.h"
#include "eval/problem_index.h"

namespace vigil::rules {

inline const std::string& shift_name(const Problem& p, int s) { return p.shifts[static_cast<std::size_t>(s)].name; }
inline const std::string& person_name(const Problem& p, int person) { return p.people[static_cast<std::size_t>(person)].name; }

// Adds one match of `units` (priced at `cost`) to the tally and, when
// explanations are wanted, builds the text lazily.
template <class TextFn>
void record(const RuleInput& in, RuleKind kind, RuleTally& tally, int person, int first_day, int last_day, int shift,
            std::int64_t units, std::int64_t cost, TextFn&& text) {
  if (units == 0 && cost == 0) return;
  tally.matches += 1;
  tally.units += units;
  tally.cost += cost;
  if (in.explain) in.explain->push_back(Violation{kind, person, first_day, last_day, shift, units, cost, text(), {}});
}

}  // namespace vigil::rules
