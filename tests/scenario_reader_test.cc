// Scenario files (docs/scenario.md): a full scenario read into the expected
// unit Problem, the defaults, the example of the docs, the round trip through
// scenario_to_yaml(), name suggestions, and every error the reader reports,
// word for word (headline, source line and caret). Most error cases change
// one or two lines of one base scenario, so line numbers are the base's.
#include <gtest/gtest.h>

#include <climits>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/files.h"
#include "base/name_suggestion.h"
#include "io/roster_io.h"
#include "io/scenario_reader.h"
#include "io/scenario_writer.h"
#include "model/wording.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

// The base scenario; line n of the file is element n - 1.
const std::vector<std::string>& base_lines() {
  static const std::vector<std::string> lines = {
      "unit: Test unit",                                                          // 1
      "horizon:",                                                                 // 2
      "  days: 8",                                                                // 3
      "  first-weekday: monday",                                                  // 4
      "  changeover: \"06:00\"",                                                  // 5
      "languages: [uk, en, pl]",                                                  // 6
      "skills: [medic, radio]",                                                   // 7
      "rotation:",                                                                // 8
      "  post-days: 2",                                                           // 9
      "  rest-days: 2",                                                           // 10
      "  max-rest-days: 2",                                                       // 11
      "watch-length: 2h",                                                         // 12
      "showers:",                                                                 // 13
      "  from: \"06:00\"",                                                        // 14
      "  until: \"22:00\"",                                                       // 15
      "  slot: 30min",                                                            // 16
      "places:",                                                                  // 17
      "  posts:",                                                                 // 18
      "    - {name: Alpha, beds: 6, watchers: 2}",                                // 19
      "    - {name: Bravo, beds: 6, watchers: 2}",                                // 20
      "  rest-centers:",                                                          // 21
      "    - {name: Base, beds: 20, guards: 1, showers: 2}",                      // 22
      "people:",                                                                  // 23
      "  - name: Olena",                                                          // 24
      "    nationality: UA",                                                      // 25
      "    languages: {uk: native, en: basic}",                                   // 26
      "    experience: veteran",                                                  // 27
      "    skills: [medic]",                                                      // 28
      "    unavailable:",                                                         // 29
      "      - {from: day 2 14:00, until: day 4, reason: leave}",                 // 30
      "  - {name: Piotr, languages: {pl: native, en: fluent}, experience: trained}",  // 31
      "  - {name: John, languages: {en: native}, experience: none, skills: [radio]}",  // 32
      "rules:",                                                                   // 33
      "  daily-rest: {min-rest: 6h}",                                             // 34
      "  daily-watch-hours: {max: 8h}",                                           // 35
      "  watches-in-a-row: {max: 2}",                                             // 36
      "  team:",                                                                  // 37
      "    needs:",                                                               // 38
      "      - {experience: veteran}",                                            // 39
      "      - {skill: medic, count: 1, label: a medic}",                         // 40
      "      - {language: uk}",                                                   // 41
      "  showers: {per-rest-stint: 1}",                                           // 42
      "  night-spread: {weight: 2, night-from: \"22:00\", night-until: \"06:00\"}",  // 43
      "  personal-requests: {enabled: true}",                                     // 44
      "requests:",                                                                // 45
      "  - {person: Olena, day-off: 5, weight: 3}",                               // 46
      "  - {person: Piotr, post: Alpha, from-day: 0, to-day: 3, weight: 2}",      // 47
      "  - {person: John, partner: Piotr, weight: 1}",                            // 48
  };
  return lines;
}

std::string join(const std::vector<std::string>& lines, const std::string& eol = "\n") {
  std::string out;
  for (const auto& l : lines) out += l + eol;
  return out;
}

std::string base() { return join(base_lines()); }

// The base with some lines replaced (1-based line, new text) and some ranges
// of lines (1-based, inclusive) turned into comments, so numbering holds.
std::string edit(const std::vector<std::pair<int, std::string>>& lines,
                 const std::vector<std::pair<int, int>>& blanks = {}) {
  auto l = base_lines();
  for (const auto& [first, last] : blanks)
    for (int n = first; n <= last; ++n) l.at(static_cast<std::size_t>(n - 1)).assign(1, '#');
  for (const auto& [n, text] : lines) l.at(static_cast<std::size_t>(n - 1)) = text;
  return join(l);
}

// The full formatted error from parsing `text` as "bad.yaml", or "OK".
std::string error_of(const std::string& text) {
  auto r = parse_scenario(text, "bad.yaml");
  return r.ok() ? std::string("OK") : r.error().format();
}

Problem parse_ok(const std::string& text, const std::string& name = "good.yaml") {
  auto r = parse_scenario(text, name);
  if (!r.ok()) ADD_FAILURE() << r.error().format();
  return r.ok() ? r.value() : Problem{};
}

std::string example_path() { return std::string(VIGIL_TEST_DATA) + "/scenarios/example.yaml"; }

// Every field the reader sets and the writer writes, compared one by one.
void expect_same(const Problem& a, const Problem& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.horizon.days, b.horizon.days);
  EXPECT_EQ(a.horizon.first_weekday, b.horizon.first_weekday);
  EXPECT_EQ(a.horizon.day_start_minute, b.horizon.day_start_minute);
  EXPECT_EQ(a.start_date, b.start_date);
  ASSERT_EQ(a.places.size(), b.places.size());
  for (std::size_t i = 0; i < a.places.size(); ++i) {
    SCOPED_TRACE("place " + a.places[i].name);
    EXPECT_EQ(a.places[i].name, b.places[i].name);
    EXPECT_EQ(a.places[i].capacity, b.places[i].capacity);
    EXPECT_EQ(a.places[i].kind, b.places[i].kind);
    EXPECT_EQ(a.places[i].watchers, b.places[i].watchers);
    EXPECT_EQ(a.places[i].showers, b.places[i].showers);
    EXPECT_EQ(a.places[i].open_day, b.places[i].open_day);
    EXPECT_EQ(a.places[i].close_day, b.places[i].close_day);
    ASSERT_EQ(a.places[i].beds_changes.size(), b.places[i].beds_changes.size());
    for (std::size_t k = 0; k < a.places[i].beds_changes.size(); ++k) {
      EXPECT_EQ(a.places[i].beds_changes[k].day, b.places[i].beds_changes[k].day);
      EXPECT_EQ(a.places[i].beds_changes[k].beds, b.places[i].beds_changes[k].beds);
    }
  }
  ASSERT_EQ(a.shifts.size(), b.shifts.size());
  for (std::size_t i = 0; i < a.shifts.size(); ++i) {
    EXPECT_EQ(a.shifts[i].name, b.shifts[i].name);
    EXPECT_EQ(a.shifts[i].start_minute, b.shifts[i].start_minute);
    EXPECT_EQ(a.shifts[i].length_minutes, b.shifts[i].length_minutes);
    EXPECT_EQ(a.shifts[i].lane, b.shifts[i].lane);
    EXPECT_EQ(a.shifts[i].place, b.shifts[i].place);
  }
  ASSERT_EQ(a.people.size(), b.people.size());
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    const Person& x = a.people[i];
    const Person& y = b.people[i];
    SCOPED_TRACE("person " + x.name);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.unit.nationality, y.unit.nationality);
    ASSERT_EQ(x.unit.languages.size(), y.unit.languages.size());
    for (std::size_t l = 0; l < x.unit.languages.size(); ++l) {
      EXPECT_EQ(x.unit.languages[l].language, y.unit.languages[l].language);
      EXPECT_EQ(x.unit.languages[l].level, y.unit.languages[l].level);
    }
    EXPECT_EQ(x.unit.experience, y.unit.experience);
    EXPECT_EQ(x.unit.skills, y.unit.skills);
    ASSERT_EQ(x.unit.absences.size(), y.unit.absences.size());
    for (std::size_t k = 0; k < x.unit.absences.size(); ++k) {
      EXPECT_EQ(x.unit.absences[k].from_minute, y.unit.absences[k].from_minute);
      EXPECT_EQ(x.unit.absences[k].until_minute, y.unit.absences[k].until_minute);
      EXPECT_EQ(x.unit.absences[k].reason, y.unit.absences[k].reason);
    }
    EXPECT_EQ(x.required_days_off, y.required_days_off);
  }
  for (int k = 0; k < kRuleCount; ++k) {
    SCOPED_TRACE(rule_name(static_cast<RuleKind>(k)));
    EXPECT_EQ(a.rules[k].enabled, b.rules[k].enabled);
    EXPECT_EQ(a.rules[k].hard, b.rules[k].hard);
    EXPECT_EQ(a.rules[k].weight, b.rules[k].weight);
  }
  EXPECT_TRUE(a.requests.empty() && b.requests.empty() && a.cover.empty() && b.cover.empty());
  ASSERT_TRUE(a.unit.has_value());
  ASSERT_TRUE(b.unit.has_value());
  const UnitSetup& u = *a.unit;
  const UnitSetup& v = *b.unit;
  EXPECT_EQ(u.languages, v.languages);
  EXPECT_EQ(u.skills, v.skills);
  EXPECT_EQ(u.rotation.post_days, v.rotation.post_days);
  EXPECT_EQ(u.rotation.rest_days, v.rotation.rest_days);
  EXPECT_EQ(u.rotation.max_rest_days, v.rotation.max_rest_days);
  EXPECT_EQ(u.watch_minutes, v.watch_minutes);
  EXPECT_EQ(u.shower_from_clock, v.shower_from_clock);
  EXPECT_EQ(u.shower_until_clock, v.shower_until_clock);
  EXPECT_EQ(u.shower_minutes, v.shower_minutes);
  const UnitRuleParameters& p = u.parameters;
  const UnitRuleParameters& q = v.parameters;
  EXPECT_EQ(p.min_rest_minutes, q.min_rest_minutes);
  EXPECT_EQ(p.max_watch_minutes, q.max_watch_minutes);
  EXPECT_EQ(p.max_watches_in_row, q.max_watches_in_row);
  EXPECT_EQ(p.night_from_clock, q.night_from_clock);
  EXPECT_EQ(p.night_until_clock, q.night_until_clock);
  EXPECT_EQ(p.showers_per_rest_stint, q.showers_per_rest_stint);
  ASSERT_EQ(p.team_needs.size(), q.team_needs.size());
  for (std::size_t i = 0; i < p.team_needs.size(); ++i) {
    EXPECT_EQ(p.team_needs[i].kind, q.team_needs[i].kind);
    EXPECT_EQ(p.team_needs[i].value, q.team_needs[i].value);
    EXPECT_EQ(p.team_needs[i].count, q.team_needs[i].count);
    EXPECT_EQ(p.team_needs[i].label, q.team_needs[i].label);
  }
  ASSERT_EQ(u.requests.size(), v.requests.size());
  for (std::size_t i = 0; i < u.requests.size(); ++i) {
    const PersonalRequest& r = u.requests[i];
    const PersonalRequest& s = v.requests[i];
    EXPECT_EQ(r.kind, s.kind);
    EXPECT_EQ(r.person, s.person);
    EXPECT_EQ(r.day, s.day);
    EXPECT_EQ(r.place, s.place);
    EXPECT_EQ(r.first_day, s.first_day);
    EXPECT_EQ(r.last_day, s.last_day);
    EXPECT_EQ(r.partner, s.partner);
    EXPECT_EQ(r.weight, s.weight);
  }
}

// ---- reading --------------------------------------------------------------------------

