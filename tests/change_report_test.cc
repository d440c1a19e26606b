// The change report of a repair: who is affected and what changes, with
// times; the text word for word, the counts, JSON fields, HTML escaping and
// the output folder (.ics only for the people whose schedule changed).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "report/change_report.h"
#include "report/person_schedule.h"
#include "report/report_support.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;

constexpr int kPost1 = 0, kRest = 1, kPost2 = 2;

// Four days of 2-hour watches (06:00 changeover) at post-1, post-2 (2
// watchers each) and "rest" (1 guard, 2 showers). Dee is wounded from day 3.
Problem small_unit() {
  test::UnitBuilder b;
  b.places.push_back({"post-2", PlaceKind::kPost, 8, 2, 0});
  b.people = {person("Ana Lima"),
              person("Bo"),
              person("Cy <&>"),
              person("Dee", {{"en", LanguageLevel::kFluent}}, Experience::kTrained, {},
                     {Absence{3 * kMinutesPerDay, Absence::kForever, "wounded"}}),
              person("Eve")};
  return b.build();
}

// The same unit with no rule to break and no watch to stand, so the banner
// reads ALL RULES KEPT and the report is only the changes.
Problem quiet_unit() {
  Problem p = small_unit();
  for (Place& place : p.places) place.watchers = 0;
  for (RuleSetting& rule : p.rules) rule.enabled = false;
  return p;
}

Roster plan_before(const Problem& p) {
  test::UnitRosterWriter w(p);
  // Ana: post-1 on days 0-1 (watch 14:00-16:00 on day 1), rest on days 2-3
  // with a shower at 14:30 (slot 17) on day 2.
  w.place_days(0, 0, 1, kPost1);
  w.watch(0, 1, 4, kPost1);
  w.place_days(0, 2, 3, kRest);
  w.shower(0, 2, 17, kRest);
  // Bo: post-1 on days 0-1, rest on days 2-3.
  w.place_days(1, 0, 1, kPost1);
  w.watch(1, 1, 5, kPost1);
  w.place_days(1, 2, 3, kRest);
  // Cy: rest, then post-1 with a watch 06:00-08:00 on day 2.
  w.place_days(2, 0, 1, kRest);
  w.place_days(2, 2, 3, kPost1);
  w.watch(2, 2, 0, kPost1);
  // Dee: rest throughout, a guard turn 10:00-12:00 on day 3.
  w.place_days(3, 0, 3, kRest);
  w.watch(3, 3, 2, kRest);
  // Eve: post-2 throughout, never changes.
  w.place_days(4, 0, 3, kPost2);
  w.watch(4, 1, 4, kPost2);
  return w.roster;
}

Roster plan_after(const Problem& p) {
  test::UnitRosterWriter w(p);
  w.roster = plan_before(p);
  w.no_watch(0, 1, 4);      // Ana's watch moves from 14:00 to 20:00 on day 1,
  w.watch(0, 1, 7, kPost1);
  w.shower(0, 2, 20, kRest);  // her shower from 14:30 to 16:00 on day 2;
  w.place(1, 3, kPost2);      // Bo goes to post-2 on day 3;
  w.no_watch(2, 2, 0);        // Cy loses the 06:00 watch on day 2;
  w.unplace(3, 3);            // Dee is wounded on day 3: no place, no guard.
  w.no_watch(3, 3, 2);
  return w.roster;
}

constexpr int kNow = 1 * kMinutesPerDay + 4 * 60;  // day 1, 10:00 on the clock

CalendarDate day0() { return CalendarDate{2026, 1, 5}; }

TEST(ChangeReport, IdenticalPlansGiveAnEmptyReport) {
  const Problem p = quiet_unit();
  const Roster r = plan_before(p);
  const ChangeReport report = compare_plans(p, r, r, kNow);
  EXPECT_TRUE(report.people.empty());
  EXPECT_EQ(report.now_minute, kNow);
  EXPECT_EQ(report.changed_cells, 0);
  EXPECT_EQ(report.changed_watches, 0);
  EXPECT_EQ(report.changed_within_12h, 0);
  EXPECT_EQ(change_report_text(p, report, day0()),
            "Changes to the plan of test-unit\n"
            "Now: Tue 2026-01-06 10:00 (day 1). Day 0 is Mon 2026-01-05.\n"
            "\n"
            "ALL RULES KEPT: 0 people affected, 0 changes within 12 h\n"
            "\n"
            "ACT NOW: nothing changes in the next 12 h (until Tue 2026-01-06 22:00 (day 1)).\n"
            "\n"
            "Nothing changes.\n");
  const auto json = nlohmann::json::parse(change_report_json(p, report, day0()));
  EXPECT_TRUE(json["people"].empty());
  EXPECT_NE(change_report_html(p, report, day0()).find("Nothing changes."), std::string::npos);
}

