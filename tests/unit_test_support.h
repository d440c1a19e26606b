// Helpers for tests of unit problems: build a small unit in C++ (places,
// people with languages, experience, skills and absences) and write a roster
// cell by cell in unit terms (place, watch slot, shower slot).
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/problem.h"
#include "model/roster.h"
#include "model/unit.h"

namespace vigil::test {

struct UnitPersonSpec {
  std::string name;
  std::vector<std::pair<std::string, LanguageLevel>> languages = {{"en", LanguageLevel::kFluent}};
  Experience experience = Experience::kTrained;
  std::vector<std::string> skills;
  std::vector<Absence> absences;
};

// A person speaking the given languages; the rest defaults as above.
inline UnitPersonSpec person(std::string name, std::vector<std::pair<std::string, LanguageLevel>> languages =
                                                   {{"en", LanguageLevel::kFluent}},
                             Experience experience = Experience::kTrained, std::vector<std::string> skills = {},
                             std::vector<Absence> absences = {}) {
  return UnitPersonSpec{std::move(name), std::move(languages), experience, std::move(skills), std::move(absences)};
}

struct UnitPlaceSpec {
  std::string name;
  PlaceKind kind = PlaceKind::kPost;
  int beds = 8;
  int watchers = 2;
  int showers = 0;
};

// A unit problem with the default parameters of the brief (06:00
// changeover, 2-hour watches, 30-minute showers 06:00-22:00, rotation 2/2/2)
// unless the caller changes `setup` before build().
struct UnitBuilder {
  int days = 4;
  UnitSetup setup = [] {
    UnitSetup u;
    u.languages = {"uk", "en", "pl", "es", "pt", "ja"};
    u.skills = {"medic", "radio", "team-leader"};
    return u;
  }();
  std::vector<UnitPlaceSpec> places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
                                       {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  std::vector<UnitPersonSpec> people;

  Problem build() const {
    Problem p;
    p.name = "test-unit";
    p.horizon = Horizon{days, 0, 6 * 60};
    p.unit = setup;
    for (const auto& pl : places) p.places.push_back(Place{pl.name, pl.beds, pl.kind, pl.watchers, pl.showers});
    for (const auto& spec : people) {
      Person person;
      person.name = spec.name;
      for (const auto& [code, level] : spec.languages) {
        const int li = setup.language_index(code);
        if (li < 0) throw std::runtime_error("unknown language " + code);
        person.unit.languages.push_back(SpokenLanguage{li, level});
      }
      person.unit.experience = spec.experience;
      for (const auto& s : spec.skills) {
        const int si = setup.skill_index(s);
        if (si < 0) throw std::runtime_error("unknown skill " + s);
        person.unit.skills |= 1u << si;
      }
      person.unit.absences = spec.absences;
      p.people.push_back(std::move(person));
    }
    use_default_rules(p, ProblemKind::kUnit);
    add_unit_shifts(p);
    if (auto err = p.validate()) throw std::runtime_error("invalid test unit: " + *err);
    return p;
  }
};

// Writes a unit roster in unit terms. Place indices are Problem::places indices.
struct UnitRosterWriter {
  const Problem& problem;
  UnitLayout layout;
  Roster roster;

  explicit UnitRosterWriter(const Problem& p) : problem(p), layout(make_unit_layout(p)), roster(p) {}

  void place(int person, int day, int place) { roster.set(person, day, layout.stay_shift[place], UnitLayout::kPlacementLane); }
  void place_days(int person, int first_day, int last_day, int place_index) {
    for (int d = first_day; d <= last_day; ++d) place(person, d, place_index);
  }
  void unplace(int person, int day) { roster.set(person, day, kOff, UnitLayout::kPlacementLane); }
  void watch(int person, int day, int slot, int place) {
    roster.set(person, day, layout.watch_shift[static_cast<std::size_t>(place) * layout.watch_slots + slot],
               layout.watch_lane(slot));
  }
  void watches(int person, int day, std::initializer_list<int> slots, int place_index) {
    for (int s : slots) watch(person, day, s, place_index);
  }
  void no_watch(int person, int day, int slot) { roster.set(person, day, kOff, layout.watch_lane(slot)); }
  void shower(int person, int day, int shower_slot, int place) {
    roster.set(person, day, layout.shower_shift[static_cast<std::size_t>(place) * layout.shower_slots + shower_slot],
               layout.shower_lane);
  }
};

// Switches off every unit rule and wish except `keep`, so a test's totals
// are those rules' units alone.
inline void only(Problem& p, std::initializer_list<RuleKind> keep) {
  for (int k = static_cast<int>(RuleKind::kWatchCover); k < kRuleCount; ++k) {
    bool on = false;
    for (RuleKind r : keep) on = on || static_cast<int>(r) == k;
    p.rules[static_cast<std::size_t>(k)].enabled = on;
  }
}

}  // namespace vigil::test