TEST(ScenarioReader, FullScenarioParsesIntoTheExpectedProblem) {
  const Problem p = parse_ok(base());
  ASSERT_TRUE(p.is_unit());
  const UnitSetup& u = *p.unit;
  EXPECT_EQ(p.name, "Test unit");
  EXPECT_EQ(p.days(), 8);
  EXPECT_EQ(p.horizon.first_weekday, 0);
  EXPECT_EQ(p.horizon.day_start_minute, 360);
  EXPECT_EQ(u.languages, (std::vector<std::string>{"uk", "en", "pl"}));
  EXPECT_EQ(u.skills, (std::vector<std::string>{"medic", "radio"}));
  EXPECT_EQ(u.rotation.post_days, 2);
  EXPECT_EQ(u.rotation.rest_days, 2);
  EXPECT_EQ(u.rotation.max_rest_days, 2);
  EXPECT_EQ(u.watch_minutes, 120);
  EXPECT_EQ(u.shower_from_clock, 360);
  EXPECT_EQ(u.shower_until_clock, 1320);
  EXPECT_EQ(u.shower_minutes, 30);

  // Places: posts first, then rest centers, in file order.
  ASSERT_EQ(p.places.size(), 3u);
  EXPECT_EQ(p.places[0].name, "Alpha");
  EXPECT_EQ(p.places[0].kind, PlaceKind::kPost);
  EXPECT_EQ(p.places[0].capacity, 6);
  EXPECT_EQ(p.places[0].watchers, 2);
  EXPECT_EQ(p.places[0].showers, 0);
  EXPECT_EQ(p.places[1].name, "Bravo");
  EXPECT_EQ(p.places[2].name, "Base");
  EXPECT_EQ(p.places[2].kind, PlaceKind::kRestCenter);
  EXPECT_EQ(p.places[2].capacity, 20);
  EXPECT_EQ(p.places[2].watchers, 1);
  EXPECT_EQ(p.places[2].showers, 2);

  // People: languages as indices into the unit's list, with levels.
  ASSERT_EQ(p.person_count(), 3);
  const Person& olena = p.people[0];
  EXPECT_EQ(olena.name, "Olena");
  EXPECT_EQ(olena.unit.nationality, "UA");
  ASSERT_EQ(olena.unit.languages.size(), 2u);
  EXPECT_EQ(olena.unit.languages[0].language, 0);
  EXPECT_EQ(olena.unit.languages[0].level, LanguageLevel::kNative);
  EXPECT_EQ(olena.unit.languages[1].language, 1);
  EXPECT_EQ(olena.unit.languages[1].level, LanguageLevel::kBasic);
  EXPECT_EQ(olena.unit.level(0), 3);
  EXPECT_EQ(olena.unit.level(2), 0);
  EXPECT_EQ(olena.unit.experience, Experience::kVeteran);
  EXPECT_TRUE(olena.unit.has_skill(0));
  EXPECT_FALSE(olena.unit.has_skill(1));
  // Absent from 14:00 on day 2 (8 h after the 06:00 changeover) to the day-4 changeover.
  ASSERT_EQ(olena.unit.absences.size(), 1u);
  EXPECT_EQ(olena.unit.absences[0].from_minute, 2 * 1440 + 8 * 60);
  EXPECT_EQ(olena.unit.absences[0].until_minute, 4 * 1440);
  EXPECT_EQ(olena.unit.absences[0].reason, "leave");
  EXPECT_TRUE(present_on_day(olena, 2));
  EXPECT_FALSE(present_on_day(olena, 3));
  EXPECT_TRUE(present_on_day(olena, 4));
  const Person& piotr = p.people[1];
  EXPECT_EQ(piotr.unit.nationality, "");
  ASSERT_EQ(piotr.unit.languages.size(), 2u);
  EXPECT_EQ(piotr.unit.languages[0].language, 2);
  EXPECT_EQ(piotr.unit.languages[1].level, LanguageLevel::kFluent);
  EXPECT_EQ(piotr.unit.experience, Experience::kTrained);
  EXPECT_EQ(piotr.unit.skills, 0u);
  EXPECT_TRUE(piotr.unit.absences.empty());
  const Person& john = p.people[2];
  EXPECT_EQ(john.unit.experience, Experience::kNone);
  EXPECT_EQ(john.unit.skills, 2u);  // radio

  // Rules: the unit rules on, hard but for the wishes; team-continuity and
  // travel off until a file names them; benchmark rules off.
  for (int k = 0; k < kRuleCount; ++k) {
    const auto kind = static_cast<RuleKind>(k);
    SCOPED_TRACE(rule_name(kind));
    const bool unit_rule = k >= static_cast<int>(RuleKind::kWatchCover);
    EXPECT_EQ(p.rule(kind).enabled, unit_rule && kind != RuleKind::kTeamContinuity && kind != RuleKind::kTravel);
    if (unit_rule) {
      // frozen-past is the repair's hard rule; changes its wish.
      EXPECT_EQ(p.rule(kind).hard, k < static_cast<int>(RuleKind::kNightSpread) || kind == RuleKind::kFrozenPast);
    }
  }
  EXPECT_EQ(p.rule(RuleKind::kNightSpread).weight, 2);
  EXPECT_EQ(p.rule(RuleKind::kHoursSpread).weight, 1);
  const UnitRuleParameters& par = u.parameters;
  EXPECT_EQ(par.min_rest_minutes, 360);
  EXPECT_EQ(par.max_watch_minutes, 480);
  EXPECT_EQ(par.max_watches_in_row, 2);
  EXPECT_EQ(par.showers_per_rest_stint, 1);
  EXPECT_EQ(par.night_from_clock, 22 * 60);
  EXPECT_EQ(par.night_until_clock, 6 * 60);
  ASSERT_EQ(par.team_needs.size(), 3u);
  EXPECT_EQ(par.team_needs[0].kind, TeamNeed::Kind::kExperience);
  EXPECT_EQ(par.team_needs[0].value, static_cast<int>(Experience::kVeteran));
  EXPECT_EQ(par.team_needs[0].label, "a veteran");
  EXPECT_EQ(par.team_needs[1].kind, TeamNeed::Kind::kSkill);
  EXPECT_EQ(par.team_needs[1].value, 0);
  EXPECT_EQ(par.team_needs[1].count, 1);
  EXPECT_EQ(par.team_needs[1].label, "a medic");
  EXPECT_EQ(par.team_needs[2].kind, TeamNeed::Kind::kLanguage);
  EXPECT_EQ(par.team_needs[2].value, 0);
  EXPECT_EQ(par.team_needs[2].label, "a Ukrainian speaker");

  // Requests.
  ASSERT_EQ(u.requests.size(), 3u);
  EXPECT_EQ(u.requests[0].kind, PersonalRequest::Kind::kDayOff);
  EXPECT_EQ(u.requests[0].person, PersonId(0));
  EXPECT_EQ(u.requests[0].day, 5);
  EXPECT_EQ(u.requests[0].weight, 3);
  EXPECT_EQ(u.requests[1].kind, PersonalRequest::Kind::kPost);
  EXPECT_EQ(u.requests[1].person, PersonId(1));
  EXPECT_EQ(u.requests[1].place, PlaceId(0));
  EXPECT_EQ(u.requests[1].first_day, 0);
  EXPECT_EQ(u.requests[1].last_day, 3);
  EXPECT_EQ(u.requests[1].weight, 2);
  EXPECT_EQ(u.requests[2].kind, PersonalRequest::Kind::kPartner);
  EXPECT_EQ(u.requests[2].person, PersonId(2));
  EXPECT_EQ(u.requests[2].partner, PersonId(1));
  EXPECT_EQ(u.requests[2].weight, 1);
  EXPECT_TRUE(p.requests.empty());
  EXPECT_TRUE(p.cover.empty());

  // The roster layout: per post a stay and 12 watches; the rest center adds 32 showers.
  EXPECT_EQ(p.shift_count(), 13 + 13 + 13 + 32);
  const UnitLayout L = make_unit_layout(p);
  EXPECT_EQ(L.days, 8);
  EXPECT_EQ(L.watch_slots, 12);
  EXPECT_EQ(L.shower_slots, 32);
  EXPECT_EQ(L.lanes, 14);
  EXPECT_EQ(L.places, 3);
  EXPECT_EQ(p.shifts[L.stay_shift[2]].name, "Base");
  EXPECT_EQ(p.shifts[L.watch_shift[1 * 12 + 0]].name, "Bravo watch 06:00");
  EXPECT_EQ(p.shifts[L.watch_shift[2 * 12 + 11]].name, "Base watch 04:00");
  EXPECT_EQ(p.shifts[L.shower_shift[2 * 32 + 31]].name, "Base shower 21:30");
  EXPECT_EQ(L.shower_shift[0], kOff);  // posts have no showers
  for (int s = 0; s < 12; ++s) EXPECT_EQ(L.night_slot[s], s >= 8 ? 1 : 0) << s;
  EXPECT_FALSE(p.validate().has_value());
}

TEST(ScenarioReader, OtherSettingsAndClockTimesBeforeTheChangeover) {
  const std::string text = R"(unit: "Night shift: B"
horizon: {days: 10, first-weekday: Wednesday, changeover: "07:00"}
languages: [es, pt, en]
skills: [medic, driver]
rotation: {post-days: 3, rest-days: 1}
watch-length: 180
showers: {from: "20:00", until: "02:00", slot: 1h}
places:
  posts:
    - {name: Hill, beds: 0, watchers: 1}
  rest-centers:
    - {name: Farm, beds: 12}
    - {name: School, beds: 30, guards: 0, showers: 0}
people:
  - name: Ana
    languages: {es: native, pt: basic}
    experience: Veteran
    skills: [driver, medic]
    unavailable:
      - {from: day 1 03:00, until: day 1 05:30}
      - {from: day 2 07:00}
  - {name: Rui, languages: {pt: native}, skills: []}
rules:
  watch-cover: {weight: 5}
  native-pairs: {enabled: off, hard: yes}
  team:
    needs:
      - {skill: driver, count: 2}
      - {language: pt}
      - {experience: trained, label: someone trained}
  night-spread: {night-from: "23:00", night-until: "05:00"}
requests:
  - {person: Rui, post: Hill}
  - {person: Rui, post: Hill, from-day: 4}
)";
  const Problem p = parse_ok(text);
  const UnitSetup& u = *p.unit;
  EXPECT_EQ(p.name, "Night shift: B");
  EXPECT_EQ(p.horizon.first_weekday, 2);
  EXPECT_EQ(p.horizon.day_start_minute, 7 * 60);
  EXPECT_EQ(u.rotation.post_days, 3);
  EXPECT_EQ(u.rotation.rest_days, 1);
  EXPECT_EQ(u.rotation.max_rest_days, 1);  // defaults to rest-days
  EXPECT_EQ(u.watch_minutes, 180);
  EXPECT_EQ(u.watch_slots_per_day(), 8);
  EXPECT_EQ(u.shower_from_clock, 20 * 60);
  EXPECT_EQ(u.shower_until_clock, 2 * 60);
  EXPECT_EQ(u.shower_minutes, 60);
  EXPECT_EQ(u.shower_slots_per_day(), 6);
  ASSERT_EQ(p.places.size(), 3u);
  EXPECT_EQ(p.places[0].capacity, 0);  // no limit
  EXPECT_EQ(p.places[1].watchers, 1);  // rest center defaults: 1 guard, 2 showers
  EXPECT_EQ(p.places[1].showers, 2);
  EXPECT_EQ(p.places[2].watchers, 0);
  EXPECT_EQ(p.places[2].showers, 0);
  const Person& ana = p.people[0];
  EXPECT_EQ(ana.unit.experience, Experience::kVeteran);
  EXPECT_EQ(ana.unit.skills, 3u);
  // "day 1 03:00" with a 07:00 changeover is the night after day 1's evening.
  ASSERT_EQ(ana.unit.absences.size(), 2u);
  EXPECT_EQ(ana.unit.absences[0].from_minute, 1440 + 20 * 60);
  EXPECT_EQ(ana.unit.absences[0].until_minute, 1440 + 22 * 60 + 30);
  EXPECT_EQ(ana.unit.absences[0].reason, "");
  EXPECT_EQ(ana.unit.absences[1].from_minute, 2 * 1440);
  EXPECT_EQ(ana.unit.absences[1].until_minute, Absence::kForever);
  EXPECT_EQ(p.people[1].unit.experience, Experience::kTrained);  // the default
  EXPECT_EQ(p.rule(RuleKind::kWatchCover).weight, 5);
  EXPECT_FALSE(p.rule(RuleKind::kNativePairs).enabled);
  EXPECT_TRUE(p.rule(RuleKind::kNativePairs).hard);
  const auto& needs = u.parameters.team_needs;
  ASSERT_EQ(needs.size(), 3u);
  EXPECT_EQ(needs[0].value, 1);
  EXPECT_EQ(needs[0].count, 2);
  EXPECT_EQ(needs[0].label, "2 drivers");
  EXPECT_EQ(needs[1].label, "a Portuguese speaker");
  EXPECT_EQ(needs[2].value, static_cast<int>(Experience::kTrained));
  EXPECT_EQ(needs[2].label, "someone trained");
  EXPECT_EQ(u.parameters.night_from_clock, 23 * 60);
  EXPECT_EQ(u.parameters.night_until_clock, 5 * 60);
  ASSERT_EQ(u.requests.size(), 2u);
  EXPECT_EQ(u.requests[0].first_day, 0);
  EXPECT_EQ(u.requests[0].last_day, INT_MAX);
  EXPECT_EQ(u.requests[0].weight, 1);
  EXPECT_EQ(u.requests[1].first_day, 4);
  // Watches start at the changeover; the shower slots wrap past midnight.
  const UnitLayout L = make_unit_layout(p);
  EXPECT_EQ(L.watch_slots, 8);
  EXPECT_EQ(p.shifts[L.watch_shift[7]].name, "Hill watch 04:00");
  EXPECT_EQ(p.shifts[L.shower_shift[1 * 6 + 5]].name, "Farm shower 01:00");
  EXPECT_EQ(L.shower_start[0], 13 * 60);
  EXPECT_EQ(L.shower_start[5], 18 * 60);
  // 01:00 (slot 6) and 04:00 (slot 7) are night watches; 22:00 (slot 5) is not.
  EXPECT_EQ(L.night_slot, (std::vector<char>{0, 0, 0, 0, 0, 0, 1, 1}));
}

