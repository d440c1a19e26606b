// Every rule of the benchmark on tiny hand-made instances whose scores were
// worked out by hand (the working is in the comment above each assertion).
// Each instance keeps the other rules quiet (large limits, minimums of 1, no
// cover lines), so the hard total equals the units of the rule under test.
// Day 0 is a Monday; the weekends of a 14-day horizon are days 5-6 and 12-13.
#include <gtest/gtest.h>

#include "eval/evaluation.h"
#include "test_support.h"

namespace vigil {
namespace {

using test::InstanceSpec;
using test::parse_spec;
using test::roster_from;
using test::tally;
using test::texts;

// A person with no effective limits over `days` days: every kind allowed on
// every day, minutes unbounded, runs free, every weekend allowed.
std::string free_person(const std::string& name, const std::string& max_shifts, int days) {
  return name + "," + max_shifts + ",100000,0," + std::to_string(days) + ",1,1," + std::to_string(days);
}

TEST(Rules, AllOffRosterOfALenientInstanceScoresZero) {
  InstanceSpec s;
  s.shifts = {"D,480,"};
  s.staff = {free_person("A", "D=7", 7)};
  const Problem p = parse_spec(s);
  const Evaluation ev = evaluate(p, Roster(p), true);
  EXPECT_EQ(ev.score.hard, 0);
  EXPECT_EQ(ev.score.soft, 0);
  EXPECT_TRUE(ev.violations.empty());
}

// ---- successions -------------------------------------------------------------

TEST(Rules, SuccessionCountsForbiddenPairsInsideTheHorizonOnly) {
  InstanceSpec s;
  s.shifts = {"D,480,", "N,480,D", "L,480,L"};  // N may not be followed by D; L not by L
  for (const char* name : {"A", "B", "C", "E", "F"}) s.staff.push_back(free_person(name, "D=7|N=7|L=7", 7));
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      "NDNDND.",  // A: (N,D) on days 0-1, 2-3, 4-5 = 3; (D,N) is allowed
                                      "D.....N",  // B: N on the last day, D on day 0: no wrap-around = 0
                                      "N.D....",  // C: a day off between N and D = 0
                                      "LL.DN..",  // E: (L,L) on days 0-1 = 1; (D,N) allowed
                                      "NN.....",  // F: N after N is not listed = 0
                                  });
  const Evaluation ev = evaluate(p, r, true);
  // 3 + 0 + 0 + 1 + 0 = 4 forbidden pairs.
  EXPECT_EQ(tally(ev, RuleKind::kSuccession).units, 4);
  EXPECT_EQ(tally(ev, RuleKind::kSuccession).matches, 4);
  EXPECT_EQ(ev.score.hard, 4);
  EXPECT_EQ(ev.score.soft, 0);

  const auto t = texts(ev, RuleKind::kSuccession);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], "A works N on day 0 (Mon) and D on day 1 (Tue): D may not follow N");
  EXPECT_EQ(t[2], "A works N on day 4 (Fri) and D on day 5 (Sat): D may not follow N");
  EXPECT_EQ(t[3], "E works L on day 0 (Mon) and L on day 1 (Tue): L may not follow L");
  // The violation record names person 0 and the day pair.
  ASSERT_FALSE(ev.violations.empty());
  EXPECT_EQ(ev.violations[0].person, 0);
  EXPECT_EQ(ev.violations[0].first_day, 0);
  EXPECT_EQ(ev.violations[0].last_day, 1);
}

// ---- per-kind maximum --------------------------------------------------------

TEST(Rules, MaxShiftsPerKindCountsShiftsOverTheLimitIncludingLimitZero) {
  InstanceSpec s;
  s.shifts = {"D,480,", "N,480,"};
  s.staff = {"A,D=2|N=0,100000,0,7,1,1,7",   // N barred
             "B,D=3|N=1,100000,0,7,1,1,7",
             "C,D=0|N=0,100000,0,7,1,1,7"};  // everything barred
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      "DDD.N..",  // A: 3 D (limit 2) = 1 over; 1 N (limit 0) = 1 over
                                      "DDDN...",  // B: 3 D (limit 3), 1 N (limit 1) = 0
                                      "DNNN...",  // C: 1 D over 0 = 1; 3 N over 0 = 3
                                  });
  const Evaluation ev = evaluate(p, r, true);
  // 1 + 1 + 0 + 1 + 3 = 6 shifts over, in 4 (person, kind) matches.
  EXPECT_EQ(tally(ev, RuleKind::kMaxShiftsPerKind).units, 6);
  EXPECT_EQ(tally(ev, RuleKind::kMaxShiftsPerKind).matches, 4);
  EXPECT_EQ(ev.score.hard, 6);

  const auto t = texts(ev, RuleKind::kMaxShiftsPerKind);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], "A works 3 shifts of kind D; the limit is 2");
  EXPECT_EQ(t[1], "A works 1 shifts of kind N; the limit is 0");
  EXPECT_EQ(t[3], "C works 3 shifts of kind N; the limit is 0");
}

