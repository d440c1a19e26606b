// The immutable rostering problem: time, places, shift kinds, people, demands
// and the rules with their weights. Solvers never change a Problem; they
// change a Roster (roster.h). Readers build a Problem and validate() it once.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/ids.h"
#include "model/unit.h"

namespace vigil {

inline constexpr int kMinutesPerDay = 24 * 60;

// The planning horizon: whole days, day 0 at `first_weekday` (0 = Monday).
struct Horizon {
  int days = 0;
  int first_weekday = 0;
  // Minute of the day at which a roster day starts (00:00 for nurses,
  // 06:00 for a unit whose changeover is at six).
  int day_start_minute = 0;

  bool is_saturday(int day) const { return (first_weekday + day) % 7 == 5; }
  bool is_sunday(int day) const { return (first_weekday + day) % 7 == 6; }
  int weekend_count() const { return days / 7; }
};

// Somewhere people work: a ward, a forward post, a rest center.
struct Place {
  std::string name;
  int capacity = 0;  // beds or places; 0 means unlimited
  PlaceKind kind = PlaceKind::kWard;
  int watchers = 0;  // people on watch (or guard) at every minute, 24/7
  int showers = 0;   // showers usable at once (rest centers)
};

// A kind of shift: where, when it starts and how long it lasts. A day may hold
// several lanes (e.g. twelve 2-hour watches); `lane` says which one this uses.
struct ShiftKind {
  std::string name;
  int start_minute = 0;  // from the start of the roster day
  int length_minutes = 0;
  int lane = 0;
  PlaceId place{0};
  // Shift kinds that may not be worked on the day after this one.
  std::vector<ShiftId> forbidden_next;
};

// Per-person limits of the benchmark's hard rules. A minimum of 1 (or a
// maximum at least the horizon) means "no restriction".
struct WorkLimits {
  std::vector<int> max_per_shift;  // indexed by ShiftId
  int max_total_minutes = 0;
  int min_total_minutes = 0;
  int max_consecutive_shifts = 0;
  int min_consecutive_shifts = 1;
  int min_consecutive_days_off = 1;
  int max_weekends = 0;
};

struct Person {
  std::string name;
  WorkLimits limits;
  std::vector<int> required_days_off;  // sorted, unique
  UnitPersonInfo unit;                 // languages, experience, skills, absences (unit problems)
};

// "Person would like (on) / not like (off) to work `shift` on `day`."
struct ShiftRequest {
  PersonId person;
  int day = 0;
  ShiftId shift;
  int weight = 0;
  bool wants_shift = true;
};

// Preferred number of people on `shift` on `day`, with a price per person
// missing and per person over.
struct CoverDemand {
  int day = 0;
  ShiftId shift;
  int required = 0;
  int weight_under = 0;
  int weight_over = 0;
};

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
  // The unit's rules (unit problems only; see model/unit.h and docs/scenario.md).
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
  kNightSpread,      // wish: night watches spread evenly
  kHoursSpread,      // wish: watch hours spread evenly
  kNativePairs,      // wish: watchers share a native language
  kPersonalRequests, // wish: days off, posts, partners
  kFrozenPast,       // repair: nothing that started before now changes
  kChanges,          // repair wish: as few changes as possible, fewest soon
  kCount
};
inline constexpr int kRuleCount = static_cast<int>(RuleKind::kCount);
// The unit rules a scenario file sets (the repair rules after them are set by
// `vigil repair`, not by the file).
inline constexpr int kScenarioRuleEnd = static_cast<int>(RuleKind::kFrozenPast);

const char* rule_name(RuleKind kind);

// How a rule counts: hard rules must hold (a plan that breaks one is
// infeasible); soft rules are priced at `weight` per unit of their cost.
struct RuleSetting {
  bool enabled = true;
  bool hard = true;
  int weight = 1;
};

class Problem {
 public:
  std::string name;
  Horizon horizon;
  std::vector<Place> places;
  std::vector<ShiftKind> shifts;
  std::vector<Person> people;
  std::vector<ShiftRequest> requests;
  std::vector<CoverDemand> cover;  // at most one per (day, shift)
  std::array<RuleSetting, kRuleCount> rules{};
  std::optional<UnitSetup> unit;  // set for a unit problem (scenario file), empty for the benchmark

  bool is_unit() const { return unit.has_value(); }

  int days() const { return horizon.days; }
  int shift_count() const { return static_cast<int>(shifts.size()); }
  int person_count() const { return static_cast<int>(people.size()); }
  int lanes_per_day() const;

  const RuleSetting& rule(RuleKind k) const { return rules[static_cast<int>(k)]; }
  RuleSetting& rule(RuleKind k) { return rules[static_cast<int>(k)]; }

  std::optional<ShiftId> find_shift(const std::string& shift_name) const;
  std::optional<PersonId> find_person(const std::string& person_name) const;

  // The first inconsistency found (an index out of range, a negative length,
  // a duplicate name...), or nullopt when the problem is well formed.
  std::optional<std::string> validate() const;
};

// The benchmark's default rule settings: the nine per-person rules hard,
// requests and cover soft with their own weights.
void use_benchmark_rules(Problem& problem);

// The unit's default rule settings: the twelve unit rules hard, the four
// wishes soft with weight 1, every benchmark rule off.
void use_unit_rules(Problem& problem);

// Whether the person can be planned at unit minute `minute`.
bool available_at(const Person& person, int minute);
// Whether the person is with the unit at the changeover that starts `day`
// (and so must be placed somewhere that day).
inline bool present_on_day(const Person& person, int day) { return available_at(person, day * kMinutesPerDay); }
// Whether [from, from + length) overlaps one of the person's absences.
bool absent_during(const Person& person, int from, int length);

}  // namespace vigil