TEST(ScenarioReader, DefaultsAreTheBriefs) {
  const std::string text = R"(horizon: {days: 4}
places:
  posts: [{name: P}]
people:
  - {name: A, languages: {uk: native}}
rules:
requests:
)";
  const Problem p = parse_ok(text, "dir/min.yaml");
  const UnitSetup& u = *p.unit;
  EXPECT_EQ(p.name, "dir/min.yaml");  // no unit name: the file's
  EXPECT_EQ(p.horizon.first_weekday, 0);
  EXPECT_EQ(p.horizon.day_start_minute, 360);
  EXPECT_EQ(u.languages, (std::vector<std::string>{"uk", "ru", "en", "pl", "pt", "es", "ka", "ja", "de", "fr", "sv"}));
  EXPECT_EQ(u.skills, (std::vector<std::string>{"medic", "radio", "team-leader"}));
  const UnitSetup defaults;
  EXPECT_EQ(u.rotation.post_days, defaults.rotation.post_days);
  EXPECT_EQ(u.rotation.rest_days, defaults.rotation.rest_days);
  EXPECT_EQ(u.rotation.max_rest_days, defaults.rotation.max_rest_days);
  EXPECT_EQ(u.watch_minutes, 120);
  EXPECT_EQ(u.shower_from_clock, 360);
  EXPECT_EQ(u.shower_until_clock, 1320);
  EXPECT_EQ(u.shower_minutes, 30);
  ASSERT_EQ(p.places.size(), 1u);
  EXPECT_EQ(p.places[0].capacity, 8);
  EXPECT_EQ(p.places[0].watchers, 2);
  EXPECT_EQ(p.people[0].unit.experience, Experience::kTrained);
  EXPECT_EQ(p.people[0].unit.nationality, "");
  Problem reference;
  use_default_rules(reference, ProblemKind::kUnit);
  for (int k = 0; k < kRuleCount; ++k) {
    EXPECT_EQ(p.rules[k].enabled, reference.rules[k].enabled) << k;
    EXPECT_EQ(p.rules[k].hard, reference.rules[k].hard) << k;
    EXPECT_EQ(p.rules[k].weight, reference.rules[k].weight) << k;
  }
  const UnitRuleParameters par;
  EXPECT_EQ(u.parameters.min_rest_minutes, par.min_rest_minutes);
  EXPECT_EQ(u.parameters.max_watch_minutes, par.max_watch_minutes);
  EXPECT_EQ(u.parameters.max_watches_in_row, par.max_watches_in_row);
  EXPECT_EQ(u.parameters.night_from_clock, par.night_from_clock);
  EXPECT_EQ(u.parameters.night_until_clock, par.night_until_clock);
  EXPECT_EQ(u.parameters.showers_per_rest_stint, par.showers_per_rest_stint);
  // The brief's team: a veteran, a medic, a Ukrainian speaker.
  const auto& needs = u.parameters.team_needs;
  ASSERT_EQ(needs.size(), 3u);
  EXPECT_EQ(needs[0].kind, TeamNeed::Kind::kExperience);
  EXPECT_EQ(needs[0].value, static_cast<int>(Experience::kVeteran));
  EXPECT_EQ(needs[1].kind, TeamNeed::Kind::kSkill);
  EXPECT_EQ(needs[1].value, 0);
  EXPECT_EQ(needs[2].kind, TeamNeed::Kind::kLanguage);
  EXPECT_EQ(needs[2].value, 0);
  for (const auto& n : needs) EXPECT_EQ(n.count, 1);
  EXPECT_EQ(needs[0].label, "a veteran");
  EXPECT_EQ(needs[1].label, "a medic");
  EXPECT_EQ(needs[2].label, "a Ukrainian speaker");
  EXPECT_TRUE(u.requests.empty());
}

TEST(ScenarioReader, TeamDefaultsLeaveOutWhatTheUnitLacksWhenTheRuleIsOff) {
  const Problem p = parse_ok(edit({{6, "languages: [pl, en]"}, {26, "    languages: {pl: native}"}, {37, "  team: {enabled: false}"}},
                                  {{38, 41}}));
  const auto& needs = p.unit->parameters.team_needs;
  ASSERT_EQ(needs.size(), 2u);
  EXPECT_EQ(needs[0].label, "a veteran");
  EXPECT_EQ(needs[1].label, "a medic");
  // An explicit empty list means no needs at all.
  const Problem q = parse_ok(edit({{38, "    needs: []"}}, {{39, 41}}));
  EXPECT_TRUE(q.unit->parameters.team_needs.empty());
}

TEST(ScenarioReader, AcceptedVariations) {
  // CRLF line ends, a byte order mark, empty optional sections, a duration in
  // hours and minutes, plain minutes, booleans as yes/no, comments anywhere,
  // an empty second document.
  auto l = base_lines();
  l[0] = "\xEF\xBB\xBF" + l[0];
  l[11] = "watch-length: 1h 30min  # a comment";
  l[33] = "  daily-rest: {min-rest: 300, enabled: no}";
  l.push_back("---");
  auto r = parse_scenario(join(l, "\r\n"), "crlf.yaml");
  ASSERT_TRUE(r.ok()) << r.error().format();
  const Problem& p = r.value();
  EXPECT_EQ(p.name, "Test unit");
  EXPECT_EQ(p.unit->watch_minutes, 90);
  EXPECT_EQ(p.unit->parameters.min_rest_minutes, 300);
  EXPECT_FALSE(p.rule(RuleKind::kDailyRest).enabled);
  EXPECT_EQ(p.people[2].name, "John");
  // travel is off until named; naming it switches it on, at 1 h unless a time is given.
  EXPECT_FALSE(p.rule(RuleKind::kTravel).enabled);
  const Problem t = parse_ok(edit({{36, "  travel: {time: 90min}"}}));
  EXPECT_TRUE(t.rule(RuleKind::kTravel).enabled);
  EXPECT_TRUE(t.rule(RuleKind::kTravel).hard);
  EXPECT_EQ(t.unit->parameters.travel_minutes, 90);
  EXPECT_EQ(parse_ok(edit({{36, "  travel:"}})).unit->parameters.travel_minutes, 60);
  // A rule entry with nothing in it keeps the rule's defaults.
  const Problem q = parse_ok(edit({{35, "  daily-watch-hours:"}}));
  EXPECT_TRUE(q.rule(RuleKind::kDailyWatchHours).enabled);
  EXPECT_EQ(q.unit->parameters.max_watch_minutes, 480);
  // An error in a CRLF file shows its line without the '\r'.
  auto bad = base_lines();
  bad[2] = "  days: x";
  EXPECT_EQ(error_of(join(bad, "\r\n")),
            "bad.yaml:3:9: horizon.days: expected a number of days (a whole number), got 'x'\n"
            "    days: x\n"
            "          ^");
}

TEST(ScenarioReader, ExampleFileParses) {
  auto r = read_scenario(example_path());
  ASSERT_TRUE(r.ok()) << r.error().format();
  const Problem& p = r.value();
  EXPECT_EQ(p.name, "Volunteer unit North");
  EXPECT_EQ(p.days(), 8);
  EXPECT_EQ(p.person_count(), 12);
  ASSERT_EQ(p.places.size(), 2u);
  EXPECT_EQ(p.places[1].name, "Rest House");
  const Person& john = p.people[6];
  EXPECT_EQ(john.name, "John Miller");
  ASSERT_EQ(john.unit.absences.size(), 1u);
  EXPECT_EQ(john.unit.absences[0].from_minute, 3 * 1440 + 8 * 60);
  EXPECT_EQ(john.unit.absences[0].until_minute, 5 * 1440);
  EXPECT_EQ(p.people[11].unit.absences[0].until_minute, Absence::kForever);
  EXPECT_EQ(p.unit->parameters.team_needs[2].label, "someone to talk to command");
  EXPECT_FALSE(p.rule(RuleKind::kNativePairs).enabled);
  EXPECT_EQ(p.unit->requests.size(), 3u);
}

// docs/scenario.md shows the example file in full; they must not drift apart.
TEST(ScenarioReader, DocsShowTheExampleFile) {
  auto docs = read_text_file(std::string(VIGIL_TEST_DATA) + "/../../docs/scenario.md");
  auto example = read_text_file(example_path());
  ASSERT_TRUE(docs.has_value());
  ASSERT_TRUE(example.has_value());
  const std::string marker = "<!-- example: tests/data/scenarios/example.yaml -->\n```yaml\n";
  const auto start = docs->find(marker);
  ASSERT_NE(start, std::string::npos);
  const auto body = start + marker.size();
  const auto end = docs->find("```\n", body);
  ASSERT_NE(end, std::string::npos);
  EXPECT_EQ(docs->substr(body, end - body), *example);
}