TEST(ChangeReport, TextWordForWord) {
  // Soonest first: Ana (day 1 14:00), Cy (day 2 06:00), Bo and Dee (day 3
  // 06:00, in scenario order); Dee's duties lost to the wound are one line.
  const Problem p = quiet_unit();
  const ChangeReport report = compare_plans(p, plan_before(p), plan_after(p), kNow);
  EXPECT_EQ(change_report_text(p, report, day0()),
            "Changes to the plan of test-unit\n"
            "Now: Tue 2026-01-06 10:00 (day 1). Day 0 is Mon 2026-01-05.\n"
            "\n"
            "ALL RULES KEPT: 4 people affected, 2 changes within 12 h\n"
            "\n"
            "ACT NOW: 2 changes in the next 12 h (until Tue 2026-01-06 22:00 (day 1)), in time order:\n"
            "  - Tue 2026-01-06 14:00-16:00 (day 1): Ana Lima: watch at post-1 -> free\n"
            "  - Tue 2026-01-06 20:00-22:00 (day 1): Ana Lima: free -> watch at post-1\n"
            "\n"
            "Everyone affected, soonest first: 4 people, 4 watches change, 7 roster cells in all.\n"
            "Ana Lima:\n"
            "  - Tue 2026-01-06 14:00-16:00 (day 1): watch at post-1 -> free  [within 12 h]\n"
            "  - Tue 2026-01-06 20:00-22:00 (day 1): free -> watch at post-1  [within 12 h]\n"
            "  - Wed 2026-01-07 14:30 (day 2): shower 14:30 -> shower 16:00\n"
            "Cy <&>:\n"
            "  - Wed 2026-01-07 06:00-08:00 (day 2): watch at post-1 -> free\n"
            "Bo:\n"
            "  - Thu 2026-01-08 06:00 (day 3): at rest -> at post-2\n"
            "Dee:\n"
            "  - away (wounded) from Thu 2026-01-08 06:00 (day 3) for good: 1 guard turn and 1 day at a place removed\n"
            "\n"
            "Calendars: people/<name>.ics for each person above; imported on a phone over the old calendar, "
            "it cancels the duties that are gone and leaves exactly the new schedule.\n");
}

TEST(ChangeReport, BannerNamesWhatStaysBroken) {
  // The same changes against every rule: the sparse test plan leaves watches
  // short and breaks the rotation and showers rules.
  const Problem p = small_unit();
  const ChangeReport report = compare_plans(p, plan_before(p), plan_after(p), kNow);
  EXPECT_FALSE(report.all_rules_kept);
  EXPECT_EQ(change_report_banner(report), "NOT EVERY RULE CAN BE KEPT: 102 watches UNCOVERED, 5 other rules broken");
  ASSERT_EQ(report.broken.size(), 5u);
  EXPECT_EQ(report.broken[0], "rotation at Bo: 1 day in all, from day 2 (Wed) 06:00 until day 3 (Thu) 06:00 (1 unit)");
  const std::string text = change_report_text(p, report, day0());
  // Banner, then the uncovered watches (six on the first screen), then act now.
  const std::size_t banner = text.find("NOT EVERY RULE CAN BE KEPT");
  const std::size_t uncovered = text.find("\nUNCOVERED: 102 watches nobody stands, soonest first");
  const std::size_t act_now = text.find("\nACT NOW: 2 changes");
  EXPECT_LT(banner, uncovered);
  EXPECT_LT(uncovered, act_now);
  EXPECT_NE(text.find("  - post-1, Tue 2026-01-06 10:00-12:00 (day 1): nobody on watch, 2 missing; could cover: "
                      "Ana Lima (at post-1), Bo (at post-1), Cy <&> (at rest)\n"),
            std::string::npos);
  EXPECT_NE(text.find("  ... and 96 more, each listed at the end.\n"), std::string::npos);
  EXPECT_NE(text.find("\nAll UNCOVERED watches (102):\n"), std::string::npos);
  const std::string html = change_report_html(p, report, day0());
  EXPECT_NE(html.find("<div class=\"banner broken\">NOT EVERY RULE CAN BE KEPT: 102 watches UNCOVERED, 5 other rules broken<ul>"),
            std::string::npos);
  EXPECT_NE(html.find("div.banner.broken { border-color: #b00000; background: #f9d6d6;"), std::string::npos);
  const auto json = nlohmann::json::parse(change_report_json(p, report, day0()));
  EXPECT_EQ(json["banner"]["all_rules_kept"], false);
  EXPECT_EQ(json["banner"]["uncovered"], 102);
  EXPECT_EQ(json["uncovered"].size(), 102u);
  EXPECT_EQ(json["uncovered"][0]["could_cover"][0]["name"], "Ana Lima");
  const auto kept = nlohmann::json::parse(change_report_json(quiet_unit(), compare_plans(quiet_unit(), plan_before(p), plan_after(p), kNow), day0()));
  EXPECT_EQ(kept["banner"]["text"], "ALL RULES KEPT: 4 people affected, 2 changes within 12 h");
  EXPECT_NE(change_report_html(quiet_unit(), compare_plans(quiet_unit(), plan_before(p), plan_after(p), kNow), day0())
                .find("<div class=\"banner\">ALL RULES KEPT: 4 people affected, 2 changes within 12 h</div>"),
            std::string::npos);
}

