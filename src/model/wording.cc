// The wording helpers of model/wording.h.
#include "model/wording.h"

#include <map>

#include <fmt/format.h>

#include "model/problem.h"

namespace vigil {

std::string a_or_count(int count, const std::string& one, const std::string& many) {
  return count == 1 ? one : fmt::format("{} {}", count, many);
}

std::string count_text(long long count, const std::string& one, const std::string& many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string("aeioAEIO").find(noun[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + noun;
}

namespace {
const char* const kWeekdayShort[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const kWeekdayLower[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
int weekday_index(int weekday) { return ((weekday % 7) + 7) % 7; }
}  // namespace

const char* weekday_short(int weekday) { return kWeekdayShort[weekday_index(weekday)]; }
const char* weekday_lower(int weekday) { return kWeekdayLower[weekday_index(weekday)]; }
const char* weekday_name(const Problem& problem, int day) { return weekday_short(problem.horizon.first_weekday + day); }

std::string day_label(const Problem& problem, int day) { return fmt::format("day {} ({})", day, weekday_name(problem, day)); }

std::string duration_text(int minutes) {
  if (minutes > 0 && minutes % kMinutesPerDay == 0) return count_text(minutes / kMinutesPerDay, "day", "days");
  const int h = minutes / 60, m = minutes % 60;
  if (h == 0) return fmt::format("{} min", m);
  return m == 0 ? fmt::format("{} h", h) : fmt::format("{} h {} min", h, m);
}

std::string hours_text(double hours) {
  const double rounded = static_cast<double>(static_cast<long long>(hours * 10 + 0.5)) / 10;
  return rounded == static_cast<double>(static_cast<long long>(rounded)) ? fmt::format("{}", static_cast<long long>(rounded))
                                                                       : fmt::format("{:.1f}", rounded);
}

std::string scenario_duration(int minutes) {
  if (minutes == 0) return "0";
  if (minutes % 60 == 0) return fmt::format("{}h", minutes / 60);
  return fmt::format("{}min", minutes);
}

std::string scenario_time_point(int changeover_minute, int unit_minute) {
  const int day = unit_minute / kMinutesPerDay;
  const int offset = unit_minute % kMinutesPerDay;
  if (offset == 0) return fmt::format("day {}", day);
  return fmt::format("day {} {}", day, clock_label(changeover_minute + offset));
}

CalendarDate calendar_date_at(const CalendarDate& day0, int changeover_minute, int unit_minute) {
  const int from_midnight = changeover_minute + unit_minute;
  const int days = from_midnight / kMinutesPerDay - (from_midnight % kMinutesPerDay < 0 ? 1 : 0);
  return day0.plus_days(days);
}

std::string no_start_date_note() {
  return "No calendars (.ics) written and no dates on the sheets: the calendar date of day 0 is not known. Give "
         "--start-date YYYY-MM-DD, or start-date in the scenario's horizon (docs/scenario.md).";
}

std::string moment_label(const Problem& problem, int unit_minute) {
  const int changeover = problem.horizon.day_start_minute;
  const std::string roster = scenario_time_point(changeover, unit_minute);
  if (!problem.start_date) return roster;
  const CalendarDate date = calendar_date_at(*problem.start_date, changeover, unit_minute);
  return fmt::format("{} ({} {} {})", roster, weekday_short(date.weekday()), date.iso(),
                     clock_label(changeover + unit_minute));
}

std::string language_display_name(const std::string& code) {
  static const std::map<std::string, std::string> names = {
      {"uk", "Ukrainian"}, {"ru", "Russian"},  {"en", "English"},   {"pl", "Polish"},     {"pt", "Portuguese"},
      {"es", "Spanish"},   {"ka", "Georgian"}, {"ja", "Japanese"},  {"de", "German"},     {"fr", "French"},
      {"sv", "Swedish"},   {"it", "Italian"},  {"nl", "Dutch"},     {"cs", "Czech"},      {"sk", "Slovak"},
      {"lt", "Lithuanian"}, {"lv", "Latvian"}, {"et", "Estonian"},  {"fi", "Finnish"},    {"no", "Norwegian"},
      {"da", "Danish"},    {"ro", "Romanian"}, {"hu", "Hungarian"}, {"be", "Belarusian"}, {"he", "Hebrew"},
      {"ar", "Arabic"},    {"tr", "Turkish"},  {"ko", "Korean"},    {"zh", "Chinese"}};
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

std::string default_team_need_label(const UnitSetup& unit, const TeamNeed& need) {
  const int n = need.count;
  switch (need.kind) {
    case TeamNeed::Kind::kExperience:
      if (need.value >= static_cast<int>(Experience::kVeteran)) return a_or_count(n, "a veteran", "veterans");
      if (need.value == static_cast<int>(Experience::kTrained)) return a_or_count(n, "a trained member", "trained members");
      return a_or_count(n, "a member", "members");
    case TeamNeed::Kind::kSkill: {
      const std::string skill = need.value >= 0 && static_cast<std::size_t>(need.value) < unit.skills.size()
                                    ? unit.skills[static_cast<std::size_t>(need.value)]
                                    : "skill";
      return a_or_count(n, article(skill), skill + "s");
    }
    case TeamNeed::Kind::kLanguage: {
      const std::string lang = need.value >= 0 && static_cast<std::size_t>(need.value) < unit.languages.size()
                                   ? language_display_name(unit.languages[static_cast<std::size_t>(need.value)])
                                   : "language";
      return a_or_count(n, article(lang + " speaker"), lang + " speakers");
    }
  }
  return "";
}

NeedWords need_words(const UnitSetup& unit, const TeamNeed& need) {
  NeedWords w;
  const bool own_label = !need.label.empty() && need.label != default_team_need_label(unit, need);
  if (own_label) {
    w.noun = need.label;
    for (const char* a : {"a ", "an ", "A ", "An "})
      if (w.noun.rfind(a, 0) == 0) w.noun = w.noun.substr(std::string(a).size());
  } else {
    TeamNeed one = need;
    one.count = 1;
    w.noun = default_team_need_label(unit, one);
    w.noun = w.noun.substr(w.noun.find(' ') + 1);  // the default always starts with its article
  }
  w.one = article(w.noun);
  w.nouns = w.noun + (w.noun.ends_with("s") ? "es" : "s");
  return w;
}

}  // namespace vigil
