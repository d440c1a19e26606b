// What an evaluation returns: the score (hard units, soft cost), a tally per
// rule and, on request, one explained violation per thing a rule matched.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

struct ProblemIndex;

// Hard units (0 = feasible) and the soft penalty. Lower is better; any hard
// unit outweighs every soft cost.
struct Score {
  std::int64_t hard = 0;
  std::int64_t soft = 0;
  bool feasible() const { return hard == 0; }
  friend bool operator==(const Score&, const Score&) = default;
  friend bool operator<(const Score& a, const Score& b) {
    return a.hard != b.hard ? a.hard < b.hard : a.soft < b.soft;
  }
};

struct RuleTally {
  std::int64_t matches = 0;  // how many things the rule matched (runs, pairs, days...)
  std::int64_t units = 0;    // how far off they are, in the rule's unit
  std::int64_t cost = 0;     // soft rules: the priced penalty; hard rules: units
};

struct Violation {
  RuleKind rule = RuleKind::kCount;
  int person = -1;  // -1 when the rule is about a day and shift, not a person
  int first_day = 0, last_day = 0;
  int shift = -1;
  std::int64_t units = 0;
  std::int64_t cost = 0;
  std::string text;  // names the person, the days and the shift
  std::string gist;  // a short phrase for summaries ("without a medic"), where a rule gives one
};

struct Evaluation {
  Score score;
  std::array<RuleTally, kRuleCount> rules{};
  std::vector<Violation> violations;  // filled only when explanations were asked for
};

// What every rule's full evaluation reads.
struct RuleInput {
  const Problem& problem;
  const ProblemIndex& index;
  const Roster& roster;
  std::vector<Violation>* explain;  // null: count only
};

// From-scratch evaluation of every enabled rule. The reference the
// incremental evaluator is tested against, and what `vigil check` prints.
Evaluation evaluate(const Problem& problem, const Roster& roster, bool explain = false);
Evaluation evaluate(const Problem& problem, const ProblemIndex& index, const Roster& roster, bool explain = false);

}  // namespace vigil
