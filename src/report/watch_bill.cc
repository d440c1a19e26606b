// Watch bill as printable HTML and as CSV.
#include "report/watch_bill.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "eval/evaluation.h"
#include "model/wording.h"
#include "report/uncovered_watches.h"

namespace vigil {

namespace {

// Who watches where: [day][slot][column] -> people, columns being the places
// with watchers.
struct WatchGrid {
  std::vector<int> columns;  // place indices
  int slots = 0;
  std::vector<std::vector<int>> cells;

  std::vector<int>& at(int day, int slot, int column) {
    return cells[(static_cast<std::size_t>(day) * slots + slot) * columns.size() + column];
  }
};

WatchGrid watch_grid(const Problem& problem, const UnitLayout& layout, const Roster& roster) {
  WatchGrid g;
  std::vector<int> column_of(problem.places.size(), -1);
  for (std::size_t i = 0; i < problem.places.size(); ++i)
    if (problem.places[i].watchers > 0) {
      column_of[i] = static_cast<int>(g.columns.size());
      g.columns.push_back(static_cast<int>(i));
    }
  g.slots = layout.watch_slots;
  g.cells.resize(static_cast<std::size_t>(roster.days()) * g.slots * g.columns.size());
  for (int p = 0; p < roster.people(); ++p)
    for (int d = 0; d < roster.days(); ++d)
      for (const UnitDay::Watch& w : unit_day(layout, roster, p, d).watches)
        if (column_of[static_cast<std::size_t>(w.place)] >= 0) g.at(d, w.slot, column_of[static_cast<std::size_t>(w.place)]).push_back(p);
  return g;
}

// What to write for a missing watcher, and who of the watchers is away: the
// short slots from the plan's `now` on (uncovered_watches.h).
struct Gaps {
  std::map<std::tuple<int, int, int>, const UncoveredWatch*> at;  // (day, slot, place)
  std::vector<UncoveredWatch> list;

