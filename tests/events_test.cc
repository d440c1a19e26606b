// Unit events (model/events.h, io/events_reader.h): each kind of event applied
// to a small unit, a plan moved onto the changed unit by names, the events
// file and command-line option read, and every error word for word.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "io/events_reader.h"
#include "model/events.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

constexpr int kDay = kMinutesPerDay;
constexpr int kAlpha = 0, kBravo = 1, kBase = 2;

// Alpha and Bravo (posts), Base (rest center); Olena, Piotr and John (away
// from day 2 to day 5 for training); 8 days; a post request for Bravo and one
// for Alpha.
Problem unit() {
  test::UnitBuilder b;
  b.days = 8;
  b.places = {{"Alpha", PlaceKind::kPost, 6, 2, 0},
              {"Bravo", PlaceKind::kPost, 6, 2, 0},
              {"Base", PlaceKind::kRestCenter, 20, 1, 2}};
  b.people = {test::person("Olena", {{"uk", LanguageLevel::kNative}}, Experience::kVeteran, {"medic"}),
              test::person("Piotr", {{"pl", LanguageLevel::kNative}, {"en", LanguageLevel::kFluent}}),
              test::person("John", {{"en", LanguageLevel::kNative}}, Experience::kNone, {"radio"},
                           {Absence{2 * kDay, 5 * kDay, "training"}})};
  Problem p = b.build();
  PersonalRequest bravo;
  bravo.kind = PersonalRequest::Kind::kPost;
  bravo.person = PersonId(1);
  bravo.place = PlaceId(kBravo);
  PersonalRequest alpha = bravo;
  alpha.person = PersonId(0);
  alpha.place = PlaceId(kAlpha);
  PersonalRequest base_partner;
  base_partner.kind = PersonalRequest::Kind::kPartner;
  base_partner.person = PersonId(0);
  base_partner.partner = PersonId(1);
  p.unit->requests = {bravo, alpha, base_partner};
  return p;
}

UnitEvent unavailable(std::string who, int from, int until = Absence::kForever, std::string reason = "") {
  UnitEvent e;
  e.kind = UnitEvent::Kind::kUnavailable;
  e.person = std::move(who);
  e.from_minute = from;
  e.until_minute = until;
  e.reason = std::move(reason);
  return e;
}

UnitEvent available(std::string who, int from) {
  UnitEvent e;
  e.kind = UnitEvent::Kind::kAvailable;
  e.person = std::move(who);
  e.from_minute = from;
  return e;
}

UnitEvent place_event(UnitEvent::Kind kind, std::string place, int from, int beds = 0, int watchers = 2) {
  UnitEvent e;
  e.kind = kind;
  e.place = std::move(place);
  e.from_minute = from;
  e.beds = beds;
  e.watchers = watchers;
  return e;
}

UnitEvent join(std::string name, int from) {
  UnitEvent e;
  e.kind = UnitEvent::Kind::kJoin;
  e.from_minute = from;
  e.joining.name = std::move(name);
  e.joining.unit.nationality = "UA";
  e.joining.unit.languages = {SpokenLanguage{0, LanguageLevel::kNative}};
  e.joining.unit.experience = Experience::kTrained;
  e.joining.unit.skills = 1u;  // medic
  return e;
}

Problem apply_ok(const Problem& p, const std::vector<UnitEvent>& events, int now = 0) {
  auto r = apply_events(p, events, now, "events.yaml");
  if (!r.ok()) {
    ADD_FAILURE() << r.error().format();
    return p;
  }
  return r.value();
}

std::string apply_error(const std::vector<UnitEvent>& events, int now = 0) {
  auto r = apply_events(unit(), events, now, "events.yaml");
  return r.ok() ? std::string("OK") : r.error().format();
}

// ---- applying events ------------------------------------------------------------

TEST(EventsApply, UnavailableAddsAnAbsence) {
  const Problem p = apply_ok(unit(), {unavailable("Olena", 3 * kDay + 480, 5 * kDay, "wounded"),
                                      unavailable("Piotr", 6 * kDay)},
                             3 * kDay + 480);
  ASSERT_EQ(p.people[0].unit.absences.size(), 1u);
  EXPECT_EQ(p.people[0].unit.absences[0].from_minute, 3 * kDay + 480);
  EXPECT_EQ(p.people[0].unit.absences[0].until_minute, 5 * kDay);
  EXPECT_EQ(p.people[0].unit.absences[0].reason, "wounded");
  ASSERT_EQ(p.people[1].unit.absences.size(), 1u);
  EXPECT_EQ(p.people[1].unit.absences[0].until_minute, Absence::kForever);
  EXPECT_FALSE(available_at(p.people[1], 7 * kDay));
  EXPECT_EQ(p.shifts.size(), unit().shifts.size());  // places unchanged: the same shift kinds
}

TEST(EventsApply, AvailableEndsTheAbsenceThatCoversIt) {
  Problem p = apply_ok(unit(), {available("John", 4 * kDay)});
  ASSERT_EQ(p.people[2].unit.absences.size(), 1u);
  EXPECT_EQ(p.people[2].unit.absences[0].from_minute, 2 * kDay);
  EXPECT_EQ(p.people[2].unit.absences[0].until_minute, 4 * kDay);
  EXPECT_TRUE(present_on_day(p.people[2], 4));
  // Back at the very start of the absence: nothing of it is left.
  p = apply_ok(unit(), {available("John", 2 * kDay)});
  EXPECT_TRUE(p.people[2].unit.absences.empty());
  // Away for good, then back on day 6: away from day 3 to day 6 only; the training absence stays.
  p = apply_ok(unit(), {unavailable("John", 5 * kDay), available("John", 6 * kDay)});
  ASSERT_EQ(p.people[2].unit.absences.size(), 2u);
  EXPECT_EQ(p.people[2].unit.absences[1].from_minute, 5 * kDay);
  EXPECT_EQ(p.people[2].unit.absences[1].until_minute, 6 * kDay);
}

