// From-scratch evaluation: runs every enabled rule unit over the whole roster.
// Slow and simple on purpose; it is the oracle for the incremental evaluator.
#include <fmt/format.h>

#include "eval/evaluation.h"
#include "eval/problem_index.h"
#include "eval/rules/consecutive_runs.h"
#include "eval/rules/cover.h"
#include "eval/rules/max_shifts_per_kind.h"
#include "eval/rules/max_weekends.h"
#include "eval/rules/required_day_off.h"
#include "eval/rules/shift_requests.h"
#include "eval/rules/succession.h"
#include "eval/rules/total_minutes.h"
#include "eval/rules/unit_beds.h"
#include "eval/rules/unit_daily_limits.h"
#include "eval/rules/unit_one_place.h"
#include "eval/rules/unit_repair.h"
#include "eval/rules/unit_requests.h"
#include "eval/rules/unit_rotation.h"
#include "eval/rules/unit_showers.h"
#include "eval/rules/unit_spread.h"
#include "eval/rules/unit_team.h"
#include "eval/rules/unit_team_continuity.h"
#include "eval/rules/unit_travel.h"
#include "eval/rules/unit_unavailable.h"
#include "eval/rules/unit_watch_cover.h"
#include "eval/rules/unit_watch_pairs.h"
#include "eval/unit_context.h"

namespace vigil {

Evaluation evaluate(const Problem& problem, const Roster& roster, bool explain) {
  const ProblemIndex index(problem);
  return evaluate(problem, index, roster, explain);
}

Evaluation evaluate(const Problem& problem, const ProblemIndex& index, const Roster& roster, bool explain) {
  Evaluation ev;
  const RuleInput in{problem, index, roster, explain ? &ev.violations : nullptr};
  auto on = [&](RuleKind k) { return problem.rule(k).enabled; };
  auto tally = [&](RuleKind k) -> RuleTally& { return ev.rules[static_cast<int>(k)]; };

  if (on(RuleKind::kSuccession)) rules::Succession::evaluate(in, tally(RuleKind::kSuccession));
  if (on(RuleKind::kMaxShiftsPerKind)) rules::MaxShiftsPerKind::evaluate(in, tally(RuleKind::kMaxShiftsPerKind));
  if (on(RuleKind::kTotalMinutes)) rules::TotalMinutes::evaluate(in, tally(RuleKind::kTotalMinutes));
  rules::ConsecutiveRuns::evaluate(in, tally(RuleKind::kMaxConsecutiveShifts), tally(RuleKind::kMinConsecutiveShifts),
                                   tally(RuleKind::kMinConsecutiveDaysOff), on(RuleKind::kMaxConsecutiveShifts),
                                   on(RuleKind::kMinConsecutiveShifts), on(RuleKind::kMinConsecutiveDaysOff));
  if (on(RuleKind::kMaxWeekends)) rules::MaxWeekends::evaluate(in, tally(RuleKind::kMaxWeekends));
  if (on(RuleKind::kRequiredDayOff)) rules::RequiredDayOff::evaluate(in, tally(RuleKind::kRequiredDayOff));
  rules::ShiftRequests::evaluate(in, tally(RuleKind::kShiftOnRequest), tally(RuleKind::kShiftOffRequest),
                                 on(RuleKind::kShiftOnRequest), on(RuleKind::kShiftOffRequest),
                                 problem.rule(RuleKind::kShiftOnRequest).weight,
                                 problem.rule(RuleKind::kShiftOffRequest).weight);
  if (on(RuleKind::kCover)) rules::Cover::evaluate(in, tally(RuleKind::kCover), problem.rule(RuleKind::kCover).weight);

  // The unit's rules (docs/unit-rules.md), over one shared context.
  if (problem.is_unit()) {
    const UnitContext cx(problem, roster);
    auto maybe = [&](RuleKind k) { return on(k) ? &tally(k) : nullptr; };
    if (on(RuleKind::kWatchCover)) rules::WatchCover::evaluate(in, cx, tally(RuleKind::kWatchCover));
    if (on(RuleKind::kOnePlace)) rules::OnePlace::evaluate(in, cx, tally(RuleKind::kOnePlace));
    if (on(RuleKind::kRotation)) rules::RotationRule::evaluate(in, cx, tally(RuleKind::kRotation));
    if (on(RuleKind::kBeds)) rules::Beds::evaluate(in, cx, tally(RuleKind::kBeds));
    rules::WatchPairs::evaluate(in, cx, maybe(RuleKind::kSharedLanguage), maybe(RuleKind::kNovicePair),
                                maybe(RuleKind::kNativePairs));
    rules::DailyLimits::evaluate(in, cx, maybe(RuleKind::kDailyRest), maybe(RuleKind::kDailyWatchHours),
                                 maybe(RuleKind::kWatchesInRow));
    if (on(RuleKind::kTeam)) rules::Team::evaluate(in, cx, tally(RuleKind::kTeam));
    if (on(RuleKind::kUnavailable)) rules::Unavailable::evaluate(in, cx, tally(RuleKind::kUnavailable));
    if (on(RuleKind::kShowers)) rules::Showers::evaluate(in, cx, tally(RuleKind::kShowers));
    if (on(RuleKind::kTravel)) rules::Travel::evaluate(in, cx, tally(RuleKind::kTravel));
    rules::Spread::evaluate(in, cx, maybe(RuleKind::kNightSpread), maybe(RuleKind::kHoursSpread));
    if (on(RuleKind::kPersonalRequests))
      rules::PersonalRequests::evaluate(in, cx, tally(RuleKind::kPersonalRequests));
    if (on(RuleKind::kTeamContinuity))
      rules::TeamContinuity::evaluate(in, cx, tally(RuleKind::kTeamContinuity));
    rules::Repair::evaluate(in, cx, maybe(RuleKind::kFrozenPast), maybe(RuleKind::kChanges),
                            problem.rule(RuleKind::kChanges).weight);
  }

  for (int k = 0; k < kRuleCount; ++k) {
    const RuleSetting& setting = problem.rules[k];
    RuleTally& t = ev.rules[k];
    const auto kind = static_cast<RuleKind>(k);
    const bool priced_by_rule = rule_info(kind).prices_itself;
    if (!setting.enabled) continue;
    if (setting.hard) {
      t.cost = t.units;
      ev.score.hard += t.units;
    } else {
      if (!priced_by_rule) {
        t.cost = t.units * setting.weight;
        for (Violation& v : ev.violations)
          if (v.rule == kind) v.cost = v.units * setting.weight;
      }
      ev.score.soft += t.cost;
    }
  }
  return ev;
}

}  // namespace vigil
