// The calendars as a phone sees them: every file read back with libical's
// parser (METHOD, each VEVENT's UID, SEQUENCE, STATUS, DTSTART, DTEND), UIDs
// unique within a plan and the same across versions for an unchanged duty,
// and a round trip: a simulated phone that imported a person's calendar of
// the old plan and then the repair's people/<slug>.ics holds exactly the
// duties of the new plan's own calendar for that person. On a small unit
// built by hand, and on a real repair of examples/unit-64.yaml.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <libical/ical.h>
#include <unistd.h>

#include "base/files.h"
#include "eval/evaluation.h"
#include "io/scenario_reader.h"
#include "report/change_report.h"
#include "report/person_schedule.h"
#include "report/report_support.h"
#include "report/unit_outputs.h"
#include "solve/repair.h"
#include "solve/solver.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;

// One VEVENT as read back; everything but DTSTAMP, which is the time of writing.
struct Event {
  std::string uid, status, start, end, summary, location, description, transp;
  int sequence = -1;
  friend bool operator==(const Event&, const Event&) = default;
  friend void PrintTo(const Event& e, std::ostream* os) {
    *os << e.uid << " " << e.status << " " << e.sequence << " " << e.start << "-" << e.end << " " << e.summary << " | "
        << e.description;
  }
};

struct Calendar {
  std::string method, name, x_wr_calname;
  std::vector<Event> events;  // in the file's order
};

std::string text_of(icalproperty* p) { return p ? icalproperty_get_value_as_string(p) : std::string(); }

// Reads an .ics text with libical's parser; fails the test on a parse error.
Calendar parse_calendar(const std::string& ics) {
  Calendar out;
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  EXPECT_NE(cal, nullptr);
  if (!cal) return out;
  EXPECT_EQ(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_count_errors(cal), 0);
  if (icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY))
    out.method = icalproperty_method_to_string(icalcomponent_get_method(cal));
  out.name = text_of(icalcomponent_get_first_property(cal, ICAL_NAME_PROPERTY));
  for (icalproperty* p = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(cal, ICAL_X_PROPERTY))
    if (std::string(icalproperty_get_x_name(p)) == "X-WR-CALNAME") out.x_wr_calname = icalproperty_get_x(p);
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    Event e;
    e.uid = icalcomponent_get_uid(ev);
    if (icalproperty* s = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY)) e.sequence = icalproperty_get_sequence(s);
    e.status = text_of(icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY));
    e.start = icaltime_as_ical_string(icalcomponent_get_dtstart(ev));
    e.end = icaltime_as_ical_string(icalcomponent_get_dtend(ev));
    e.summary = icalcomponent_get_summary(ev);
    e.location = icalcomponent_get_location(ev);
    e.description = text_of(icalcomponent_get_first_property(ev, ICAL_DESCRIPTION_PROPERTY));
    e.transp = text_of(icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY));
    EXPECT_TRUE(icalcomponent_get_first_property(ev, ICAL_DTSTAMP_PROPERTY) != nullptr) << e.uid;
    out.events.push_back(std::move(e));
  }
  icalcomponent_free(cal);
  return out;
}

// A phone's calendar: events by UID. Importing a file applies each event
// whose SEQUENCE is at least the one held (RFC 5546: a lower SEQUENCE is an
// old version), deleting the event on STATUS:CANCELLED.
struct Phone {
  std::map<std::string, Event> held;

  void import(const std::string& ics) {
    for (const Event& e : parse_calendar(ics).events) {
      auto it = held.find(e.uid);
      if (it != held.end() && e.sequence < it->second.sequence) continue;
      if (e.status == "CANCELLED")
        held.erase(e.uid);
      else
        held[e.uid] = e;
    }
  }
};

std::map<std::string, Event> by_uid(const Calendar& cal) {
  std::map<std::string, Event> out;
  for (const Event& e : cal.events) EXPECT_TRUE(out.emplace(e.uid, e).second) << "UID twice: " << e.uid;
  return out;
}

std::set<std::string> cancelled_uids(const Calendar& cal) {
  std::set<std::string> out;
  for (const Event& e : cal.events)
    if (e.status == "CANCELLED") out.insert(e.uid);
  return out;
}