TEST(EventsApply, JoinAppendsAPersonAbsentBeforeArriving) {
  const Problem p = apply_ok(unit(), {join("Ivan", 5 * kDay), join("Early", 0)});
  ASSERT_EQ(p.person_count(), 5);
  const Person& ivan = p.people[3];
  EXPECT_EQ(ivan.name, "Ivan");
  EXPECT_EQ(ivan.unit.nationality, "UA");
  EXPECT_TRUE(ivan.unit.has_skill(0));
  ASSERT_EQ(ivan.unit.absences.size(), 1u);
  EXPECT_EQ(ivan.unit.absences[0].from_minute, 0);
  EXPECT_EQ(ivan.unit.absences[0].until_minute, 5 * kDay);
  EXPECT_EQ(ivan.unit.absences[0].reason, "not yet with the unit");
  EXPECT_FALSE(present_on_day(ivan, 4));
  EXPECT_TRUE(present_on_day(ivan, 5));
  EXPECT_TRUE(p.people[4].unit.absences.empty());
  // Events after the join may name the newcomer.
  const Problem q = apply_ok(unit(), {join("Ivan", 5 * kDay), unavailable("Ivan", 6 * kDay)});
  EXPECT_EQ(q.people[3].unit.absences.size(), 2u);
}

TEST(EventsApply, PostAddedGoesAfterTheLastPostAndShiftsAreRebuilt) {
  const Problem before = unit();
  const Problem p = apply_ok(before, {place_event(UnitEvent::Kind::kPostAdded, "Delta", 6 * kDay, 8, 2)});
  ASSERT_EQ(p.places.size(), 4u);
  EXPECT_EQ(p.places[2].name, "Delta");
  EXPECT_EQ(p.places[2].kind, PlaceKind::kPost);
  EXPECT_EQ(p.places[2].capacity, 8);
  EXPECT_EQ(p.places[2].watchers, 2);
  EXPECT_EQ(p.places[2].open_day, 6);  // open from its day on, never before
  EXPECT_EQ(p.places[2].close_day, Place::kNeverCloses);
  EXPECT_FALSE(p.places[2].open_on(5));
  EXPECT_TRUE(p.places[2].open_on(6));
  EXPECT_EQ(p.places[3].name, "Base");
  // A stay and 12 watches more; every shift kind matches a fresh add_unit_shifts().
  EXPECT_EQ(p.shift_count(), before.shift_count() + 13);
  Problem fresh = p;
  fresh.shifts.clear();
  add_unit_shifts(fresh);
  ASSERT_EQ(fresh.shift_count(), p.shift_count());
  for (int s = 0; s < p.shift_count(); ++s) EXPECT_EQ(p.shifts[s].name, fresh.shifts[s].name);
  ASSERT_TRUE(p.find_shift("Delta watch 06:00"));
  EXPECT_EQ(p.shifts[p.find_shift("Delta watch 06:00")->index()].place, PlaceId(2));
  EXPECT_EQ(p.shifts[p.find_shift("Base shower 06:00")->index()].place, PlaceId(3));
  // Requests keep pointing at their posts.
  EXPECT_EQ(p.unit->requests[0].place, PlaceId(kBravo));
  EXPECT_EQ(p.unit->requests[1].place, PlaceId(kAlpha));
}

TEST(EventsApply, PostClosedStaysWithItsShiftsAndRequestsClosedFromItsDay) {
  const Problem before = unit();
  const Problem p = apply_ok(before, {place_event(UnitEvent::Kind::kPostClosed, "Alpha", 6 * kDay)});
  ASSERT_EQ(p.places.size(), 3u);
  EXPECT_EQ(p.places[kAlpha].name, "Alpha");
  EXPECT_EQ(p.places[kAlpha].open_day, 0);
  EXPECT_EQ(p.places[kAlpha].close_day, 6);
  EXPECT_TRUE(p.places[kAlpha].open_on(5));
  EXPECT_FALSE(p.places[kAlpha].open_on(6));
  EXPECT_FALSE(p.places[kAlpha].open_on(7));
  // The shift kinds and requests stay as they were (the request for Alpha counts on its open days).
  ASSERT_EQ(p.shift_count(), before.shift_count());
  for (int s = 0; s < p.shift_count(); ++s) EXPECT_EQ(p.shifts[s].name, before.shifts[s].name);
  ASSERT_EQ(p.unit->requests.size(), 3u);
  EXPECT_EQ(p.unit->requests[1].place, PlaceId(kAlpha));
}

