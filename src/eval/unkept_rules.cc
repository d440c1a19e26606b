// Groups a unit plan's broken hard rules by rule and place (see unkept_rules.h).
#include "eval/unkept_rules.h"

#include <algorithm>

#include <fmt/format.h>

#include "model/unit.h"
#include "model/wording.h"

namespace vigil {

namespace {

int floor_day(int unit_minute) {
  return unit_minute >= 0 ? unit_minute / kMinutesPerDay : -((-unit_minute + kMinutesPerDay - 1) / kMinutesPerDay);
}

std::string time_label(const Problem& problem, int unit_minute) {
  const int day = floor_day(unit_minute);
  const int in_day = unit_minute - day * kMinutesPerDay;
  return day_label(problem, day) + " " + clock_label((problem.horizon.day_start_minute + in_day) % kMinutesPerDay);
}

std::string days_text(const Problem& problem, const UnkeptRule& u) {
  auto span = [&](const std::pair<int, int>& r) {
    return r.first == r.second ? day_label(problem, r.first) : fmt::format("{}-{}", r.first, r.second);
  };
  const auto& runs = u.day_spans;
  if (runs.empty()) return {};
  if (runs.size() == 1) return runs[0].first == runs[0].second ? span(runs[0]) : "days " + span(runs[0]);
  std::string text = "days ";
  const std::size_t shown = std::min<std::size_t>(runs.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& r = runs[i];
    text += (i == 0 ? "" : i + 1 == shown && shown == runs.size() ? " and " : ", ");
    text += r.first == r.second ? std::to_string(r.first) : span(r);
  }
  if (shown < runs.size()) text += fmt::format(" and {} more", runs.size() - shown);
  return text;
}

// Adds days first..last to sorted runs of consecutive days.
void add_days(std::vector<std::pair<int, int>>& runs, int first, int last) {
  runs.emplace_back(first, last);
  std::sort(runs.begin(), runs.end());
  std::vector<std::pair<int, int>> merged;
  for (const auto& r : runs)
    if (!merged.empty() && r.first <= merged.back().second + 1) merged.back().second = std::max(merged.back().second, r.second);
    else merged.push_back(r);
  runs = std::move(merged);
}

}  // namespace


std::vector<UnkeptRule> unkept_rules(const Problem& problem, const Evaluation& evaluation) {
  std::vector<UnkeptRule> out;
  if (!problem.is_unit()) return out;
  const UnitLayout L = make_unit_layout(problem);
  for (const Violation& v : evaluation.violations) {
    if (!problem.rule(v.rule).hard) continue;
    // When the violation happens: a watch slot or a shower, else whole days.
    int start = v.first_day * kMinutesPerDay, length = (v.last_day - v.first_day + 1) * kMinutesPerDay;
    int place = -1;
    if (v.shift >= 0 && static_cast<std::size_t>(v.shift) < L.role.size()) {
      place = L.place_of[v.shift];
      if (L.role[v.shift] == UnitShiftRole::kWatch) {
        start += L.slot_start[L.slot_of[v.shift]];
        length = L.watch_minutes;
      } else if (L.role[v.shift] == UnitShiftRole::kShower) {
        start += L.shower_start[L.slot_of[v.shift]];
        length = L.shower_minutes;
      }
    }
    std::string where = v.person >= 0 ? problem.people[v.person].name
                        : place >= 0  ? problem.places[place].name
                                      : std::string();
    auto same = [&](const UnkeptRule& u) { return u.rule == v.rule && u.where == where && u.gist == v.gist; };
    auto it = std::find_if(out.begin(), out.end(), same);
    if (it == out.end()) {
      out.push_back(UnkeptRule{v.rule, where, v.gist, start, start + length, 0, 0, {}, {}});
      it = out.end() - 1;
    }
    it->first_minute = std::min(it->first_minute, start);
    it->end_minute = std::max(it->end_minute, start + length);
    it->minutes += length;
    it->units += v.units;
    add_days(it->day_spans, v.first_day, v.last_day);
    it->details.push_back(v.text);
  }
  return out;
}

std::string unkept_rules_text(const Problem& problem, const std::vector<UnkeptRule>& unkept, std::size_t details) {
  std::string text;
  for (const UnkeptRule& u : unkept) {
    text += fmt::format("  - {}{}{}: {} in all, from {} until {} ({} unit{})\n", rule_name(u.rule),
                        u.where.empty() ? "" : " at ", u.where, duration_text(u.minutes),
                        time_label(problem, u.first_minute), time_label(problem, u.end_minute), u.units,
                        u.units == 1 ? "" : "s");
    for (std::size_t i = 0; i < u.details.size() && i < details; ++i) text += "      " + u.details[i] + "\n";
    if (u.details.size() > details) text += fmt::format("      ... and {} more\n", u.details.size() - details);
  }
  return text;
}

std::string unkept_consequence(const Problem& problem, const UnkeptRule& u) {
  const std::string days = days_text(problem, u);
  switch (u.rule) {
    case RuleKind::kTeam:
      return fmt::format("leaves {} {} on {}", u.where, u.gist.empty() ? "short of a team need" : u.gist, days);
    case RuleKind::kWatchCover:
      return fmt::format("leaves {} short on watch for {} on {}", u.where, duration_text(u.minutes), days);
    default:
      return fmt::format("breaks {}{}{} on {}", rule_name(u.rule), u.where.empty() ? "" : " for ", u.where, days);
  }
}

}  // namespace vigil