constexpr int kPost1 = 0, kRest = 1, kPost2 = 2;
const CalendarDate kDay0{2026, 1, 5};  // a Monday
const char* kStamp = "20260101T000000Z";

// Four days of 2-hour watches (06:00 changeover, slot s starts at 06:00 + 2s
// h) at post-1, rest and post-2; 30-minute showers from 06:00 (slot 17 is
// 14:30). Dee is wounded from day 3.
Problem small_unit() {
  test::UnitBuilder b;
  b.places.push_back({"post-2", PlaceKind::kPost, 8, 2, 0});
  b.people = {person("Ana Lima"), person("Bo"), person("Cy"),
              person("Dee", {{"en", LanguageLevel::kFluent}}, Experience::kTrained, {},
                     {Absence{3 * kMinutesPerDay, Absence::kForever, "wounded"}}),
              person("Eve")};
  return b.build();
}

Roster plan_before(const Problem& p) {
  test::UnitRosterWriter w(p);
  w.place_days(0, 0, 1, kPost1);  // Ana
  w.watch(0, 1, 4, kPost1);
  w.place_days(0, 2, 3, kRest);
  w.shower(0, 2, 17, kRest);
  w.place_days(1, 0, 1, kPost1);  // Bo
  w.watch(1, 1, 5, kPost1);
  w.place_days(1, 2, 3, kRest);
  w.place_days(2, 0, 1, kRest);   // Cy
  w.place_days(2, 2, 3, kPost1);
  w.watch(2, 2, 0, kPost1);
  w.place_days(3, 0, 3, kRest);   // Dee
  w.watch(3, 3, 2, kRest);
  w.place_days(4, 0, 3, kPost2);  // Eve
  w.watch(4, 1, 4, kPost2);
  return w.roster;
}

Roster plan_after(const Problem& p) {
  test::UnitRosterWriter w(p);
  w.roster = plan_before(p);
  w.no_watch(0, 1, 4);        // Ana's watch on day 1 moves from 14:00 to 20:00 (another duty),
  w.watch(0, 1, 7, kPost1);
  w.shower(0, 2, 20, kRest);  // her shower on day 2 from 14:30 to 16:00 (the same duty, moved);
  w.watch(1, 1, 5, kPost2);   // Bo's 16:00 watch on day 1 is at post-2 instead of post-1,
  w.place(1, 3, kPost2);      // and he goes to post-2 on day 3 (his stay at rest shortens);
  w.no_watch(2, 2, 0);        // Cy loses the 06:00 watch on day 2;
  w.unplace(3, 3);            // Dee is wounded on day 3: no place, no guard.
  w.no_watch(3, 3, 2);
  return w.roster;            // Eve's schedule does not change.
}

TEST(Calendar, AFullScheduleIsPublishedWithStableUidsAndItsSequence) {
  const Problem p = small_unit();
  const Calendar bo = parse_calendar(person_schedule_ics(p, plan_after(p), 1, kDay0, kStamp, 3));
  EXPECT_EQ(bo.method, "PUBLISH");
  EXPECT_EQ(bo.name, "Bo (test-unit)");
  EXPECT_EQ(bo.x_wr_calname, "Bo (test-unit)");
  struct Expect {
    const char *uid, *start, *end, *summary, *transp;
  };
  const std::vector<Expect> expected = {
      {"stay-day0-post-1.bo@test-unit.vigil", "20260105", "20260107", "At post-1", "TRANSPARENT"},
      {"stay-day2-rest.bo@test-unit.vigil", "20260107", "20260108", "At rest", "TRANSPARENT"},
      {"stay-day3-post-2.bo@test-unit.vigil", "20260108", "20260109", "At post-2", "TRANSPARENT"},
      {"watch-day1-slot5-post-2.bo@test-unit.vigil", "20260106T160000", "20260106T180000", "Watch at post-2", "OPAQUE"},
  };
  ASSERT_EQ(bo.events.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Event& e = bo.events[i];
    EXPECT_EQ(e.uid, expected[i].uid);
    EXPECT_EQ(e.start, expected[i].start) << e.uid;
    EXPECT_EQ(e.end, expected[i].end) << e.uid;
    EXPECT_EQ(e.summary, expected[i].summary) << e.uid;
    EXPECT_EQ(e.transp, expected[i].transp) << e.uid;
    EXPECT_EQ(e.sequence, 3) << e.uid;
    EXPECT_EQ(e.status, "CONFIRMED") << e.uid;
  }
  // A first plan is version 0, and SEQUENCE is written even then.
  for (const Event& e : parse_calendar(person_schedule_ics(p, plan_after(p), 1, kDay0, kStamp)).events)
    EXPECT_EQ(e.sequence, 0) << e.uid;
}