TEST(EventsApply, BedsChangeFromTheirDayOn) {
  const Problem p = apply_ok(unit(), {place_event(UnitEvent::Kind::kBedsChanged, "Base", 4 * kDay, 50),
                                      place_event(UnitEvent::Kind::kBedsChanged, "Alpha", 4 * kDay, 0),
                                      place_event(UnitEvent::Kind::kBedsChanged, "Bravo", 0, 7)});
  EXPECT_EQ(p.places[kBase].capacity, 20);
  ASSERT_EQ(p.places[kBase].beds_changes.size(), 1u);
  EXPECT_EQ(p.places[kBase].beds_changes[0].day, 4);
  EXPECT_EQ(p.places[kBase].beds_changes[0].beds, 50);
  EXPECT_EQ(p.places[kBase].beds_on(3), 20);
  EXPECT_EQ(p.places[kBase].beds_on(4), 50);
  EXPECT_EQ(p.places[kBase].beds_on(7), 50);
  EXPECT_EQ(p.places[kAlpha].beds_on(3), 6);
  EXPECT_EQ(p.places[kAlpha].beds_on(4), 0);  // no limit from day 4
  // From day 0: the beds from the first day.
  EXPECT_EQ(p.places[kBravo].capacity, 7);
  EXPECT_TRUE(p.places[kBravo].beds_changes.empty());
  EXPECT_EQ(p.shift_count(), unit().shift_count());
  // A later event for an earlier day replaces the change it covers; one for a later day adds to it.
  const Problem q = apply_ok(unit(), {place_event(UnitEvent::Kind::kBedsChanged, "Base", 6 * kDay, 30),
                                      place_event(UnitEvent::Kind::kBedsChanged, "Base", 4 * kDay, 50),
                                      place_event(UnitEvent::Kind::kBedsChanged, "Base", 7 * kDay, 10)});
  EXPECT_EQ(q.places[kBase].beds_on(3), 20);
  EXPECT_EQ(q.places[kBase].beds_on(6), 50);
  EXPECT_EQ(q.places[kBase].beds_on(7), 10);
  // A post added from day 6 with beds changed from day 3 (before it opens) has them from its first day.
  const Problem r = apply_ok(unit(), {place_event(UnitEvent::Kind::kPostAdded, "Delta", 6 * kDay, 8),
                                      place_event(UnitEvent::Kind::kBedsChanged, "Delta", 3 * kDay, 4)});
  EXPECT_EQ(r.places[2].capacity, 4);
  EXPECT_TRUE(r.places[2].beds_changes.empty());
}

TEST(EventsApply, TheProblemBeforeIsUnchanged) {
  const Problem before = unit();
  apply_ok(before, {unavailable("Olena", kDay), place_event(UnitEvent::Kind::kPostClosed, "Bravo", kDay)});
  EXPECT_EQ(before.places.size(), 3u);
  EXPECT_TRUE(before.people[0].unit.absences.empty());
}

TEST(EventsApply, EveryErrorWordForWord) {
  const int now = 3 * kDay + 600;  // day 3 16:00
  const std::vector<std::pair<std::vector<UnitEvent>, std::string>> cases = {
      {{unavailable("Olna", 4 * kDay)},
       "events.yaml: events[0].unavailable: expected a person of the unit, got 'Olna'; did you mean 'Olena'?"},
      {{available("Xavier", 4 * kDay)}, "events.yaml: events[0].available: expected a person of the unit, got 'Xavier'"},
      {{unavailable("Olena", 8 * kDay)},
       "events.yaml: events[0].from: expected a time within the horizon (day 0 to day 7 05:59), got day 8"},
      {{unavailable("Olena", 4 * kDay, 4 * kDay)},
       "events.yaml: events[0].until: expected a time after from (day 4), got day 4"},
      {{unavailable("Olena", 4 * kDay, 9 * kDay)},
       "events.yaml: events[0].until: expected a time within the horizon (up to day 8, its end; leave out 'until' "
       "for an absence that lasts past it), got day 9"},
      {{available("Olena", 4 * kDay)}, "events.yaml: events[0].from: expected a time when 'Olena' is away, got day 4"},
      {{join("Piotr", 4 * kDay)},
       "events.yaml: events[0].join.name: expected a name not used by another person, got 'Piotr' a second time"},
      {{join("Ivan", 4 * kDay), join("Ivan", 5 * kDay)},
       "events.yaml: events[1].join.name: expected a name not used by another person, got 'Ivan' a second time"},
      {{place_event(UnitEvent::Kind::kPostClosed, "Alpha", 4 * kDay),
        place_event(UnitEvent::Kind::kPostClosed, "Bravo", 4 * kDay)},
       "events.yaml: events[1].close-post: expected a post other than the last one open on day 4 (a unit keeps at "
       "least one post), got 'Bravo'"},
      // Alpha closed from day 6 and Delta open from day 7: closing Bravo from day 5 leaves day 6 without a post.
      {{place_event(UnitEvent::Kind::kPostClosed, "Alpha", 6 * kDay),
        place_event(UnitEvent::Kind::kPostAdded, "Delta", 7 * kDay, 8),
        place_event(UnitEvent::Kind::kPostClosed, "Bravo", 5 * kDay)},
       "events.yaml: events[2].close-post: expected a post other than the last one open on day 6 (a unit keeps at "
       "least one post), got 'Bravo'"},
      {{place_event(UnitEvent::Kind::kPostAdded, "Delta", 6 * kDay, 8),
        place_event(UnitEvent::Kind::kPostClosed, "Delta", 6 * kDay)},
       "events.yaml: events[1].from: expected a time when 'Delta' is open, after its first day (day 7 to day 7), got "
       "day 6"},
      {{place_event(UnitEvent::Kind::kPostClosed, "Alpha", 5 * kDay),
        place_event(UnitEvent::Kind::kPostClosed, "Alpha", 6 * kDay)},
       "events.yaml: events[1].from: expected a time when 'Alpha' is open, after its first day (day 1 to day 4), got "
       "day 6"},
      {{place_event(UnitEvent::Kind::kPostClosed, "Base", 4 * kDay)},
       "events.yaml: events[0].close-post: expected a post, got 'Base', a rest center"},
      {{place_event(UnitEvent::Kind::kPostClosed, "Bravoo", 4 * kDay)},
       "events.yaml: events[0].close-post: expected a post of the unit (Alpha or Bravo), got 'Bravoo'; did you mean "
       "'Bravo'?"},
      {{place_event(UnitEvent::Kind::kPostAdded, "Base", 4 * kDay, 8)},
       "events.yaml: events[0].add-post: expected a name not used by another place, got 'Base' a second time"},
      {{place_event(UnitEvent::Kind::kPostAdded, "Delta", 4 * kDay, -1)},
       "events.yaml: events[0].beds: expected a number of beds from 0 to 100000, got -1"},
      {{place_event(UnitEvent::Kind::kPostAdded, "Delta", 4 * kDay, 1, 2)},
       "events.yaml: events[0].watchers: expected at most as many watchers as beds (1), got 2 watchers"},
      {{place_event(UnitEvent::Kind::kBedsChanged, "Alpha", 4 * kDay, -1)},
       "events.yaml: events[0].count: expected a number of beds from 0 to 100000, got -1"},
      {{place_event(UnitEvent::Kind::kBedsChanged, "Base", 4 * kDay, 0)},
       "events.yaml: events[0].count: expected a number of beds from 1 to 100000 (a rest center keeps at least one "
       "bed), got 0"},
      {{place_event(UnitEvent::Kind::kBedsChanged, "Alpha", 4 * kDay, 1)},
       "events.yaml: events[0].count: expected at least as many beds as watchers (2), got 1"},
      {{place_event(UnitEvent::Kind::kBedsChanged, "Bse", 4 * kDay, 10)},
       "events.yaml: events[0].beds: expected a place of the unit (Alpha, Bravo or Base), got 'Bse'; did you mean "
       "'Base'?"},
  };
  for (const auto& [events, expected] : cases) EXPECT_EQ(apply_error(events), expected);
  // A time in the past.
  EXPECT_EQ(apply_error({unavailable("Olena", 3 * kDay + 480)}, now),
            "events.yaml: events[0].from: day 3 14:00 is before now (day 3 16:00)");
  EXPECT_EQ(apply_error({unavailable("Olena", 4 * kDay), place_event(UnitEvent::Kind::kBedsChanged, "Base", 2 * kDay, 5)}, now),
            "events.yaml: events[1].from: day 2 is before now (day 3 16:00)");
  // Exactly now is allowed: someone wounded at this moment.
  EXPECT_EQ(apply_error({unavailable("Olena", now)}, now), "OK");
}