TEST(ScenarioReader, MissingFileIsNamed) {
  auto r = read_scenario("no/such/scenario.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().format(), "no/such/scenario.yaml: cannot open the file for reading");
}

// ---- writing --------------------------------------------------------------------------

TEST(ScenarioReaderRoundTrip, BaseAndExampleComeBackEqual) {
  for (const std::string& text : {base(), *read_text_file(example_path())}) {
    const Problem a = parse_ok(text);
    const std::string yaml = scenario_to_yaml(a);
    const Problem b = parse_ok(yaml, "written.yaml");
    expect_same(a, b);
    EXPECT_EQ(scenario_to_yaml(b), yaml);  // writing is stable
  }
}

TEST(ScenarioReaderRoundTrip, ProblemBuiltInCodeComesBackEqual) {
  test::UnitBuilder b;
  b.days = 6;
  b.setup.rotation = Rotation{3, 2, 4};
  b.setup.watch_minutes = 90;
  b.setup.shower_minutes = 20;
  b.setup.parameters.min_rest_minutes = 300;
  b.setup.parameters.night_from_clock = 21 * 60 + 30;
  b.setup.parameters.team_needs = {TeamNeed{TeamNeed::Kind::kSkill, 2, 2, "two leaders"},
                                   TeamNeed{TeamNeed::Kind::kLanguage, 3, 1, "a Spanish speaker"}};
  b.places = {{"Post: 1", PlaceKind::kPost, 8, 2, 0}, {"true", PlaceKind::kPost, 0, 1, 0},
              {"Rest \"House\"", PlaceKind::kRestCenter, 70, 1, 2}};
  // Names that YAML would misread unless quoted.
  b.people = {test::person("O'Brien", {{"en", LanguageLevel::kNative}}, Experience::kVeteran, {"medic", "team-leader"},
                           {Absence{90, 1440 + 45, "wounded: light"}, Absence{3 * 1440, Absence::kForever, ""}}),
              test::person("123", {{"uk", LanguageLevel::kBasic}, {"es", LanguageLevel::kFluent}}, Experience::kNone),
              test::person("#hash [x], {y}", {{"ja", LanguageLevel::kNative}}),
              test::person("Олена Ковальчук", {{"uk", LanguageLevel::kNative}}),
              test::person("- dash", {{"pl", LanguageLevel::kNative}}),
              test::person(" spaced ", {{"pt", LanguageLevel::kNative}})};
  Problem p = b.build();
  p.rule(RuleKind::kBeds).hard = false;
  p.rule(RuleKind::kBeds).weight = 7;
  p.rule(RuleKind::kNativePairs).enabled = false;
  auto& requests = p.unit->requests;
  requests.push_back(PersonalRequest{PersonalRequest::Kind::kDayOff, PersonId(1), 4, PlaceId(), 0, INT_MAX, PersonId(), 5});
  requests.push_back(PersonalRequest{PersonalRequest::Kind::kPost, PersonId(0), 0, PlaceId(1), 2, INT_MAX, PersonId(), 1});
  requests.push_back(PersonalRequest{PersonalRequest::Kind::kPost, PersonId(0), 0, PlaceId(0), 0, 3, PersonId(), 0});
  requests.push_back(PersonalRequest{PersonalRequest::Kind::kPartner, PersonId(3), 0, PlaceId(), 0, INT_MAX, PersonId(2), 2});

  const std::string yaml = scenario_to_yaml(p);
  auto r = parse_scenario(yaml, "written.yaml");
  ASSERT_TRUE(r.ok()) << r.error().format() << "\n" << yaml;
  expect_same(p, r.value());
  EXPECT_NE(yaml.find("unit: test-unit\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("  - name: O'Brien\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("      - {from: day 0 07:30, until: day 1 06:45, reason: \"wounded: light\"}\n"), std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("watch-length: 90min\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("      - {skill: team-leader, count: 2, label: two leaders}\n"), std::string::npos) << yaml;
}

// A post opened and one closed within the horizon, and beds changed from a
// day on (what a repair's place events leave, docs/scenario.md): read as
// written, written back the same.
TEST(ScenarioReaderRoundTrip, PlaceDatesAreReadAndWrittenBack) {
  const Problem a = parse_ok(edit({{19, "    - {name: Alpha, beds: 6, watchers: 2, closes: day 5}"},
                                   {20, "    - {name: Bravo, beds: 6, watchers: 2, opens: day 3, "
                                        "beds-changes: [{from: day 4, beds: 4}, {from: day 6, beds: 0}]}"},
                                   {22, "    - {name: Base, beds: 20, guards: 1, showers: 2, beds-changes: "
                                        "[{from: day 1, beds: 12}]}"}}));
  EXPECT_EQ(a.places[0].open_day, 0);
  EXPECT_EQ(a.places[0].close_day, 5);
  EXPECT_EQ(a.places[1].open_day, 3);
  EXPECT_EQ(a.places[1].close_day, Place::kNeverCloses);
  ASSERT_EQ(a.places[1].beds_changes.size(), 2u);
  EXPECT_EQ(a.places[1].beds_on(3), 6);
  EXPECT_EQ(a.places[1].beds_on(5), 4);
  EXPECT_EQ(a.places[1].beds_on(6), 0);
  EXPECT_EQ(a.places[2].beds_on(0), 20);
  EXPECT_EQ(a.places[2].beds_on(1), 12);
  const std::string yaml = scenario_to_yaml(a);
  EXPECT_NE(yaml.find("    - {name: Alpha, beds: 6, watchers: 2, closes: day 5}\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("    - {name: Bravo, beds: 6, watchers: 2, opens: day 3, beds-changes: [{from: day 4, beds: 4}, "
                      "{from: day 6, beds: 0}]}\n"),
            std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("    - {name: Base, beds: 20, guards: 1, showers: 2, beds-changes: [{from: day 1, beds: 12}]}\n"),
            std::string::npos)
      << yaml;
  const Problem b = parse_ok(yaml, "written.yaml");
  expect_same(a, b);
  EXPECT_EQ(scenario_to_yaml(b), yaml);
}

TEST(ScenarioReaderRoundTrip, ValuesAreWrittenAsTheDocsSay) {
  EXPECT_EQ(scenario_duration(0), "0");
  EXPECT_EQ(scenario_duration(360), "6h");
  EXPECT_EQ(scenario_duration(90), "90min");
  EXPECT_EQ(scenario_time_point(360, 0), "day 0");
  EXPECT_EQ(scenario_time_point(360, 10 * 1440), "day 10");
  EXPECT_EQ(scenario_time_point(360, 10 * 1440 + 480), "day 10 14:00");
  EXPECT_EQ(scenario_time_point(360, 10 * 1440 + 1380), "day 10 05:00");  // the night after day 10
}

// ---- names ----------------------------------------------------------------------------

TEST(ScenarioReaderRoundTrip, StartDateSetsTheWeekdayAndComesBack) {
  // Without first-weekday, the start date gives it: 2026-12-08 is a Tuesday.
  const Problem a = parse_ok(edit({{4, "  start-date: 2026-12-08"}}));
  ASSERT_TRUE(a.start_date);
  EXPECT_EQ(a.start_date->iso(), "2026-12-08");
  EXPECT_EQ(a.horizon.first_weekday, 1);
  const std::string yaml = scenario_to_yaml(a);
  EXPECT_NE(yaml.find("  first-weekday: tuesday\n  changeover: \"06:00\"\n  start-date: \"2026-12-08\"\n"),
            std::string::npos);
  expect_same(a, parse_ok(yaml, "written.yaml"));
  EXPECT_FALSE(parse_ok(base()).start_date);
}

TEST(ScenarioReaderNames, EditDistance) {
  EXPECT_EQ(edit_distance("medic", "medic"), 0u);
  EXPECT_EQ(edit_distance("Medic", "medic"), 0u);
  EXPECT_EQ(edit_distance("medik", "medic"), 1u);
  EXPECT_EQ(edit_distance("raido", "radio"), 1u);  // a swap is one edit
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(ScenarioReaderNames, NearestName) {
  const std::vector<std::string> skills = {"medic", "radio", "team-leader"};
  EXPECT_EQ(nearest_name("medik", skills), "medic");
  EXPECT_EQ(nearest_name("Radio", skills), "radio");
  EXPECT_EQ(nearest_name("teamleader", skills), "team-leader");
  EXPECT_EQ(nearest_name("cook", skills), std::nullopt);
  EXPECT_EQ(nearest_name("medic", skills), std::nullopt);  // already valid
  const std::vector<std::string> codes = {"uk", "en", "pl"};
  EXPECT_EQ(nearest_name("ux", codes), "uk");
  EXPECT_EQ(nearest_name("xx", codes), std::nullopt);  // two edits is too far for two letters
  EXPECT_EQ(did_you_mean("pll", codes), "; did you mean 'pl'?");
  EXPECT_EQ(did_you_mean("de", codes), "");
}

// ---- errors ---------------------------------------------------------------------------

TEST(ScenarioReaderErrors, BaseParses) { EXPECT_EQ(error_of(base()), "OK"); }

TEST(ScenarioReaderErrors, WholeFile) {
  EXPECT_EQ(error_of(""), "bad.yaml: expected a scenario (a map with horizon, places, people...), got nothing");
  EXPECT_EQ(error_of("# nothing but a comment\n"),
            "bad.yaml: expected a scenario (a map with horizon, places, people...), got nothing");
  EXPECT_EQ(error_of("- a\n- b\n"),
            "bad.yaml:1:1: expected a scenario (a map with horizon, places, people...), got a list\n"
            "  - a\n"
            "  ^");
  EXPECT_EQ(error_of("just words\n"),
            "bad.yaml:1:1: expected a scenario (a map with horizon, places, people...), got 'just words'\n"
            "  just words\n"
            "  ^");
  // Nesting deeper than yaml-cpp allows; the caret goes after the last text of the file.
  const std::string deep = "a: " + std::string(1000, '[');
  EXPECT_EQ(error_of(deep + "\n"), "bad.yaml:1:1004: expected valid YAML, got lists or maps nested 500 deep\n  " + deep +
                                       "\n  " + std::string(1003, ' ') + "^");
  EXPECT_EQ(error_of(base() + "---\nunit: Another\n"),
            "bad.yaml:50:1: expected one scenario in the file, got a second YAML document (after '---')\n"
            "  unit: Another\n"
            "  ^");
}

TEST(ScenarioReaderErrors, CaretCountsCharactersNotBytes) {
  EXPECT_EQ(error_of(edit({{31, "  - {name: Петро, languages: {xx: native}}"}})),
            "bad.yaml:31:31: people[1].languages.xx: expected a language listed under 'languages' (uk, en or pl), got 'xx'\n"
            "    - {name: Петро, languages: {xx: native}}\n"
            "                                ^");
}

TEST(ScenarioReaderErrors, SizeLimits) {
  // More people than the limit: the count is checked before the people are read.
  std::string text = "horizon: {days: 2}\nplaces: {posts: [{name: P}]}\npeople:\n";
  for (int i = 0; i <= kScenarioMaxPeople; ++i) text += "  - x\n";
  EXPECT_EQ(error_of(text),
            "bad.yaml:4:3: people: expected at most 100000 people, got 100001\n"
            "    - x\n"
            "    ^");
  // A roster too large for memory: 900 people x 3650 days x (60 watches of 24 min + 2).
  text = "horizon: {days: 3650}\nwatch-length: 24min\nplaces: {posts: [{name: P}]}\npeople:\n";
  for (int i = 0; i < 900; ++i) text += "  - x\n";
  EXPECT_EQ(error_of(text),
            "bad.yaml:5:3: people: expected a roster of at most 200000000 cells (people x days x (watch turns + 2)), "
            "got 900 x 3650 x 62 = 203670000; plan fewer days or people at a time\n"
            "    - x\n"
            "    ^");
  // Too many shift kinds: 520 posts with 24-minute watches and 1-minute shower slots.
  text = "horizon: {days: 2}\nwatch-length: 24min\nshowers: {slot: 1min}\nplaces:\n  rest-centers: [{name: R, beds: 9}]\n  posts:\n";
  for (int i = 0; i < 520; ++i) text += "    - {name: P" + std::to_string(i) + "}\n";
  text += "people: [{name: A, languages: {uk: native}}]\n";
  EXPECT_EQ(parse_scenario(text, "bad.yaml").error().headline(),
            "bad.yaml:5:3: places: expected at most 32000 shift kinds in all (each place has a stay, 60 watch turns "
            "and 960 shower slots a day), got 32741; use fewer places, longer watches or longer shower slots");
  // Watches of less than 24 minutes: more than a day's watch set holds.
  EXPECT_EQ(parse_scenario("horizon: {days: 2}\nwatch-length: 20min\n", "bad.yaml").error().headline(),
            "bad.yaml:2:15: watch-length: expected a watch length from 24min to 24h, got '20min'");
  // More skills than a person's skill set holds.
  text = "horizon: {days: 2}\nskills: [";
  for (int i = 0; i < 33; ++i) text += (i ? ", s" : "s") + std::to_string(i);
  text += "]\n";
  EXPECT_EQ(parse_scenario(text, "bad.yaml").error().headline(),
            "bad.yaml:2:9: skills: expected at most 32 skill names, got 33");
  // As many languages as a person's language set holds (kMaxLanguages), and one more.
  text = "horizon: {days: 2}\nlanguages: [";
  for (int i = 0; i < kMaxLanguages; ++i) text += (i ? ", l" : "l") + std::to_string(i);
  text += "]\nplaces: {posts: [{name: P}]}\npeople: [{name: A, languages: {l63: native}}]\n"
          "rules: {team: {needs: [{language: l63}]}}\n";
  const auto at_limit = parse_scenario(text, "ok.yaml");
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().headline();
  EXPECT_EQ(at_limit.value().unit->languages.size(), static_cast<std::size_t>(kMaxLanguages));
  text = "horizon: {days: 2}\nlanguages: [";
  for (int i = 0; i <= kMaxLanguages; ++i) text += (i ? ", l" : "l") + std::to_string(i);
  text += "]\n";
  EXPECT_EQ(parse_scenario(text, "bad.yaml").error().headline(),
            "bad.yaml:2:12: languages: expected at most 64 language codes, got 65");
}

TEST(ScenarioReaderErrors, ProblemValidationIsReportedToo) {
  // A place named like another place's watch: the shift kinds clash.
  EXPECT_EQ(error_of(edit({{20, "    - {name: Alpha watch 08:00, beds: 6, watchers: 0}"}})),
            "bad.yaml: invalid scenario: shift 'Alpha watch 08:00': defined twice");
}

TEST(ScenarioReaderErrors, Syntax) {
  // An unclosed '{': yaml-cpp notices it at the next entry.
  EXPECT_EQ(error_of(edit({{19, "    - {name: Alpha, beds: 6, watchers: 2"}})),
            "bad.yaml:22:5: expected valid YAML, got a syntax error: illegal block entry\n"
            "      - {name: Base, beds: 20, guards: 1, showers: 2}\n"
            "      ^");
  // A value holding ': ' without quotes.
  EXPECT_EQ(error_of(edit({{25, "    nationality: UA: x"}})),
            "bad.yaml:25:20: expected valid YAML, got a syntax error: illegal map value; check the indentation, and put a value that holds ': ' in quotes\n"
            "      nationality: UA: x\n"
            "                     ^");
  // A tab in the indentation.
  EXPECT_EQ(error_of(edit({{26, "\tlanguages: {uk: native}"}})),
            "bad.yaml:26:1: expected valid YAML, got a syntax error: illegal tab when looking for indentation; indent with spaces, not tabs\n"
            "  \tlanguages: {uk: native}\n"
            "  ^");
  // A wrong indentation.
  EXPECT_EQ(error_of(edit({{25, "     nationality: UA"}})),
            "bad.yaml:25:17: expected valid YAML, got a syntax error: illegal map value; check the indentation, and put a value that holds ': ' in quotes\n"
            "       nationality: UA\n"
            "                  ^");
  // An unclosed '['.
  EXPECT_EQ(error_of(edit({{28, "    skills: [medic"}})),
            "bad.yaml:29:16: expected valid YAML, got a syntax error: end of sequence flow not found; a '[' is not closed by ']'\n"
            "      unavailable:\n"
            "                 ^");
  // An unclosed quote.
  EXPECT_EQ(error_of(edit({{5, "  changeover: \"06:00"}})),
            "bad.yaml:14:10: expected valid YAML, got a syntax error: end of map not found; check the indentation, and that every quote is closed\n"
            "    from: \"06:00\"\n"
            "           ^");
  // An alias with no anchor.
  EXPECT_EQ(error_of(edit({{25, "    nationality: *ua"}})),
            "bad.yaml:25:18: expected valid YAML, got a syntax error: the referenced anchor is not defined\n"
            "      nationality: *ua\n"
            "                   ^");
  // An unclosed '{' at the end of the file.
  EXPECT_EQ(error_of(edit({{48, "  - {person: John, partner: Piotr, weight: 1"}})),
            "bad.yaml:48:45: expected valid YAML, got a syntax error: end of map flow not found; a '{' is not closed by '}'\n"
            "    - {person: John, partner: Piotr, weight: 1\n"
            "                                              ^");
}

// yaml-cpp 0.7 loops for ever on a ',' outside brackets after a document's
// top value, allocating until memory runs out (issue 15: the one-byte file
// ","): the reader stops it.
TEST(ScenarioReaderErrors, CommaOutsideBracketsIsASyntaxErrorNotALoop) {
  EXPECT_EQ(error_of(","),
            "bad.yaml:1:1: expected valid YAML, got a syntax error: unexpected ','; a ',' separates items only inside [ ] or { }\n"
            "  ,\n"
            "  ^");
  EXPECT_EQ(error_of("'unit' , x\n"),
            "bad.yaml:1:8: expected valid YAML, got a syntax error: unexpected ','; a ',' separates items only inside [ ] or { }\n"
            "  'unit' , x\n"
            "         ^");
}

TEST(ScenarioReaderErrors, Fields) {
  // An unknown field, with the nearest valid one.
  EXPECT_EQ(error_of(edit({{12, "watch-lenght: 2h"}})),
            "bad.yaml:12:1: watch-lenght: expected a field of the scenario (unit, horizon, languages, skills, rotation, watch-length, showers, places, people, rules or requests), got 'watch-lenght'; did you mean 'watch-length'?\n"
            "  watch-lenght: 2h\n"
            "  ^");
  // A known confusion gets its hint even when far.
  EXPECT_EQ(error_of(edit({{1, "name: Test unit"}})),
            "bad.yaml:1:1: name: expected a field of the scenario (unit, horizon, languages, skills, rotation, watch-length, showers, places, people, rules or requests), got 'name'; did you mean 'unit'?\n"
            "  name: Test unit\n"
            "  ^");
  // A field given twice.
  EXPECT_EQ(error_of(edit({{12, "horizon: {days: 3}"}})),
            "bad.yaml:12:1: horizon: expected each field once, got 'horizon' a second time\n"
            "  horizon: {days: 3}\n"
            "  ^");
  // A key that is not a name.
  EXPECT_EQ(error_of(edit({{12, "[a, b]: 1"}})),
            "bad.yaml:12:1: expected a field name, got a list\n"
            "  [a, b]: 1\n"
            "  ^");
  // A required section missing: the error points at the start of its map.
  EXPECT_EQ(error_of(edit({}, {{2, 5}})),
            "bad.yaml:1:1: horizon: expected the horizon (a map with days, first-weekday and changeover), got nothing\n"
            "  unit: Test unit\n"
            "  ^");
  // A field with no value points at its key.
  EXPECT_EQ(error_of(edit({{1, "unit:"}})),
            "bad.yaml:1:1: unit: expected the unit's name, got nothing\n"
            "  unit:\n"
            "  ^");
  // A list where a map is expected.
  EXPECT_EQ(error_of(edit({{2, "horizon: [8]"}}, {{3, 5}})),
            "bad.yaml:2:10: horizon: expected the horizon (a map of fields), got a list\n"
            "  horizon: [8]\n"
            "           ^");
  // A map where a value is expected.
  EXPECT_EQ(error_of(edit({{3, "  days: {a: 1}"}})),
            "bad.yaml:3:9: horizon.days: expected a number of days (a whole number), got a map\n"
            "    days: {a: 1}\n"
            "          ^");
}

TEST(ScenarioReaderErrors, Horizon) {
  EXPECT_EQ(error_of(edit({{3, "  days: x"}})),
            "bad.yaml:3:9: horizon.days: expected a number of days (a whole number), got 'x'\n"
            "    days: x\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{3, "  days:"}})),
            "bad.yaml:3:3: horizon.days: expected the number of days (a whole number), got nothing\n"
            "    days:\n"
            "    ^");
  EXPECT_EQ(error_of(edit({{3, "  days: 0"}})),
            "bad.yaml:3:9: horizon.days: expected a number of days from 1 to 3650, got 0\n"
            "    days: 0\n"
            "          ^");
  // The size limit is named.
  EXPECT_EQ(error_of(edit({{3, "  days: 4000"}})),
            "bad.yaml:3:9: horizon.days: expected a number of days from 1 to 3650, got 4000\n"
            "    days: 4000\n"
            "          ^");
  // A number too long for an integer is out of range, not malformed.
  EXPECT_EQ(error_of(edit({{3, "  days: 99999999999999999999999"}})),
            "bad.yaml:3:9: horizon.days: expected a number of days from 1 to 3650, got 99999999999999999999999\n"
            "    days: 99999999999999999999999\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{3, "  days: 8.5"}})),
            "bad.yaml:3:9: horizon.days: expected a number of days (a whole number), got '8.5'\n"
            "    days: 8.5\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{3, "  dayz: 8"}})),
            "bad.yaml:3:3: horizon.dayz: expected a field of the horizon (days, first-weekday, changeover or start-date), got 'dayz'; did you mean 'days'?\n"
            "    dayz: 8\n"
            "    ^");
  EXPECT_EQ(error_of(edit({{4, "  first-weekday: munday"}})),
            "bad.yaml:4:18: horizon.first-weekday: expected a weekday (monday, tuesday, wednesday, thursday, friday, saturday or sunday), got 'munday'; did you mean 'monday'?\n"
            "    first-weekday: munday\n"
            "                   ^");
  // A long value is cut short in the message.
  EXPECT_EQ(error_of(edit({{4, "  first-weekday: the first monday after the great spring offensive"}})),
            "bad.yaml:4:18: horizon.first-weekday: expected a weekday (monday, tuesday, wednesday, thursday, friday, saturday or sunday), got 'the first monday after the great spri...'\n"
            "    first-weekday: the first monday after the great spring offensive\n"
            "                   ^");
  EXPECT_EQ(error_of(edit({{5, "  changeover: 6am"}})),
            "bad.yaml:5:15: horizon.changeover: expected the changeover time (a time of day like 06:00), got '6am'\n"
            "    changeover: 6am\n"
            "                ^");
  EXPECT_EQ(error_of(edit({{5, "  changeover: \"06:00\"\n  start-date: 2026-12-08"}})),
            "bad.yaml:6:15: horizon.start-date: expected a monday (the first-weekday), got 2026-12-08, a tuesday\n"
            "    start-date: 2026-12-08\n"
            "                ^");
  EXPECT_EQ(error_of(edit({{5, "  changeover: \"06:00\"\n  start-date: 2026-02-30"}})),
            "bad.yaml:6:15: horizon.start-date: expected the date of day 0 (a date YYYY-MM-DD like 2026-12-07, from 1900-01-01 to 2999-12-31), got '2026-02-30'\n"
            "    start-date: 2026-02-30\n"
            "                ^");
  EXPECT_EQ(error_of(edit({{5, "  changeover: \"06:00\"\n  start-date:"}})),
            "bad.yaml:6:3: horizon.start-date: expected the date of day 0 (like 2026-12-07), got nothing\n"
            "    start-date:\n"
            "    ^");
  EXPECT_EQ(error_of(edit({{5, "  changeover: 24:00"}})),
            "bad.yaml:5:15: horizon.changeover: expected the changeover time (a time of day like 06:00), got '24:00'\n"
            "    changeover: 24:00\n"
            "                ^");
}

TEST(ScenarioReaderErrors, LanguagesAndSkills) {
  EXPECT_EQ(error_of(edit({{6, "languages: uk"}})),
            "bad.yaml:6:12: languages: expected a list of language codes, got 'uk'\n"
            "  languages: uk\n"
            "             ^");
  EXPECT_EQ(error_of(edit({{6, "languages: []"}})),
            "bad.yaml:6:12: languages: expected at least one language code, got none\n"
            "  languages: []\n"
            "             ^");
  EXPECT_EQ(error_of(edit({{6, "languages: [uk, en, uk]"}})),
            "bad.yaml:6:21: languages[2]: expected each language code once, got 'uk' a second time\n"
            "  languages: [uk, en, uk]\n"
            "                      ^");
  EXPECT_EQ(error_of(edit({{6, "languages: [uk, \"\", en]"}})),
            "bad.yaml:6:17: languages[1]: expected a language code, got ''\n"
            "  languages: [uk, \"\", en]\n"
            "                  ^");
  EXPECT_EQ(error_of(edit({{6, "languages: [uk, [en], pl]"}})),
            "bad.yaml:6:17: languages[1]: expected a language code, got a list\n"
            "  languages: [uk, [en], pl]\n"
            "                  ^");
  EXPECT_EQ(error_of(edit({{7, "skills: [medic, radio, medic]"}})),
            "bad.yaml:7:24: skills[2]: expected each skill name once, got 'medic' a second time\n"
            "  skills: [medic, radio, medic]\n"
            "                         ^");
  EXPECT_EQ(error_of(edit({{7, "skills:"}})),
            "bad.yaml:7:1: skills: expected a list of skill names, got nothing\n"
            "  skills:\n"
            "  ^");
}

TEST(ScenarioReaderErrors, RotationWatchesShowers) {
  EXPECT_EQ(error_of(edit({{9, "  post-days: 0"}})),
            "bad.yaml:9:14: rotation.post-days: expected a number of days from 1 to 3650, got 0\n"
            "    post-days: 0\n"
            "               ^");
  EXPECT_EQ(error_of(edit({{10, "  rest-days: -1"}})),
            "bad.yaml:10:14: rotation.rest-days: expected a number of days from 0 to 3650, got -1\n"
            "    rest-days: -1\n"
            "               ^");
  EXPECT_EQ(error_of(edit({{11, "  max-rest-days: 1"}})),
            "bad.yaml:11:18: rotation.max-rest-days: expected at least rest-days (2), got 1\n"
            "    max-rest-days: 1\n"
            "                   ^");
  EXPECT_EQ(error_of(edit({{9, "  post-days: two"}})),
            "bad.yaml:9:14: rotation.post-days: expected a number of days (a whole number), got 'two'\n"
            "    post-days: two\n"
            "               ^");
  EXPECT_EQ(error_of(edit({{9, "  post-dayz: 2"}})),
            "bad.yaml:9:3: rotation.post-dayz: expected a field of the rotation (post-days, rest-days or max-rest-days), got 'post-dayz'; did you mean 'post-days'?\n"
            "    post-dayz: 2\n"
            "    ^");
  EXPECT_EQ(error_of(edit({{12, "watch-length: 2 hours"}})),
            "bad.yaml:12:15: watch-length: expected a watch length (a duration like 2h, 90min or 120 for minutes), got '2 hours'\n"
            "  watch-length: 2 hours\n"
            "                ^");
  EXPECT_EQ(error_of(edit({{12, "watch-length: 0"}})),
            "bad.yaml:12:15: watch-length: expected a watch length from 24min to 24h, got '0'\n"
            "  watch-length: 0\n"
            "                ^");
  EXPECT_EQ(error_of(edit({{12, "watch-length: 25h"}})),
            "bad.yaml:12:15: watch-length: expected a watch length from 24min to 24h, got '25h'\n"
            "  watch-length: 25h\n"
            "                ^");
  EXPECT_EQ(error_of(edit({{12, "watch-length: 100min"}})),
            "bad.yaml:12:15: watch-length: expected a watch length that divides 24h evenly (like 1h, 2h, 3h, 4h or 90min), got '100min'\n"
            "  watch-length: 100min\n"
            "                ^");
  EXPECT_EQ(error_of(edit({{14, "  from: 6"}})),
            "bad.yaml:14:9: showers.from: expected the time showers open (a time of day like 06:00), got '6'\n"
            "    from: 6\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{15, "  until: 06:00"}})),
            "bad.yaml:15:10: showers.until: expected a time other than from (06:00), got '06:00'\n"
            "    until: 06:00\n"
            "           ^");
  EXPECT_EQ(error_of(edit({{16, "  slot: 25min"}})),
            "bad.yaml:16:9: showers.slot: expected a slot length that divides the shower time from 06:00 to 22:00 (16h) evenly, got '25min'\n"
            "    slot: 25min\n"
            "          ^");
  // Without a slot, from and until must still be whole slots apart.
  EXPECT_EQ(error_of(edit({{15, "  until: 21:45"}}, {{16, 16}})),
            "bad.yaml:15:10: showers.until: expected showers to open and close a whole number of slots (30min) apart, got 06:00 to 21:45\n"
            "    until: 21:45\n"
            "           ^");
  EXPECT_EQ(error_of(edit({{16, "  slots: 30min"}})),
            "bad.yaml:16:3: showers.slots: expected a field of the showers (from, until or slot), got 'slots'; did you mean 'slot'?\n"
            "    slots: 30min\n"
            "    ^");
}

TEST(ScenarioReaderErrors, Places) {
  EXPECT_EQ(error_of(edit({{18, "  post: []"}}, {{19, 20}})),
            "bad.yaml:18:3: places.post: expected a field of the places (posts or rest-centers), got 'post'; did you mean 'posts'?\n"
            "    post: []\n"
            "    ^");
  EXPECT_EQ(error_of(edit({{18, "  posts: []"}}, {{19, 20}})),
            "bad.yaml:18:10: places.posts: expected at least one post, got none\n"
            "    posts: []\n"
            "           ^");
  EXPECT_EQ(error_of(edit({{17, "places: [Alpha]"}}, {{18, 22}})),
            "bad.yaml:17:9: places: expected the places (a map of fields), got a list\n"
            "  places: [Alpha]\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{20, "    - Bravo"}})),
            "bad.yaml:20:7: places.posts[1]: expected a post (a map of fields), got 'Bravo'\n"
            "      - Bravo\n"
            "        ^");
  EXPECT_EQ(error_of(edit({{19, "    - {beds: 6, watchers: 2}"}})),
            "bad.yaml:19:7: places.posts[0].name: expected the post's name, got nothing\n"
            "      - {beds: 6, watchers: 2}\n"
            "        ^");
  EXPECT_EQ(error_of(edit({{19, "    - {name: , beds: 6, watchers: 2}"}})),
            "bad.yaml:19:8: places.posts[0].name: expected the post's name, got nothing\n"
            "      - {name: , beds: 6, watchers: 2}\n"
            "         ^");
  EXPECT_EQ(error_of(edit({{20, "    - {name: Alpha, beds: 6, watchers: 2}"}})),
            "bad.yaml:20:14: places.posts[1].name: expected a name not used by another place, got 'Alpha' a second time (first at places.posts[0].name)\n"
            "      - {name: Alpha, beds: 6, watchers: 2}\n"
            "               ^");
  EXPECT_EQ(error_of(edit({{22, "    - {name: Alpha, beds: 20}"}})),
            "bad.yaml:22:14: places.rest-centers[0].name: expected a name not used by another place, got 'Alpha' a second time (first at places.posts[0].name)\n"
            "      - {name: Alpha, beds: 20}\n"
            "               ^");
  EXPECT_EQ(error_of(edit({{19, "    - {name: Alpha, beds: -1, watchers: 2}"}})),
            "bad.yaml:19:27: places.posts[0].beds: expected a number of beds from 0 to 100000, got -1\n"
            "      - {name: Alpha, beds: -1, watchers: 2}\n"
            "                            ^");
  EXPECT_EQ(error_of(edit({{19, "    - {name: Alpha, beds: 6, watchers: -2}"}})),
            "bad.yaml:19:40: places.posts[0].watchers: expected a number of watchers from 0 to 100000, got -2\n"
            "      - {name: Alpha, beds: 6, watchers: -2}\n"
            "                                         ^");
  EXPECT_EQ(error_of(edit({{19, "    - {name: Alpha, beds: 1, watchers: 2}"}})),
            "bad.yaml:19:40: places.posts[0].watchers: expected at most as many watchers as beds (1), got 2 watchers\n"
            "      - {name: Alpha, beds: 1, watchers: 2}\n"
            "                                         ^");
  EXPECT_EQ(error_of(edit({{19, "    - {name: Alpha, beds: 6, guards: 2}"}})),
            "bad.yaml:19:30: places.posts[0].guards: expected a field of a post (name, beds, watchers, opens, closes or beds-changes), got 'guards'; did you mean 'watchers'?\n"
            "      - {name: Alpha, beds: 6, guards: 2}\n"
            "                               ^");
  // A rest center without beds.
  EXPECT_EQ(error_of(edit({{22, "    - {name: Base, guards: 1, showers: 2}"}})),
            "bad.yaml:22:7: places.rest-centers[0].beds: expected the number of beds (a whole number), got nothing\n"
            "      - {name: Base, guards: 1, showers: 2}\n"
            "        ^");
  EXPECT_EQ(error_of(edit({{22, "    - {name: Base, beds: 0, guards: 1, showers: 2}"}})),
            "bad.yaml:22:26: places.rest-centers[0].beds: expected a number of beds from 1 to 100000, got 0\n"
            "      - {name: Base, beds: 0, guards: 1, showers: 2}\n"
            "                           ^");
  EXPECT_EQ(error_of(edit({{22, "    - {name: Base, beds: 20, watchers: 1, showers: 2}"}})),
            "bad.yaml:22:30: places.rest-centers[0].watchers: expected a field of a rest center (name, beds, guards, showers or beds-changes), got 'watchers'; did you mean 'guards'?\n"
            "      - {name: Base, beds: 20, watchers: 1, showers: 2}\n"
            "                               ^");
  EXPECT_EQ(error_of(edit({{22, "    - {name: Base, beds: 20, guards: 1, shower: 2}"}})),
            "bad.yaml:22:41: places.rest-centers[0].shower: expected a field of a rest center (name, beds, guards, showers or beds-changes), got 'shower'; did you mean 'showers'?\n"
            "      - {name: Base, beds: 20, guards: 1, shower: 2}\n"
            "                                          ^");
  EXPECT_EQ(error_of(edit({{22, "    - {name: Base, beds: 1, guards: 2}"}})),
            "bad.yaml:22:37: places.rest-centers[0].guards: expected at most as many guards as beds (1), got 2 guards\n"
            "      - {name: Base, beds: 1, guards: 2}\n"
            "                                      ^");
  EXPECT_EQ(error_of(edit({{22, "    - {name: Base, beds: 10, showers: -1}"}})),
            "bad.yaml:22:39: places.rest-centers[0].showers: expected a number of showers from 0 to 100000, got -1\n"
            "      - {name: Base, beds: 10, showers: -1}\n"
            "                                        ^");
  // Dates of places (docs/scenario.md: changeovers within the horizon, in order).
  EXPECT_EQ(error_of(edit({{20, "    - {name: Bravo, opens: day 3 12:00}"}})),
            "bad.yaml:20:28: places.posts[1].opens: expected a changeover like 'day 4' (a place opens, closes and "
            "changes its beds when everyone moves, at a changeover), got 'day 3 12:00'\n"
            "      - {name: Bravo, opens: day 3 12:00}\n"
            "                             ^");
  EXPECT_EQ(error_of(edit({{20, "    - {name: Bravo, opens: day 8}"}})),
            "bad.yaml:20:28: places.posts[1].opens: expected a changeover from day 0 to day 7, got 'day 8'\n"
            "      - {name: Bravo, opens: day 8}\n"
            "                             ^");
  EXPECT_EQ(error_of(edit({{20, "    - {name: Bravo, opens: day 3, closes: day 3}"}})),
            "bad.yaml:20:43: places.posts[1].closes: expected a changeover from day 4 to day 8, got 'day 3'\n"
            "      - {name: Bravo, opens: day 3, closes: day 3}\n"
            "                                            ^");
  EXPECT_EQ(error_of(edit({{20, "    - {name: Bravo, from: day 3}"}})),
            "bad.yaml:20:21: places.posts[1].from: expected a field of a post (name, beds, watchers, opens, closes or "
            "beds-changes), got 'from'; did you mean 'opens'?\n"
            "      - {name: Bravo, from: day 3}\n"
            "                      ^");
  EXPECT_EQ(error_of(edit({{20, "    - {name: Bravo, beds-changes: [{from: day 4, beds: 4}, {from: day 4, beds: 5}]}"}})),
            "bad.yaml:20:67: places.posts[1].beds-changes[1].from: expected a changeover from day 5 to day 7, got "
            "'day 4'\n"
            "      - {name: Bravo, beds-changes: [{from: day 4, beds: 4}, {from: day 4, beds: 5}]}\n"
            "                                                                    ^");
  EXPECT_EQ(error_of(edit({{20, "    - {name: Bravo, beds-changes: [{from: day 4, beds: 1}]}"}})),
            "bad.yaml:20:56: places.posts[1].beds-changes[0].beds: expected at least as many beds as watchers (2), got 1\n"
            "      - {name: Bravo, beds-changes: [{from: day 4, beds: 1}]}\n"
            "                                                         ^");
  EXPECT_EQ(error_of(edit({{22, "    - {name: Base, beds: 20, beds-changes: [{from: day 4, beds: 0}]}"}})),
            "bad.yaml:22:65: places.rest-centers[0].beds-changes[0].beds: expected a number of beds from 1 to 100000, "
            "got 0\n"
            "      - {name: Base, beds: 20, beds-changes: [{from: day 4, beds: 0}]}\n"
            "                                                                  ^");
  EXPECT_EQ(error_of(edit({{22, "    - {name: Base, beds: 20, opens: day 2}"}})),
            "bad.yaml:22:30: places.rest-centers[0].opens: expected a field of a rest center (name, beds, guards, "
            "showers or beds-changes), got 'opens'\n"
            "      - {name: Base, beds: 20, opens: day 2}\n"
            "                               ^");
  // Every post closed on some day.
  EXPECT_EQ(error_of(edit({{19, "    - {name: Alpha, closes: day 4}"}, {20, "    - {name: Bravo, opens: day 5}"}})),
            "bad.yaml: invalid scenario: places: expected a post open on every day (a unit keeps at least one post), "
            "got none on day 4");
  EXPECT_EQ(error_of(edit({{21, "  rest-centers: {name: Base}"}}, {{22, 22}})),
            "bad.yaml:21:17: places.rest-centers: expected a list of rest centers, got a map\n"
            "    rest-centers: {name: Base}\n"
            "                  ^");
}

TEST(ScenarioReaderErrors, People) {
  EXPECT_EQ(error_of(edit({{23, "people: []"}}, {{24, 32}})),
            "bad.yaml:23:9: people: expected at least one person, got none\n"
            "  people: []\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{23, "people:"}}, {{24, 32}})),
            "bad.yaml:23:1: people: expected a list of people, got nothing\n"
            "  people:\n"
            "  ^");
  EXPECT_EQ(error_of(edit({{23, "people: {name: Olena}"}}, {{24, 32}})),
            "bad.yaml:23:9: people: expected a list of people, got a map\n"
            "  people: {name: Olena}\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{24, "  - nam: Olena"}})),
            "bad.yaml:24:5: people[0].nam: expected a field of a person (name, nationality, languages, experience, skills or unavailable), got 'nam'; did you mean 'name'?\n"
            "    - nam: Olena\n"
            "      ^");
  EXPECT_EQ(error_of(edit({{27, "    experiance: veteran"}})),
            "bad.yaml:27:5: people[0].experiance: expected a field of a person (name, nationality, languages, experience, skills or unavailable), got 'experiance'; did you mean 'experience'?\n"
            "      experiance: veteran\n"
            "      ^");
  EXPECT_EQ(error_of(edit({{32, "  - John"}})),
            "bad.yaml:32:5: people[2]: expected a person (a map of fields), got 'John'\n"
            "    - John\n"
            "      ^");
  EXPECT_EQ(error_of(edit({{31, "  - {name: Olena, languages: {pl: native, en: fluent}, experience: trained}"}})),
            "bad.yaml:31:12: people[1].name: expected a name not used by another person, got 'Olena' a second time (first at people[0].name)\n"
            "    - {name: Olena, languages: {pl: native, en: fluent}, experience: trained}\n"
            "             ^");
  EXPECT_EQ(error_of(edit({{25, "    nationality: \"\""}})),
            "bad.yaml:25:18: people[0].nationality: expected a nationality, got ''\n"
            "      nationality: \"\"\n"
            "                   ^");
  // A person with no language.
  EXPECT_EQ(error_of(edit({{26, "    #"}})),
            "bad.yaml:24:5: people[0].languages: expected the person's languages (like {uk: native, en: basic}), got nothing\n"
            "    - name: Olena\n"
            "      ^");
  EXPECT_EQ(error_of(edit({{26, "    languages: {}"}})),
            "bad.yaml:26:16: people[0].languages: expected at least one language (like {uk: native}), got none\n"
            "      languages: {}\n"
            "                 ^");
  EXPECT_EQ(error_of(edit({{26, "    languages: [uk, en]"}})),
            "bad.yaml:26:16: people[0].languages: expected the person's languages (a map like {uk: native, en: basic}), got a list\n"
            "      languages: [uk, en]\n"
            "                 ^");
  EXPECT_EQ(error_of(edit({{26, "    languages: {ukr: native, en: basic}"}})),
            "bad.yaml:26:17: people[0].languages.ukr: expected a language listed under 'languages' (uk, en or pl), got 'ukr'; did you mean 'uk'?\n"
            "      languages: {ukr: native, en: basic}\n"
            "                  ^");
  EXPECT_EQ(error_of(edit({{26, "    languages: {xx: native, en: basic}"}})),
            "bad.yaml:26:17: people[0].languages.xx: expected a language listed under 'languages' (uk, en or pl), got 'xx'\n"
            "      languages: {xx: native, en: basic}\n"
            "                  ^");
  EXPECT_EQ(error_of(edit({{26, "    languages: {uk: fluant, en: basic}"}})),
            "bad.yaml:26:21: people[0].languages.uk: expected a level (native, fluent or basic), got 'fluant'; did you mean 'fluent'?\n"
            "      languages: {uk: fluant, en: basic}\n"
            "                      ^");
  EXPECT_EQ(error_of(edit({{26, "    languages: {uk: native, en: }"}})),
            "bad.yaml:26:29: people[0].languages.en: expected a level (native, fluent or basic), got nothing\n"
            "      languages: {uk: native, en: }\n"
            "                              ^");
  EXPECT_EQ(error_of(edit({{26, "    languages: {uk: native, uk: basic}"}})),
            "bad.yaml:26:29: people[0].languages.uk: expected each language once, got 'uk' a second time\n"
            "      languages: {uk: native, uk: basic}\n"
            "                              ^");
  EXPECT_EQ(error_of(edit({{26, "    languages: {[uk]: native}"}})),
            "bad.yaml:26:17: people[0].languages: expected a language, got a list\n"
            "      languages: {[uk]: native}\n"
            "                  ^");
  EXPECT_EQ(error_of(edit({{27, "    experience: vetran"}})),
            "bad.yaml:27:17: people[0].experience: expected an experience (none, trained or veteran), got 'vetran'; did you mean 'veteran'?\n"
            "      experience: vetran\n"
            "                  ^");
  EXPECT_EQ(error_of(edit({{27, "    experience: [veteran]"}})),
            "bad.yaml:27:17: people[0].experience: expected an experience (none, trained or veteran), got a list\n"
            "      experience: [veteran]\n"
            "                  ^");
  EXPECT_EQ(error_of(edit({{28, "    skills: [medik]"}})),
            "bad.yaml:28:14: people[0].skills[0]: expected a skill listed under 'skills' (medic or radio), got 'medik'; did you mean 'medic'?\n"
            "      skills: [medik]\n"
            "               ^");
  EXPECT_EQ(error_of(edit({{28, "    skills: [medic, medic]"}})),
            "bad.yaml:28:21: people[0].skills[1]: expected each skill once, got 'medic' a second time\n"
            "      skills: [medic, medic]\n"
            "                      ^");
  EXPECT_EQ(error_of(edit({{28, "    skills: medic"}})),
            "bad.yaml:28:13: people[0].skills: expected a list of skills, got 'medic'\n"
            "      skills: medic\n"
            "              ^");
}

TEST(ScenarioReaderErrors, Absences) {
  EXPECT_EQ(error_of(edit({{30, "      - {until: day 4, reason: leave}"}})),
            "bad.yaml:30:9: people[0].unavailable[0].from: expected the time the absence starts (like 'day 3 14:00' or 'day 3'), got nothing\n"
            "        - {until: day 4, reason: leave}\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: tuesday, until: day 4}"}})),
            "bad.yaml:30:16: people[0].unavailable[0].from: expected the time the absence starts (a time like 'day 3 14:00' or 'day 3'), got 'tuesday'\n"
            "        - {from: tuesday, until: day 4}\n"
            "                 ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 2 25:00}"}})),
            "bad.yaml:30:16: people[0].unavailable[0].from: expected the time the absence starts (a time like 'day 3 14:00' or 'day 3'), got 'day 2 25:00'\n"
            "        - {from: day 2 25:00}\n"
            "                 ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day -1}"}})),
            "bad.yaml:30:16: people[0].unavailable[0].from: expected the time the absence starts (a time like 'day 3 14:00' or 'day 3'), got 'day -1'\n"
            "        - {from: day -1}\n"
            "                 ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 8, until: day 9}"}})),
            "bad.yaml:30:16: people[0].unavailable[0].from: expected a time within the horizon (day 0 to day 7 05:59), got 'day 8'\n"
            "        - {from: day 8, until: day 9}\n"
            "                 ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 99999999999999}"}})),
            "bad.yaml:30:16: people[0].unavailable[0].from: expected a time within the horizon (day 0 to day 7 05:59), got 'day 99999999999999'\n"
            "        - {from: day 99999999999999}\n"
            "                 ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 2, until: day 9}"}})),
            "bad.yaml:30:30: people[0].unavailable[0].until: expected a time within the horizon (up to day 8, its end; leave out 'until' for an absence that lasts past it), got 'day 9'\n"
            "        - {from: day 2, until: day 9}\n"
            "                               ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 2 14:00, until: day 2 10:00}"}})),
            "bad.yaml:30:36: people[0].unavailable[0].until: expected a time after from (day 2 14:00), got 'day 2 10:00'\n"
            "        - {from: day 2 14:00, until: day 2 10:00}\n"
            "                                     ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 2 14:00, until: day 2 14:00}"}})),
            "bad.yaml:30:36: people[0].unavailable[0].until: expected a time after from (day 2 14:00), got 'day 2 14:00'\n"
            "        - {from: day 2 14:00, until: day 2 14:00}\n"
            "                                     ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 2 14:00, untill: day 4}"}})),
            "bad.yaml:30:29: people[0].unavailable[0].untill: expected a field of an absence (from, until or reason), got 'untill'; did you mean 'until'?\n"
            "        - {from: day 2 14:00, untill: day 4}\n"
            "                              ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 2, to: day 4}"}})),
            "bad.yaml:30:23: people[0].unavailable[0].to: expected a field of an absence (from, until or reason), got 'to'; did you mean 'until'?\n"
            "        - {from: day 2, to: day 4}\n"
            "                        ^");
  EXPECT_EQ(error_of(edit({{30, "      - day 2"}})),
            "bad.yaml:30:9: people[0].unavailable[0]: expected an absence (a map of fields), got 'day 2'\n"
            "        - day 2\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{30, "      - {from: day 2, reason: }"}})),
            "bad.yaml:30:23: people[0].unavailable[0].reason: expected a reason (text), got nothing\n"
            "        - {from: day 2, reason: }\n"
            "                        ^");
  EXPECT_EQ(error_of(edit({{29, "    unavailable: day 2"}}, {{30, 30}})),
            "bad.yaml:29:18: people[0].unavailable: expected a list of absences (like [{from: day 3, until: day 5, reason: leave}]), got 'day 2'\n"
            "      unavailable: day 2\n"
            "                   ^");
}