// ---- total minutes -----------------------------------------------------------

TEST(Rules, TotalMinutesCountsStartedHoursOutsideTheRange) {
  InstanceSpec s;
  s.shifts = {"D,480,", "L,600,"};
  s.staff = {
      "A,D=7|L=7,1000,0,7,1,1,7",     // max 1000
      "B,D=7|L=7,5000,1000,7,1,1,7",  // min 1000
      "C,D=7|L=7,1020,0,7,1,1,7",     // max 1020
      "E,D=7|L=7,1019,0,7,1,1,7",     // max 1019
      "F,D=7|L=7,1080,1080,7,1,1,7",  // exactly 1080
      "G,D=7|L=7,5000,480,7,1,1,7",   // min 480
      "H,D=7|L=7,5000,1,7,1,1,7",     // min 1
  };
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      "DDD....",  // A: 1440, 440 over 1000 -> ceil(440/60) = 8
                                      "D......",  // B: 480, 520 short of 1000 -> ceil(520/60) = 9
                                      "DL.....",  // C: 1080, 60 over 1020 -> exactly 1 hour = 1
                                      "DL.....",  // E: 1080, 61 over 1019 -> ceil(61/60) = 2
                                      ".D.L...",  // F: 1080 = min = max -> 0 (days off add nothing)
                                      "......D",  // G: 480 = min -> 0
                                      ".......",  // H: 0, 1 short of 1 -> 1
                                  });
  const Evaluation ev = evaluate(p, r, true);
  // 8 + 9 + 1 + 2 + 0 + 0 + 1 = 21 hours, 5 people out of range.
  EXPECT_EQ(tally(ev, RuleKind::kTotalMinutes).units, 21);
  EXPECT_EQ(tally(ev, RuleKind::kTotalMinutes).matches, 5);
  EXPECT_EQ(ev.score.hard, 21);

  const auto t = texts(ev, RuleKind::kTotalMinutes);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0], "A works 1440 minutes, 440 over the maximum 1000");
  EXPECT_EQ(t[1], "B works 480 minutes, 520 short of the minimum 1000");
  EXPECT_EQ(t[4], "H works 0 minutes, 1 short of the minimum 1");
}

// ---- maximum consecutive shifts ------------------------------------------------

TEST(Rules, MaxConsecutiveCountsDaysOverIncludingRunsAtBothEdges) {
  InstanceSpec s;
  s.shifts = {"D,480,"};
  for (const char* name : {"A", "B", "C", "E", "F"}) s.staff.push_back(std::string(name) + ",D=7,100000,0,2,1,1,7");
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      "DDD....",  // A: run of 3 starting on day 0 = 1 over
                                      "....DDD",  // B: run of 3 ending on day 6 = 1 over
                                      ".DDDD..",  // C: inner run of 4 = 2 over
                                      "DD.DD.D",  // E: runs of 2, 2, 1 = 0
                                      "DDDDDDD",  // F: run of 7 = 5 over
                                  });
  const Evaluation ev = evaluate(p, r, true);
  // 1 + 1 + 2 + 0 + 5 = 9 days over, in 4 runs.
  EXPECT_EQ(tally(ev, RuleKind::kMaxConsecutiveShifts).units, 9);
  EXPECT_EQ(tally(ev, RuleKind::kMaxConsecutiveShifts).matches, 4);
  EXPECT_EQ(ev.score.hard, 9);

  const auto t = texts(ev, RuleKind::kMaxConsecutiveShifts);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], "A works 3 days in a row from day 0 (Mon) to day 2 (Wed); the limit is 2");
  EXPECT_EQ(t[1], "B works 3 days in a row from day 4 (Fri) to day 6 (Sun); the limit is 2");
  EXPECT_EQ(t[3], "F works 7 days in a row from day 0 (Mon) to day 6 (Sun); the limit is 2");
}