// ---- moving a plan -------------------------------------------------------------------

TEST(EventsRemap, KeepsEveryCellOfThePeopleAndPlacesThatRemain) {
  const Problem before = unit();
  test::UnitRosterWriter w(before);
  for (int d = 0; d < 8; ++d) {
    w.place(0, d, d < 4 ? kAlpha : kBase);
    w.place(1, d, kBravo);
    if (d < 2 || d > 4) w.place(2, d, kBase);
  }
  w.watches(0, 1, {0, 1, 5}, kAlpha);
  w.watches(1, 1, {2, 3}, kBravo);
  w.watch(2, 0, 4, kBase);
  w.shower(0, 5, 3, kBase);
  w.shower(2, 6, 7, kBase);
  // Bravo closes from day 4 but stays a place: Piotr's days there, before
  // and after, move with the plan (the repair moves him off it).
  const Problem after = apply_ok(before, {place_event(UnitEvent::Kind::kPostClosed, "Bravo", 4 * kDay),
                                          place_event(UnitEvent::Kind::kPostAdded, "Delta", 4 * kDay, 8),
                                          join("Ivan", 4 * kDay)});
  const Roster moved = remap_roster(before, w.roster, after);
  ASSERT_EQ(moved.people(), 4);
  ASSERT_EQ(moved.days(), 8);
  ASSERT_EQ(moved.lanes(), w.roster.lanes());
  for (int q : {0, 1, 2})
    for (int d = 0; d < 8; ++d)
      for (int lane = 0; lane < moved.lanes(); ++lane) {
        const ShiftCode a = w.roster.at(q, d, lane);
        const ShiftCode b = moved.at(q, d, lane);
        ASSERT_EQ(a == kOff, b == kOff) << q << " " << d << " " << lane;
        if (a != kOff) {
          EXPECT_EQ(before.shifts[a].name, after.shifts[b].name);
        }
      }
  for (int d = 0; d < 8; ++d)
    for (int lane = 0; lane < moved.lanes(); ++lane) EXPECT_EQ(moved.at(3, d, lane), kOff);  // Ivan is new
  // Unchanged problem: the same roster.
  EXPECT_EQ(remap_roster(before, w.roster, before), w.roster);
}

TEST(EventsRemap, FollowsPeopleByName) {
  const Problem before = unit();
  Problem reordered = before;
  std::swap(reordered.people[0], reordered.people[1]);
  test::UnitRosterWriter w(before);
  w.place(0, 0, kAlpha);
  w.watch(0, 0, 3, kAlpha);
  const Roster moved = remap_roster(before, w.roster, reordered);
  EXPECT_EQ(moved.at(1, 0, 0), w.roster.at(0, 0, 0));
  EXPECT_EQ(moved.at(1, 0, 4), w.roster.at(0, 0, 4));
  EXPECT_EQ(moved.at(0, 0, 0), kOff);
}

TEST(EventsRemap, KeepsTheTransfersOfAnEarlierRepair) {
  // Olena moved from Alpha to Base at day 2 14:00, Piotr into Bravo from
  // nowhere at day 3 10:00; the plan moved onto a reordered unit keeps both,
  // with the people and the place they came from found by name.
  const Problem before = unit();
  Problem reordered = before;
  std::swap(reordered.people[0], reordered.people[1]);
  test::UnitRosterWriter w(before);
  w.place(0, 2, kBase);
  w.place(1, 3, kBravo);
  const UnitLayout L = make_unit_layout(before);
  w.roster.set_transfer({0, 2, 2 * kDay + 480, L.stay_shift[kAlpha]});
  w.roster.set_transfer({1, 3, 3 * kDay + 240, kOff});
  const Roster moved = remap_roster(before, w.roster, reordered);
  const UnitLayout M = make_unit_layout(reordered);
  EXPECT_EQ(moved.transfers(), (std::vector<Transfer>{{0, 3, 3 * kDay + 240, kOff},
                                                      {1, 2, 2 * kDay + 480, M.stay_shift[kAlpha]}}));
  EXPECT_EQ(remap_roster(before, w.roster, before), w.roster);
  // A transfer from a post closed since keeps where it came from (a closed
  // post stays a place); from a place the unit no longer has, it comes from nowhere.
  const Problem closed = apply_ok(before, {place_event(UnitEvent::Kind::kPostClosed, "Alpha", 4 * kDay)});
  ASSERT_NE(remap_roster(before, w.roster, closed).transfer(0, 2), nullptr);
  EXPECT_EQ(remap_roster(before, w.roster, closed).transfer(0, 2)->earlier, L.stay_shift[kAlpha]);
  Problem without = before;
  without.places.erase(without.places.begin() + kAlpha);
  without.unit->requests.clear();
  without.shifts.clear();
  add_unit_shifts(without);
  ASSERT_NE(remap_roster(before, w.roster, without).transfer(0, 2), nullptr);
  EXPECT_EQ(remap_roster(before, w.roster, without).transfer(0, 2)->earlier, kOff);
}