TEST(Calendar, NoTwoDutiesOfAPlanShareAUid) {
  const Problem p = small_unit();
  for (const auto& [plan, duties] : {std::pair{plan_before(p), 14u}, std::pair{plan_after(p), 13u}}) {
    std::set<std::string> uids;
    unsigned events = 0;
    for (int q = 0; q < p.person_count(); ++q)
      for (const Event& e : parse_calendar(person_schedule_ics(p, plan, q, kDay0, kStamp)).events) {
        uids.insert(e.uid);
        ++events;
        EXPECT_LT(e.start, e.end) << e.uid;
      }
    EXPECT_EQ(uids.size(), events);
    EXPECT_EQ(events, duties);
  }
}

TEST(Calendar, AnUnchangedDutyKeepsItsUidAndContentAcrossVersions) {
  const Problem p = small_unit();
  // Eve's schedule does not change: the same events, only SEQUENCE is raised.
  auto eve_before = by_uid(parse_calendar(person_schedule_ics(p, plan_before(p), 4, kDay0, kStamp, 0)));
  auto eve_after = by_uid(parse_calendar(person_schedule_ics(p, plan_after(p), 4, kDay0, kStamp, 1)));
  ASSERT_EQ(eve_before.size(), 2u);
  for (auto& [uid, e] : eve_before) e.sequence = 1;
  EXPECT_EQ(eve_before, eve_after);
  // Ana's stay at post-1 and her shower keep their UIDs; the shower moved.
  const auto ana_before = by_uid(parse_calendar(person_schedule_ics(p, plan_before(p), 0, kDay0, kStamp, 0)));
  const auto ana_after = by_uid(parse_calendar(person_schedule_ics(p, plan_after(p), 0, kDay0, kStamp, 1)));
  const std::string stay = "stay-day0-post-1.ana-lima@test-unit.vigil", shower = "shower-day2.ana-lima@test-unit.vigil";
  ASSERT_TRUE(ana_before.count(stay) && ana_after.count(stay) && ana_before.count(shower) && ana_after.count(shower));
  EXPECT_EQ(ana_before.at(stay).end, ana_after.at(stay).end);
  EXPECT_EQ(ana_before.at(shower).start, "20260107T143000");
  EXPECT_EQ(ana_after.at(shower).start, "20260107T160000");
}

TEST(Calendar, TheRepairFileCancelsExactlyTheDutiesThatAreGone) {
  const Problem p = small_unit();
  const Roster before = plan_before(p), after = plan_after(p);
  const std::map<int, std::set<std::string>> gone = {
      {0, {"watch-day1-slot4-post-1.ana-lima@test-unit.vigil"}},
      {1, {"watch-day1-slot5-post-1.bo@test-unit.vigil"}},
      {2, {"watch-day2-slot0-post-1.cy@test-unit.vigil"}},
      {3, {"guard-day3-slot2-rest.dee@test-unit.vigil"}},
      {4, {}},
  };
  for (const auto& [who, uids] : gone) {
    const Calendar update = parse_calendar(person_schedule_update_ics(p, before, after, who, kDay0, kStamp, 1));
    EXPECT_EQ(update.method, "PUBLISH");
    EXPECT_EQ(cancelled_uids(update), uids) << who;
    for (const Event& e : update.events) EXPECT_EQ(e.sequence, 1) << e.uid;
  }
  // A cancellation carries the old duty's times, so a phone that shows it
  // shows what was called off.
  const Calendar cy = parse_calendar(person_schedule_update_ics(p, before, after, 2, kDay0, kStamp, 1));
  const Event& cancelled = cy.events.back();
  EXPECT_EQ(cancelled.status, "CANCELLED");
  EXPECT_EQ(cancelled.start, "20260107T060000");
  EXPECT_EQ(cancelled.end, "20260107T080000");
  EXPECT_EQ(cancelled.summary, "Cancelled: Watch at post-1");
  EXPECT_EQ(cancelled.transp, "TRANSPARENT");
}

