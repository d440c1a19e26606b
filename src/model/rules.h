// The rules vigil knows and which kind of problem owns each one. A benchmark
// instance and a unit scenario are different kinds of problem with different
// rule sets; whatever asks "which rules apply here" (the readers and writers,
// the evaluators, column generation, the summaries) asks the kind through
// this file, never a position in RuleKind.
#pragma once

#include <span>

namespace vigil {

// Every rule the evaluator knows. The order is the order of reports.
enum class RuleKind : int {
  kSuccession,
  kMaxShiftsPerKind,
  kTotalMinutes,
  kMaxConsecutiveShifts,
  kMinConsecutiveShifts,
  kMinConsecutiveDaysOff,
  kMaxWeekends,
  kRequiredDayOff,
  kShiftOnRequest,
  kShiftOffRequest,
  kCover,
  kWatchCover,       // every post (rest center) has its watchers (guard) at every minute
  kOnePlace,         // watch or shower only where the person is that day
  kRotation,         // post stints of the set length at one post, rest between them
  kBeds,             // no more people at a place than its beds
  kSharedLanguage,   // the watchers of a slot share a language
  kNovicePair,       // two people without experience never watch together
  kDailyRest,        // an unbroken rest per roster day
  kDailyWatchHours,  // at most so many watch hours per roster day
  kWatchesInRow,     // at most so many watches in a row
  kTeam,             // every post team has its veteran, medic, speaker...
  kUnavailable,      // nothing planned while absent
  kShowers,          // one shower per rest stint, within shower capacity, not while on watch
  kTravel,           // time to travel between duties at different places
  kNightSpread,      // wish: night watches spread evenly
  kHoursSpread,      // wish: watch hours spread evenly
  kNativePairs,      // wish: watchers share a native language
  kPersonalRequests, // wish: days off, posts, partners
  kTeamContinuity,   // wish: a post team serves on together at its next stint
  kFrozenPast,       // repair: nothing that started before now changes
  kChanges,          // repair wish: as few changes as possible, fewest soon
  kCount
};
inline constexpr int kRuleCount = static_cast<int>(RuleKind::kCount);

// The kinds of problem: a nurse-rostering benchmark instance (shift kinds,
// per-person limits, requests, cover) or a unit scenario (posts, watches,
// rotation, teams).
enum class ProblemKind { kBenchmark, kUnit };

// What part a rule plays in its kind of problem.
enum class RuleRole {
  kPersonLimit,  // benchmark: a limit on one person's line (the line DP keeps these)
  kRequest,      // benchmark: shift on/off requests
  kCover,        // benchmark: people per shift and day
  kUnitRule,     // unit: a rule a plan must keep (set in the scenario file)
  kUnitWish,     // unit: a wish a plan meets as far as it can (set in the scenario file)
  kRepairRule,   // unit repair: set by `vigil repair`, not by the file
  kRepairWish,   // unit repair wish, likewise
};

struct RuleInfo {
  RuleKind kind;
  const char* name;      // as in files, reports and --json
  ProblemKind owner;
  RuleRole role;
  bool hard_by_default;
  // The rule prices each unit itself (a request's or cover cell's own weight,
  // a change by how soon it starts); its weight is not multiplied in again.
  bool prices_itself;
  // On unless the file switches it off. team-continuity is off unless a
  // scenario asks for it: keeping squads together slows the first plan that
  // keeps every hard rule (docs/benchmark.md, "Team continuity"). travel is
  // off unless a scenario names it: how long it takes between two places is
  // the scenario's to say.
  bool enabled_by_default = true;
};

const RuleInfo& rule_info(RuleKind kind);
const char* rule_name(RuleKind kind);
inline bool is_wish(RuleKind kind) {
  const RuleRole r = rule_info(kind).role;
  return r == RuleRole::kUnitWish || r == RuleRole::kRepairWish;
}

// Every rule a kind of problem knows, in report order.
std::span<const RuleKind> rules_of(ProblemKind kind);
// The rules that play `role`, in report order.
std::span<const RuleKind> rules_with_role(RuleRole role);
// The unit rules and wishes a scenario file sets, in report order.
std::span<const RuleKind> scenario_rules();

// How a rule counts: hard rules must hold (a plan that breaks one is
// infeasible); soft rules are priced at `weight` per unit of their cost.
struct RuleSetting {
  bool enabled = true;
  bool hard = true;
  int weight = 1;
};

}  // namespace vigil