// ---- the events file ---------------------------------------------------------------

const std::vector<std::string>& base_lines() {
  static const std::vector<std::string> lines = {
      "events:",                                                                                   // 1
      "  - {unavailable: Olena, from: \"day 3 14:00\", until: \"day 5\", reason: wounded}",        // 2
      "  - {available: John, from: \"day 4\"}",                                                    // 3
      "  - join: {name: Ivan, nationality: UA, languages: {uk: native, en: basic}, experience: veteran, skills: [medic]}",  // 4
      "    from: \"day 5\"",                                                                       // 5
      "  - {add-post: Delta, beds: 6, watchers: 2, from: \"day 6\"}",                              // 6
      "  - {close-post: Bravo, from: \"day 6\"}",                                                  // 7
      "  - {beds: Base, count: 50, from: \"day 4\"}",                                              // 8
      "  - {unavailable: Ivan, from: \"day 7 02:00\", reason: sent home}",                         // 9
  };
  return lines;
}

std::string edit(const std::vector<std::pair<int, std::string>>& changes) {
  auto l = base_lines();
  for (const auto& [n, text] : changes) l.at(static_cast<std::size_t>(n - 1)) = text;
  std::string out;
  for (const auto& s : l) out += s + "\n";
  return out;
}

std::string read_error(const std::string& text) {
  auto r = parse_events(text, "events.yaml", unit());
  return r.ok() ? std::string("OK") : r.error().format();
}

TEST(EventsReader, ReadsEveryKind) {
  const Problem p = unit();
  auto r = parse_events(edit({}), "events.yaml", p);
  ASSERT_TRUE(r.ok()) << r.error().format();
  const auto& e = r.value();
  ASSERT_EQ(e.size(), 7u);
  EXPECT_EQ(e[0].kind, UnitEvent::Kind::kUnavailable);
  EXPECT_EQ(e[0].person, "Olena");
  EXPECT_EQ(e[0].from_minute, 3 * kDay + 480);
  EXPECT_EQ(e[0].until_minute, 5 * kDay);
  EXPECT_EQ(e[0].reason, "wounded");
  EXPECT_EQ(e[1].kind, UnitEvent::Kind::kAvailable);
  EXPECT_EQ(e[1].person, "John");
  EXPECT_EQ(e[1].from_minute, 4 * kDay);
  EXPECT_EQ(e[2].kind, UnitEvent::Kind::kJoin);
  EXPECT_EQ(e[2].from_minute, 5 * kDay);
  EXPECT_EQ(e[2].joining.name, "Ivan");
  EXPECT_EQ(e[2].joining.unit.nationality, "UA");
  ASSERT_EQ(e[2].joining.unit.languages.size(), 2u);
  EXPECT_EQ(e[2].joining.unit.languages[0].language, 0);
  EXPECT_EQ(e[2].joining.unit.languages[0].level, LanguageLevel::kNative);
  EXPECT_EQ(e[2].joining.unit.languages[1].language, 1);
  EXPECT_EQ(e[2].joining.unit.languages[1].level, LanguageLevel::kBasic);
  EXPECT_EQ(e[2].joining.unit.experience, Experience::kVeteran);
  EXPECT_EQ(e[2].joining.unit.skills, 1u);
  EXPECT_EQ(e[3].kind, UnitEvent::Kind::kPostAdded);
  EXPECT_EQ(e[3].place, "Delta");
  EXPECT_EQ(e[3].beds, 6);
  EXPECT_EQ(e[3].watchers, 2);
  EXPECT_EQ(e[3].from_minute, 6 * kDay);
  EXPECT_EQ(e[4].kind, UnitEvent::Kind::kPostClosed);
  EXPECT_EQ(e[4].place, "Bravo");
  EXPECT_EQ(e[5].kind, UnitEvent::Kind::kBedsChanged);
  EXPECT_EQ(e[5].place, "Base");
  EXPECT_EQ(e[5].beds, 50);
  EXPECT_EQ(e[6].person, "Ivan");
  EXPECT_EQ(e[6].from_minute, 7 * kDay + 1200);  // 02:00 is the night after day 7
  EXPECT_EQ(e[6].until_minute, Absence::kForever);
  // Defaults of add-post.
  auto d = parse_events("events:\n  - {add-post: Delta, from: day 6}\n", "e.yaml", p);
  ASSERT_TRUE(d.ok()) << d.error().format();
  EXPECT_EQ(d.value()[0].beds, 8);
  EXPECT_EQ(d.value()[0].watchers, 2);
  // The whole file applies.
  const Problem after = apply_ok(p, e, 3 * kDay + 480);
  EXPECT_EQ(after.person_count(), 4);
  ASSERT_EQ(after.places.size(), 4u);  // Bravo stays, closed from day 6
  EXPECT_EQ(after.places[kBravo].close_day, 6);
  EXPECT_EQ(after.places[2].name, "Delta");
  EXPECT_EQ(after.places[2].open_day, 6);
  EXPECT_EQ(after.places[3].beds_on(4), 50);
}

TEST(EventsReader, ReadEventsFromAFile) {
  auto missing = read_events("/nonexistent/events.yaml", unit());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().format(), "/nonexistent/events.yaml: cannot open the file for reading");
}

