// Sweep cases, their units and their searches (see sweep.h).
#include "solve/sweep.h"

#include <fmt/format.h>

#include "base/shard.h"
#include "solve/solver.h"
#include "solve/unit_generator.h"

namespace vigil {

std::vector<SweepCase> sweep_cases(const SweepSpec& spec) {
  std::vector<SweepCase> out;
  std::vector<std::size_t> at(spec.axes.size(), 0);
  for (;;) {
    SweepCase c;
    for (std::size_t a = 0; a < spec.axes.size(); ++a) c.values.push_back(spec.axes[a].values[at[a]]);
    for (std::uint64_t seed : spec.seeds) {
      c.seed = seed;
      out.push_back(c);
    }
    // The next combination, the last axis fastest.
    std::size_t a = spec.axes.size();
    while (a > 0 && ++at[a - 1] == spec.axes[a - 1].values.size()) at[--a] = 0;
    if (a == 0) return out;
  }
}

namespace {

InputError axis_error(const SweepSpec& spec, const SweepAxis& axis, const std::string& message) {
  return InputError{spec.file, axis.line, axis.column, "vary." + axis.name + ": " + message, ""};
}

// Sets the value of one axis on a unit; "" or the reason it cannot.
std::string apply_axis(Problem& p, const std::string& name, std::int64_t value) {
  const int v = static_cast<int>(value);
  if (name == "beds") {
    int n = 0;
    for (Place& place : p.places)
      if (place.kind == PlaceKind::kRestCenter) {
        place.capacity = v;
        for (BedsChange& change : place.beds_changes) change.beds = v;
        ++n;
      }
    return n > 0 ? "" : "the unit has no rest center";
  }
  if (name.rfind("need.", 0) == 0) {
    const std::string what = name.substr(5);
    const UnitSetup& u = *p.unit;
    int n = 0;
    for (TeamNeed& need : p.unit->parameters.team_needs) {
      const bool match = (need.kind == TeamNeed::Kind::kSkill && u.skills[need.value] == what) ||
                         (need.kind == TeamNeed::Kind::kLanguage && u.languages[need.value] == what) ||
                         (need.kind == TeamNeed::Kind::kExperience && what == "veteran");
      if (match) {
        need.count = v;
        ++n;
      }
    }
    return n > 0 ? "" : "the unit's post teams have no need '" + what + "' (a skill, a language code or veteran)";
  }
  if (name.rfind("weight.", 0) == 0) {
    const std::string rule = name.substr(7);
    for (int k = 0; k < kRuleCount; ++k)
      if (rule == rule_name(static_cast<RuleKind>(k))) {
        RuleSetting& r = p.rule(static_cast<RuleKind>(k));
        if (!r.enabled || r.hard) return "'" + rule + "' is not a soft rule of this unit";
        r.weight = v;
        return "";
      }
    return "no rule is named '" + rule + "'";
  }
  return "cannot be varied on this unit";
}

}  // namespace

Result<Problem> sweep_problem(const SweepSpec& spec, const Problem* scenario, const SweepCase& c) {
  Problem p;
  if (scenario) {
    p = *scenario;
  } else {
    GeneratorOptions g;
    g.people = spec.people;
    g.posts = spec.posts;
    g.rest_centers = spec.rest_centers;
    g.days = spec.days;
    g.seed = spec.unit_seed;
    for (std::size_t a = 0; a < spec.axes.size(); ++a) {
      const std::string& name = spec.axes[a].name;
      if (name == "people") g.people = static_cast<int>(c.values[a]);
      if (name == "posts") g.posts = static_cast<int>(c.values[a]);
      if (name == "days") g.days = static_cast<int>(c.values[a]);
    }
    auto made = generate_unit(g);
    if (!made) return InputError{spec.file, 0, 0, "generate: " + made.error().message, ""};
    p = std::move(*made);
  }
  for (std::size_t a = 0; a < spec.axes.size(); ++a) {
    const std::string& name = spec.axes[a].name;
    if (name == "people" || name == "posts" || name == "days") continue;
    if (std::string why = apply_axis(p, name, c.values[a]); !why.empty()) return axis_error(spec, spec.axes[a], why);
  }
  return p;
}

std::optional<InputError> check_sweep_axes(const SweepSpec& spec, const Problem* scenario) {
  // Each value of each axis with the others at their first value: every
  // generator option and every name is tried once before the long run.
  const std::vector<SweepCase> cases = sweep_cases(spec);
  SweepCase c = cases.front();
  for (std::size_t a = 0; a < spec.axes.size(); ++a) {
    for (std::int64_t v : spec.axes[a].values) {
      c.values[a] = v;
      auto p = sweep_problem(spec, scenario, c);
      if (!p) return p.error().line > 0 ? p.error() : axis_error(spec, spec.axes[a], p.error().message);
      if (scenario) break;  // on a file only names can fail, and every value tries the same name
    }
    c.values[a] = spec.axes[a].values.front();
  }
  if (spec.axes.empty())
    if (auto p = sweep_problem(spec, scenario, c); !p) return p.error();
  return std::nullopt;
}

SweepOutcome run_sweep_case(const Problem& unit, const SweepSpec& spec, const SweepCase& c) {
  SolveOptions o;
  o.time_limit_seconds = 1e9;  // the work budget alone decides: the same answer on any machine
  o.work_limit = spec.work;
  o.threads = 1;
  std::vector<std::int64_t> parts(c.values.begin(), c.values.end());
  std::uint64_t seed = case_seed(c.seed, {static_cast<std::int64_t>(parts.size())});
  for (std::int64_t v : parts) seed = case_seed(seed, {v});
  o.seed = seed;
  const SolveResult r = solve(unit, o);
  return {r.score.hard == 0, r.score.hard, r.score.soft};
}

}  // namespace vigil