TEST(ScenarioReaderErrors, Rules) {
  EXPECT_EQ(error_of(edit({{34, "  daily-rst: {min-rest: 6h}"}})),
            "bad.yaml:34:3: rules.daily-rst: expected a rule (watch-cover, one-place, rotation, beds, shared-language, novice-pair, daily-rest, daily-watch-hours, watches-in-a-row, team, unavailable, showers, travel, night-spread, hours-spread, native-pairs, personal-requests or team-continuity), got 'daily-rst'; did you mean 'daily-rest'?\n"
            "    daily-rst: {min-rest: 6h}\n"
            "    ^");
  EXPECT_EQ(error_of(edit({{34, "  cover: {weight: 2}"}})),
            "bad.yaml:34:3: rules.cover: expected a rule (watch-cover, one-place, rotation, beds, shared-language, novice-pair, daily-rest, daily-watch-hours, watches-in-a-row, team, unavailable, showers, travel, night-spread, hours-spread, native-pairs, personal-requests or team-continuity), got 'cover'\n"
            "    cover: {weight: 2}\n"
            "    ^");
  EXPECT_EQ(error_of(edit({{34, "  daily-rest: {min-rest: 6h, weigth: 2}"}})),
            "bad.yaml:34:30: rules.daily-rest.weigth: expected a field of the rule daily-rest (enabled, hard, weight or min-rest), got 'weigth'; did you mean 'weight'?\n"
            "    daily-rest: {min-rest: 6h, weigth: 2}\n"
            "                               ^");
  EXPECT_EQ(error_of(edit({{34, "  daily-rest: 6h"}})),
            "bad.yaml:34:15: rules.daily-rest: expected the rule daily-rest (a map of fields), got '6h'\n"
            "    daily-rest: 6h\n"
            "                ^");
  EXPECT_EQ(error_of(edit({{33, "rules: []"}}, {{34, 44}})),
            "bad.yaml:33:8: rules: expected the rules (a map of fields), got a list\n"
            "  rules: []\n"
            "         ^");
  EXPECT_EQ(error_of(edit({{34, "  daily-rest: {enabled: maybe}"}})),
            "bad.yaml:34:25: rules.daily-rest.enabled: expected true or false, got 'maybe'\n"
            "    daily-rest: {enabled: maybe}\n"
            "                          ^");
  EXPECT_EQ(error_of(edit({{34, "  daily-rest: {hard: }"}})),
            "bad.yaml:34:16: rules.daily-rest.hard: expected true or false, got nothing\n"
            "    daily-rest: {hard: }\n"
            "                 ^");
  EXPECT_EQ(error_of(edit({{34, "  daily-rest: {weight: -1}"}})),
            "bad.yaml:34:24: rules.daily-rest.weight: expected a weight from 0 to 1000000, got -1\n"
            "    daily-rest: {weight: -1}\n"
            "                         ^");
  EXPECT_EQ(error_of(edit({{34, "  daily-rest: {weight: 2000000}"}})),
            "bad.yaml:34:24: rules.daily-rest.weight: expected a weight from 0 to 1000000, got 2000000\n"
            "    daily-rest: {weight: 2000000}\n"
            "                         ^");
  EXPECT_EQ(error_of(edit({{44, "  personal-requests: {hard: true}"}})),
            "bad.yaml:44:29: rules.personal-requests.hard: expected false (each request is priced by its own weight), got 'true'\n"
            "    personal-requests: {hard: true}\n"
            "                              ^");
  EXPECT_EQ(error_of(edit({{34, "  daily-rest: {min-rest: 25h}"}})),
            "bad.yaml:34:26: rules.daily-rest.min-rest: expected a rest length from 0 to 24h, got '25h'\n"
            "    daily-rest: {min-rest: 25h}\n"
            "                           ^");
  EXPECT_EQ(error_of(edit({{35, "  daily-watch-hours: {max: lots}"}})),
            "bad.yaml:35:28: rules.daily-watch-hours.max: expected a watch time (a duration like 2h, 90min or 120 for minutes), got 'lots'\n"
            "    daily-watch-hours: {max: lots}\n"
            "                             ^");
  EXPECT_EQ(error_of(edit({{36, "  travel: {time: 13h}"}})),
            "bad.yaml:36:18: rules.travel.time: expected a travel time from 0 to 12h, got '13h'\n"
            "    travel: {time: 13h}\n"
            "                   ^");
  EXPECT_EQ(error_of(edit({{36, "  watches-in-a-row: {max: 0}"}})),
            "bad.yaml:36:27: rules.watches-in-a-row.max: expected a number of watches from 1 to 1000, got 0\n"
            "    watches-in-a-row: {max: 0}\n"
            "                            ^");
  EXPECT_EQ(error_of(edit({{42, "  showers: {per-rest-stint: -1}"}})),
            "bad.yaml:42:29: rules.showers.per-rest-stint: expected a number of showers from 0 to 1000, got -1\n"
            "    showers: {per-rest-stint: -1}\n"
            "                              ^");
  EXPECT_EQ(error_of(edit({{43, "  night-spread: {night-from: 10pm}"}})),
            "bad.yaml:43:30: rules.night-spread.night-from: expected the time nights start (a time of day like 06:00), got '10pm'\n"
            "    night-spread: {night-from: 10pm}\n"
            "                               ^");
  EXPECT_EQ(error_of(edit({{43, "  night-spread: {night-until: 6}"}})),
            "bad.yaml:43:31: rules.night-spread.night-until: expected the time nights end (a time of day like 06:00), got '6'\n"
            "    night-spread: {night-until: 6}\n"
            "                                ^");
  EXPECT_EQ(error_of(edit({{36, "  watches-in-a-row: {min-rest: 6h}"}})),
            "bad.yaml:36:22: rules.watches-in-a-row.min-rest: expected a field of the rule watches-in-a-row (enabled, hard, weight or max), got 'min-rest'\n"
            "    watches-in-a-row: {min-rest: 6h}\n"
            "                       ^");
}

