// The change report as text, printable HTML and JSON (see change_report.h):
// the same sections in the same order in each, so what the duty officer reads
// first on paper is what a program reads first in the JSON.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/wording.h"
#include "report/change_report.h"

namespace vigil {

namespace {

// Uncovered watches listed on the first screen; the rest follow at the end.
constexpr std::size_t kUncoveredFirst = 6;

const std::string& name_of(const Problem& problem, int person) {
  return problem.people[static_cast<std::size_t>(person)].name;
}

const char* kind_name(ChangeItem::Kind kind) {
  switch (kind) {
    case ChangeItem::Kind::kPlace: return "place";
    case ChangeItem::Kind::kWatch: return "watch";
    case ChangeItem::Kind::kShower: return "shower";
  }
  return "?";
}

std::string now_line(const Problem& problem, const ChangeReport& report, const std::optional<CalendarDate>& day0) {
  return fmt::format("Now: {}. Day 0 is {}{}.", calendar_when(problem, day0, report.now_minute),
                     weekday_name(problem, 0), date_suffix(day0, 0, " "));
}

// The date of unit minute `minute` for the JSON, null without a start date.
nlohmann::ordered_json json_date_at(const Problem& problem, const std::optional<CalendarDate>& day0, int minute) {
  return day0 ? nlohmann::ordered_json(date_at(problem, *day0, minute).iso()) : nlohmann::ordered_json();
}

std::string act_now_heading(const Problem& problem, const ChangeReport& report, const std::optional<CalendarDate>& day0) {
  const std::string until = calendar_when(problem, day0, report.now_minute + kActNowMinutes);
  if (report.act_now.empty()) return fmt::format("ACT NOW: nothing changes in the next 12 h (until {}).", until);
  return fmt::format("ACT NOW: {} in the next 12 h (until {}), in time order:",
                     count_text(static_cast<long long>(report.act_now.size()), "change", "changes"), until);
}

std::string people_heading(const ChangeReport& report) {
  return fmt::format("Everyone affected, soonest first: {}, {} {}, {} in all.",
                     count_text(static_cast<long long>(report.people.size()), "person", "people"),
                     count_text(report.changed_watches, "watch", "watches"), report.changed_watches == 1 ? "changes" : "change",
                     count_text(report.changed_cells, "roster cell", "roster cells"));
}

}  // namespace

std::string change_report_text(const Problem& problem, const ChangeReport& report,
                               const std::optional<CalendarDate>& day0, const PlanStamp& stamp) {
  std::string out = fmt::format("Changes to the plan of {}\n", problem.name);
  if (const std::string s = plan_stamp_text(stamp); !s.empty()) out += s + "\n";
  out += now_line(problem, report, day0) + "\n\n";
  out += change_report_banner(report) + "\n";
  for (const std::string& line : report.broken) out += "  - " + line + "\n";
  if (!report.uncovered.empty()) {
    out += fmt::format("\nUNCOVERED: {} nobody stands, soonest first (who could cover each, nearest first):\n",
                       count_text(static_cast<long long>(report.uncovered.size()), "watch", "watches"));
    for (std::size_t i = 0; i < report.uncovered.size() && i < kUncoveredFirst; ++i)
      out += "  - " + uncovered_text(problem, report.uncovered[i], day0) + "\n";
    if (report.uncovered.size() > kUncoveredFirst)
      out += fmt::format("  ... and {} more, each listed at the end.\n", report.uncovered.size() - kUncoveredFirst);
  }
  out += "\n" + act_now_heading(problem, report, day0) + "\n";
  for (const ActNowLine& line : report.act_now) out += "  - " + act_now_text(problem, line, day0) + "\n";
  out += "\n";
  if (report.people.empty()) return out + "Nothing changes.\n";
  out += people_heading(report) + "\n";
  for (const PersonChange& change : report.people) {
    out += name_of(problem, change.person) + ":\n";
    for (const LostStretch& lost : change.lost) out += "  - " + lost_stretch_text(problem, lost, day0) + "\n";
    for (const ChangeItem& item : change.items)
      out += fmt::format("  - {}: {} -> {}{}\n", change_item_when(problem, item, day0), item.before, item.after,
                         item.within_12h ? "  [within 12 h]" : "");
  }
  if (report.uncovered.size() > kUncoveredFirst) {
    out += fmt::format("\nAll UNCOVERED watches ({}):\n", report.uncovered.size());
    for (const UncoveredWatch& w : report.uncovered) out += "  - " + uncovered_text(problem, w, day0) + "\n";
  }
  if (!day0) return out + "\n" + no_start_date_note() + "\n";
  return out + "\nCalendars: people/<name>.ics for each person above; imported on a phone over the old calendar, "
               "it cancels the duties that are gone and leaves exactly the new schedule.\n";
}

std::string change_report_html(const Problem& problem, const ChangeReport& report,
                               const std::optional<CalendarDate>& day0, const PlanStamp& stamp) {
  const std::string title = html_escape("Changes: " + problem.name);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>{}</title>\n", title);
  out += R"(<style>
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 4mm 0 2mm; }
p { margin: 0 0 3mm; }
div.banner { font-size: 12pt; font-weight: bold; padding: 2mm 3mm; margin: 0 0 4mm; border: 0.6mm solid #2e7d32; background: #e3f1e4; }
div.banner.broken { border-color: #b00000; background: #f9d6d6; color: #7a0000; }
div.banner ul { font-size: 10pt; font-weight: normal; margin: 1mm 0 0; }
section.person { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
th, td { border: 0.3mm solid #444; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
td.uncovered { background: #f9d6d6; color: #7a0000; font-weight: bold; }
tr.soon td { font-weight: bold; background: #fde9d9; }
@media print { * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head>
<body>
)";
  out += fmt::format("<h1>{}</h1>\n", title);
  if (const std::string s = plan_stamp_text(stamp); !s.empty()) out += fmt::format("<p class=\"stamp\">{}</p>\n", s);
  out += fmt::format("<p>{}</p>\n", html_escape(now_line(problem, report, day0)));
  out += fmt::format("<div class=\"banner{}\">{}", report.all_rules_kept ? "" : " broken",
                     html_escape(change_report_banner(report)));
  if (!report.broken.empty()) {
    out += "<ul>";
    for (const std::string& line : report.broken) out += "<li>" + html_escape(line) + "</li>";
    out += "</ul>";
  }
  out += "</div>\n";
  if (!report.uncovered.empty()) {
    out += "<h2>UNCOVERED: watches nobody stands</h2>\n<table>\n<thead><tr><th>Watch</th><th>On it</th>"
           "<th>Missing</th><th>Could cover (nearest first)</th></tr></thead>\n<tbody>\n";
    for (const UncoveredWatch& w : report.uncovered) {
      std::string on_it, cover;
      for (int p : w.remaining) on_it += (on_it.empty() ? "" : ", ") + html_escape(name_of(problem, p));
      for (int p : w.away) on_it += (on_it.empty() ? "" : ", ") + html_escape(name_of(problem, p)) + " (away)";
      for (const CoverCandidate& c : w.candidates)
        cover += (cover.empty() ? "" : ", ") + html_escape(name_of(problem, c.person)) + " (at " +
                 html_escape(problem.places[static_cast<std::size_t>(c.place)].name) + ")";
      out += fmt::format("<tr><td>{}, {}</td><td>{}</td><td class=\"uncovered\">{} UNCOVERED</td><td>{}</td></tr>\n",
                         html_escape(problem.places[static_cast<std::size_t>(w.place)].name),
                         html_escape(calendar_when(problem, day0, w.start_minute, w.end_minute)),
                         on_it.empty() ? std::string("nobody") : on_it, w.missing,
                         cover.empty() ? std::string("nobody within the rules") : cover);
    }
    out += "</tbody>\n</table>\n";
  }
  out += fmt::format("<h2>{}</h2>\n", html_escape(act_now_heading(problem, report, day0)));
  if (!report.act_now.empty()) {
    out += "<table class=\"act-now\">\n<tbody>\n";
    for (const ActNowLine& line : report.act_now) out += "<tr><td>" + html_escape(act_now_text(problem, line, day0)) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  if (report.people.empty()) return out + "<p>Nothing changes.</p>\n</body>\n</html>\n";
  out += fmt::format("<h2>{}</h2>\n", html_escape(people_heading(report)));
  for (const PersonChange& change : report.people) {
    out += fmt::format("<section class=\"person\">\n<h2>{}</h2>\n", html_escape(name_of(problem, change.person)));
    out += "<table>\n<thead><tr><th>When</th><th>Before</th><th>After</th><th>Within 12 h</th></tr></thead>\n<tbody>\n";
    for (const LostStretch& lost : change.lost)
      out += "<tr><td colspan=\"4\">" + html_escape(lost_stretch_text(problem, lost, day0)) + "</td></tr>\n";
    for (const ChangeItem& item : change.items)
      out += fmt::format("{}<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", item.within_12h ? "<tr class=\"soon\">" : "<tr>",
                         html_escape(change_item_when(problem, item, day0)), html_escape(item.before),
                         html_escape(item.after), item.within_12h ? "yes" : "");
    out += "</tbody>\n</table>\n</section>\n";
  }
  return out + "</body>\n</html>\n";
}

namespace {

using J = nlohmann::ordered_json;

J item_json(const Problem& problem, const ChangeItem& item, const std::optional<CalendarDate>& day0) {
  J j;
  j["day"] = item.day;
  j["weekday"] = weekday_name(problem, item.day);
  j["date"] = json_date_at(problem, day0, item.when_minute);  // of the time to act, after midnight too
  j["roster_day_date"] = day0 ? J(day0->plus_days(item.day).iso()) : J();
  j["kind"] = kind_name(item.kind);
  j["when"] = change_item_when(problem, item, day0);
  j["start"] = unit_time_label(problem, item.start_minute);
  j["end"] = unit_time_label(problem, item.end_minute);
  j["start_clock"] = unit_clock_label(problem, item.start_minute);
  j["end_clock"] = unit_clock_label(problem, item.end_minute);
  j["start_minute"] = item.start_minute;
  j["end_minute"] = item.end_minute;
  j["when_minute"] = item.when_minute;
  j["before"] = item.before;
  j["after"] = item.after;
  j["within_12h"] = item.within_12h;
  return j;
}

J uncovered_json(const Problem& problem, const UncoveredWatch& w, const std::optional<CalendarDate>& day0) {
  auto names = [&](const std::vector<int>& people) {
    J a = J::array();
    for (int p : people) a.push_back(name_of(problem, p));
    return a;
  };
  J j;
  j["place"] = problem.places[static_cast<std::size_t>(w.place)].name;
  j["day"] = w.day;
  j["slot"] = w.slot;
  j["date"] = json_date_at(problem, day0, w.start_minute);
  j["start"] = unit_time_label(problem, w.start_minute);
  j["end"] = unit_time_label(problem, w.end_minute);
  j["start_minute"] = w.start_minute;
  j["remaining"] = names(w.remaining);
  j["away"] = names(w.away);
  j["missing"] = w.missing;
  J cover = J::array();
  for (const CoverCandidate& c : w.candidates)
    cover.push_back(J{{"name", name_of(problem, c.person)}, {"at", problem.places[static_cast<std::size_t>(c.place)].name}});
  j["could_cover"] = std::move(cover);
  j["text"] = uncovered_text(problem, w, day0);
  return j;
}

}  // namespace

std::string change_report_json(const Problem& problem, const ChangeReport& report,
                               const std::optional<CalendarDate>& day0, const PlanStamp& stamp) {
  const std::vector<std::string> slugs = person_slugs(problem);
  J doc;
  doc["format"] = "vigil-change-report";
  doc["version"] = 2;
  doc["scenario"] = problem.name;
  doc["day0"] = day0 ? J(day0->iso()) : J();
  if (stamp.version > 0) {
    doc["plan_version"] = stamp.version;
    doc["made"] = stamp.made;
    doc["replaces"] = stamp.replaces > 0 ? J(stamp.replaces) : J();
  }
  doc["changeover"] = clock_label(problem.horizon.day_start_minute);
  doc["now"] = unit_time_label(problem, report.now_minute);
  doc["now_date"] = json_date_at(problem, day0, report.now_minute);
  doc["now_clock"] = unit_clock_label(problem, report.now_minute);
  doc["now_minute"] = report.now_minute;
  doc["window_end"] = unit_time_label(problem, report.now_minute + kActNowMinutes);
  doc["people_affected"] = report.people.size();
  doc["changed_cells"] = report.changed_cells;
  doc["changed_watches"] = report.changed_watches;
  doc["changed_within_12h"] = report.changed_within_12h;
  doc["banner"] = J{{"all_rules_kept", report.all_rules_kept},
                    {"text", change_report_banner(report)},
                    {"uncovered", report.uncovered.size()},
                    {"broken", report.broken}};
  J uncovered = J::array();
  for (const UncoveredWatch& w : report.uncovered) uncovered.push_back(uncovered_json(problem, w, day0));
  doc["uncovered"] = std::move(uncovered);
  J act = J::array();
  for (const ActNowLine& line : report.act_now)
    act.push_back(J{{"date", json_date_at(problem, day0, line.minute)},
                    {"start", unit_time_label(problem, line.minute)},
                    {"start_minute", line.minute},
                    {"name", name_of(problem, line.person)},
                    {"what", line.what},
                    {"lost", line.lost},
                    {"text", act_now_text(problem, line, day0)}});
  doc["act_now"] = std::move(act);
  J people = J::array();
  for (const PersonChange& change : report.people) {
    J person;
    person["person"] = change.person;
    person["name"] = name_of(problem, change.person);
    person["slug"] = slugs[static_cast<std::size_t>(change.person)];
    person["first_change"] = unit_time_label(problem, change.first_minute);
    J lost = J::array();
    for (const LostStretch& l : change.lost) {
      J items = J::array();
      for (const ChangeItem& item : l.removed) items.push_back(item_json(problem, item, day0));
      lost.push_back(J{{"from", unit_time_label(problem, l.from_minute)},
                       {"until", l.until_minute == Absence::kForever ? J() : J(unit_time_label(problem, l.until_minute))},
                       {"reason", l.reason},
                       {"text", lost_stretch_text(problem, l, day0)},
                       {"removed", std::move(items)}});
    }
    person["lost"] = std::move(lost);
    J items = J::array();
    for (const ChangeItem& item : change.items) items.push_back(item_json(problem, item, day0));
    person["items"] = std::move(items);
    people.push_back(std::move(person));
  }
  doc["people"] = std::move(people);
  return doc.dump(2) + "\n";
}

}  // namespace vigil