TEST(ChangeReport, ActNowHoldsExactlyTheNextTwelveHoursInTimeOrder) {
  const Problem p = quiet_unit();
  const Roster before = plan_before(p), after = plan_after(p);
  auto act_now = [&](int now) {
    std::vector<std::string> lines;
    for (const ActNowLine& line : compare_plans(p, before, after, now).act_now) lines.push_back(act_now_text(p, line, day0()));
    return lines;
  };
  // Day 1 20:01: Ana's 20:00 watch has begun; Cy's watch at day 2 06:00 is
  // within 12 h, Ana's shower at day 2 14:30 is not.
  EXPECT_EQ(act_now(1 * kMinutesPerDay + 14 * 60 + 1),
            (std::vector<std::string>{"Wed 2026-01-07 06:00-08:00 (day 2): Cy <&>: watch at post-1 -> free"}));
  // Day 1 20:00 exactly: both, in time order.
  EXPECT_EQ(act_now(1 * kMinutesPerDay + 14 * 60),
            (std::vector<std::string>{"Tue 2026-01-06 20:00-22:00 (day 1): Ana Lima: free -> watch at post-1",
                                      "Wed 2026-01-07 06:00-08:00 (day 2): Cy <&>: watch at post-1 -> free"}));
  // Day 3's changeover: Bo's move, and Dee's lost duties as one line.
  EXPECT_EQ(act_now(3 * kMinutesPerDay),
            (std::vector<std::string>{
                "Thu 2026-01-08 06:00 (day 3): Bo: at rest -> at post-2",
                "Thu 2026-01-08 06:00 (day 3): Dee: away (wounded) for good: 1 guard turn and 1 day at a place in the next 12 h removed"}));
  // Nothing starts in the 12 h after day 3 10:01.
  EXPECT_TRUE(act_now(3 * kMinutesPerDay + 4 * 60 + 1).empty());
}

TEST(ChangeReport, ANightWatchAfterMidnightNamesItsOwnDate) {
  // Ana's 02:00-04:00 watch of day 1 (a Tuesday, 2026-01-06) is stood in the
  // small hours of Wednesday 2026-01-07; every format says so.
  const Problem p = quiet_unit();
  test::UnitRosterWriter w(p);
  w.roster = plan_before(p);
  w.watch(0, 1, 10, kPost1);
  const Roster before = w.roster;
  w.no_watch(0, 1, 10);
  const ChangeReport report = compare_plans(p, before, w.roster, 0);
  const std::string text = change_report_text(p, report, day0());
  EXPECT_NE(text.find("Ana Lima:\n  - Wed 2026-01-07 02:00-04:00 (day 1): watch at post-1 -> free\n"), std::string::npos)
      << text;
  const std::string html = change_report_html(p, report, day0());
  EXPECT_NE(html.find("<td>Wed 2026-01-07 02:00-04:00 (day 1)</td>"), std::string::npos) << html;
  // Now at day 1 22:00: the watch is in the act-now block, dated Wednesday.
  const ChangeReport soon = compare_plans(p, before, w.roster, kMinutesPerDay + 16 * 60);
  ASSERT_EQ(soon.act_now.size(), 1u);
  EXPECT_EQ(act_now_text(p, soon.act_now[0], day0()), "Wed 2026-01-07 02:00-04:00 (day 1): Ana Lima: watch at post-1 -> free");
  EXPECT_EQ(calendar_when(p, day0(), 2 * kMinutesPerDay - 1), "Wed 2026-01-07 05:59 (day 1)");
  EXPECT_EQ(calendar_when(p, day0(), 2 * kMinutesPerDay), "Wed 2026-01-07 06:00 (day 2)");
  const auto item = nlohmann::json::parse(change_report_json(p, report, day0()))["people"][0]["items"][0];
  EXPECT_EQ(item["date"], "2026-01-07");
  EXPECT_EQ(item["roster_day_date"], "2026-01-06");
  EXPECT_EQ(item["start_clock"], "02:00");
  EXPECT_EQ(date_at(p, day0(), 2 * kMinutesPerDay - 1).iso(), "2026-01-07");  // 05:59, the last minute of day 1
  EXPECT_EQ(date_at(p, day0(), -60).iso(), "2026-01-05");                      // 05:00 on day 0's date
}