TEST(ScenarioReaderErrors, TeamNeeds) {
  EXPECT_EQ(error_of(edit({{38, "    needs: {experience: veteran}"}}, {{39, 41}})),
            "bad.yaml:38:12: rules.team.needs: expected a list of team needs (like [{experience: veteran}, {skill: medic}]), got a map\n"
            "      needs: {experience: veteran}\n"
            "             ^");
  EXPECT_EQ(error_of(edit({{39, "      - {experience: veteran, skill: medic}"}})),
            "bad.yaml:39:38: rules.team.needs[0].skill: expected only one of experience, skill or language in a team need, got a second one\n"
            "        - {experience: veteran, skill: medic}\n"
            "                                       ^");
  EXPECT_EQ(error_of(edit({{39, "      - {count: 2}"}})),
            "bad.yaml:39:9: rules.team.needs[0]: expected one of experience, skill or language in a team need, got none\n"
            "        - {count: 2}\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{39, "      - veteran"}})),
            "bad.yaml:39:9: rules.team.needs[0]: expected a team need (a map of fields), got 'veteran'\n"
            "        - veteran\n"
            "          ^");
  EXPECT_EQ(error_of(edit({{40, "      - {skill: medik}"}})),
            "bad.yaml:40:17: rules.team.needs[1].skill: expected a skill listed under 'skills' (medic or radio), got 'medik'; did you mean 'medic'?\n"
            "        - {skill: medik}\n"
            "                  ^");
  EXPECT_EQ(error_of(edit({{41, "      - {language: ua}"}})),
            "bad.yaml:41:20: rules.team.needs[2].language: expected a language listed under 'languages' (uk, en or pl), got 'ua'; did you mean 'uk'?\n"
            "        - {language: ua}\n"
            "                     ^");
  EXPECT_EQ(error_of(edit({{39, "      - {experience: expert}"}})),
            "bad.yaml:39:22: rules.team.needs[0].experience: expected an experience (none, trained or veteran), got 'expert'\n"
            "        - {experience: expert}\n"
            "                       ^");
  EXPECT_EQ(error_of(edit({{39, "      - {experience: veteran, count: 0}"}})),
            "bad.yaml:39:38: rules.team.needs[0].count: expected a count from 1 to 1000, got 0\n"
            "        - {experience: veteran, count: 0}\n"
            "                                       ^");
  EXPECT_EQ(error_of(edit({{39, "      - {experience: veteran, lable: a veteran}"}})),
            "bad.yaml:39:31: rules.team.needs[0].lable: expected a field of a team need (experience, skill, language, count or label), got 'lable'; did you mean 'label'?\n"
            "        - {experience: veteran, lable: a veteran}\n"
            "                                ^");
  EXPECT_EQ(error_of(edit({{39, "      - {experience: veteran, label: }"}})),
            "bad.yaml:39:31: rules.team.needs[0].label: expected a label (text), got nothing\n"
            "        - {experience: veteran, label: }\n"
            "                                ^");
  // Without needs, the default team needs a medic: the skills must list one.
  EXPECT_EQ(error_of(edit({{7, "skills: [radio]"}, {28, "#"}}, {{37, 41}})),
            "bad.yaml:7:9: skills: expected 'medic' among the skills (the default team needs a veteran, a medic and a Ukrainian speaker; list rules.team.needs to change that), got a list without it\n"
            "  skills: [radio]\n"
            "          ^");
  // ...and a Ukrainian speaker.
  EXPECT_EQ(error_of(edit({{6, "languages: [pl, en]"}, {26, "    languages: {pl: native}"}}, {{37, 41}})),
            "bad.yaml:6:12: languages: expected 'uk' among the languages (the default team needs a veteran, a medic and a Ukrainian speaker; list rules.team.needs to change that), got a list without it\n"
            "  languages: [pl, en]\n"
            "             ^");
}

