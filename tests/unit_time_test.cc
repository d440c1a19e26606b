// Calendar times for a unit (io/unit_time): "2026-12-14 02:00" next to
// "day 6 02:00" once the date of day 0 is known, the night across midnight,
// --now (and "now"), the start date's precedence, calendar times in events,
// and the event log written and read back. Messages word for word.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "io/events_reader.h"
#include "io/unit_time.h"
#include "model/wording.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

// 8 days from Monday 2026-12-07 (changeover 06:00): the horizon ends at the
// changeover of Tuesday 2026-12-15. Olena, Piotr and John.
Problem unit(bool dated = true) {
  test::UnitBuilder b;
  b.days = 8;
  b.people = {test::person("Olena", {{"uk", LanguageLevel::kNative}}, Experience::kVeteran, {"medic"}),
              test::person("Piotr", {{"pl", LanguageLevel::kNative}, {"en", LanguageLevel::kFluent}}),
              test::person("John", {{"en", LanguageLevel::kNative}})};
  Problem p = b.build();
  if (dated) p.start_date = CalendarDate{2026, 12, 7};
  return p;
}

std::string roster_time(const Problem& p, const std::string& text) {
  const ParsedUnitTime t = parse_unit_time(p, text, "the time");
  if (!t.minute) return t.error;
  return scenario_time_point(p.horizon.day_start_minute, static_cast<int>(*t.minute));
}

TEST(CalendarTimes, ANightAfterMidnightBelongsToTheRosterDayBefore) {
  const Problem p = unit();
  EXPECT_EQ(roster_time(p, "2026-12-13 23:59"), "day 6 23:59");
  EXPECT_EQ(roster_time(p, "2026-12-14 00:00"), "day 6 00:00");
  EXPECT_EQ(roster_time(p, "2026-12-14 02:00"), "day 6 02:00");
  EXPECT_EQ(roster_time(p, "2026-12-14 05:59"), "day 6 05:59");
  EXPECT_EQ(roster_time(p, "2026-12-14 06:00"), "day 7");
  EXPECT_EQ(roster_time(p, "2026-12-14"), "day 7");  // a date alone is its changeover
  EXPECT_EQ(roster_time(p, "2026-12-07 06:00"), "day 0");
  // The roster notation says the same moments.
  EXPECT_EQ(roster_time(p, "day 6 02:00"), "day 6 02:00");
  EXPECT_EQ(*parse_unit_time(p, "day 6 02:00", "").minute, *parse_unit_time(p, "2026-12-14 02:00", "").minute);
  EXPECT_EQ(moment_label(p, static_cast<int>(*parse_unit_time(p, "2026-12-14 02:00", "").minute)),
            "day 6 02:00 (Mon 2026-12-14 02:00)");
  EXPECT_EQ(moment_label(p, 6 * kMinutesPerDay + 17 * 60 + 59), "day 6 23:59 (Sun 2026-12-13 23:59)");
  EXPECT_EQ(moment_label(unit(false), 6 * kMinutesPerDay + 20 * 60), "day 6 02:00");
}

TEST(CalendarTimes, ErrorsWordForWord) {
  EXPECT_EQ(roster_time(unit(), "2026-12-14 25:00"),
            "expected the time (a time like 'day 3 14:00', 'day 3' or '2026-12-10 14:00'), got '2026-12-14 25:00'");
  EXPECT_EQ(roster_time(unit(false), "monday"), "expected the time (a time like 'day 3 14:00' or 'day 3'), got 'monday'");
  EXPECT_EQ(roster_time(unit(false), "2026-12-14 02:00"),
            "expected the time as a roster time like 'day 3 14:00' (the calendar date of day 0 is not known: give "
            "--start-date or start-date in the scenario's horizon), got '2026-12-14 02:00'");
}

TEST(CalendarTimes, NowOption) {
  const Problem p = unit();
  EXPECT_EQ(*parse_now_option(p, "2026-12-14 02:00").minute, 6 * kMinutesPerDay + 20 * 60);
  EXPECT_EQ(parse_now_option(p, "2026-12-15 06:00").error,
            "--now '2026-12-15 06:00': expected a time within the horizon (day 0 (Mon 2026-12-07 06:00) to day 7 "
            "05:59 (Tue 2026-12-15 05:59)), got '2026-12-15 06:00'");
  EXPECT_EQ(parse_now_option(p, "2026-12-06 23:00").error,
            "--now '2026-12-06 23:00': expected a time within the horizon (day 0 (Mon 2026-12-07 06:00) to day 7 "
            "05:59 (Tue 2026-12-15 05:59)), got '2026-12-06 23:00'");
  EXPECT_EQ(parse_now_option(p, "tomorrow").error,
            "--now 'tomorrow': expected the moment of the repair (a time like 'day 3 14:00', 'day 3' or "
            "'2026-12-10 14:00'), got 'tomorrow'");
  EXPECT_EQ(parse_now_option(unit(false), "now").error,
            "--now 'now': expected a roster time like 'day 3 14:00' (the wall clock needs a date: the calendar date "
            "of day 0 is not known: give --start-date or start-date in the scenario's horizon)");
  // "now" is the wall clock, or SOURCE_DATE_EPOCH: 2026-12-14 01:30 UTC.
  const char* tz = std::getenv("TZ");
  const std::string old_tz = tz ? tz : "";
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  ::setenv("SOURCE_DATE_EPOCH", "1797211800", 1);
  EXPECT_EQ(*parse_now_option(p, "now").minute, 6 * kMinutesPerDay + 19 * 60 + 30);
  ::unsetenv("SOURCE_DATE_EPOCH");
  if (tz) ::setenv("TZ", old_tz.c_str(), 1); else ::unsetenv("TZ");
  ::tzset();
}

