// The change report of a repair: plan before against plan after, what the
// plan after breaks, the act-now lines and the lost stretches. The three
// formats are in change_report_formats.cc.
#include "report/change_report.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <tuple>

#include <fmt/format.h>

#include "base/files.h"
#include "eval/evaluation.h"
#include "eval/unkept_rules.h"
#include "model/wording.h"
#include "report/catalogs.h"
#include "report/person_schedule.h"

namespace vigil {

namespace {


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

// The item of a watch slot, a shower or a place whose cells differ.
ChangeItem place_item(const Problem& problem, const UnitLayout& layout, const Roster& before, const Roster& after,
                      int p, int d) {
  ChangeItem item;
  item.kind = ChangeItem::Kind::kPlace;
  item.day = d;
  item.start_minute = d * kMinutesPerDay;
  item.end_minute = item.start_minute + kMinutesPerDay;
  // A transfer moves the person during the day: the move is then, not at the changeover.
  if (const Transfer* t = after.transfer(p, d); t && before.transfer(p, d) == nullptr) item.start_minute = t->minute;
  item.before = place_words(problem, layout, before, p, d);
  item.after = place_words(problem, layout, after, p, d);
  return item;
}

ChangeItem watch_item(const Problem& problem, const UnitLayout& layout, ShiftCode a, ShiftCode b, int d, int s) {
  ChangeItem item;
  item.kind = ChangeItem::Kind::kWatch;
  item.day = d;
  item.start_minute = d * kMinutesPerDay + layout.slot_start[static_cast<std::size_t>(s)];
  item.end_minute = item.start_minute + layout.watch_minutes;
  item.before = watch_words(problem, layout, a);
  item.after = watch_words(problem, layout, b);
  for (ShiftCode code : {a, b})
    if (code >= 0 && problem.places[static_cast<std::size_t>(layout.place_of[static_cast<std::size_t>(code)])].kind ==
                         PlaceKind::kRestCenter)
      item.guard = true;
  return item;
}

// A shower item and its one or two starts (the day's changeover when neither
// cell reads as a shower).
ChangeItem shower_item(const Problem& problem, const UnitLayout& layout, const Roster& before, const Roster& after,
                       int p, int d) {
  const Shower a = shower_of(layout, before, p, d), b = shower_of(layout, after, p, d);
  std::vector<int> starts;
  for (const Shower& s : {a, b})
    if (s.slot >= 0) starts.push_back(d * kMinutesPerDay + layout.shower_start[static_cast<std::size_t>(s.slot)]);
  if (starts.empty()) starts.push_back(d * kMinutesPerDay);  // two unreadable cells
  std::sort(starts.begin(), starts.end());
  ChangeItem item;
  item.kind = ChangeItem::Kind::kShower;
  item.day = d;
  item.start_minute = starts.front();
  item.end_minute = starts.back() + layout.shower_minutes;
  item.before = shower_words(problem, layout, a, place_of_day(layout, before, p, d));
  item.after = shower_words(problem, layout, b, place_of_day(layout, after, p, d));
  return item;
}

// Whether an item leaves the person with nothing where they had something.
bool is_removal(const ChangeItem& item) {
  switch (item.kind) {
    case ChangeItem::Kind::kPlace: return item.after.rfind("away", 0) == 0 || item.after == "no place";
    case ChangeItem::Kind::kWatch: return item.after == "free";
    case ChangeItem::Kind::kShower: return item.after == "no shower";
  }
  return false;
}

// Moves the removals that overlap one of the person's absences (from now on)
// out of change.items into change.lost.
void fold_losses(const Person& who, int now_minute, PersonChange& change) {
  for (const Absence& a : who.unit.absences) {
    if (a.until_minute <= now_minute) continue;
    LostStretch lost{a.from_minute, a.until_minute, a.reason, {}};
    auto in_stretch = [&](const ChangeItem& item) {
      return is_removal(item) && item.start_minute < a.until_minute && a.from_minute < item.end_minute;
    };
    for (const ChangeItem& item : change.items)
      if (in_stretch(item)) lost.removed.push_back(item);
    if (lost.removed.empty()) continue;
    change.items.erase(std::remove_if(change.items.begin(), change.items.end(), in_stretch), change.items.end());
    change.lost.push_back(std::move(lost));
  }
  std::sort(change.lost.begin(), change.lost.end(),
            [](const LostStretch& x, const LostStretch& y) { return x.from_minute < y.from_minute; });
}

// "2 watches and 1 shower" of a list of removed items.
std::string removed_counts(const std::vector<ChangeItem>& removed) {
  int watches = 0, guards = 0, showers = 0, days = 0;
  for (const ChangeItem& item : removed) {
    if (item.kind == ChangeItem::Kind::kWatch) ++(item.guard ? guards : watches);
    if (item.kind == ChangeItem::Kind::kShower) ++showers;
    if (item.kind == ChangeItem::Kind::kPlace) ++days;
  }
  std::vector<std::string> parts;
  if (watches) parts.push_back(count_text(watches, "watch", "watches"));
  if (guards) parts.push_back(count_text(guards, "guard turn", "guard turns"));
  if (showers) parts.push_back(count_text(showers, "shower", "showers"));
  if (days) parts.push_back(count_text(days, "day at a place", "days at places"));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

// "away (wounded)", then " from <when>" when `from` >= 0, then " for good"
// or " until <when>".
std::string away_words(const Problem& problem, const std::string& reason, int from, int until,
                       const std::optional<CalendarDate>& day0) {
  std::string out = reason.empty() ? std::string("away") : fmt::format("away ({})", reason);
  if (from >= 0) out += " from " + calendar_when(problem, day0, from);
  if (until == Absence::kForever || until >= problem.days() * kMinutesPerDay) return out + " for good";
  return out + " until " + calendar_when(problem, day0, until);
}

// The act-now lines: the items and lost duties starting in the window, by time.
std::vector<ActNowLine> act_now_lines(const ChangeReport& report) {
  std::vector<ActNowLine> lines;
  for (const PersonChange& change : report.people) {
    for (const ChangeItem& item : change.items)
      if (item.within_12h)
        lines.push_back(ActNowLine{item.when_minute, item.kind == ChangeItem::Kind::kWatch ? item.end_minute : item.when_minute,
                                   change.person, item.day, item.before + " -> " + item.after, false, 0, {}});
    for (const LostStretch& lost : change.lost) {
      std::vector<ChangeItem> soon;
      for (const ChangeItem& item : lost.removed)
        if (item.within_12h) soon.push_back(item);
      if (soon.empty()) continue;
      lines.push_back(ActNowLine{soon.front().when_minute, soon.front().when_minute, change.person, soon.front().day,
                                 removed_counts(soon), true, lost.until_minute, lost.reason});
    }
  }
  std::stable_sort(lines.begin(), lines.end(), [](const ActNowLine& x, const ActNowLine& y) {
    return std::tie(x.minute, x.person) < std::tie(y.minute, y.person);
  });
  return lines;
}

// What the plan after breaks: uncovered watches from now, and the other
// broken hard rules, one line each (watch-cover only when no watch is
// uncovered, since the uncovered list says it better).
void judge_plan(const Problem& problem, const Roster& after, ChangeReport& report) {
  report.uncovered = uncovered_watches(problem, after, report.now_minute);
  const Evaluation ev = evaluate(problem, after, true);
  std::vector<UnkeptRule> others;
  for (UnkeptRule& u : unkept_rules(problem, ev))
    if (u.rule != RuleKind::kWatchCover || report.uncovered.empty()) others.push_back(std::move(u));
  const std::string lines = unkept_rules_text(problem, others, 0);
  for (std::size_t at = 0; at < lines.size();) {
    const std::size_t end = lines.find('\n', at);
    std::string line = lines.substr(at, end - at);
    if (line.rfind("  - ", 0) == 0) report.broken.push_back(line.substr(4));
    at = end == std::string::npos ? lines.size() : end + 1;
  }
  report.all_rules_kept = ev.score.hard == 0 && report.uncovered.empty();
}

}  // namespace

std::string unit_time_label(const Problem& problem, int unit_minute) {
  return fmt::format("day {} {}", floor_div(unit_minute, kMinutesPerDay), clock_of_minute(problem, unit_minute));
}

std::string unit_clock_label(const Problem& problem, int unit_minute) { return clock_of_minute(problem, unit_minute); }

std::string lost_stretch_text(const Problem& problem, const LostStretch& lost, const std::optional<CalendarDate>& day0) {
  return fmt::format("{}: {} removed", away_words(problem, lost.reason, lost.from_minute, lost.until_minute, day0),
                     removed_counts(lost.removed));
}

std::string act_now_text(const Problem& problem, const ActNowLine& line, const std::optional<CalendarDate>& day0) {
  const std::string when = calendar_when(problem, day0, line.minute, line.end_minute > line.minute ? line.end_minute : -1);
  const std::string& name = problem.people[static_cast<std::size_t>(line.person)].name;
  if (!line.lost) return fmt::format("{}: {}: {}", when, name, line.what);
  return fmt::format("{}: {}: {}: {} in the next 12 h removed", when, name,
                     away_words(problem, line.lost_reason, -1, line.lost_until, day0), line.what);
}

std::string change_item_when(const Problem& problem, const ChangeItem& item, const std::optional<CalendarDate>& day0) {
  return calendar_when(problem, day0, item.when_minute, item.kind == ChangeItem::Kind::kWatch ? item.end_minute : -1);
}

std::string change_report_banner(const ChangeReport& report) {
  if (report.all_rules_kept)
    return fmt::format("ALL RULES KEPT: {} affected, {} within 12 h",
                       count_text(static_cast<long long>(report.people.size()), "person", "people"),
                       count_text(static_cast<long long>(report.act_now.size()), "change", "changes"));
  std::string out = "NOT EVERY RULE CAN BE KEPT: ";
  std::vector<std::string> parts;
  if (!report.uncovered.empty())
    parts.push_back(count_text(static_cast<long long>(report.uncovered.size()), "watch", "watches") + " UNCOVERED");
  if (!report.broken.empty())
    parts.push_back(fmt::format("{} broken", count_text(static_cast<long long>(report.broken.size()), "other rule", "other rules")));
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

ChangeReport compare_plans(const Problem& problem, const Roster& before, const Roster& after, int now_minute) {
  if (std::string e = check_unit_roster_shape(problem, before); !e.empty()) throw std::invalid_argument("plan before: " + e);
  if (std::string e = check_unit_roster_shape(problem, after); !e.empty()) throw std::invalid_argument("plan after: " + e);
  const UnitLayout layout = make_unit_layout(problem);
  const long long window_end = static_cast<long long>(now_minute) + kActNowMinutes;
  auto soon = [&](int minute) { return minute >= now_minute && minute < window_end; };

  ChangeReport report;
  report.now_minute = now_minute;
  std::vector<int> starts;
  for (int p = 0; p < problem.person_count(); ++p) {
    PersonChange change{p, 0, {}, {}};
    for (int d = 0; d < problem.days(); ++d) {
      for (int lane = 0; lane < layout.lanes; ++lane)
        if (before.at(p, d, lane) != after.at(p, d, lane)) ++report.changed_cells;
      if (before.at(p, d, UnitLayout::kPlacementLane) != after.at(p, d, UnitLayout::kPlacementLane)) {
        change.items.push_back(place_item(problem, layout, before, after, p, d));
      }
      for (int s = 0; s < layout.watch_slots; ++s) {
        const ShiftCode a = before.at(p, d, layout.watch_lane(s)), b = after.at(p, d, layout.watch_lane(s));
        if (a == b) continue;
        ++report.changed_watches;
        change.items.push_back(watch_item(problem, layout, a, b, d, s));
      }
      if (before.at(p, d, layout.shower_lane) != after.at(p, d, layout.shower_lane))
        change.items.push_back(shower_item(problem, layout, before, after, p, d));
      for (ChangeItem& item : change.items) {
        if (item.day != d) continue;
        // A moved shower counts from either start, the earlier first.
        if (item.kind != ChangeItem::Kind::kShower) starts.assign(1, item.start_minute);
        else starts = {item.start_minute, item.end_minute - layout.shower_minutes};
        const auto first_soon = std::find_if(starts.begin(), starts.end(), soon);
        item.within_12h = first_soon != starts.end();
        item.when_minute = item.within_12h ? *first_soon : item.start_minute;
      }
    }
    if (change.items.empty()) continue;
    std::stable_sort(change.items.begin(), change.items.end(), [](const ChangeItem& x, const ChangeItem& y) {
      return std::tuple(x.start_minute, static_cast<int>(x.kind)) < std::tuple(y.start_minute, static_cast<int>(y.kind));
    });
    for (const ChangeItem& item : change.items) report.changed_within_12h += item.within_12h ? 1 : 0;
    change.first_minute = change.items.front().start_minute;
    fold_losses(problem.people[static_cast<std::size_t>(p)], now_minute, change);
    report.people.push_back(std::move(change));
  }
  std::stable_sort(report.people.begin(), report.people.end(),
                   [](const PersonChange& x, const PersonChange& y) { return x.first_minute < y.first_minute; });
  report.act_now = act_now_lines(report);
  judge_plan(problem, after, report);
  return report;
}

std::string write_change_report(const Problem& problem, const Roster& before, const Roster& after, int now_minute,
                                const std::string& folder, const OutputOptions& options) {
  if (std::string e = check_unit_roster_shape(problem, before); !e.empty()) return "plan before: " + e;
  if (std::string e = check_unit_roster_shape(problem, after); !e.empty()) return "plan after: " + e;
  std::string error;
  const auto day0 = start_date_of(problem, options, &error);
  if (!error.empty()) return error;
  if (!options.calendar_stamp.empty() && !valid_calendar_stamp(options.calendar_stamp))
    return fmt::format("calendar stamp: expected a UTC date-time YYYYMMDDTHHMMSSZ, got '{}'", options.calendar_stamp);
  if (options.calendar_sequence < 1)
    return fmt::format("calendar sequence: expected the repaired plan's version less one, 1 or more, got {}",
                       options.calendar_sequence);
  if (!options.sheet_language.empty())
    if (std::string e = catalog_code_error(options.sheet_language); !e.empty()) return "sheet language: " + e;

  const ChangeReport report = compare_plans(problem, before, after, now_minute);
  namespace fs = std::filesystem;
  const fs::path root(folder);
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return fmt::format("{}: cannot create the folder: {}", root.string(), ec.message());
  const std::pair<const char*, std::string> files[] = {
      {"changes.txt", change_report_text(problem, report, day0, options.stamp)},
      {"changes.html", change_report_html(problem, report, day0, options.stamp)},
      {"changes.json", change_report_json(problem, report, day0, options.stamp)},
  };
  for (const auto& [name, text] : files)
    if (std::string e = write_file((root / name).string(), text); !e.empty()) return e;
  if (report.people.empty() || !day0) return {};

  const fs::path people_dir = root / "people";
  fs::create_directories(people_dir, ec);
  if (ec) return fmt::format("{}: cannot create the folder: {}", people_dir.string(), ec.message());
  const std::vector<std::string> slugs = person_slugs(problem);
  for (const PersonChange& change : report.people) {
    const std::string& slug = slugs[static_cast<std::size_t>(change.person)];
    if (std::string e = write_file((people_dir / (slug + ".ics")).string(),
                                   person_schedule_update_ics(problem, before, after, change.person, *day0,
                                                              options.calendar_stamp, options.calendar_sequence,
                                                              sheet_catalog(problem, change.person, options.sheet_language)));
        !e.empty())
      return e;
  }
  return {};
}

}  // namespace vigil