TEST(ScenarioReaderErrors, Requests) {
  EXPECT_EQ(error_of(edit({{45, "requests: {person: John}"}}, {{46, 48}})),
            "bad.yaml:45:11: requests: expected a list of requests, got a map\n"
            "  requests: {person: John}\n"
            "            ^");
  EXPECT_EQ(error_of(edit({{46, "  - {day-off: 5, weight: 3}"}})),
            "bad.yaml:46:5: requests[0].person: expected the name of the person who asks, got nothing\n"
            "    - {day-off: 5, weight: 3}\n"
            "      ^");
  EXPECT_EQ(error_of(edit({{46, "  - {person: Olna, day-off: 5, weight: 3}"}})),
            "bad.yaml:46:14: requests[0].person: expected a person listed under 'people', got 'Olna'; did you mean 'Olena'?\n"
            "    - {person: Olna, day-off: 5, weight: 3}\n"
            "               ^");
  EXPECT_EQ(error_of(edit({{46, "  - {person: Olena, weight: 3}"}})),
            "bad.yaml:46:5: requests[0]: expected one of day-off, post or partner in a request, got none\n"
            "    - {person: Olena, weight: 3}\n"
            "      ^");
  EXPECT_EQ(error_of(edit({{46, "  - {person: Olena, day-off: 5, partner: John}"}})),
            "bad.yaml:46:42: requests[0].partner: expected only one of day-off, post or partner in a request, got a second one\n"
            "    - {person: Olena, day-off: 5, partner: John}\n"
            "                                           ^");
  EXPECT_EQ(error_of(edit({{46, "  - {person: Olena, day-off: 8}"}})),
            "bad.yaml:46:30: requests[0].day-off: expected a day from 0 to 7, got 8\n"
            "    - {person: Olena, day-off: 8}\n"
            "                               ^");
  EXPECT_EQ(error_of(edit({{46, "  - {person: Olena, day-off: monday}"}})),
            "bad.yaml:46:30: requests[0].day-off: expected a day (a whole number), got 'monday'\n"
            "    - {person: Olena, day-off: monday}\n"
            "                               ^");
  EXPECT_EQ(error_of(edit({{47, "  - {person: Piotr, post: Alfa}"}})),
            "bad.yaml:47:27: requests[1].post: expected a post listed under places.posts (Alpha or Bravo), got 'Alfa'; did you mean 'Alpha'?\n"
            "    - {person: Piotr, post: Alfa}\n"
            "                            ^");
  EXPECT_EQ(error_of(edit({{47, "  - {person: Piotr, post: Base}"}})),
            "bad.yaml:47:27: requests[1].post: expected a post listed under places.posts, got 'Base', a rest center\n"
            "    - {person: Piotr, post: Base}\n"
            "                            ^");
  EXPECT_EQ(error_of(edit({{47, "  - {person: Piotr, post: Alpha, from-day: 9}"}})),
            "bad.yaml:47:44: requests[1].from-day: expected a day from 0 to 7, got 9\n"
            "    - {person: Piotr, post: Alpha, from-day: 9}\n"
            "                                             ^");
  EXPECT_EQ(error_of(edit({{47, "  - {person: Piotr, post: Alpha, from-day: 4, to-day: 3}"}})),
            "bad.yaml:47:55: requests[1].to-day: expected a day from from-day (4) on, got 3\n"
            "    - {person: Piotr, post: Alpha, from-day: 4, to-day: 3}\n"
            "                                                        ^");
  EXPECT_EQ(error_of(edit({{46, "  - {person: Olena, day-off: 5, to-day: 6}"}})),
            "bad.yaml:46:41: requests[0].to-day: expected to-day only in a post request, got it in a day-off request\n"
            "    - {person: Olena, day-off: 5, to-day: 6}\n"
            "                                          ^");
  EXPECT_EQ(error_of(edit({{48, "  - {person: John, partner: Piotr, from-day: 1}"}})),
            "bad.yaml:48:46: requests[2].from-day: expected from-day only in a post request, got it in a partner request\n"
            "    - {person: John, partner: Piotr, from-day: 1}\n"
            "                                               ^");
  EXPECT_EQ(error_of(edit({{48, "  - {person: John, partner: John}"}})),
            "bad.yaml:48:29: requests[2].partner: expected someone other than the person who asks, got 'John'\n"
            "    - {person: John, partner: John}\n"
            "                              ^");
  EXPECT_EQ(error_of(edit({{48, "  - {person: John, partner: Jon}"}})),
            "bad.yaml:48:29: requests[2].partner: expected a person listed under 'people', got 'Jon'; did you mean 'John'?\n"
            "    - {person: John, partner: Jon}\n"
            "                              ^");
  EXPECT_EQ(error_of(edit({{48, "  - {person: John, partner: Piotr, weight: -1}"}})),
            "bad.yaml:48:44: requests[2].weight: expected a weight from 0 to 1000000, got -1\n"
            "    - {person: John, partner: Piotr, weight: -1}\n"
            "                                             ^");
  EXPECT_EQ(error_of(edit({{48, "  - {person: John, partner: Piotr, weight: 1.5}"}})),
            "bad.yaml:48:44: requests[2].weight: expected a weight (a whole number), got '1.5'\n"
            "    - {person: John, partner: Piotr, weight: 1.5}\n"
            "                                             ^");
  EXPECT_EQ(error_of(edit({{48, "  - {person: John, partner: Piotr, wieght: 1}"}})),
            "bad.yaml:48:36: requests[2].wieght: expected a field of a request (person, day-off, post, partner, from-day, to-day or weight), got 'wieght'; did you mean 'weight'?\n"
            "    - {person: John, partner: Piotr, wieght: 1}\n"
            "                                     ^");
  EXPECT_EQ(error_of(edit({{48, "  - {person: John, day: 3}"}})),
            "bad.yaml:48:20: requests[2].day: expected a field of a request (person, day-off, post, partner, from-day, to-day or weight), got 'day'; did you mean 'day-off'?\n"
            "    - {person: John, day: 3}\n"
            "                     ^");
}

}  // namespace
}  // namespace vigil