// ---- minimum consecutive shifts ------------------------------------------------

TEST(Rules, MinConsecutiveCountsDaysShortExceptRunsTouchingAnEdge) {
  InstanceSpec s;
  s.shifts = {"D,480,"};
  for (const char* name : {"A", "B", "C", "E", "F", "G", "H"})
    s.staff.push_back(std::string(name) + ",D=7,100000,0,7,3,1,7");
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      ".D.....",  // A: inner run of 1 = 2 short
                                      "D......",  // B: run touches day 0: exempt
                                      "......D",  // C: run touches day 6: exempt
                                      ".DD.DD.",  // E: two inner runs of 2 = 1 + 1
                                      ".DDD...",  // F: inner run of 3 = 0
                                      "DD...DD",  // G: both runs touch an edge: exempt
                                      "DDDDDDD",  // H: one run touching both edges: exempt
                                  });
  const Evaluation ev = evaluate(p, r, true);
  // 2 + 0 + 0 + 2 + 0 + 0 + 0 = 4 days short, in 3 runs.
  EXPECT_EQ(tally(ev, RuleKind::kMinConsecutiveShifts).units, 4);
  EXPECT_EQ(tally(ev, RuleKind::kMinConsecutiveShifts).matches, 3);
  EXPECT_EQ(ev.score.hard, 4);

  const auto t = texts(ev, RuleKind::kMinConsecutiveShifts);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], "A works only 1 day(s) in a row from day 1 (Tue) to day 1 (Tue); the minimum is 3");
  EXPECT_EQ(t[2], "E works only 2 day(s) in a row from day 4 (Fri) to day 5 (Sat); the minimum is 3");
}

// ---- minimum consecutive days off ---------------------------------------------

TEST(Rules, MinDaysOffCountsDaysShortExceptRunsTouchingAnEdge) {
  InstanceSpec s;
  s.shifts = {"D,480,"};
  for (const char* name : {"A", "B", "C", "E", "F", "G", "H"})
    s.staff.push_back(std::string(name) + ",D=7,100000,0,7,1,3,7");
  s.days_off = {"H,3"};  // H's day off on day 3 makes a run of one day off like any other
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      "D.D....",  // A: day 1 off alone = 2 short; days 3-6 touch the end: exempt
                                      ".DDDDDD",  // B: day 0 off alone touches day 0: exempt
                                      "DDDDDD.",  // C: day 6 off alone touches day 6: exempt
                                      "D..DD.D",  // E: days 1-2 = 1 short; day 5 = 2 short
                                      "D...D..",  // F: days 1-3 = 0 short; days 5-6 exempt
                                      ".......",  // G: one run of 7 touching both edges: exempt
                                      "DDD.DDD",  // H: required day 3 off alone = 2 short
                                  });
  const Evaluation ev = evaluate(p, r, true);
  // 2 + 0 + 0 + 3 + 0 + 0 + 2 = 7 days short, in 4 runs; no required day off is worked.
  EXPECT_EQ(tally(ev, RuleKind::kMinConsecutiveDaysOff).units, 7);
  EXPECT_EQ(tally(ev, RuleKind::kMinConsecutiveDaysOff).matches, 4);
  EXPECT_EQ(tally(ev, RuleKind::kRequiredDayOff).units, 0);
  EXPECT_EQ(ev.score.hard, 7);

  const auto t = texts(ev, RuleKind::kMinConsecutiveDaysOff);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], "A has only 1 day(s) off in a row from day 1 (Tue) to day 1 (Tue); the minimum is 3");
  EXPECT_EQ(t[1], "E has only 2 day(s) off in a row from day 1 (Tue) to day 2 (Wed); the minimum is 3");
  EXPECT_EQ(t[3], "H has only 1 day(s) off in a row from day 3 (Thu) to day 3 (Thu); the minimum is 3");
}

// ---- weekends --------------------------------------------------------------------

