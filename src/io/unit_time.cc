// Roster and calendar times of a unit, and the start date (see unit_time.h).
#include "io/unit_time.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "base/text.h"
#include "io/yaml_text.h"
#include "model/wording.h"

namespace vigil {
namespace {

constexpr long long kMaxDays = 100000;  // caps day counts so minutes do not overflow

// "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" as a date and clock minute.
struct CalendarTime {
  CalendarDate date;
  std::optional<int> clock;
};
std::optional<CalendarTime> parse_calendar_time(const std::string& text) {
  const auto words = split_words(text);
  if (words.empty() || words.size() > 2) return std::nullopt;
  const auto date = parse_date(words[0]);
  if (!date) return std::nullopt;
  CalendarTime t{*date, std::nullopt};
  if (words.size() == 2) {
    t.clock = yaml_text::parse_clock(words[1]);
    if (!t.clock) return std::nullopt;
  }
  return t;
}

// Unit minutes of a calendar date and clock: minutes since the midnight of
// day 0's date, less the changeover (so a clock before the changeover lands
// in the night of the roster day before).
long long minute_of(const CalendarDate& day0, int changeover, const CalendarDate& date, int clock) {
  const long long days = std::clamp(date.days_since(day0), -kMaxDays, kMaxDays);
  return days * kMinutesPerDay + clock - changeover;
}

const char* const kNoStartDate =
    "the calendar date of day 0 is not known: give --start-date or start-date in the scenario's horizon";

}  // namespace

std::string unit_time_forms(const Problem& problem) {
  if (!problem.start_date) return "a time like 'day 3 14:00' or 'day 3'";
  return fmt::format("a time like 'day 3 14:00', 'day 3' or '{} 14:00'", problem.start_date->plus_days(3).iso());
}

ParsedUnitTime parse_unit_time(const Problem& problem, const std::string& text, const std::string& what) {
  const int changeover = problem.horizon.day_start_minute;
  if (const auto t = yaml_text::parse_time_point(text)) {
    const int offset = t->clock ? (*t->clock - changeover + kMinutesPerDay) % kMinutesPerDay : 0;
    return {std::min<long long>(t->day, kMaxDays) * kMinutesPerDay + offset, ""};
  }
  const auto calendar = parse_calendar_time(text);
  const std::string got = yaml_text::quoted(text);
  if (calendar && !problem.start_date)
    return {std::nullopt, fmt::format("expected {}a roster time like 'day 3 14:00' ({}), got {}",
                                      what.empty() ? "" : what + " as ", kNoStartDate, got)};
  if (calendar)
    return {minute_of(*problem.start_date, changeover, calendar->date, calendar->clock.value_or(changeover)), ""};
  if (what.empty()) return {std::nullopt, fmt::format("expected {}, got {}", unit_time_forms(problem), got)};
  return {std::nullopt, fmt::format("expected {} ({}), got {}", what, unit_time_forms(problem), got)};
}

std::optional<long long> wall_clock_minute(const Problem& problem) {
  if (!problem.start_date) return std::nullopt;
  const LocalMoment moment = local_moment(wall_clock_seconds());
  return minute_of(*problem.start_date, problem.horizon.day_start_minute, moment.date, moment.minute_of_day);
}

ParsedUnitTime parse_now_option(const Problem& problem, const std::string& text) {
  const std::string option = fmt::format("--now {}: ", yaml_text::quoted(text));
  const long long end = static_cast<long long>(problem.days()) * kMinutesPerDay;
  ParsedUnitTime t;
  std::string got = yaml_text::quoted(text);
  if (yaml_text::lower(text) == "now") {
    if (!problem.start_date)
      return {std::nullopt, fmt::format("{}expected a roster time like 'day 3 14:00' (the wall clock needs a date: {})",
                                        option, kNoStartDate)};
    const LocalMoment moment = local_moment(wall_clock_seconds());
    t.minute = minute_of(*problem.start_date, problem.horizon.day_start_minute, moment.date, moment.minute_of_day);
    got = fmt::format("{} {}", moment.date.iso(), clock_label(moment.minute_of_day));
  } else {
    t = parse_unit_time(problem, text, "the moment of the repair");
    if (!t.minute) return {std::nullopt, option + t.error};
  }
  if (*t.minute < 0 || *t.minute >= end)
    return {std::nullopt, fmt::format("{}expected a time within the horizon ({} to {}), got {}", option,
                                      moment_label(problem, 0), moment_label(problem, static_cast<int>(end - 1)), got)};
  return t;
}

std::string settle_start_date(Problem& problem, const std::string& given, const std::optional<CalendarDate>& plan_date,
                              const std::string& plan_file) {
  const int first = ((problem.horizon.first_weekday % 7) + 7) % 7;
  const auto wrong_weekday = [&](const std::string& who, const CalendarDate& date) {
    return fmt::format("{} {}: expected a {} (day 0 of the scenario is a {}), got a {}", who, date.iso(),
                       weekday_lower(first), weekday_lower(first), weekday_lower(date.weekday()));
  };
  if (plan_date && plan_date->weekday() != first) return wrong_weekday(plan_file + ": start_date", *plan_date);
  if (!given.empty()) {
    const auto date = parse_date(given);
    if (!date)
      return fmt::format("--start-date {}: expected a date YYYY-MM-DD like 2026-12-07, from {}-01-01 to {}-12-31",
                         yaml_text::quoted(given), kFirstDateYear, kLastDateYear);
    if (date->weekday() != first) return wrong_weekday("--start-date", *date);
    if (plan_date && *plan_date != *date)
      return fmt::format("--start-date {}: the plan {} has day 0 on {}; leave --start-date out, or give {}", date->iso(),
                         plan_file, plan_date->iso(), plan_date->iso());
    problem.start_date = date;
  } else if (plan_date) {
    problem.start_date = plan_date;
  }
  return {};
}

}  // namespace vigil
