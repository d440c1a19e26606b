// A person's schedule in words and as an iCalendar file (libical).
#include "report/person_schedule.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <libical/ical.h>

#include "model/wording.h"
#include "report/catalogs.h"

namespace vigil {

namespace {

// The absence that covers unit minute `minute`, or null.
const Absence* absence_at(const Person& person, int minute) {
  for (const Absence& a : person.unit.absences)
    if (minute >= a.from_minute && minute < a.until_minute) return &a;
  return nullptr;
}

struct Clock {
  int day_offset;  // calendar days after the date of day 0
  int minute;      // minute of the calendar day
};
// Where a unit minute of roster day `day` lies on the calendar relative to day 0.
Clock clock_of(const Problem& problem, int day, int minute_in_day) {
  const int m = problem.horizon.day_start_minute + day * kMinutesPerDay + minute_in_day;
  return Clock{m / kMinutesPerDay, m % kMinutesPerDay};
}

}  // namespace

std::string person_schedule_text(const Problem& problem, const Roster& roster, int person,
                                 const std::optional<CalendarDate>& day0, const PlanStamp& stamp, const Catalog& words) {
  return person_schedule_text(problem, roster, person, day0,
                              uncovered_watches(problem, roster, plan_from_minute(problem)), stamp, words);
}

namespace {

// "06:00-12:00": a watch's span, from its start's clock minute.
std::string span_label(int clock_start, int minutes) { return clock_label(clock_start) + "-" + clock_label(clock_start + minutes); }

// The absence reason in the language when its catalog knows the word
// ("reason.leave"), else as the scenario gives it.
std::string reason_words(const std::string& reason, const Catalog& words) {
  const std::string key = "reason." + reason;
  return words.has(key) ? words.text(key) : reason;
}

// The sentences of roster day `d` of one person's text (each without its
// full stop), counting the duties into `totals`.
struct DutyTotals {
  long long watches = 0, guards = 0, nights = 0, showers = 0;
  int minutes = 0;
};
std::vector<std::string> day_sentences(const Problem& problem, const UnitLayout& layout, const UnitDay& day, int person,
                                       int d, const std::vector<UncoveredWatch>& uncovered, const Catalog& words,
                                       DutyTotals* totals) {
  const Person& who = problem.people[static_cast<std::size_t>(person)];
  const int changeover = problem.horizon.day_start_minute;
  auto place_name = [&](int pl) { return problem.places[static_cast<std::size_t>(pl)].name; };
  std::vector<std::string> sentences;
  if (day.place >= 0) {
    sentences.push_back(words.text("sheet.at", {{"place", place_name(day.place)}}));
  } else if (const Absence* a = absence_at(who, d * kMinutesPerDay)) {
    sentences.push_back(a->reason.empty() ? words.text("sheet.away")
                                          : words.text("sheet.away_why", {{"reason", reason_words(a->reason, words)}}));
  } else {
    sentences.push_back(words.text("sheet.no_place"));
  }
  for (const Absence& a : who.unit.absences)
    if (a.from_minute > d * kMinutesPerDay && a.from_minute < (d + 1) * kMinutesPerDay) {
      const std::string time = clock_label(changeover + a.from_minute);
      sentences.push_back(a.reason.empty() ? words.text("sheet.away_from", {{"time", time}})
                                           : words.text("sheet.away_from_why",
                                                        {{"time", time}, {"reason", reason_words(a.reason, words)}}));
    }
  if (day.shower_slot >= 0) {
    const std::string time = clock_label(changeover + layout.shower_start[static_cast<std::size_t>(day.shower_slot)]);
    sentences.push_back(day.shower_place != day.place
                            ? words.text("sheet.shower_at", {{"time", time}, {"place", place_name(day.shower_place)}})
                            : words.text("sheet.shower", {{"time", time}}));
    ++totals->showers;
  }
  // Watches grouped by place, places in the order of their first watch.
  std::vector<int> group_places;
  for (const auto& w : day.watches)
    if (std::find(group_places.begin(), group_places.end(), w.place) == group_places.end()) group_places.push_back(w.place);
  for (int pl : group_places) {
    const Place& place = problem.places[static_cast<std::size_t>(pl)];
    const bool guard = place.kind == PlaceKind::kRestCenter;
    std::vector<std::string> times;
    for (const auto& w : day.watches) {
      if (w.place != pl) continue;
      times.push_back(span_label(changeover + layout.slot_start[static_cast<std::size_t>(w.slot)], layout.watch_minutes));
      (guard ? totals->guards : totals->watches) += 1;
      totals->nights += layout.night_slot[static_cast<std::size_t>(w.slot)];
      totals->minutes += layout.watch_minutes;
    }
    const std::string kind = guard ? "sheet.guard" : "sheet.watch";
    sentences.push_back(pl != day.place ? words.text(kind + "_at", {{"times", words.list(times)}, {"place", place.name}})
                                        : words.text(kind, {{"times", words.list(times)}}));
  }
  for (const UncoveredWatch& w : uncovered) {
    if (w.day != d || std::find(w.remaining.begin(), w.remaining.end(), person) == w.remaining.end()) continue;
    const std::string span =
        span_label(changeover + layout.slot_start[static_cast<std::size_t>(w.slot)], layout.watch_minutes);
    sentences.push_back(w.remaining.size() == 1 && w.missing == 1
                            ? words.text("sheet.alone", {{"time", span}})
                            : words.text("sheet.short", {{"time", span}, {"n", std::to_string(w.missing)}}));
  }
  return sentences;
}

}  // namespace

std::string person_schedule_text(const Problem& problem, const Roster& roster, int person,
                                 const std::optional<CalendarDate>& day0, const std::vector<UncoveredWatch>& uncovered,
                                 const PlanStamp& stamp, const Catalog& words) {
  const UnitLayout layout = make_unit_layout(problem);
  const Person& who = problem.people[static_cast<std::size_t>(person)];
  const std::string changeover = clock_label(problem.horizon.day_start_minute);
  auto weekday = [&](int day) { return words.weekday(problem.horizon.first_weekday + day); };

  std::string out = words.text("sheet.title", {{"name", who.name}, {"unit", problem.name}}) + "\n";
  if (const std::string s = plan_stamp_text(stamp, words); !s.empty()) out += s + "\n";
  out += (day0 ? words.text("sheet.day0", {{"date", words.date_with_weekday(*day0)}})
               : words.text("sheet.day0_undated", {{"weekday", weekday(0)}})) +
         " " + words.text("sheet.day_runs", {{"changeover", changeover}}) + "\n\n";
  DutyTotals totals;
  for (int d = 0; d < roster.days(); ++d) {
    const UnitDay day = unit_day(layout, roster, person, d);
    out += words.text("sheet.day", {{"day", std::to_string(d)}, {"weekday", weekday(d)}});
    for (const std::string& sentence : day_sentences(problem, layout, day, person, d, uncovered, words, &totals))
      out += " " + sentence + ".";
    out += '\n';
  }
  std::vector<std::string> duties;
  if (totals.watches > 0) duties.push_back(words.count("sheet.watches", static_cast<double>(totals.watches)));
  if (totals.guards > 0) duties.push_back(words.count("sheet.guard_turns", static_cast<double>(totals.guards)));
  if (duties.empty()) duties.push_back(words.text("sheet.no_watches"));
  out += "\n" + words.text("sheet.in_all", {{"duties", words.list(duties)},
                                            {"nights", std::to_string(totals.nights)},
                                            {"hours", words.count("sheet.hours", totals.minutes / 60.0)},
                                            {"showers", words.count("sheet.showers", static_cast<double>(totals.showers))}}) +
         "\n";
  return out;
}

bool valid_calendar_stamp(const std::string& stamp) {
  if (stamp.size() != 16 || stamp[8] != 'T' || stamp[15] != 'Z') return false;
  for (std::size_t i = 0; i < 15; ++i)
    if (i != 8 && !std::isdigit(static_cast<unsigned char>(stamp[i]))) return false;
  const icaltimetype t = icaltime_from_string(stamp.c_str());
  return !icaltime_is_null_time(t) && icaltime_is_valid_time(t) && icaltime_is_utc(t) &&
         parse_date(stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2)).has_value() &&
         t.hour < 24 && t.minute < 60 && t.second < 60;
}