TEST(Rules, MaxWeekendsCountsSaturdayOrSundayOrBothAsOneWeekend) {
  InstanceSpec s;
  s.days = 14;
  s.shifts = {"D,480,"};
  for (const char* name : {"A", "B", "C", "E", "F"}) s.staff.push_back(std::string(name) + ",D=14,100000,0,14,1,1,1");
  s.staff.push_back("G,D=14,100000,0,14,1,1,0");
  s.staff.push_back("H,D=14,100000,0,14,1,1,0");
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      // 0123456789ABCD  (weekends: days 5-6, 12-13)
                                      ".....D......D.",  // A: Saturdays only: 2 weekends, limit 1 = 1
                                      "......D......D",  // B: Sundays only: 2 weekends = 1
                                      ".....DD.....DD",  // C: both days of both: 2 weekends = 1
                                      ".....DD.......",  // E: one full weekend = 0
                                      "DDDDD..DDDDD..",  // F: weekdays only = 0
                                      "............D.",  // G: limit 0, one Saturday = 1
                                      ".....DD.......",  // H: limit 0, Saturday + Sunday = 1 weekend = 1
                                  });
  const Evaluation ev = evaluate(p, r, true);
  // 1 + 1 + 1 + 0 + 0 + 1 + 1 = 5 weekends over, 5 people.
  EXPECT_EQ(tally(ev, RuleKind::kMaxWeekends).units, 5);
  EXPECT_EQ(tally(ev, RuleKind::kMaxWeekends).matches, 5);
  EXPECT_EQ(ev.score.hard, 5);

  const auto t = texts(ev, RuleKind::kMaxWeekends);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0], "A works 2 weekends; the limit is 1");
  EXPECT_EQ(t[4], "H works 1 weekends; the limit is 0");
}

TEST(Rules, WeekendsFollowTheFirstWeekdayOfTheHorizon) {
  // The reader always starts on a Monday; a Problem may start elsewhere. With
  // day 0 a Sunday and 8 days, the weekends are {day 0} (its Saturday lies
  // before the horizon) and {days 6, 7}.
  InstanceSpec s;
  s.days = 8;
  s.shifts = {"D,480,"};
  s.staff = {"A,D=8,100000,0,8,1,1,0", "B,D=8,100000,0,8,1,1,0"};
  Problem p = parse_spec(s);
  p.horizon.first_weekday = 6;
  const Roster r = roster_from(p, {
                                      "D.....DD",  // A: Sunday day 0 + the weekend of days 6-7 = 2 over 0
                                      ".DDDDD..",  // B: Monday to Friday = 0
                                  });
  const Evaluation ev = evaluate(p, r, true);
  EXPECT_EQ(tally(ev, RuleKind::kMaxWeekends).units, 2);
  EXPECT_EQ(ev.score.hard, 2);
  const auto t = texts(ev, RuleKind::kMaxWeekends);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0], "A works 2 weekends; the limit is 0");
}

// ---- required days off --------------------------------------------------------------

TEST(Rules, RequiredDayOffCountsWorkedRequiredDays) {
  InstanceSpec s;
  s.shifts = {"D,480,", "N,480,"};
  s.staff = {free_person("A", "D=7|N=7", 7), free_person("B", "D=7|N=7", 7), free_person("C", "D=7|N=7", 7)};
  s.days_off = {"A,2,4", "B,0", "C"};  // C has a line without days
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      "..D.N..",  // A: works both required days 2 and 4 = 2
                                      ".DDDDDD",  // B: off on day 0 = 0
                                      "DDDDDDD",  // C: no required days = 0
                                  });
  const Evaluation ev = evaluate(p, r, true);
  EXPECT_EQ(tally(ev, RuleKind::kRequiredDayOff).units, 2);
  EXPECT_EQ(ev.score.hard, 2);
  const auto t = texts(ev, RuleKind::kRequiredDayOff);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], "A works D on day 2 (Wed), a required day off");
  EXPECT_EQ(t[1], "A works N on day 4 (Fri), a required day off");
}

// ---- requests -------------------------------------------------------------------------