  Gaps(const Problem& problem, const Roster& roster) : list(uncovered_watches(problem, roster, plan_from_minute(problem))) {
    for (const UncoveredWatch& w : list) at[{w.day, w.slot, w.place}] = &w;
  }
  const UncoveredWatch* find(int day, int slot, int place) const {
    const auto it = at.find({day, slot, place});
    return it == at.end() ? nullptr : it->second;
  }
};

bool is_away(const UncoveredWatch* gap, int person) {
  return gap && std::find(gap->away.begin(), gap->away.end(), person) != gap->away.end();
}

std::string slot_time(const Problem& problem, const UnitLayout& layout, int slot, bool end) {
  return clock_label(problem.horizon.day_start_minute + layout.slot_start[static_cast<std::size_t>(slot)] +
                     (end ? layout.watch_minutes : 0));
}

constexpr std::size_t kColumnsPerTable = 8;

const char* const kStyle = R"(@page { size: A4 %ORIENTATION%; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: %WIDTH%; }
header h1 { font-size: 16pt; margin: 0 0 2mm; }
header p { margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 0 0 3mm; }
section.day { break-after: page; page-break-after: always; }
section.day:last-of-type { break-after: auto; page-break-after: auto; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.3mm solid #444; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
th.time { width: 26mm; white-space: nowrap; }
tr.night th, tr.night td { background: #e9ecf5; }
td.short, tr.night td.short { background: #f9d6d6; }
span.uncovered { color: #b00000; font-weight: bold; }
p.legend { font-size: 8.5pt; color: #333; }
@media print { body { max-width: none; } * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
)";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

std::string watch_bill_html(const Problem& problem, const Roster& roster, const std::optional<CalendarDate>& day0,
                            const PlanStamp& stamp) {
  const UnitLayout layout = make_unit_layout(problem);
  WatchGrid grid = watch_grid(problem, layout, roster);
  const Gaps gaps(problem, roster);
  const bool landscape = grid.columns.size() > 6;
  const std::string name = html_escape(problem.name);
  const int days = roster.days();

  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>Watch bill: {}</title>\n<style>\n", name);
  out += replace_all(replace_all(kStyle, "%ORIENTATION%", landscape ? "landscape" : "portrait"), "%WIDTH%",
                     landscape ? "273mm" : "186mm");
  out += "</style>\n</head>\n<body>\n<header>\n";
  out += fmt::format("<h1>Watch bill: {}</h1>\n", name);
  out += fmt::format("<p>{} day{}, {}{} to {}{}. Each day runs from the {} changeover to {} the next morning.</p>\n",
                     days, days == 1 ? "" : "s", weekday_name(problem, 0), date_suffix(day0, 0, " "),
                     weekday_name(problem, days - 1), date_suffix(day0, days - 1, " "),
                     clock_label(problem.horizon.day_start_minute), clock_label(problem.horizon.day_start_minute));
  if (const std::string s = plan_stamp_text(stamp); !s.empty()) out += fmt::format("<p class=\"stamp\">{}</p>\n", s);
  out += "<p class=\"legend\">Shaded rows: night watches. Red cells: fewer people than the place needs; UNCOVERED: a watcher missing from now on, nobody stands it.</p>\n";
  out += "</header>\n";
  for (int d = 0; d < days; ++d) {
    out += "<section class=\"day\">\n";
    out += fmt::format("<h2>{} &middot; {}{}</h2>\n", name, day_label(problem, d), date_suffix(day0, d, ", "));
    for (std::size_t first = 0; first < grid.columns.size() || first == 0; first += kColumnsPerTable) {
      const std::size_t last = std::min(grid.columns.size(), first + kColumnsPerTable);
      out += "<table>\n<thead><tr><th class=\"time\">Watch</th>";
      for (std::size_t c = first; c < last; ++c) {
        const Place& place = problem.places[static_cast<std::size_t>(grid.columns[c])];
        out += fmt::format("<th>{}{}</th>", html_escape(place.name), place.kind == PlaceKind::kRestCenter ? " (guard)" : "");
      }
      out += "</tr></thead>\n<tbody>\n";
      for (int s = 0; s < grid.slots; ++s) {
        out += fmt::format("<tr{}><th class=\"time\">{}&ndash;{}</th>", layout.night_slot[static_cast<std::size_t>(s)] ? " class=\"night\"" : "",
                           slot_time(problem, layout, s, false), slot_time(problem, layout, s, true));
        for (std::size_t c = first; c < last; ++c) {
          const auto& who = grid.at(d, s, static_cast<int>(c));
          const UncoveredWatch* gap = gaps.find(d, s, grid.columns[c]);
          const bool short_handed =
              gap || static_cast<int>(who.size()) < problem.places[static_cast<std::size_t>(grid.columns[c])].watchers_on(d);
          out += short_handed ? "<td class=\"short\">" : "<td>";
          std::vector<std::string> lines;
          for (int p : who)
            lines.push_back(html_escape(problem.people[static_cast<std::size_t>(p)].name) + (is_away(gap, p) ? " (away)" : ""));
          for (int k = 0; gap && k < gap->missing; ++k) lines.push_back("<span class=\"uncovered\">UNCOVERED</span>");
          for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "<br>" : "") + lines[i];
          out += "</td>";
        }
        out += "</tr>\n";
      }
      out += "</tbody>\n</table>\n";
      if (grid.columns.empty()) break;
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

std::string watch_bill_csv(const Problem& problem, const Roster& roster) {
  const UnitLayout layout = make_unit_layout(problem);
  WatchGrid grid = watch_grid(problem, layout, roster);
  const Gaps gaps(problem, roster);
  std::string out = "day,weekday,start,end";
  for (int c : grid.columns) {
    out += ',';
    out += csv_field(problem.places[static_cast<std::size_t>(c)].name);
  }
  out += '\n';
  for (int d = 0; d < roster.days(); ++d)
    for (int s = 0; s < grid.slots; ++s) {
      out += fmt::format("{},{},{},{}", d, weekday_name(problem, d), slot_time(problem, layout, s, false),
                         slot_time(problem, layout, s, true));
      for (std::size_t c = 0; c < grid.columns.size(); ++c) {
        const UncoveredWatch* gap = gaps.find(d, s, grid.columns[c]);
        std::string names;
        for (int p : grid.at(d, s, static_cast<int>(c))) {
          if (!names.empty()) names += " / ";
          names += problem.people[static_cast<std::size_t>(p)].name + (is_away(gap, p) ? " (away)" : "");
        }
        for (int k = 0; gap && k < gap->missing; ++k) names += names.empty() ? "UNCOVERED" : " / UNCOVERED";
        out += ',';
        out += csv_field(names);
      }
      out += '\n';
    }
  return out;
}

}  // namespace vigil
