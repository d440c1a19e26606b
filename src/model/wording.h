// How vigil words things, said once: counts and articles, durations and
// unit times in the scenario notation, language names and team-need labels.
// Readers, writers, the evaluators' explanations and the reports all take
// their words from here, so the same thing reads the same everywhere.
#pragma once

#include <string>

#include "model/problem.h"
#include "model/unit.h"

namespace vigil {

// "a veteran" for 1, "3 veterans" otherwise (a need, a shortfall).
std::string a_or_count(int count, const std::string& one, const std::string& many);
// "1 watch", "3 watches" (a count always with its number).
std::string count_text(long long count, const std::string& one, const std::string& many);
// "a medic", "an interpreter".
std::string article(const std::string& noun);

// Weekdays, 0 = Monday: "Mon".."Sun" in reports, "monday".."sunday" in files.
const char* weekday_short(int weekday);
const char* weekday_lower(int weekday);
// "Mon".."Sun" of a roster day, with the problem's first weekday.
const char* weekday_name(const Problem& problem, int day);
// "day 6 (Sun)".
std::string day_label(const Problem& problem, int day);
// "2 days", "6 h", "2 h 30 min", "45 min".
std::string duration_text(int minutes);
// Hours to one decimal, without a trailing ".0": "8", "7.5".
std::string hours_text(double hours);

// How the scenario format writes values; the reader accepts all of them.
std::string scenario_duration(int minutes);  // "6h", "90min", "0"
// "day 3" (the changeover that starts day 3) or "day 3 14:00" (a clock time
// within roster day 3), for a unit minute and the changeover's clock minute.
std::string scenario_time_point(int changeover_minute, int unit_minute);
// A moment named both ways when the start date is known: "day 6 02:00 (Mon
// 2026-12-14 02:00)" (02:00 in the night after day 6 falls on the next
// date); "day 6 02:00" without a start date. The calendar date of a unit
// minute, for the same rule.
std::string moment_label(const Problem& problem, int unit_minute);
// Said once by a command that wrote no calendars for want of a start date.
std::string no_start_date_note();
CalendarDate calendar_date_at(const CalendarDate& day0, int changeover_minute, int unit_minute);

// The English name of a language code ("uk" -> "Ukrainian"), or the code
// itself when it is not one vigil knows.
std::string language_display_name(const std::string& code);

// The label a team need gets when the file gives none: "a veteran",
// "a medic", "a Ukrainian speaker" ("2 medics" for a count of 2).
std::string default_team_need_label(const UnitSetup& unit, const TeamNeed& need);

// What one holder of a team need is called, whatever the need's count: from
// the file's own label when it gave one ("an interpreter"), else from the
// need ("a Ukrainian speaker"). Every explanation of a team need uses these.
struct NeedWords {
  std::string one;    // "a medic", "an interpreter"
  std::string noun;   // "medic"
  std::string nouns;  // "medics"
};
NeedWords need_words(const UnitSetup& unit, const TeamNeed& need);

}  // namespace vigil