TEST(EventsReader, EveryErrorWordForWord) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "events.yaml: expected an events file (a map with a list of events), got nothing"},
      {"- a\n", "events.yaml:1:1: expected an events file (a map with a list of events), got a list\n  - a\n  ^"},
      {"event: []\n",
       "events.yaml:1:1: event: expected a field of the events file (events), got 'event'; did you mean 'events'?\n"
       "  event: []\n  ^"},
      {"events:\n", "events.yaml:1:1: events: expected a list of events, got nothing\n  events:\n  ^"},
      {"events: []\n", "events.yaml:1:9: events: expected at least one event, got none\n  events: []\n          ^"},
      {"events: {a: 1}\n", "events.yaml:1:9: events: expected a list of events, got a map\n  events: {a: 1}\n          ^"},
      {"events:\n  - [a\n",
       "events.yaml:2:7: expected valid YAML, got a syntax error: end of sequence flow not found; a '[' is not closed "
       "by ']'\n    - [a\n        ^"},
      {"events:\n  - x\n---\nb: 1\n",
       "events.yaml:4:1: expected one events file, got a second YAML document (after '---')\n  b: 1\n  ^"},
      {"events:\n  - x\n", "events.yaml:2:5: events[0]: expected an event (a map of fields), got 'x'\n    - x\n      ^"},
      {edit({{2, "  - {unavailabel: Olena, from: \"day 3 14:00\"}"}}),
       "events.yaml:2:6: events[0].unavailabel: expected a field of an event (unavailable, available, join, "
       "add-post, close-post, beds, from, until, reason, count, watchers or reported), got 'unavailabel'; did you mean "
       "'unavailable'?\n    - {unavailabel: Olena, from: \"day 3 14:00\"}\n       ^"},
      {edit({{2, "  - {unavailable: Olena, from: \"day 3 14:00\", from: day 4}"}}),
       "events.yaml:2:47: events[0].from: expected each field once, got 'from' a second time\n"
       "    - {unavailable: Olena, from: \"day 3 14:00\", from: day 4}\n                                                ^"},
      {edit({{2, "  - {from: \"day 3 14:00\"}"}}),
       "events.yaml:2:5: events[0]: expected one of unavailable, available, join, add-post, close-post or beds in an "
       "event, got none\n    - {from: \"day 3 14:00\"}\n      ^"},
      {edit({{2, "  - {unavailable: Olena, available: Olena, from: day 3}"}}),
       "events.yaml:2:37: events[0].available: expected only one of unavailable, available, join, add-post, "
       "close-post or beds in an event, got a second one\n"
       "    - {unavailable: Olena, available: Olena, from: day 3}\n                                      ^"},
      {edit({{3, "  - {available: John, from: \"day 4\", until: day 5}"}}),
       "events.yaml:3:38: events[1].until: expected a field of an available event (available, from or reported), got 'until'\n"
       "    - {available: John, from: \"day 4\", until: day 5}\n                                       ^"},
      {edit({{8, "  - {beds: Base, watchers: 2, from: \"day 4\"}"}}),
       "events.yaml:8:18: events[5].watchers: expected a field of a beds event (beds, count, from or reported), got "
       "'watchers'\n    - {beds: Base, watchers: 2, from: \"day 4\"}\n                   ^"},
      {edit({{2, "  - {unavailable: Olna, from: \"day 3 14:00\"}"}}),
       "events.yaml:2:19: events[0].unavailable: expected a person of the unit, got 'Olna'; did you mean 'Olena'?\n"
       "    - {unavailable: Olna, from: \"day 3 14:00\"}\n                    ^"},
      {edit({{2, "  - {unavailable: [Olena], from: \"day 3 14:00\"}"}}),
       "events.yaml:2:19: events[0].unavailable: expected a person's name, got a list\n"
       "    - {unavailable: [Olena], from: \"day 3 14:00\"}\n                    ^"},
      {edit({{2, "  - {unavailable: Olena}"}}),
       "events.yaml:2:5: events[0].from: expected the time of the event (like 'day 3 14:00' or 'day 3'), got "
       "nothing\n    - {unavailable: Olena}\n      ^"},
      {edit({{2, "  - {unavailable: Olena, from: \"3 14:00\"}"}}),
       "events.yaml:2:32: events[0].from: expected the time of the event (a time like 'day 3 14:00' or 'day 3'), "
       "got '3 14:00'\n    - {unavailable: Olena, from: \"3 14:00\"}\n                                 ^"},
      {edit({{2, "  - {unavailable: Olena, from: day 8}"}}),
       "events.yaml:2:32: events[0].from: expected a time within the horizon (day 0 to day 7 05:59), got 'day 8'\n"
       "    - {unavailable: Olena, from: day 8}\n                                 ^"},
      {edit({{2, "  - {unavailable: Olena, from: day 3, until: day 9}"}}),
       "events.yaml:2:46: events[0].until: expected a time within the horizon (up to day 8, its end; leave out "
       "'until' for an absence that lasts past it), got 'day 9'\n"
       "    - {unavailable: Olena, from: day 3, until: day 9}\n                                               ^"},
      {edit({{2, "  - {unavailable: Olena, from: day 3, until: day 3}"}}),
       "events.yaml:2:46: events[0].until: expected a time after from (day 3), got 'day 3'\n"
       "    - {unavailable: Olena, from: day 3, until: day 3}\n                                               ^"},
      {edit({{2, "  - {unavailable: Olena, from: day 3, reason: }"}}),
       "events.yaml:2:39: events[0].reason: expected a reason (text), got nothing\n"
       "    - {unavailable: Olena, from: day 3, reason: }\n                                        ^"},
      {edit({{4, "  - join: {name: Olena, languages: {uk: native}}"}}),
       "events.yaml:4:18: events[2].join.name: expected a name not used by another person, got 'Olena' a second "
       "time\n    - join: {name: Olena, languages: {uk: native}}\n                   ^"},
      {edit({{4, "  - join: {name: Ivan}"}}),
       "events.yaml:4:11: events[2].join.languages: expected the person's languages (like {uk: native, en: basic}), "
       "got nothing\n    - join: {name: Ivan}\n            ^"},
      {edit({{4, "  - join: {name: Ivan, languages: {}}"}}),
       "events.yaml:4:35: events[2].join.languages: expected at least one language (like {uk: native}), got none\n"
       "    - join: {name: Ivan, languages: {}}\n                                    ^"},
      {edit({{4, "  - join: {name: Ivan, languages: {ukr: native}}"}}),
       "events.yaml:4:36: events[2].join.languages.ukr: expected a language listed under 'languages' (uk, en, pl, "
       "es, pt or ja), got 'ukr'; did you mean 'uk'?\n"
       "    - join: {name: Ivan, languages: {ukr: native}}\n                                     ^"},
      {edit({{4, "  - join: {name: Ivan, languages: {uk: nativ}}"}}),
       "events.yaml:4:40: events[2].join.languages.uk: expected a level (native, fluent or basic), got 'nativ'; did "
       "you mean 'native'?\n    - join: {name: Ivan, languages: {uk: nativ}}\n                                         ^"},
      {edit({{4, "  - join: {name: Ivan, languages: {uk: native, uk: basic}}"}}),
       "events.yaml:4:48: events[2].join.languages.uk: expected each language once, got 'uk' a second time\n"
       "    - join: {name: Ivan, languages: {uk: native, uk: basic}}\n                                                 ^"},
      {edit({{4, "  - join: {name: Ivan, languages: {uk: native}, experience: veteren}"}}),
       "events.yaml:4:61: events[2].join.experience: expected an experience (none, trained or veteran), got "
       "'veteren'; did you mean 'veteran'?\n"
       "    - join: {name: Ivan, languages: {uk: native}, experience: veteren}\n"
       "                                                              ^"},
      {edit({{4, "  - join: {name: Ivan, languages: {uk: native}, skills: [medik]}"}}),
       "events.yaml:4:58: events[2].join.skills[0]: expected a skill listed under 'skills' (medic, radio or "
       "team-leader), got 'medik'; did you mean 'medic'?\n"
       "    - join: {name: Ivan, languages: {uk: native}, skills: [medik]}\n"
       "                                                           ^"},
      {edit({{4, "  - join: {name: Ivan, languages: {uk: native}, skills: [medic, medic]}"}}),
       "events.yaml:4:65: events[2].join.skills[1]: expected each skill once, got 'medic' a second time\n"
       "    - join: {name: Ivan, languages: {uk: native}, skills: [medic, medic]}\n"
       "                                                                  ^"},
      {edit({{4, "  - join: {name: Ivan, languages: {uk: native}, rank: private}"}}),
       "events.yaml:4:49: events[2].join.rank: expected a field of a person (name, nationality, languages, "
       "experience or skills), got 'rank'\n"
       "    - join: {name: Ivan, languages: {uk: native}, rank: private}\n"
       "                                                  ^"},
      {edit({{6, "  - {add-post: Alpha, from: \"day 6\"}"}}),
       "events.yaml:6:16: events[3].add-post: expected a name not used by another place, got 'Alpha' a second time\n"
       "    - {add-post: Alpha, from: \"day 6\"}\n                 ^"},
      {edit({{6, "  - {add-post: Delta, beds: -1, from: \"day 6\"}"}}),
       "events.yaml:6:29: events[3].beds: expected a number of beds from 0 to 100000, got -1\n"
       "    - {add-post: Delta, beds: -1, from: \"day 6\"}\n                              ^"},
      {edit({{6, "  - {add-post: Delta, beds: 1, from: \"day 6\"}"}}),
       "events.yaml:6:29: events[3].beds: expected at most as many watchers as beds (1), got 2 watchers\n"
       "    - {add-post: Delta, beds: 1, from: \"day 6\"}\n                              ^"},
      {edit({{6, "  - {add-post: Delta, watchers: many, from: \"day 6\"}"}}),
       "events.yaml:6:33: events[3].watchers: expected a number of watchers (a whole number), got 'many'\n"
       "    - {add-post: Delta, watchers: many, from: \"day 6\"}\n                                  ^"},
      {edit({{7, "  - {close-post: Base, from: \"day 6\"}"}}),
       "events.yaml:7:18: events[4].close-post: expected a post, got 'Base', a rest center\n"
       "    - {close-post: Base, from: \"day 6\"}\n                   ^"},
      {edit({{7, "  - {close-post: Charlie, from: \"day 6\"}"}}),
       "events.yaml:7:18: events[4].close-post: expected a post of the unit (Alpha, Bravo or Delta), got 'Charlie'\n"
       "    - {close-post: Charlie, from: \"day 6\"}\n                   ^"},
      {edit({{8, "  - {beds: Bravo, count: 3, from: \"day 6\"}"}}),
       "events.yaml:8:12: events[5].beds: expected a place of the unit (Alpha, Base or Delta), got 'Bravo'\n"
       "    - {beds: Bravo, count: 3, from: \"day 6\"}\n             ^"},
      {edit({{8, "  - {beds: Base, count: 0, from: \"day 4\"}"}}),
       "events.yaml:8:25: events[5].count: expected a number of beds from 1 to 100000, got 0\n"
       "    - {beds: Base, count: 0, from: \"day 4\"}\n                          ^"},
      {edit({{8, "  - {beds: Alpha, count: -1, from: \"day 4\"}"}}),
       "events.yaml:8:26: events[5].count: expected a number of beds from 0 to 100000, got -1\n"
       "    - {beds: Alpha, count: -1, from: \"day 4\"}\n                           ^"},
      {edit({{8, "  - {beds: Base, from: \"day 4\"}"}}),
       "events.yaml:8:5: events[5].count: expected the number of beds (a whole number), got nothing\n"
       "    - {beds: Base, from: \"day 4\"}\n      ^"},
      {edit({{6, "  - {add-post: Delta, from: \"day 6 12:00\"}"}}),
       "events.yaml:6:29: events[3].from: expected a changeover like 'day 7' (a place opens, closes and changes its "
       "beds when everyone moves, at a changeover), got 'day 6 12:00'\n"
       "    - {add-post: Delta, from: \"day 6 12:00\"}\n                              ^"},
      {edit({{7, "  - {close-post: Bravo, from: day 5 23:00}"}}),
       "events.yaml:7:31: events[4].from: expected a changeover like 'day 6' (a place opens, closes and changes its "
       "beds when everyone moves, at a changeover), got 'day 5 23:00'\n"
       "    - {close-post: Bravo, from: day 5 23:00}\n                                ^"},
      {edit({{7, "  - {close-post: Bravo, from: \"day 6\"}"}, {8, "  - {add-post: Bravo, from: \"day 7\"}"}}),
       "events.yaml:8:16: events[5].add-post: expected a name not used by another place, got 'Bravo' a second time\n"
       "    - {add-post: Bravo, from: \"day 7\"}\n                 ^"},
      {edit({{9, "  - {unavailable: Ivann, from: day 7}"}}),
       "events.yaml:9:19: events[6].unavailable: expected a person of the unit, got 'Ivann'; did you mean 'Ivan'?\n"
       "    - {unavailable: Ivann, from: day 7}\n                    ^"},
      // yaml-cpp 0.7 loops for ever on a ',' outside brackets after a document's top value.
      {",", "events.yaml:1:1: expected valid YAML, got a syntax error: unexpected ','; a ',' separates items only "
            "inside [ ] or { }\n  ,\n  ^"},
      {"events:\n\t- x\n",
       "events.yaml:2:2: expected valid YAML, got a syntax error: illegal block entry; indent with spaces, not tabs\n"
       "  \t- x\n   ^"},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(read_error(text), expected) << text;
}