TEST(CalendarTimes, StartDatePrecedenceAndErrorsBeforeAnySearch) {
  Problem p = unit(false);
  const std::optional<CalendarDate> plan_date = CalendarDate{2026, 12, 7};
  EXPECT_EQ(settle_start_date(p, "", plan_date, "plan/roster.json"), "");
  EXPECT_EQ(p.start_date, plan_date);  // the plan's, when not given
  p.start_date = CalendarDate{2026, 12, 14};  // the scenario's loses to the plan's
  EXPECT_EQ(settle_start_date(p, "", plan_date, "plan/roster.json"), "");
  EXPECT_EQ(p.start_date, plan_date);
  EXPECT_EQ(settle_start_date(p, "2026-12-14", std::nullopt, ""), "");  // --start-date first
  EXPECT_EQ(p.start_date->iso(), "2026-12-14");
  EXPECT_EQ(settle_start_date(p, "2026-12-14", plan_date, "plan/roster.json"),
            "--start-date 2026-12-14: the plan plan/roster.json has day 0 on 2026-12-07; leave --start-date out, or "
            "give 2026-12-07");
  EXPECT_EQ(settle_start_date(p, "2026-12-08", std::nullopt, ""),
            "--start-date 2026-12-08: expected a monday (day 0 of the scenario is a monday), got a tuesday");
  EXPECT_EQ(settle_start_date(p, "14.12.2026", std::nullopt, ""),
            "--start-date '14.12.2026': expected a date YYYY-MM-DD like 2026-12-07, from 1900-01-01 to 2999-12-31");
  EXPECT_NE(settle_start_date(p, "9999-12-27", std::nullopt, "plan.json").find("from 1900-01-01 to 2999-12-31"), std::string::npos);
  EXPECT_EQ(settle_start_date(p, "", CalendarDate{2026, 12, 8}, "plan/roster.json"),
            "plan/roster.json: start_date 2026-12-08: expected a monday (day 0 of the scenario is a monday), got a "
            "tuesday");
}

TEST(CalendarTimes, EventsTakeCalendarTimesAndTheLogReadsBack) {
  const Problem p = unit();
  auto events = parse_events(
      "events:\n"
      "  - {unavailable: Olena, from: \"2026-12-14 02:00\", until: \"2026-12-15\", reason: wounded}\n"
      "  - {available: John, from: day 7, reported: \"2026-12-13 22:00\"}\n",
      "events.yaml", p);
  ASSERT_TRUE(events.ok()) << events.error().format();
  EXPECT_EQ((*events)[0].from_minute, 6 * kMinutesPerDay + 20 * 60);
  EXPECT_EQ((*events)[0].until_minute, 8 * kMinutesPerDay);
  EXPECT_EQ((*events)[1].reported_minute, 6 * kMinutesPerDay + 16 * 60);
  auto option = parse_event_option("unavailable:Piotr@2026-12-14 00:30..2026-12-14 06:00", p);
  ASSERT_TRUE(option.ok()) << option.error().format();
  EXPECT_EQ(option->from_minute, 6 * kMinutesPerDay + 18 * 60 + 30);
  EXPECT_EQ(option->until_minute, 7 * kMinutesPerDay);
  EXPECT_EQ(parse_event_option("unavailable:Piotr@2026-12-14 00:30", unit(false)).error().format(),
            "event 'unavailable:Piotr@2026-12-14 00:30': expected a roster time like 'day 3 14:00' (the calendar date "
            "of day 0 is not known: give --start-date or start-date in the scenario's horizon), got '2026-12-14 00:30'");
  auto undated = parse_events("events:\n  - {unavailable: Olena, from: \"2026-12-14 02:00\"}\n", "events.yaml", unit(false));
  EXPECT_EQ(undated.error().format(),
            "events.yaml:2:32: events[0].from: expected the time of the event as a roster time like 'day 3 14:00' (the "
            "calendar date of day 0 is not known: give --start-date or start-date in the scenario's horizon), got "
            "'2026-12-14 02:00'\n"
            "    - {unavailable: Olena, from: \"2026-12-14 02:00\"}\n"
            "                                 ^");

  // The log: a new one with a heading, then appended to; it reads back.
  std::vector<UnitEvent> first = {(*events)[0]};
  first[0].reported_minute = 6 * kMinutesPerDay + 19 * 60;
  const std::string log = append_event_log("", p, first);
  EXPECT_EQ(log,
            "# vigil event log (docs/events.md): the events applied by vigil repair, in order, each with\n"
            "# the --now it was reported at; readable as an events file for the first scenario.\n"
            "events:\n"
            "  - {unavailable: Olena, from: day 6 02:00, until: day 8, reason: wounded, reported: day 6 01:00}"
            "  # from Mon 2026-12-14 02:00\n");
  const std::string longer = append_event_log(log, p, {(*events)[1]});
  EXPECT_EQ(longer.substr(log.size()),
            "  - {available: John, from: day 7, reported: day 6 22:00}  # from Mon 2026-12-14 06:00\n");
  auto back = parse_events(longer, "events.yaml", p);
  ASSERT_TRUE(back.ok()) << back.error().format();
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0].from_minute, (*events)[0].from_minute);
  EXPECT_EQ((*back)[0].reported_minute, first[0].reported_minute);
  EXPECT_EQ((*back)[1].kind, UnitEvent::Kind::kAvailable);
}

}  // namespace
}  // namespace vigil