// libical's check of the RFC 5546 restrictions of the file's METHOD, event
// by event (it stops at the first failing component, so each event is
// checked in a copy of the calendar of its own): the messages it leaves
// (X-LIC-ERROR) counted by text, and "passes" for each event that passes.
std::map<std::string, int> itip_complaints(const std::string& ics) {
  std::map<std::string, int> out;
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  if (!cal) return {{"unreadable", 1}};
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    icalcomponent* one = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    for (icalproperty* p = icalcomponent_get_first_property(cal, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(cal, ICAL_ANY_PROPERTY))
      icalcomponent_add_property(one, icalproperty_new_clone(p));
    icalcomponent* copy = icalcomponent_new_clone(ev);
    icalcomponent_add_component(one, copy);
    if (icalrestriction_check(one)) ++out["passes"];
    for (icalcomponent* c : {one, copy})
      for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
           p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
        ++out[icalproperty_get_xlicerror(p)];
    icalcomponent_free(one);
  }
  icalcomponent_free(cal);
  return out;
}

// Everything RFC 5546 asks of a published event is there but ORGANIZER, left
// out on purpose (person_schedule.h): the unit has no address to name.
TEST(Calendar, KeepsTheRestrictionsOfPublishButOrganizer) {
  const Problem p = small_unit();
  const std::string organizer =
      "Failed iTIP restrictions for ORGANIZER property. Expected 1 instances of the property and got 0";
  const std::string full = person_schedule_ics(p, plan_after(p), 0, kDay0, kStamp, 1);
  EXPECT_EQ(itip_complaints(full), (std::map<std::string, int>{{organizer, 4}}));
  const std::string update = person_schedule_update_ics(p, plan_before(p), plan_after(p), 0, kDay0, kStamp, 1);
  EXPECT_EQ(itip_complaints(update), (std::map<std::string, int>{{organizer, 5}}));
}

// The phone that imported the old plan's calendar, then the repair's file,
// holds the new plan's calendar: `folder_before` and `folder_after` are plan
// folders (people/<slug>.ics), `changes` the change report's folder.
void expect_phones_follow(const std::string& folder_before, const std::string& folder_after,
                          const std::string& changes, std::size_t* files, std::size_t* cancellations) {
  namespace fs = std::filesystem;
  *files = *cancellations = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(changes) / "people")) {
    const std::string name = entry.path().filename().string();
    const std::string old_file = *read_text_file((fs::path(folder_before) / "people" / name).string());
    const std::string update = *read_text_file(entry.path().string());
    const std::string new_file = *read_text_file((fs::path(folder_after) / "people" / name).string());
    Phone phone;
    phone.import(old_file);
    phone.import(update);
    EXPECT_EQ(phone.held, by_uid(parse_calendar(new_file))) << name;
    // The old file imported again late brings no old version of a duty back
    // (its SEQUENCE is lower); only what was deleted can reappear.
    phone.import(old_file);
    for (const auto& [uid, e] : by_uid(parse_calendar(new_file))) EXPECT_EQ(phone.held.at(uid), e) << name;
    // A phone that never had the old calendar gets the new one from the update alone.
    Phone fresh;
    fresh.import(update);
    EXPECT_EQ(fresh.held, by_uid(parse_calendar(new_file))) << name;
    ++*files;
    *cancellations += cancelled_uids(parse_calendar(update)).size();
  }
  // Everyone else's calendar holds the same duties at the same times.
  for (const auto& entry : fs::directory_iterator(fs::path(folder_after) / "people")) {
    if (entry.path().extension() != ".ics" || fs::exists(fs::path(changes) / "people" / entry.path().filename())) continue;
    Phone phone;
    phone.import(*read_text_file((fs::path(folder_before) / "people" / entry.path().filename()).string()));
    const auto now_held = by_uid(parse_calendar(*read_text_file(entry.path().string())));
    ASSERT_EQ(phone.held.size(), now_held.size()) << entry.path();
    for (const auto& [uid, e] : now_held) {
      ASSERT_TRUE(phone.held.count(uid)) << uid;
      EXPECT_EQ(phone.held.at(uid).start, e.start) << uid;
      EXPECT_EQ(phone.held.at(uid).end, e.end) << uid;
    }
  }
}