TEST(ChangeReport, WithoutAStartDateTimesNameWeekdayClockAndRosterDay) {
  // The same night watch with no calendar date known: the weekday is still
  // the one the watch falls on (Wednesday, after midnight), and the report
  // carries the plan's stamp and says why no calendars come with it.
  const Problem p = quiet_unit();
  test::UnitRosterWriter w(p);
  w.roster = plan_before(p);
  w.watch(0, 1, 10, kPost1);
  const Roster before = w.roster;
  w.no_watch(0, 1, 10);
  const ChangeReport report = compare_plans(p, before, w.roster, 0);
  const PlanStamp stamp{3, 2, "2026-01-06T09:30:00Z", ""};
  const std::string text = change_report_text(p, report, std::nullopt, stamp);
  EXPECT_EQ(text.substr(0, text.find("\n\n") + 2),
            "Changes to the plan of test-unit\n"
            "Plan version 3, made 2026-01-06 09:30 UTC, replacing version 2.\n"
            "Now: Mon 06:00 (day 0). Day 0 is Mon.\n\n")
      << text;
  EXPECT_NE(text.find("Ana Lima:\n  - Wed 02:00-04:00 (day 1): watch at post-1 -> free\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n\nNo calendars (.ics) written and no dates on the sheets: the calendar date of day 0 is not "
                      "known."),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("Calendars: people/"), std::string::npos);
  const std::string html = change_report_html(p, report, std::nullopt, stamp);
  EXPECT_NE(html.find("<p class=\"stamp\">Plan version 3, made 2026-01-06 09:30 UTC, replacing version 2.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<td>Wed 02:00-04:00 (day 1)</td>"), std::string::npos) << html;
  const auto doc = nlohmann::json::parse(change_report_json(p, report, std::nullopt, stamp));
  EXPECT_TRUE(doc["day0"].is_null());
  EXPECT_TRUE(doc["now_date"].is_null());
  EXPECT_EQ(doc["plan_version"], 3);
  EXPECT_EQ(doc["replaces"], 2);
  EXPECT_EQ(doc["made"], "2026-01-06T09:30:00Z");
  const auto item = doc["people"][0]["items"][0];
  EXPECT_TRUE(item["date"].is_null());
  EXPECT_TRUE(item["roster_day_date"].is_null());
  EXPECT_EQ(item["when"], "Wed 02:00-04:00 (day 1)");
  EXPECT_EQ(calendar_when(p, std::nullopt, 2 * kMinutesPerDay - 1), "Wed 05:59 (day 1)");
  EXPECT_EQ(calendar_when(p, std::nullopt, 2 * kMinutesPerDay), "Wed 06:00 (day 2)");
}