TEST(EventsReader, AppliedFileErrorsNameTheEvent) {
  auto r = parse_events(edit({}), "events.yaml", unit());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(apply_events(unit(), r.value(), 4 * kDay, "events.yaml").error().format(),
            "events.yaml: events[0].from: day 3 14:00 is before now (day 4)");
}

// ---- the command-line option ----------------------------------------------------------

TEST(EventsOption, ReadsEachForm) {
  const Problem p = unit();
  auto a = parse_event_option("unavailable:Olena@day 3 14:00", p);
  ASSERT_TRUE(a.ok()) << a.error().format();
  EXPECT_EQ(a.value().kind, UnitEvent::Kind::kUnavailable);
  EXPECT_EQ(a.value().person, "Olena");
  EXPECT_EQ(a.value().from_minute, 3 * kDay + 480);
  EXPECT_EQ(a.value().until_minute, Absence::kForever);
  auto b = parse_event_option("unavailable:Olena@day 3 14:00..day 5", p);
  ASSERT_TRUE(b.ok()) << b.error().format();
  EXPECT_EQ(b.value().until_minute, 5 * kDay);
  auto c = parse_event_option("available:John@day 4", p);
  ASSERT_TRUE(c.ok()) << c.error().format();
  EXPECT_EQ(c.value().kind, UnitEvent::Kind::kAvailable);
  EXPECT_EQ(c.value().from_minute, 4 * kDay);
}

