// The rule table: each rule's name, owner, role and pricing, said once.
#include "model/rules.h"

#include <array>

namespace vigil {
namespace {

using enum RuleKind;
using K = ProblemKind;
using R = RuleRole;

// One row per rule, in RuleKind order (checked below).
constexpr std::array<RuleInfo, kRuleCount> kTable{{
    {kSuccession, "succession", K::kBenchmark, R::kPersonLimit, true, false},
    {kMaxShiftsPerKind, "max-shifts-per-kind", K::kBenchmark, R::kPersonLimit, true, false},
    {kTotalMinutes, "total-minutes", K::kBenchmark, R::kPersonLimit, true, false},
    {kMaxConsecutiveShifts, "max-consecutive-shifts", K::kBenchmark, R::kPersonLimit, true, false},
    {kMinConsecutiveShifts, "min-consecutive-shifts", K::kBenchmark, R::kPersonLimit, true, false},
    {kMinConsecutiveDaysOff, "min-consecutive-days-off", K::kBenchmark, R::kPersonLimit, true, false},
    {kMaxWeekends, "max-weekends", K::kBenchmark, R::kPersonLimit, true, false},
    {kRequiredDayOff, "required-day-off", K::kBenchmark, R::kPersonLimit, true, false},
    {kShiftOnRequest, "shift-on-request", K::kBenchmark, R::kRequest, false, true},
    {kShiftOffRequest, "shift-off-request", K::kBenchmark, R::kRequest, false, true},
    {kCover, "cover", K::kBenchmark, R::kCover, false, true},
    {kWatchCover, "watch-cover", K::kUnit, R::kUnitRule, true, false},
    {kOnePlace, "one-place", K::kUnit, R::kUnitRule, true, false},
    {kRotation, "rotation", K::kUnit, R::kUnitRule, true, false},
    {kBeds, "beds", K::kUnit, R::kUnitRule, true, false},
    {kSharedLanguage, "shared-language", K::kUnit, R::kUnitRule, true, false},
    {kNovicePair, "novice-pair", K::kUnit, R::kUnitRule, true, false},
    {kDailyRest, "daily-rest", K::kUnit, R::kUnitRule, true, false},
    {kDailyWatchHours, "daily-watch-hours", K::kUnit, R::kUnitRule, true, false},
    {kWatchesInRow, "watches-in-a-row", K::kUnit, R::kUnitRule, true, false},
    {kTeam, "team", K::kUnit, R::kUnitRule, true, false},
    {kUnavailable, "unavailable", K::kUnit, R::kUnitRule, true, false},
    {kShowers, "showers", K::kUnit, R::kUnitRule, true, false},
    {kTravel, "travel", K::kUnit, R::kUnitRule, true, false, false},
    {kNightSpread, "night-spread", K::kUnit, R::kUnitWish, false, false},
    {kHoursSpread, "hours-spread", K::kUnit, R::kUnitWish, false, false},
    {kNativePairs, "native-pairs", K::kUnit, R::kUnitWish, false, false},
    {kPersonalRequests, "personal-requests", K::kUnit, R::kUnitWish, false, true},
    {kTeamContinuity, "team-continuity", K::kUnit, R::kUnitWish, false, false, false},
    {kFrozenPast, "frozen-past", K::kUnit, R::kRepairRule, true, false},
    {kChanges, "changes", K::kUnit, R::kRepairWish, false, true},
}};

constexpr bool table_in_order() {
  for (int k = 0; k < kRuleCount; ++k)
    if (static_cast<int>(kTable[static_cast<std::size_t>(k)].kind) != k) return false;
  return true;
}
static_assert(table_in_order(), "kTable rows must follow RuleKind order");

// A list of the rules whose row passes `keep`, built once at compile time.
struct RuleList {
  std::array<RuleKind, kRuleCount> kinds{};
  std::size_t size = 0;
  std::span<const RuleKind> span() const { return {kinds.data(), size}; }
};

template <typename Keep>
constexpr RuleList select(Keep keep) {
  RuleList out;
  for (const RuleInfo& r : kTable)
    if (keep(r)) out.kinds[out.size++] = r.kind;
  return out;
}

constexpr RuleList kBenchmarkRules = select([](const RuleInfo& r) { return r.owner == K::kBenchmark; });
constexpr RuleList kUnitRules = select([](const RuleInfo& r) { return r.owner == K::kUnit; });
constexpr RuleList kScenarioRules =
    select([](const RuleInfo& r) { return r.role == R::kUnitRule || r.role == R::kUnitWish; });

template <R role>
constexpr RuleList kByRole = select([](const RuleInfo& r) { return r.role == role; });

}  // namespace

const RuleInfo& rule_info(RuleKind kind) { return kTable[static_cast<std::size_t>(kind)]; }

const char* rule_name(RuleKind kind) {
  return kind == RuleKind::kCount ? "?" : rule_info(kind).name;
}

std::span<const RuleKind> rules_of(ProblemKind kind) {
  return kind == K::kBenchmark ? kBenchmarkRules.span() : kUnitRules.span();
}

std::span<const RuleKind> rules_with_role(RuleRole role) {
  switch (role) {
    case R::kPersonLimit: return kByRole<R::kPersonLimit>.span();
    case R::kRequest: return kByRole<R::kRequest>.span();
    case R::kCover: return kByRole<R::kCover>.span();
    case R::kUnitRule: return kByRole<R::kUnitRule>.span();
    case R::kUnitWish: return kByRole<R::kUnitWish>.span();
    case R::kRepairRule: return kByRole<R::kRepairRule>.span();
    case R::kRepairWish: return kByRole<R::kRepairWish>.span();
  }
  return {};
}

std::span<const RuleKind> scenario_rules() { return kScenarioRules.span(); }

}  // namespace vigil