TEST(ChangeReport, ItemsCountsAndTimes) {
  const Problem p = small_unit();
  const ChangeReport report = compare_plans(p, plan_before(p), plan_after(p), kNow);
  EXPECT_EQ(report.changed_cells, 7);
  EXPECT_EQ(report.changed_watches, 4);
  EXPECT_EQ(report.changed_within_12h, 2);
  ASSERT_EQ(report.people.size(), 4u);
  // Soonest first: Ana, Cy, then Bo and Dee (both at day 3's changeover).
  EXPECT_EQ(report.people[0].person, 0);
  EXPECT_EQ(report.people[1].person, 2);
  EXPECT_EQ(report.people[2].person, 1);
  EXPECT_EQ(report.people[3].person, 3);
  EXPECT_EQ(report.people[3].first_minute, 3 * kMinutesPerDay);

  const auto& ana = report.people[0].items;
  ASSERT_EQ(ana.size(), 3u);
  EXPECT_EQ(ana[0].kind, ChangeItem::Kind::kWatch);
  EXPECT_EQ(ana[0].day, 1);
  EXPECT_EQ(ana[0].start_minute, kMinutesPerDay + 8 * 60);  // 14:00
  EXPECT_EQ(ana[0].end_minute, kMinutesPerDay + 10 * 60);
  EXPECT_EQ(ana[1].start_minute, kMinutesPerDay + 14 * 60);  // 20:00
  EXPECT_EQ(ana[2].kind, ChangeItem::Kind::kShower);
  EXPECT_EQ(ana[2].start_minute, 2 * kMinutesPerDay + 8 * 60 + 30);  // 14:30
  EXPECT_EQ(ana[2].end_minute, 2 * kMinutesPerDay + 10 * 60 + 30);   // 16:00 + 30 min
  EXPECT_EQ(ana[2].before, "shower 14:30");
  EXPECT_EQ(ana[2].after, "shower 16:00");

  const auto& bo = report.people[2].items;
  ASSERT_EQ(bo.size(), 1u);
  EXPECT_EQ(bo[0].kind, ChangeItem::Kind::kPlace);
  EXPECT_EQ(bo[0].start_minute, 3 * kMinutesPerDay);
  EXPECT_EQ(bo[0].end_minute, 4 * kMinutesPerDay);
  EXPECT_FALSE(bo[0].within_12h);

  // Dee's duties lost to the wound: one stretch, the place of the day
  // before the watches of that day.
  ASSERT_TRUE(report.people[3].items.empty());
  ASSERT_EQ(report.people[3].lost.size(), 1u);
  const LostStretch& dee = report.people[3].lost[0];
  EXPECT_EQ(dee.from_minute, 3 * kMinutesPerDay);
  EXPECT_EQ(dee.until_minute, Absence::kForever);
  EXPECT_EQ(dee.reason, "wounded");
  ASSERT_EQ(dee.removed.size(), 2u);
  EXPECT_EQ(dee.removed[0].kind, ChangeItem::Kind::kPlace);
  EXPECT_EQ(dee.removed[1].kind, ChangeItem::Kind::kWatch);
  EXPECT_EQ(lost_stretch_text(p, dee, day0()),
            "away (wounded) from Thu 2026-01-08 06:00 (day 3) for good: 1 guard turn and 1 day at a place removed");

  EXPECT_EQ(unit_time_label(p, kNow), "day 1 10:00");
  EXPECT_EQ(unit_time_label(p, kMinutesPerDay + 20 * 60), "day 1 02:00");
}

TEST(ChangeReport, WithinTwelveHoursIsHalfOpen) {
  const Problem p = small_unit();
  const Roster before = plan_before(p), after = plan_after(p);
  // Ana's old watch starts at day 1 14:00 (unit minute 1920), the new one at
  // 20:00 (2280); Cy's lost watch at day 2 06:00 (2880).
  // The flags of every item in scenario order of the people (Dee's items are
  // the duties lost to the wound).
  auto flags = [&](int now) {
    std::vector<bool> out;
    std::vector<PersonChange> people = compare_plans(p, before, after, now).people;
    std::sort(people.begin(), people.end(), [](const PersonChange& a, const PersonChange& b) { return a.person < b.person; });
    for (const auto& person : people) {
      for (const auto& item : person.items) out.push_back(item.within_12h);
      for (const auto& lost : person.lost)
        for (const auto& item : lost.removed) out.push_back(item.within_12h);
    }
    return out;
  };
  // now = 1920: both of Ana's watches; Cy's (2880 - 1920 = 960) is not.
  EXPECT_EQ(flags(1920), (std::vector<bool>{true, true, false, false, false, false, false}));
  // now = 1921: the 14:00 watch has begun, so it is not ahead any more.
  EXPECT_EQ(flags(1921), (std::vector<bool>{false, true, false, false, false, false, false}));
  // now = 2880 - 720: Cy's watch at exactly now + 720 is outside.
  EXPECT_EQ(flags(2160)[4], false);
  EXPECT_EQ(flags(2161)[4], true);
  // A moved shower counts when either of its times is ahead: 14:30 (3390)
  // in the past, 16:00 (3480) within.
  EXPECT_EQ(flags(3400)[2], true);
  EXPECT_EQ(flags(3481)[2], false);
  // Bo's and Dee's day 3 starts at its changeover (4320).
  const auto at_changeover = flags(4320);
  EXPECT_TRUE(at_changeover[3]);
  EXPECT_TRUE(at_changeover[5]);
  EXPECT_TRUE(at_changeover[6]);  // Dee's guard at 10:00
}