TEST(EventsOption, EveryErrorWordForWord) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Olena@day 3",
       "event 'Olena@day 3': expected unavailable:NAME@TIME, unavailable:NAME@TIME..TIME or available:NAME@TIME, "
       "got 'Olena@day 3'"},
      {"unavailabel:Olena@day 3",
       "event 'unavailabel:Olena@day 3': expected an event (unavailable or available), got 'unavailabel'; did you "
       "mean 'unavailable'?"},
      {"unavailable:Olena", "event 'unavailable:Olena': expected NAME@TIME after 'unavailable:', got 'Olena'"},
      {"unavailable:@day 3", "event 'unavailable:@day 3': expected a person's name before '@', got ''"},
      {"unavailable:Olna@day 3",
       "event 'unavailable:Olna@day 3': expected a person of the unit, got 'Olna'; did you mean 'Olena'?"},
      {"unavailable:Olena@3 14:00",
       "event 'unavailable:Olena@3 14:00': expected a time like 'day 3 14:00' or 'day 3', got '3 14:00'"},
      {"unavailable:Olena@day 9",
       "event 'unavailable:Olena@day 9': expected a time within the horizon (day 0 to day 7 05:59), got 'day 9'"},
      {"unavailable:Olena@day 3..day 9",
       "event 'unavailable:Olena@day 3..day 9': expected a time within the horizon (up to day 8, its end; leave out "
       "'until' for an absence that lasts past it), got 'day 9'"},
      {"unavailable:Olena@day 3..tomorrow",
       "event 'unavailable:Olena@day 3..tomorrow': expected a time like 'day 3 14:00' or 'day 3', got 'tomorrow'"},
      {"unavailable:Olena@day 3 14:00..day 3",
       "event 'unavailable:Olena@day 3 14:00..day 3': expected a time after from (day 3 14:00), got 'day 3'"},
      {"available:John@day 4..day 5",
       "event 'available:John@day 4..day 5': expected one time after '@' (available has no end), got 'day 4..day 5'"},
  };
  for (const auto& [text, expected] : cases) {
    auto r = parse_event_option(text, unit());
    EXPECT_EQ(r.ok() ? std::string("OK") : r.error().format(), expected) << text;
  }
}

}  // namespace
}  // namespace vigil
