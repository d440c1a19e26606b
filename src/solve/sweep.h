// The cases of a sweep (io/sweep_spec.h) and the search of one: every
// combination of the varied values (the first parameter slowest), times every
// seed (fastest), is case k of a fixed list; its unit is the base with those
// values, searched with the sweep's work budget and a seed derived from the
// case (base/shard.h), so a shard of the list answers each case as the whole
// run does.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/input_error.h"
#include "io/sweep_spec.h"
#include "model/problem.h"

namespace vigil {

struct SweepCase {
  std::vector<std::int64_t> values;  // one per axis of the spec
  std::uint64_t seed = 1;            // the spec's seed (the search's comes from it and the values)
};

std::vector<SweepCase> sweep_cases(const SweepSpec& spec);

// The base unit: the scenario file (read), or the generator's with the spec's
// options. `scenario` is the read scenario, or nullptr for a generated unit.
// The unit of one case: the base with the case's values; an error names the
// axis (a need nobody has heard of, a rule that is not a soft rule).
Result<Problem> sweep_problem(const SweepSpec& spec, const Problem* scenario, const SweepCase& c);

// Every axis against the base unit, before any search: an unknown need or
// rule is said at once, at its line in the sweep file.
std::optional<InputError> check_sweep_axes(const SweepSpec& spec, const Problem* scenario);

struct SweepOutcome {
  bool feasible = false;  // the plan keeps every hard rule
  std::int64_t hard = 0;  // hard units broken
  std::int64_t cost = 0;  // soft cost of the plan
};

SweepOutcome run_sweep_case(const Problem& unit, const SweepSpec& spec, const SweepCase& c);

}  // namespace vigil