std::string calendar_stamp_of_made(const std::string& made) {
  std::string stamp;
  for (char c : made)
    if (c != '-' && c != ':') stamp += c;
  return valid_calendar_stamp(stamp) ? stamp : std::string();
}

namespace {

// One duty of a person as a calendar event.
struct DutyEvent {
  std::string uid;
  icaltimetype start, end;
  std::string summary, location, description;
  bool busy = true;
};

icaltimetype date_time_at(const CalendarDate& day0, int day_offset, int minute) {
  const CalendarDate date = day0.plus_days(day_offset);
  icaltimetype t = icaltime_null_time();
  t.year = date.year;
  t.month = date.month;
  t.day = date.day;
  t.hour = minute / 60;
  t.minute = minute % 60;
  return t;  // floating: no zone
}

icaltimetype date_at_offset(const CalendarDate& day0, int day_offset) {
  const CalendarDate date = day0.plus_days(day_offset);
  icaltimetype t = icaltime_null_date();
  t.year = date.year;
  t.month = date.month;
  t.day = date.day;
  return t;
}

// Names the UID parts of a person's duties (see the header).
struct UidMaker {
  std::string person, scenario;
  std::vector<std::string> places;  // slug per place

  UidMaker(const Problem& problem, int person_index)
      : person(person_slugs(problem)[static_cast<std::size_t>(person_index)]), scenario(slugify(problem.name)) {
    if (scenario.empty()) scenario = "unit";
    for (const Place& place : problem.places) {
      std::string slug = slugify(place.name);
      places.push_back(slug.empty() ? "place" : slug);
    }
  }
  std::string operator()(const std::string& duty) const { return fmt::format("{}.{}@{}.vigil", duty, person, scenario); }
  const std::string& place(int pl) const { return places[static_cast<std::size_t>(pl)]; }
};

// The all-day events of a person's stays: maximal runs of days at one place.
void add_stays(const Problem& problem, const std::vector<UnitDay>& days, const CalendarDate& day0, const UidMaker& uid,
               const Catalog& words, std::vector<DutyEvent>* out) {
  const std::string changeover = clock_label(problem.horizon.day_start_minute);
  const int n = static_cast<int>(days.size());
  for (int d = 0; d < n;) {
    const int pl = days[static_cast<std::size_t>(d)].place;
    int last = d;
    while (last + 1 < n && days[static_cast<std::size_t>(last) + 1].place == pl) ++last;
    if (pl >= 0) {
      const Place& place = problem.places[static_cast<std::size_t>(pl)];
      const std::string kind = place.kind == PlaceKind::kRestCenter ? "place.rest_center"
                               : place.kind == PlaceKind::kPost     ? "place.post"
                                                                    : "place.ward";
      const std::string from = words.date_with_weekday(day0.plus_days(d));
      const std::string until = words.date_with_weekday(day0.plus_days(last + 1));
      const std::string about =
          last == d ? words.text("ics.stay_day", {{"day", std::to_string(d)}, {"place", place.name}, {"kind", words.text(kind)},
                                                  {"changeover", changeover}, {"from", from}, {"until", until}})
                    : words.text("ics.stay_days", {{"first", std::to_string(d)}, {"last", std::to_string(last)},
                                                   {"place", place.name}, {"kind", words.text(kind)},
                                                   {"changeover", changeover}, {"from", from}, {"until", until}});
      out->push_back(DutyEvent{uid(fmt::format("stay-day{}-{}", d, uid.place(pl))), date_at_offset(day0, d),
                               date_at_offset(day0, last + 1), words.text("ics.stay", {{"place", place.name}}),
                               place.name, about,
          false});
    }
    d = last + 1;
  }
}

// The timed events of one roster day: its watches or guard turns, then its shower.
void add_day_duties(const Problem& problem, const UnitLayout& layout, const Roster& roster, int person, int d,
                    const UnitDay& day, const CalendarDate& day0, const UidMaker& uid, const Catalog& words,
                    std::vector<DutyEvent>* out) {
  const int changeover = problem.horizon.day_start_minute;
  const std::string weekday = words.weekday(problem.horizon.first_weekday + d);
  for (const auto& w : day.watches) {
    const Place& place = problem.places[static_cast<std::size_t>(w.place)];
    const int start = layout.slot_start[static_cast<std::size_t>(w.slot)];
    const Clock a = clock_of(problem, d, start), b = clock_of(problem, d, start + layout.watch_minutes);
    const ShiftCode code = roster.at(person, d, layout.watch_lane(w.slot));
    std::vector<std::string> partners;
    for (int q = 0; q < roster.people(); ++q)
      if (q != person && roster.at(q, d, layout.watch_lane(w.slot)) == code)
        partners.push_back(problem.people[static_cast<std::size_t>(q)].name);
    const bool guard = place.kind == PlaceKind::kRestCenter;
    std::string description = words.text(guard ? "ics.guard_about" : "ics.watch_about",
                                         {{"day", std::to_string(d)},
                                          {"weekday", weekday},
                                          {"from", clock_label(changeover + start)},
                                          {"to", clock_label(changeover + start + layout.watch_minutes)}});
    if (!partners.empty()) description += " " + words.text("ics.with", {{"names", words.list(partners)}});
    out->push_back(DutyEvent{uid(fmt::format("{}-day{}-slot{}-{}", guard ? "guard" : "watch", d, w.slot, uid.place(w.place))),
                             date_time_at(day0, a.day_offset, a.minute), date_time_at(day0, b.day_offset, b.minute),
                             words.text(guard ? "ics.guard" : "ics.watch", {{"place", place.name}}), place.name,
                             description, true});
  }
  if (day.shower_slot >= 0) {
    const std::string& where = problem.places[static_cast<std::size_t>(day.shower_place)].name;
    const int start = layout.shower_start[static_cast<std::size_t>(day.shower_slot)];
    const Clock a = clock_of(problem, d, start), b = clock_of(problem, d, start + layout.shower_minutes);
    out->push_back(DutyEvent{uid(fmt::format("shower-day{}", d)), date_time_at(day0, a.day_offset, a.minute),
                             date_time_at(day0, b.day_offset, b.minute), words.text("ics.shower", {{"place", where}}),
                             where,
                             words.text("ics.shower_about", {{"day", std::to_string(d)},
                                                             {"weekday", weekday},
                                                             {"time", clock_label(changeover + start)}}),
                             true});
  }
}

// Every duty of `person` in `roster`: the stays, then by day the watches and
// the shower.
std::vector<DutyEvent> duty_events(const Problem& problem, const Roster& roster, int person, const CalendarDate& day0,
                                   const Catalog& words) {
  const UnitLayout layout = make_unit_layout(problem);
  const UidMaker uid(problem, person);
  std::vector<UnitDay> days;
  for (int d = 0; d < roster.days(); ++d) days.push_back(unit_day(layout, roster, person, d));
  std::vector<DutyEvent> events;
  add_stays(problem, days, day0, uid, words, &events);
  for (int d = 0; d < roster.days(); ++d)
    add_day_duties(problem, layout, roster, person, d, days[static_cast<std::size_t>(d)], day0, uid, words, &events);
  return events;
}

using Calendar = std::unique_ptr<icalcomponent, void (*)(icalcomponent*)>;

// An empty published calendar named after the person.
Calendar new_calendar(const Problem& problem, int person) {
  Calendar cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT), icalcomponent_free);
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//vigil//unit roster//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  const std::string title = fmt::format("{} ({})", problem.people[static_cast<std::size_t>(person)].name, problem.name);
  icalcomponent_add_property(cal.get(), icalproperty_new_name(title.c_str()));
  icalproperty* x_name = icalproperty_new_x(title.c_str());
  icalproperty_set_x_name(x_name, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), x_name);
  return cal;
}

