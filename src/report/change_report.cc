// The change report of a repair: plan before against plan after.
#include "report/change_report.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/files.h"
#include "model/wording.h"
#include "report/person_schedule.h"

namespace vigil {

namespace {

constexpr int kWindowMinutes = 12 * 60;

int floor_div(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

std::string place_name(const Problem& problem, int place) { return problem.places[static_cast<std::size_t>(place)].name; }

// What the person is at on a day, in words.
std::string place_words(const Problem& problem, const UnitLayout& layout, const Roster& roster, int person, int day) {
  const ShiftCode stay = roster.at(person, day, UnitLayout::kPlacementLane);
  if (stay >= 0 && layout.role[static_cast<std::size_t>(stay)] == UnitShiftRole::kStay)
    return "at " + place_name(problem, layout.place_of[static_cast<std::size_t>(stay)]);
  const Person& who = problem.people[static_cast<std::size_t>(person)];
  for (const Absence& a : who.unit.absences)
    if (day * kMinutesPerDay >= a.from_minute && day * kMinutesPerDay < a.until_minute)
      return a.reason.empty() ? std::string("away") : fmt::format("away ({})", a.reason);
  return "no place";
}

int place_of_day(const UnitLayout& layout, const Roster& roster, int person, int day) {
  const ShiftCode stay = roster.at(person, day, UnitLayout::kPlacementLane);
  return stay >= 0 && layout.role[static_cast<std::size_t>(stay)] == UnitShiftRole::kStay
             ? layout.place_of[static_cast<std::size_t>(stay)]
             : -1;
}

std::string watch_words(const Problem& problem, const UnitLayout& layout, ShiftCode code) {
  if (code < 0 || layout.role[static_cast<std::size_t>(code)] != UnitShiftRole::kWatch) return "free";
  const int pl = layout.place_of[static_cast<std::size_t>(code)];
  const Place& place = problem.places[static_cast<std::size_t>(pl)];
  return fmt::format("{} at {}", place.kind == PlaceKind::kRestCenter ? "guard" : "watch", place.name);
}

struct Shower {
  int slot = -1, place = -1;
};
Shower shower_of(const UnitLayout& layout, const Roster& roster, int person, int day) {
  const ShiftCode sh = roster.at(person, day, layout.shower_lane);
  if (sh < 0 || layout.role[static_cast<std::size_t>(sh)] != UnitShiftRole::kShower) return {};
  return Shower{layout.slot_of[static_cast<std::size_t>(sh)], layout.place_of[static_cast<std::size_t>(sh)]};
}

std::string shower_words(const Problem& problem, const UnitLayout& layout, const Shower& s, int day_place) {
  if (s.slot < 0) return "no shower";
  std::string out =
      "shower " + clock_label((problem.horizon.day_start_minute + layout.shower_start[static_cast<std::size_t>(s.slot)]) %
                              kMinutesPerDay);
  if (s.place != day_place) out += " at " + place_name(problem, s.place);
  return out;
}


std::string clock_of_minute(const Problem& problem, int unit_minute) {
  const int in_day = unit_minute - floor_div(unit_minute, kMinutesPerDay) * kMinutesPerDay;
  return clock_label((problem.horizon.day_start_minute + in_day) % kMinutesPerDay);
}

const char* kind_name(ChangeItem::Kind kind) {
  switch (kind) {
    case ChangeItem::Kind::kPlace: return "place";
    case ChangeItem::Kind::kWatch: return "watch";
    case ChangeItem::Kind::kShower: return "shower";
  }
  return "?";
}

// "14:00-16:00" for a watch item, empty for the others (their words carry
// their times, or they last the whole day). A watch after midnight names its
// own date, "02:00-04:00 (Mon 2026-12-14)": it is not on its roster day's date.
std::string item_time(const Problem& problem, const ChangeItem& item, const CalendarDate& day0) {
  if (item.kind != ChangeItem::Kind::kWatch) return {};
  std::string out = clock_of_minute(problem, item.start_minute) + "-" + clock_of_minute(problem, item.end_minute);
  const CalendarDate date = date_at(problem, day0, item.start_minute);
  if (!(date == day0.plus_days(item.day))) out += fmt::format(" ({} {})", weekday_short(date.weekday()), date.iso());
  return out;
}

std::string people_word(int n) { return count_text(n, "person", "people"); }

std::string summary_line(const ChangeReport& report) {
  return fmt::format("{} affected, {} {}, {} within the next 12 hours.", people_word(static_cast<int>(report.people.size())),
                     count_text(report.changed_watches, "watch", "watches"), report.changed_watches == 1 ? "changes" : "change",
                     count_text(report.changed_within_12h, "change", "changes"));
}

}  // namespace

std::string unit_time_label(const Problem& problem, int unit_minute) {
  return fmt::format("day {} {}", floor_div(unit_minute, kMinutesPerDay), clock_of_minute(problem, unit_minute));
}

ChangeReport compare_plans(const Problem& problem, const Roster& before, const Roster& after, int now_minute) {
  if (std::string e = check_unit_roster_shape(problem, before); !e.empty()) throw std::invalid_argument("plan before: " + e);
  if (std::string e = check_unit_roster_shape(problem, after); !e.empty()) throw std::invalid_argument("plan after: " + e);
  const UnitLayout layout = make_unit_layout(problem);
  const long long window_end = static_cast<long long>(now_minute) + kWindowMinutes;
  auto soon = [&](int minute) { return minute >= now_minute && minute < window_end; };

  ChangeReport report;
  report.now_minute = now_minute;
  for (int p = 0; p < problem.person_count(); ++p) {
    PersonChange change{p, {}};
    for (int d = 0; d < problem.days(); ++d) {
      const int day_start = d * kMinutesPerDay;
      for (int lane = 0; lane < layout.lanes; ++lane)
        if (before.at(p, d, lane) != after.at(p, d, lane)) ++report.changed_cells;

      if (before.at(p, d, UnitLayout::kPlacementLane) != after.at(p, d, UnitLayout::kPlacementLane)) {
        ChangeItem item;
        item.kind = ChangeItem::Kind::kPlace;
        item.day = d;
        item.start_minute = day_start;
        item.end_minute = day_start + kMinutesPerDay;
        item.before = place_words(problem, layout, before, p, d);
        item.after = place_words(problem, layout, after, p, d);
        item.within_12h = soon(day_start);
        change.items.push_back(std::move(item));
      }
      for (int s = 0; s < layout.watch_slots; ++s) {
        const ShiftCode a = before.at(p, d, layout.watch_lane(s)), b = after.at(p, d, layout.watch_lane(s));
        if (a == b) continue;
        ++report.changed_watches;
        ChangeItem item;
        item.kind = ChangeItem::Kind::kWatch;
        item.day = d;
        item.start_minute = day_start + layout.slot_start[static_cast<std::size_t>(s)];
        item.end_minute = item.start_minute + layout.watch_minutes;
        item.before = watch_words(problem, layout, a);
        item.after = watch_words(problem, layout, b);
        item.within_12h = soon(item.start_minute);
        change.items.push_back(std::move(item));
      }
      if (before.at(p, d, layout.shower_lane) != after.at(p, d, layout.shower_lane)) {
        const Shower a = shower_of(layout, before, p, d), b = shower_of(layout, after, p, d);
        std::vector<int> starts;
        for (const Shower& s : {a, b})
          if (s.slot >= 0) starts.push_back(day_start + layout.shower_start[static_cast<std::size_t>(s.slot)]);
        if (starts.empty()) starts.push_back(day_start);  // two unreadable cells
        ChangeItem item;
        item.kind = ChangeItem::Kind::kShower;
        item.day = d;
        item.start_minute = *std::min_element(starts.begin(), starts.end());
        item.end_minute = *std::max_element(starts.begin(), starts.end()) + layout.shower_minutes;
        item.before = shower_words(problem, layout, a, place_of_day(layout, before, p, d));
        item.after = shower_words(problem, layout, b, place_of_day(layout, after, p, d));
        item.within_12h = std::any_of(starts.begin(), starts.end(), soon);
        change.items.push_back(std::move(item));
      }
    }
    if (change.items.empty()) continue;
    std::stable_sort(change.items.begin(), change.items.end(), [](const ChangeItem& x, const ChangeItem& y) {
      return std::tuple(x.day, x.start_minute, static_cast<int>(x.kind)) <
             std::tuple(y.day, y.start_minute, static_cast<int>(y.kind));
    });
    for (const ChangeItem& item : change.items) report.changed_within_12h += item.within_12h ? 1 : 0;
    report.people.push_back(std::move(change));
  }
  return report;
}

std::string change_report_text(const Problem& problem, const ChangeReport& report, const CalendarDate& day0) {
  const int now_day = floor_div(report.now_minute, kMinutesPerDay);
  std::string out = fmt::format("Changes to the plan of {}\n", problem.name);
  out += fmt::format("Now: day {} ({}) {}. Day 0 is {} {}.\n", now_day, weekday_name(problem, now_day),
                     clock_of_minute(problem, report.now_minute), weekday_name(problem, 0), day0.iso());
  out += summary_line(report) + "\n\n";
  if (report.people.empty()) return out + "Nothing changes.\n";
  for (const PersonChange& change : report.people) {
    const std::string& name = problem.people[static_cast<std::size_t>(change.person)].name;
    for (const ChangeItem& item : change.items) {
      const std::string time = item_time(problem, item, day0);
      out += fmt::format("{}: day {} ({}){}: {} -> {}{}\n", name, item.day, weekday_name(problem, item.day),
                         time.empty() ? std::string() : " " + time, item.before, item.after,
                         item.within_12h ? "  [within 12 h]" : "");
    }
  }
  return out;
}

std::string change_report_html(const Problem& problem, const ChangeReport& report, const CalendarDate& day0) {
  const int now_day = floor_div(report.now_minute, kMinutesPerDay);
  const std::string title = html_escape("Changes: " + problem.name);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>{}</title>\n", title);
  out += R"(<style>
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 0 0 2mm; }
p { margin: 0 0 3mm; }
section.person { break-inside: avoid; page-break-inside: avoid; margin: 0 0 5mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.3mm solid #444; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
tr.soon td { font-weight: bold; background: #fde9d9; }
</style>
</head>
<body>
)";
  out += fmt::format("<h1>{}</h1>\n", title);
  out += fmt::format("<p>Now: day {} ({}) {}. Day 0 is {} {}.</p>\n", now_day, weekday_name(problem, now_day),
                     clock_of_minute(problem, report.now_minute), weekday_name(problem, 0), day0.iso());
  out += fmt::format("<p class=\"summary\">{}</p>\n", html_escape(summary_line(report)));
  if (report.people.empty()) out += "<p>Nothing changes.</p>\n";
  for (const PersonChange& change : report.people) {
    out += "<section class=\"person\">\n";
    out += fmt::format("<h2>{}</h2>\n", html_escape(problem.people[static_cast<std::size_t>(change.person)].name));
    out += "<table>\n<thead><tr><th>Day</th><th>Time</th><th>Before</th><th>After</th><th>Within 12 h</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < change.items.size(); ++i) {
      const ChangeItem& item = change.items[i];
      out += item.within_12h ? "<tr class=\"soon\">" : "<tr>";
      if (i == 0 || change.items[i - 1].day != item.day) {
        std::size_t rows = 1;
        while (i + rows < change.items.size() && change.items[i + rows].day == item.day) ++rows;
        out += fmt::format("<td rowspan=\"{}\">Day {} ({} {})</td>", rows, item.day, weekday_name(problem, item.day),
                           day0.plus_days(item.day).iso());
      }
      const std::string time = item_time(problem, item, day0);
      out += fmt::format("<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         time.empty() ? std::string(item.kind == ChangeItem::Kind::kPlace ? "all day" : "") : time,
                         html_escape(item.before), html_escape(item.after), item.within_12h ? "yes" : "");
    }
    out += "</tbody>\n</table>\n</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

std::string change_report_json(const Problem& problem, const ChangeReport& report, const CalendarDate& day0) {
  using J = nlohmann::ordered_json;
  const std::vector<std::string> slugs = person_slugs(problem);
  J doc;
  doc["format"] = "vigil-change-report";
  doc["version"] = 1;
  doc["scenario"] = problem.name;
  doc["day0"] = day0.iso();
  doc["changeover"] = clock_label(problem.horizon.day_start_minute);
  doc["now"] = unit_time_label(problem, report.now_minute);
  doc["now_clock"] = clock_of_minute(problem, report.now_minute);
  doc["now_minute"] = report.now_minute;
  doc["window_end"] = unit_time_label(problem, report.now_minute + kWindowMinutes);
  doc["people_affected"] = report.people.size();
  doc["changed_cells"] = report.changed_cells;
  doc["changed_watches"] = report.changed_watches;
  doc["changed_within_12h"] = report.changed_within_12h;
  J people = J::array();
  for (const PersonChange& change : report.people) {
    J person;
    person["person"] = change.person;
    person["name"] = problem.people[static_cast<std::size_t>(change.person)].name;
    person["slug"] = slugs[static_cast<std::size_t>(change.person)];
    J items = J::array();
    for (const ChangeItem& item : change.items) {
      J j;
      j["day"] = item.day;
      j["weekday"] = weekday_name(problem, item.day);
      j["date"] = date_at(problem, day0, item.start_minute).iso();  // of the start, after midnight too
      j["roster_day_date"] = day0.plus_days(item.day).iso();
      j["kind"] = kind_name(item.kind);
      j["start"] = unit_time_label(problem, item.start_minute);
      j["end"] = unit_time_label(problem, item.end_minute);
      j["start_clock"] = clock_of_minute(problem, item.start_minute);
      j["end_clock"] = clock_of_minute(problem, item.end_minute);
      j["start_minute"] = item.start_minute;
      j["end_minute"] = item.end_minute;
      j["before"] = item.before;
      j["after"] = item.after;
      j["within_12h"] = item.within_12h;
      items.push_back(std::move(j));
    }
    person["items"] = std::move(items);
    people.push_back(std::move(person));
  }
  doc["people"] = std::move(people);
  return doc.dump(2) + "\n";
}

std::string write_change_report(const Problem& problem, const Roster& before, const Roster& after, int now_minute,
                                const std::string& folder, const OutputOptions& options) {
  if (std::string e = check_unit_roster_shape(problem, before); !e.empty()) return "plan before: " + e;
  if (std::string e = check_unit_roster_shape(problem, after); !e.empty()) return "plan after: " + e;
  std::string error;
  const auto day0 = start_date_of(problem, options, &error);
  if (!day0) return error;
  if (!options.calendar_stamp.empty() && !valid_calendar_stamp(options.calendar_stamp))
    return fmt::format("calendar stamp: expected a UTC date-time YYYYMMDDTHHMMSSZ, got '{}'", options.calendar_stamp);

  const ChangeReport report = compare_plans(problem, before, after, now_minute);
  namespace fs = std::filesystem;
  const fs::path root(folder);
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return fmt::format("{}: cannot create the folder: {}", root.string(), ec.message());
  const std::pair<const char*, std::string> files[] = {
      {"changes.txt", change_report_text(problem, report, *day0)},
      {"changes.html", change_report_html(problem, report, *day0)},
      {"changes.json", change_report_json(problem, report, *day0)},
  };
  for (const auto& [name, text] : files)
    if (std::string e = write_file((root / name).string(), text); !e.empty()) return e;
  if (report.people.empty()) return {};

  const fs::path people_dir = root / "people";
  fs::create_directories(people_dir, ec);
  if (ec) return fmt::format("{}: cannot create the folder: {}", people_dir.string(), ec.message());
  const std::vector<std::string> slugs = person_slugs(problem);
  for (const PersonChange& change : report.people) {
    const std::string& slug = slugs[static_cast<std::size_t>(change.person)];
    if (std::string e = write_file((people_dir / (slug + ".ics")).string(),
                                   person_schedule_ics(problem, after, change.person, *day0, options.calendar_stamp));
        !e.empty())
      return e;
  }
  return {};
}

}  // namespace vigil
