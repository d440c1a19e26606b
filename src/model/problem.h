// The immutable rostering problem: time, places, shift kinds, people, demands
// and the rules with their weights. Solvers never change a Problem; they
// change a Roster (roster.h). Readers build a Problem and validate() it once.
#pragma once

#include <array>
#include <climits>
#include <optional>
#include <string>
#include <vector>

#include "base/calendar_date.h"
#include "model/ids.h"
#include "model/rules.h"
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

// Beds of a place from the changeover of `day` on (a repair's `beds` event).
struct BedsChange {
  int day = 0;
  int beds = 0;  // 0: no limit
};

// Somewhere people work: a ward, a forward post, a rest center.
//
// A post of a unit may be open for part of the horizon only (added or closed
// by a repair's events, docs/events.md): from the changeover of `open_day`
// to the changeover of `close_day`. Places are held for whole roster days,
// so a place opens, closes and changes its beds at a changeover. On a day it
// is closed a place has no watches to stand, no beds and no team
// (docs/unit-rules.md); its days open are counted like any other place's.
struct Place {
  static constexpr int kNeverCloses = INT_MAX;

  std::string name;
  int capacity = 0;  // beds or places (from the first day; see beds_changes); 0 means unlimited
  PlaceKind kind = PlaceKind::kWard;
  int watchers = 0;  // people on watch (or guard) at every minute it is open, 24/7
  int showers = 0;   // showers usable at once (rest centers)
  int open_day = 0;
  int close_day = kNeverCloses;
  std::vector<BedsChange> beds_changes{};  // in day order, each after the last and after day 0

  bool open_on(int day) const { return day >= open_day && day < close_day; }
  // Open on every day of a horizon of `days` days.
  bool open_throughout(int days) const { return open_day <= 0 && close_day >= days; }
  int watchers_on(int day) const { return open_on(day) ? watchers : 0; }
  // Beds on `day` (0: no limit); only meaningful on a day it is open.
  int beds_on(int day) const {
    int beds = capacity;
    for (const BedsChange& c : beds_changes)
      if (c.day <= day) beds = c.beds;
    return beds;
  }
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

class Problem {
 public:
  std::string name;
  Horizon horizon;
  // The calendar date of day 0, when known (a scenario's horizon.start-date,
  // a plan file's, or --start-date); it falls on horizon.first_weekday.
  // Without it, times are roster times only ("day 3 14:00") and no
  // calendars are written.
  std::optional<CalendarDate> start_date;
  std::vector<Place> places;
  std::vector<ShiftKind> shifts;
  std::vector<Person> people;
  std::vector<ShiftRequest> requests;
  std::vector<CoverDemand> cover;  // at most one per (day, shift)
  std::array<RuleSetting, kRuleCount> rules{};
  std::optional<UnitSetup> unit;  // set for a unit problem (scenario file), empty for the benchmark

  bool is_unit() const { return unit.has_value(); }
  ProblemKind kind() const { return unit ? ProblemKind::kUnit : ProblemKind::kBenchmark; }

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

// The default rule settings of a kind of problem: its own rules enabled with
// weight 1, hard or soft as the rule table says; every other kind's rules off.
void use_default_rules(Problem& problem, ProblemKind kind);

// Whether the person can be planned at unit minute `minute`.
bool available_at(const Person& person, int minute);
// Whether the person is with the unit at the changeover that starts `day`
// (and so must be placed somewhere that day).
inline bool present_on_day(const Person& person, int day) { return available_at(person, day * kMinutesPerDay); }
// Whether [from, from + length) overlaps one of the person's absences.
bool absent_during(const Person& person, int from, int length);

}  // namespace vigil