std::string temp_folder(const std::string& name) {
  const std::string path = ::testing::TempDir() + "vigil_calendar_" + name + "_" + std::to_string(::getpid());
  std::filesystem::remove_all(path);
  return path;
}

TEST(Calendar, APhoneThatImportsTheRepairHoldsExactlyTheNewSchedule) {
  const Problem p = small_unit();
  const Roster before = plan_before(p), after = plan_after(p);
  const std::string root = temp_folder("small");
  OutputOptions first;
  first.start_date = kDay0.iso();  // calendars need the date of day 0
  first.calendar_stamp = kStamp;
  ASSERT_EQ(write_unit_outputs(p, before, evaluate(p, before), root + "/plan", first), "");
  OutputOptions repaired = first;
  repaired.calendar_stamp = "20260106T100000Z";
  repaired.calendar_sequence = 1;
  ASSERT_EQ(write_unit_outputs(p, after, evaluate(p, after), root + "/repair", repaired), "");
  ASSERT_EQ(write_change_report(p, before, after, 1 * kMinutesPerDay + 4 * 60, root + "/repair/changes", repaired), "");
  std::size_t files = 0, cancellations = 0;
  expect_phones_follow(root + "/plan", root + "/repair", root + "/repair/changes", &files, &cancellations);
  EXPECT_EQ(files, 4u);
  EXPECT_EQ(cancellations, 4u);
  // Without the cancellations the phone would keep a watch that is gone.
  Phone stale;
  stale.import(*read_text_file(root + "/plan/people/cy.ics"));
  stale.import(*read_text_file(root + "/repair/people/cy.ics"));
  EXPECT_TRUE(stale.held.count("watch-day2-slot0-post-1.cy@test-unit.vigil"));
  std::filesystem::remove_all(root);
}

// A real repair: unit-64 planned briefly, then Taras Kozak is lost on day 6
// at 10:00 (as in the README's example).
TEST(Calendar, PhonesFollowARepairOfTheReferenceUnit) {
  auto read = read_scenario(std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml");
  ASSERT_TRUE(read.ok()) << read.error().format();
  const Problem& unit = *read;
  SolveOptions solve_options;
  solve_options.work_limit = 300'000;
  solve_options.time_limit_seconds = 1e6;
  const SolveResult planned = solve(unit, solve_options);

  int lost = -1;
  for (int q = 0; q < unit.person_count(); ++q)
    if (unit.people[static_cast<std::size_t>(q)].name == "Taras Kozak") lost = q;
  ASSERT_GE(lost, 0);
  const int now = 6 * kMinutesPerDay + 4 * 60;  // day 6, 10:00 on the clock
  RepairOptions repair_options;
  repair_options.work_limit = 300'000;
  repair_options.time_limit_seconds = 1e6;
  auto repaired = repair_plan(unit, planned.roster, loss_events(unit, {lost}, now), now, repair_options);
  ASSERT_TRUE(repaired.ok()) << repaired.error().format();

  const std::string root = temp_folder("unit64");
  OutputOptions first;
  first.start_date = "2026-12-07";
  first.calendar_stamp = "20261201T080000Z";
  ASSERT_EQ(write_unit_outputs(unit, planned.roster, evaluate(unit, planned.roster), root + "/plan", first), "");
  OutputOptions second = first;
  second.calendar_stamp = "20261213T100000Z";
  second.calendar_sequence = 1;
  const Problem& after = repaired->problem;
  ASSERT_EQ(write_unit_outputs(after, repaired->roster(), repaired->evaluation, root + "/repair", second), "");
  ASSERT_EQ(write_change_report(after, repaired->plan_in_force, repaired->roster(), now, root + "/repair/changes", second),
            "");
  std::size_t files = 0, cancellations = 0;
  expect_phones_follow(root + "/plan", root + "/repair", root + "/repair/changes", &files, &cancellations);
  EXPECT_GE(files, 2u);  // Taras and whoever takes his watches
  EXPECT_GE(cancellations, 1u);
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace vigil