TEST(Rules, OnRequestIsUnmetByADayOffOrAnotherShift) {
  InstanceSpec s;
  s.shifts = {"D,480,", "N,480,"};
  s.staff = {free_person("A", "D=7|N=7", 7)};
  s.on_requests = {"A,0,D,2", "A,1,D,3", "A,2,D,5"};
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {"DN....."});
  const Evaluation ev = evaluate(p, r, true);
  // Day 0 D worked: met. Day 1 N instead of D: 3. Day 2 off: 5. Total 8 in 2 requests.
  EXPECT_EQ(tally(ev, RuleKind::kShiftOnRequest).cost, 8);
  EXPECT_EQ(tally(ev, RuleKind::kShiftOnRequest).matches, 2);
  EXPECT_EQ(ev.score.soft, 8);
  EXPECT_EQ(ev.score.hard, 0);
  const auto t = texts(ev, RuleKind::kShiftOnRequest);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], "A asked to work D on day 1 (Tue) but works N");
  EXPECT_EQ(t[1], "A asked to work D on day 2 (Wed) but is off");
}

TEST(Rules, OffRequestIsBrokenOnlyByThatShift) {
  InstanceSpec s;
  s.shifts = {"D,480,", "N,480,"};
  s.staff = {free_person("A", "D=7|N=7", 7)};
  s.off_requests = {"A,0,D,2", "A,1,D,3", "A,2,D,5"};
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {"DN....."});
  const Evaluation ev = evaluate(p, r, true);
  // Day 0 works D: broken, 2. Day 1 works N: fine. Day 2 off: fine. Total 2.
  EXPECT_EQ(tally(ev, RuleKind::kShiftOffRequest).cost, 2);
  EXPECT_EQ(tally(ev, RuleKind::kShiftOffRequest).matches, 1);
  EXPECT_EQ(ev.score.soft, 2);
  const auto t = texts(ev, RuleKind::kShiftOffRequest);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0], "A asked not to work D on day 0 (Mon) but does");
}

TEST(Rules, RequestsOnTheSameDayArePricedOneByOne) {
  // The benchmark never has two requests on one cell, but the model allows it.
  InstanceSpec s;
  s.shifts = {"D,480,", "N,480,"};
  s.staff = {free_person("A", "D=7|N=7", 7)};
  s.on_requests = {"A,0,D,2", "A,0,N,3", "A,1,D,4"};
  s.off_requests = {"A,1,D,5", "A,2,N,6", "A,2,D,7"};
  const Problem p = parse_spec(s);
  // Day 0 works D: the N on-request is unmet = 3. Day 1 works D: the on-request
  // is met, the off-request broken = 5. Day 2 works N: the N off-request is
  // broken = 6, the D one is not. On 3, off 5 + 6 = 11, total 14.
  const Evaluation ev = evaluate(p, roster_from(p, {"DDN...."}));
  EXPECT_EQ(tally(ev, RuleKind::kShiftOnRequest).cost, 3);
  EXPECT_EQ(tally(ev, RuleKind::kShiftOffRequest).cost, 11);
  EXPECT_EQ(ev.score.soft, 14);
  // All off: on-requests 2 + 3 + 4 = 9 unmet, no off-request broken.
  EXPECT_EQ(evaluate(p, Roster(p)).score.soft, 9);
}

// ---- cover ------------------------------------------------------------------------------

TEST(Rules, CoverPricesEachMissingAndSurplusPersonWithTheLineWeights) {
  InstanceSpec s;
  s.days = 2;
  s.shifts = {"D,480,", "N,480,"};
  for (const char* name : {"A", "B", "C", "E"}) s.staff.push_back(free_person(name, "D=2|N=2", 2));
  s.cover = {"0,D,2,100,1", "0,N,1,100,1", "1,D,1,50,7", "1,N,0,100,3"};
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {"DD", "ND", "ND", "NN"});
  const Evaluation ev = evaluate(p, r, true);
  // Day 0 D: 1 of 2 -> 1 * 100 = 100.   Day 0 N: 3 of 1 -> 2 * 1 = 2.
  // Day 1 D: 3 of 1 -> 2 * 7 = 14.      Day 1 N: 1 of 0 -> 1 * 3 = 3.
  // Cost 119; people off target 1 + 2 + 2 + 1 = 6.
  EXPECT_EQ(tally(ev, RuleKind::kCover).cost, 119);
  EXPECT_EQ(tally(ev, RuleKind::kCover).units, 6);
  EXPECT_EQ(tally(ev, RuleKind::kCover).matches, 4);
  EXPECT_EQ(ev.score.soft, 119);
  EXPECT_EQ(ev.score.hard, 0);
  const auto t = texts(ev, RuleKind::kCover);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], "day 0 (Mon) D: 1 on duty, 2 wanted (1 missing)");
  EXPECT_EQ(t[3], "day 1 (Tue) N: 1 on duty, 0 wanted (1 too many)");
  for (const auto& v : ev.violations) EXPECT_EQ(v.person, -1);
}