void add_event(icalcomponent* cal, const DutyEvent& e, icaltimetype stamp, int sequence, bool cancelled,
               const Catalog& words) {
  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
  icalcomponent_add_property(ev, icalproperty_new_sequence(sequence));
  icalcomponent_add_property(ev, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(e.start));
  icalcomponent_add_property(ev, icalproperty_new_dtend(e.end));
  const std::string summary = cancelled ? words.text("ics.cancelled", {{"summary", e.summary}}) : e.summary;
  icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_location(e.location.c_str()));
  if (!e.description.empty()) icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
  // A cancelled duty no longer keeps the time busy.
  icalcomponent_add_property(ev, icalproperty_new_transp(e.busy && !cancelled ? ICAL_TRANSP_OPAQUE : ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_component(cal, ev);
}

icaltimetype stamp_time(const std::string& stamp_utc) {
  return valid_calendar_stamp(stamp_utc)
             ? icaltime_from_string(stamp_utc.c_str())
             : icaltime_from_timet_with_zone(std::time(nullptr), 0, icaltimezone_get_utc_timezone());
}

std::string calendar_text(const Calendar& cal) {
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

}  // namespace

std::string person_schedule_ics(const Problem& problem, const Roster& roster, int person, const CalendarDate& day0,
                                const std::string& stamp_utc, int sequence, const Catalog& words) {
  const icaltimetype stamp = stamp_time(stamp_utc);
  Calendar cal = new_calendar(problem, person);
  for (const DutyEvent& e : duty_events(problem, roster, person, day0, words))
    add_event(cal.get(), e, stamp, sequence, false, words);
  return calendar_text(cal);
}

std::string person_schedule_update_ics(const Problem& problem, const Roster& before, const Roster& after, int person,
                                       const CalendarDate& day0, const std::string& stamp_utc, int sequence,
                                       const Catalog& words) {
  const icaltimetype stamp = stamp_time(stamp_utc);
  Calendar cal = new_calendar(problem, person);
  std::set<std::string> kept;
  for (const DutyEvent& e : duty_events(problem, after, person, day0, words)) {
    add_event(cal.get(), e, stamp, sequence, false, words);
    kept.insert(e.uid);
  }
  for (const DutyEvent& e : duty_events(problem, before, person, day0, words))
    if (!kept.count(e.uid)) add_event(cal.get(), e, stamp, sequence, true, words);
  return calendar_text(cal);
}

}  // namespace vigil