TEST(ChangeReport, SameSlotAtAnotherPlaceIsOneItem) {
  const Problem p = quiet_unit();
  const Roster before = plan_before(p);
  test::UnitRosterWriter w(p);
  w.roster = before;
  w.place_days(4, 0, 1, kPost1);
  w.watch(4, 1, 4, kPost1);
  const ChangeReport report = compare_plans(p, before, w.roster, 0);
  EXPECT_EQ(report.changed_watches, 1);
  EXPECT_EQ(report.changed_cells, 3);
  EXPECT_EQ(report.changed_within_12h, 1);  // day 0, whose changeover is now
  EXPECT_EQ(change_report_text(p, report, day0()),
            "Changes to the plan of test-unit\n"
            "Now: Mon 2026-01-05 06:00 (day 0). Day 0 is Mon 2026-01-05.\n"
            "\n"
            "ALL RULES KEPT: 1 person affected, 1 change within 12 h\n"
            "\n"
            "ACT NOW: 1 change in the next 12 h (until Mon 2026-01-05 18:00 (day 0)), in time order:\n"
            "  - Mon 2026-01-05 06:00 (day 0): Eve: at post-2 -> at post-1\n"
            "\n"
            "Everyone affected, soonest first: 1 person, 1 watch changes, 3 roster cells in all.\n"
            "Eve:\n"
            "  - Mon 2026-01-05 06:00 (day 0): at post-2 -> at post-1  [within 12 h]\n"
            "  - Tue 2026-01-06 06:00 (day 1): at post-2 -> at post-1\n"
            "  - Tue 2026-01-06 14:00-16:00 (day 1): watch at post-2 -> watch at post-1\n"
            "\n"
            "Calendars: people/<name>.ics for each person above; imported on a phone over the old calendar, "
            "it cancels the duties that are gone and leaves exactly the new schedule.\n");
}

TEST(ChangeReport, ShowerAtAnotherPlaceNamesIt) {
  const Problem p = small_unit();
  const Roster before = plan_before(p);
  test::UnitRosterWriter w(p);
  w.roster = before;
  w.shower(4, 0, 0, kRest);  // Eve is at post-2: the shower says where
  const ChangeReport report = compare_plans(p, before, w.roster, 0);
  ASSERT_EQ(report.people.size(), 1u);
  ASSERT_EQ(report.people[0].items.size(), 1u);
  EXPECT_EQ(report.people[0].items[0].before, "no shower");
  EXPECT_EQ(report.people[0].items[0].after, "shower 06:00 at rest");
  EXPECT_TRUE(report.people[0].items[0].within_12h);
}

TEST(ChangeReport, RejectsAPlanOfAnotherShape) {
  const Problem p = small_unit();
  const Roster wrong(p.person_count(), p.days() - 1, p.lanes_per_day());
  EXPECT_THROW(compare_plans(p, plan_before(p), wrong, 0), std::invalid_argument);
  EXPECT_EQ(write_change_report(p, wrong, plan_after(p), 0, ::testing::TempDir() + "never", {}),
            "plan before: the roster has 5 people x 3 days x 14 lanes, the unit needs 5 x 4 x 14");
}

