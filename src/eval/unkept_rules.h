// What a unit plan cannot keep, in the duty officer's terms: the broken hard
// rules of an explained Evaluation grouped by rule and by place (or person),
// each with when it starts, when it ends and how long it lasts in all. A
// repair that cannot keep every hard rule prints these; the resilience check
// turns them into "losing <name> on day 3 leaves post-2 without a medic on
// days 4-5".
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "eval/evaluation.h"
#include "model/problem.h"

namespace vigil {

struct UnkeptRule {
  RuleKind rule = RuleKind::kCount;
  std::string where;             // place or person the violations name; empty when neither
  std::string gist;              // the rule's short phrase ("without a medic"), empty when it gives none
  int first_minute = 0;          // unit minutes: the first affected moment
  int end_minute = 0;            // unit minutes, exclusive: the end of the last affected span
  int minutes = 0;               // affected time in all (watch slots, showers or whole days)
  std::int64_t units = 0;
  std::vector<std::pair<int, int>> day_spans;  // days affected, as sorted runs of consecutive days
  std::vector<std::string> details;  // the violations' own texts, in evaluation order
};

// One entry per (rule, where, gist) among the hard violations, in the order
// they first appear. `evaluation` must have been made with explanations.
std::vector<UnkeptRule> unkept_rules(const Problem& problem, const Evaluation& evaluation);

// "watch-cover at post-1: 2 h in all, from day 21 (Mon) 08:00 until day 21
// (Mon) 10:00 (1 unit): post-1, day 21 (Mon) 08:00-10:00: 1 on watch, 2
// needed", one line per entry, listing at most `details` violation texts each.
std::string unkept_rules_text(const Problem& problem, const std::vector<UnkeptRule>& unkept, std::size_t details = 3);

// The consequence in a few words, for a sentence that begins "losing X on day
// N ...": "leaves post-1 without a medic on days 4-5 and 8-9", "leaves
// post-1 short on watch for 4 h on day 21 (Mon)", or "breaks rotation for
// Ana on days 3-4". At most three runs of days are named.
std::string unkept_consequence(const Problem& problem, const UnkeptRule& unkept);

}  // namespace vigil