TEST(Rules, ObjectiveIsRequestsPlusCoverAndHardUnitsAddUp) {
  // One roster breaking several rules at once: the totals are the sums.
  InstanceSpec s;
  s.shifts = {"D,480,", "N,480,D"};
  s.staff = {"A,D=7|N=1,100000,0,3,1,1,7", "B,D=7|N=7,100000,0,7,1,1,7"};
  s.days_off = {"A,6", "B,0"};
  s.on_requests = {"A,0,N,2", "B,3,D,1"};
  s.off_requests = {"B,1,D,4"};
  for (int d = 0; d < 7; ++d) s.cover.push_back(std::to_string(d) + ",D,1,100,1");
  const Problem p = parse_spec(s);
  const Roster r = roster_from(p, {
                                      "NDNDD.D",  // A
                                      ".D.N...",  // B
                                  });
  const Evaluation ev = evaluate(p, r, false);
  // Hard, all for A: successions (N,D) days 0-1 and 2-3 = 2; N twice, limit 1 = 1;
  // run of 5 on days 0-4, limit 3 = 2; required day 6 worked = 1. Total 6.
  EXPECT_EQ(tally(ev, RuleKind::kSuccession).units, 2);
  EXPECT_EQ(tally(ev, RuleKind::kMaxShiftsPerKind).units, 1);
  EXPECT_EQ(tally(ev, RuleKind::kMaxConsecutiveShifts).units, 2);
  EXPECT_EQ(tally(ev, RuleKind::kRequiredDayOff).units, 1);
  EXPECT_EQ(ev.score.hard, 6);
  // Soft: A's on-request N day 0 met = 0; B's on-request D day 3 (works N) = 1;
  // B's off-request D day 1 (works D) = 4. Cover D: day 0: 0 of 1 = 100;
  // day 1: 2 of 1 = 1; day 2: 0 = 100; days 3, 4: A alone = 0; day 5: 0 = 100;
  // day 6: A = 0. Cover 301, requests 5, total 306.
  EXPECT_EQ(tally(ev, RuleKind::kShiftOnRequest).cost, 1);
  EXPECT_EQ(tally(ev, RuleKind::kShiftOffRequest).cost, 4);
  EXPECT_EQ(tally(ev, RuleKind::kCover).cost, 301);
  EXPECT_EQ(ev.score.soft, 306);
}

TEST(Rules, ARuleMadeSoftIsPricedAtItsWeightAndADisabledRuleCountsNothing) {
  InstanceSpec s;
  s.shifts = {"D,480,", "N,480,D"};
  s.staff = {free_person("A", "D=7|N=7", 7)};
  s.on_requests = {"A,6,D,1"};
  Problem p = parse_spec(s);
  const Roster r = roster_from(p, {"NDND..."});  // 2 forbidden pairs; on-request on day 6 unmet = 1
  p.rule(RuleKind::kSuccession).hard = false;
  p.rule(RuleKind::kSuccession).weight = 10;
  Evaluation ev = evaluate(p, r, true);
  // Succession soft at weight 10: 2 * 10 = 20, plus the request 1.
  EXPECT_EQ(ev.score.hard, 0);
  EXPECT_EQ(ev.score.soft, 21);
  EXPECT_EQ(tally(ev, RuleKind::kSuccession).cost, 20);
  ASSERT_FALSE(ev.violations.empty());
  EXPECT_EQ(ev.violations[0].cost, 10);

  p.rule(RuleKind::kSuccession).enabled = false;
  p.rule(RuleKind::kShiftOnRequest).enabled = false;
  ev = evaluate(p, r, true);
  EXPECT_EQ(ev.score.hard, 0);
  EXPECT_EQ(ev.score.soft, 0);
  EXPECT_EQ(tally(ev, RuleKind::kSuccession).units, 0);
  EXPECT_TRUE(texts(ev, RuleKind::kSuccession).empty());
  EXPECT_TRUE(texts(ev, RuleKind::kShiftOnRequest).empty());
}

}  // namespace
}  // namespace vigil
