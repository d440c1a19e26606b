// The unit's side of the model: what a multinational volunteer unit needs on
// top of the general Problem (languages, experience, skills, absences, the
// rotation between forward posts and rest centers, watches, showers, team
// needs and personal wishes), and the fixed roster layout that plans it.
//
// Time. A roster day starts at the changeover (Horizon::day_start_minute,
// 06:00 by default) and lasts 24 h. "Unit minutes" count from the changeover
// of day 0: minute m lies on day m / 1440, at clock time
// (changeover + m % 1440) % 1440.
//
// Roster layout for a unit problem (see UnitLayout):
//   lane 0          where the person is that day: a "stay" shift of a place
//                   (a post or a rest center), or kOff when not with the unit;
//   lanes 1..W      the W watch slots of the day (W = 1440 / watch length);
//                   a "watch" shift of a place, or kOff when not watching;
//   lane W+1        the person's shower that day: a "shower" shift of a rest
//                   center and slot, or kOff.
// Every shift kind of a unit problem is created by add_unit_shifts() from the
// places and the UnitSetup, so readers, generators and tests agree on it.
#pragma once

#include <climits>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "model/ids.h"
#include "model/roster.h"

namespace vigil {

class Problem;

enum class PlaceKind : std::uint8_t { kWard, kPost, kRestCenter };
const char* place_kind_name(PlaceKind kind);

enum class LanguageLevel : std::uint8_t { kBasic = 1, kFluent = 2, kNative = 3 };
const char* language_level_name(LanguageLevel level);

enum class Experience : std::uint8_t { kNone = 0, kTrained = 1, kVeteran = 2 };
const char* experience_name(Experience e);

struct SpokenLanguage {
  int language = 0;  // index into UnitSetup::languages
  LanguageLevel level = LanguageLevel::kBasic;
};

// A period in which a person cannot be planned: [from, until) in unit minutes.
// until == kForever means "for good" (killed, sent home).
struct Absence {
  static constexpr int kForever = INT_MAX;
  int from_minute = 0;
  int until_minute = kForever;
  std::string reason;  // "training", "leave", "wounded"...
};

// What makes a post team safe: at least `count` members who have it.
struct TeamNeed {
  enum class Kind : std::uint8_t { kExperience, kSkill, kLanguage };
  Kind kind = Kind::kSkill;
  int value = 0;  // kExperience: minimum Experience; kSkill: skill index; kLanguage: language index
  int count = 1;
  std::string label;  // "a veteran", "a medic", "a Ukrainian speaker"
};

// A personal wish, priced at `weight` each time it is not met.
struct PersonalRequest {
  enum class Kind : std::uint8_t {
    kDayOff,   // no watch or guard duty and not at a post on `day`
    kPost,     // at `place` on every post day in [first_day, last_day]; each day at another post costs
    kPartner,  // at the same place as `partner` on every day both are placed; each day apart costs
  };
  Kind kind = Kind::kDayOff;
  PersonId person;
  int day = 0;                    // kDayOff
  PlaceId place;                  // kPost
  int first_day = 0, last_day = INT_MAX;  // kPost
  PersonId partner;               // kPartner
  int weight = 1;
};

// The rotation between posts and rest centers, in whole roster days.
struct Rotation {
  int post_days = 2;      // a post stint lasts exactly this long, aligned to blocks of this length from day 0
  int rest_days = 2;      // the least rest between two post stints
  int max_rest_days = 2;  // the most rest between two post stints (and at the horizon's edges or after absence)
};

// Parameters of the unit rules (which rules are on, hard and weighted lives
// in Problem::rules like every other rule).
// The longest travel time a scenario may set: the rule travel then only ever
// reads a duty's day and the day before (rules/unit_travel.h).
constexpr int kMaxTravelMinutes = 12 * 60;

struct UnitRuleParameters {
  int min_rest_minutes = 360;   // unbroken rest per roster day
  int max_watch_minutes = 480;  // watch time per roster day
  int max_watches_in_row = 2;   // consecutive watch slots per roster day
  int night_from_clock = 22 * 60;  // a watch is a night watch when it starts in [from, until) on the clock
  int night_until_clock = 6 * 60;
  int showers_per_rest_stint = 1;
  int travel_minutes = 60;  // rule travel: between duties at different places
  std::vector<TeamNeed> team_needs;  // per post and stint
};

// A repair: the plan in force before something happened, and the moment
// from which it may change. Cells that start before `now_minute` are the
// past and must stay as they were (rule frozen-past); every other cell that
// differs from `plan` is a change (wish changes), priced higher when it
// starts within `soon_minutes` of now.
struct RepairBase {
  Roster plan;
  int now_minute = 0;
  int soon_minutes = 12 * 60;
  // Per changed cell: far above every other wish, so a repair changes a cell
  // only to keep a hard rule; a change within soon_minutes costs 50 times more.
  int change_weight = 100;
  int soon_change_weight = 5000;

  // The roster day under way at now, when now lies inside it (after its
  // changeover): on it, people may be transferred from now on. -1 when now
  // is a changeover.
  int transfer_day() const { return now_minute % 1440 == 0 ? -1 : now_minute / 1440; }
};

// The most languages a unit may list: each person's languages are a set of
// this size (eval/rules/watch_partners.h). The scenario reader refuses more,
// and Problem::validate() too.
constexpr int kMaxLanguages = 64;

// The shortest watch: at most 60 watches a day, as a day's watches of a
// person are a 64-bit set in the evaluator and the search (eval/unit_evaluator.h).
constexpr int kMinWatchMinutes = 24;

struct UnitSetup {
  std::vector<std::string> languages;  // codes: "uk", "en", ...
  std::vector<std::string> skills;     // "medic", "radio", "team-leader"
  Rotation rotation;
  int watch_minutes = 120;             // divides 1440
  int shower_from_clock = 6 * 60;      // shower slots start in [from, until) on the clock
  int shower_until_clock = 22 * 60;
  int shower_minutes = 30;
  UnitRuleParameters parameters;
  std::vector<PersonalRequest> requests;
  std::optional<RepairBase> repair;  // set by `vigil repair`, never read from a scenario file

