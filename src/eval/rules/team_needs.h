// Who brings which team need to a post team, and what a team misses
// (docs/unit-rules.md, rule team): one definition for the rule unit
// (rules/unit_team.h), the incremental evaluator, the search and the
// precheck. A person meets a need by UnitPersonInfo::meets (experience at
// least the level named, the skill, or the language at any level).
#pragma once

#include <cstdint>
#include <vector>

#include "model/problem.h"
#include "model/unit.h"

namespace vigil::rules {

// Person x need: 1 when the person meets the need (any number of needs).
struct NeedHolders {
  int needs = 0;
  std::vector<std::uint8_t> has;  // [p * needs + k]

  NeedHolders() = default;
  explicit NeedHolders(const Problem& problem) {
    const std::vector<TeamNeed>& list = problem.unit->parameters.team_needs;
    needs = static_cast<int>(list.size());
    has.assign(problem.people.size() * list.size(), 0);
    for (std::size_t p = 0; p < problem.people.size(); ++p)
      for (std::size_t k = 0; k < list.size(); ++k) has[p * list.size() + k] = problem.people[p].unit.meets(list[k]) ? 1 : 0;
  }
  bool meets(int person, int need) const { return has[static_cast<std::size_t>(person) * needs + need] != 0; }
  const std::uint8_t* row(int person) const { return has.data() + static_cast<std::size_t>(person) * needs; }
};

// Members a team with `with` holders of the need lacks (the rule's units).
inline int members_missing(const TeamNeed& need, int with) { return with < need.count ? need.count - with : 0; }

}  // namespace vigil::rules