TEST(ChangeReportJson, FieldsAndTimes) {
  const Problem p = quiet_unit();
  const ChangeReport report = compare_plans(p, plan_before(p), plan_after(p), kNow);
  const std::string text = change_report_json(p, report, day0());
  ASSERT_TRUE(nlohmann::json::accept(text));
  const auto doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc["format"], "vigil-change-report");
  EXPECT_EQ(doc["version"], 2);
  EXPECT_EQ(doc["scenario"], "test-unit");
  EXPECT_EQ(doc["day0"], "2026-01-05");
  EXPECT_EQ(doc["now"], "day 1 10:00");
  EXPECT_EQ(doc["now_clock"], "10:00");
  EXPECT_EQ(doc["now_minute"], kNow);
  EXPECT_EQ(doc["window_end"], "day 1 22:00");
  EXPECT_EQ(doc["people_affected"], 4);
  EXPECT_EQ(doc["changed_cells"], 7);
  EXPECT_EQ(doc["changed_watches"], 4);
  EXPECT_EQ(doc["changed_within_12h"], 2);
  ASSERT_EQ(doc["people"].size(), 4u);
  const auto& ana = doc["people"][0];
  EXPECT_EQ(ana["name"], "Ana Lima");
  EXPECT_EQ(ana["person"], 0);
  EXPECT_EQ(ana["slug"], "ana-lima");
  ASSERT_EQ(ana["items"].size(), 3u);
  const auto& first = ana["items"][0];
  EXPECT_EQ(first["day"], 1);
  EXPECT_EQ(first["weekday"], "Tue");
  EXPECT_EQ(first["date"], "2026-01-06");
  EXPECT_EQ(first["kind"], "watch");
  EXPECT_EQ(first["start"], "day 1 14:00");
  EXPECT_EQ(first["end"], "day 1 16:00");
  EXPECT_EQ(first["start_clock"], "14:00");
  EXPECT_EQ(first["end_clock"], "16:00");
  EXPECT_EQ(first["start_minute"], kMinutesPerDay + 480);
  EXPECT_EQ(first["before"], "watch at post-1");
  EXPECT_EQ(first["after"], "free");
  EXPECT_EQ(first["within_12h"], true);
  EXPECT_EQ(ana["items"][2]["kind"], "shower");
  EXPECT_EQ(ana["items"][2]["within_12h"], false);
  EXPECT_EQ(doc["banner"]["all_rules_kept"], true);
  EXPECT_TRUE(doc["uncovered"].empty());
  ASSERT_EQ(doc["act_now"].size(), 2u);
  EXPECT_EQ(doc["act_now"][0]["text"], "Tue 2026-01-06 14:00-16:00 (day 1): Ana Lima: watch at post-1 -> free");
  EXPECT_EQ(doc["act_now"][1]["start"], "day 1 20:00");
  const auto& dee = doc["people"][3];
  EXPECT_EQ(dee["name"], "Dee");
  EXPECT_TRUE(dee["items"].empty());
  EXPECT_EQ(dee["lost"][0]["from"], "day 3 06:00");
  EXPECT_TRUE(dee["lost"][0]["until"].is_null());
  EXPECT_EQ(dee["lost"][0]["removed"].size(), 2u);
  const auto& bo = doc["people"][2]["items"][0];
  EXPECT_EQ(bo["kind"], "place");
  EXPECT_EQ(bo["start"], "day 3 06:00");
  EXPECT_EQ(bo["end"], "day 4 06:00");
  EXPECT_EQ(bo["after"], "at post-2");
  EXPECT_EQ(doc["people"][1]["name"], "Cy <&>");
}