  int watch_slots_per_day() const { return 1440 / watch_minutes; }
  int shower_slots_per_day() const {
    const int span = (shower_until_clock - shower_from_clock + 1440) % 1440;
    return span / shower_minutes;
  }
  int language_index(const std::string& code) const;  // -1 when unknown
  int skill_index(const std::string& name) const;     // -1 when unknown
};

// The unit attributes of a person (empty for a benchmark nurse).
struct UnitPersonInfo {
  std::string nationality;
  std::vector<SpokenLanguage> languages;
  Experience experience = Experience::kTrained;
  std::uint32_t skills = 0;  // bit i: UnitSetup::skills[i]
  std::vector<Absence> absences;

  bool has_skill(int skill) const { return (skills >> skill) & 1u; }
  // Level of `language`, or 0 when the person does not speak it.
  int level(int language) const;
  // Whether the person brings this to a post team (experience at least the
  // level named, the skill, or the language at any level).
  bool meets(const TeamNeed& need) const;
};

// What a shift kind of a unit problem is.
enum class UnitShiftRole : std::uint8_t { kStay, kWatch, kShower };

// Fast lookups between shift kinds and (role, place, slot) for a unit
// problem. Built once from a Problem whose shifts came from add_unit_shifts().
struct UnitLayout {
  int days = 0;
  int watch_slots = 0;   // W
  int shower_slots = 0;
  int watch_minutes = 120;
  int shower_minutes = 30;
  int lanes = 0;         // W + 2
  static constexpr int kPlacementLane = 0;
  static constexpr int kFirstWatchLane = 1;
  int shower_lane = 0;   // W + 1
  int places = 0;

  std::vector<ShiftCode> stay_shift;    // [place] -> shift, kOff if none
  std::vector<ShiftCode> watch_shift;   // [place * W + slot] -> shift, kOff if the place has no watch
  std::vector<ShiftCode> shower_shift;  // [place * shower_slots + k] -> shift, kOff if the place has no shower
  std::vector<UnitShiftRole> role;      // [shift]
  std::vector<int> place_of;            // [shift]
  std::vector<int> slot_of;             // [shift]: watch or shower slot, 0 for stays
  std::vector<int> slot_start;          // [W]: minutes after the changeover at which watch slot s starts
  std::vector<char> night_slot;         // [W]: 1 when the slot is a night watch
  std::vector<int> shower_start;        // [shower_slots]: minutes after the changeover

  int watch_lane(int slot) const { return kFirstWatchLane + slot; }
};

// When a roster cell happens, for the repair rules: unit minute at which the
// cell's day (placement lane), watch slot or shower starts. A shower cell that
// changed from `before` to `after` counts from the earlier of the two.
int cell_start_minute(const UnitLayout& layout, int day, int lane, ShiftCode before, ShiftCode after);

// Transfers (docs/unit-rules.md, "Transfers"). A plan's placement lane says
// where a person is for a whole roster day. A repair whose now falls inside
// a day may move people from now on: on that day (RepairBase::transfer_day),
// a placement that differs from the plan in force holds from now, and before
// now the person was where the plan in force had them. The written plan
// keeps each such change as a Transfer (record_transfers), so the plan alone
// says where everyone was. A person has at most one transfer a day: one
// already transferred on the day of now (by an earlier repair) stays put.

// When a change of a cell takes effect in `repair`, to compare with its now:
// cell_start_minute, except that a placement on the transfer day changes as
// of now (unless the plan in force already transferred that person that day).
int change_minute(const UnitLayout& layout, const RepairBase& repair, int person, int day, int lane,
                  ShiftCode before, ShiftCode after);

// Where a person's day is split by a transfer: from `minute` the placement
// lane holds, before it `earlier_place` (-1: nowhere). minute < 0: no
// transfer that day.
struct DayTransfer {
  int minute = -1;
  int earlier_place = -1;
  bool any() const { return minute >= 0; }
};
// The roster's own transfer of that day, else the one a repair implies (a
// placement on its transfer day that differs from the plan in force).
DayTransfer transfer_on(const Problem& problem, const UnitLayout& layout, const Roster& roster, int person, int day);
// Where the person is at unit minute `minute` of `day`: the earlier place
// before a transfer, else the day's placement (-1: nowhere).
int place_at_minute(const UnitLayout& layout, const Roster& roster, const DayTransfer& transfer, int person, int day,
                    int minute);
// Writes the transfers a repair implies into the roster (see transfer_on).
void record_transfers(const Problem& problem, Roster& roster);

// Appends the stay, watch and shower shift kinds of every post and rest
// center (in place order) to problem.shifts. Call once, after places and
// problem.unit are set. Shift names: "<place>", "<place> watch HH:MM",
// "<place> shower HH:MM".
void add_unit_shifts(Problem& problem);

UnitLayout make_unit_layout(const Problem& problem);

// "HH:MM" of a clock minute (0..1439).
std::string clock_label(int clock_minute);

}  // namespace vigil