TEST(ChangeReportHtml, EscapesAndHasATablePerPerson) {
  Problem p = quiet_unit();
  p.name = "Line \"A\" & <B>";
  const ChangeReport report = compare_plans(p, plan_before(p), plan_after(p), kNow);
  const std::string html = change_report_html(p, report, day0());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
  EXPECT_NE(html.find("<title>Changes: Line &quot;A&quot; &amp; &lt;B&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Cy &lt;&amp;&gt;</h2>"), std::string::npos);
  EXPECT_EQ(html.find("Cy <&>"), std::string::npos);
  EXPECT_EQ(html.find("<B>"), std::string::npos);
  EXPECT_NE(html.find("watch at post-1"), std::string::npos);
  EXPECT_NE(html.find("away (wounded)"), std::string::npos);
  // One table per person affected, after the act-now table; no external resources.
  std::size_t tables = 0;
  for (std::size_t at = html.find("<table>"); at != std::string::npos; at = html.find("<table>", at + 1)) ++tables;
  EXPECT_EQ(tables, 4u);
  EXPECT_LT(html.find("<table class=\"act-now\">"), html.find("<table>"));
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>Tue 2026-01-06 20:00-22:00 (day 1): Ana Lima: free -&gt; watch at post-1</td></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<tr><td colspan=\"4\">away (wounded) from Thu 2026-01-08 06:00 (day 3) for good: 1 guard turn and 1 day at a place removed</td></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<tr class=\"soon\">"), std::string::npos);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> names_in(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  if (!std::filesystem::exists(folder)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(ChangeReportFolder, WritesCalendarsOnlyForChangedPeople) {
  const Problem p = small_unit();
  const Roster before = plan_before(p), after = plan_after(p);
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / ("vigil_changes_" + std::to_string(::getpid()));
  fs::remove_all(root);
  OutputOptions options;
  options.calendar_stamp = "20260101T000000Z";
  options.calendar_sequence = 1;
  // Without the date of day 0 there are no calendars to send, and the report says so.
  ASSERT_EQ(write_change_report(p, before, after, kNow, root.string(), options), "");
  EXPECT_EQ(names_in(root), (std::vector<std::string>{"changes.html", "changes.json", "changes.txt"}));
  EXPECT_NE(read_text(root / "changes.txt").find("Day 0 is Mon.\n"), std::string::npos);
  EXPECT_NE(read_text(root / "changes.txt").find("\nNo calendars (.ics) written and no dates on the sheets"),
            std::string::npos);
  EXPECT_EQ(read_text(root / "changes.txt").find("Calendars: people/"), std::string::npos);
  fs::remove_all(root);
  options.start_date = "2026-01-05";
  ASSERT_EQ(write_change_report(p, before, after, kNow, root.string(), options), "");
  EXPECT_EQ(names_in(root), (std::vector<std::string>{"changes.html", "changes.json", "changes.txt", "people"}));
  EXPECT_EQ(names_in(root / "people"), (std::vector<std::string>{"ana-lima.ics", "bo.ics", "cy.ics", "dee.ics"}));
  const ChangeReport report = compare_plans(p, before, after, kNow);
  EXPECT_EQ(read_text(root / "changes.txt"), change_report_text(p, report, day0()));
  EXPECT_EQ(read_text(root / "changes.json"), change_report_json(p, report, day0()));
  EXPECT_EQ(read_text(root / "changes.html"), change_report_html(p, report, day0()));
  // The calendar is the new plan's, with the duties gone from the old plan
  // cancelled (tests/calendar_test.cc reads it back).
  EXPECT_EQ(read_text(root / "people" / "bo.ics"), person_schedule_update_ics(p, before, after, 1, day0(),
                                                                              options.calendar_stamp, 1));
  EXPECT_NE(read_text(root / "people" / "bo.ics"), person_schedule_ics(p, before, 1, day0(), options.calendar_stamp, 1));
  fs::remove_all(root);

  // Identical plans: the three reports and no calendar at all.
  ASSERT_EQ(write_change_report(p, before, before, kNow, root.string(), options), "");
  EXPECT_EQ(names_in(root), (std::vector<std::string>{"changes.html", "changes.json", "changes.txt"}));
  fs::remove_all(root);
}

TEST(ChangeReportFolder, ReportsBadOptions) {
  const Problem p = small_unit();
  const std::string folder = ::testing::TempDir() + "vigil_changes_bad_" + std::to_string(::getpid());
  OutputOptions bad_date;
  bad_date.start_date = "2026-01-06";  // a Tuesday; the unit starts on a Monday
  EXPECT_EQ(write_change_report(p, plan_before(p), plan_after(p), kNow, folder, bad_date),
            "start date: expected a Mon (day 0 of the scenario), got 2026-01-06, a Tue");
  OutputOptions bad_stamp;
  bad_stamp.calendar_stamp = "yesterday";
  EXPECT_EQ(write_change_report(p, plan_before(p), plan_after(p), kNow, folder, bad_stamp),
            "calendar stamp: expected a UTC date-time YYYYMMDDTHHMMSSZ, got 'yesterday'");
  OutputOptions first_version;  // calendar_sequence 0: a first plan, not a repair
  EXPECT_EQ(write_change_report(p, plan_before(p), plan_after(p), kNow, folder, first_version),
            "calendar sequence: expected the repaired plan's version less one, 1 or more, got 0");
  EXPECT_FALSE(std::filesystem::exists(folder));
}

// A transfer during a day is a move at its moment, not at the changeover:
// Bo, sent from the rest center to post-2 at 22:00 on day 2 (now), moves
// then, within the next 12 hours.
TEST(ChangeReport, ATransferIsAMoveAtItsMoment) {
  const Problem p = quiet_unit();
  const Roster before = plan_before(p);
  Roster after = before;
  const UnitLayout lay = make_unit_layout(p);
  const int now = 2 * kMinutesPerDay + 16 * 60;  // day 2 22:00
  after.set(1, 2, lay.stay_shift[kPost2], UnitLayout::kPlacementLane);
  after.set_transfer({1, 2, now, before.at(1, 2, UnitLayout::kPlacementLane)});
  const ChangeReport report = compare_plans(p, before, after, now);
  const auto bo = std::find_if(report.people.begin(), report.people.end(), [](const PersonChange& c) { return c.person == 1; });
  ASSERT_NE(bo, report.people.end());
  ASSERT_FALSE(bo->items.empty());
  EXPECT_EQ(bo->items[0].kind, ChangeItem::Kind::kPlace);
  EXPECT_EQ(bo->items[0].start_minute, now);
  EXPECT_TRUE(bo->items[0].within_12h);
  ASSERT_FALSE(report.act_now.empty());
}

}  // namespace
}  // namespace vigil
