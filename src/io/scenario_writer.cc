// The scenario writer: block style for the sections, flow style ({...}) for
// small records (a place with its dates, an absence, a rule, a request),
// every value plain when YAML allows it and double-quoted otherwise.
#include "io/scenario_writer.h"

#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "model/wording.h"



namespace vigil {
namespace {

bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool plain_ok(const std::string& s) {
  if (s.empty() || s.back() == ' ') return false;
  const auto first = static_cast<unsigned char>(s[0]);
  if (!is_alnum(first) && first < 0x80) return false;
  std::string low;
  for (char c : s) low += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  for (const char* word : {"true", "false", "yes", "no", "on", "off", "y", "n", "null"})
    if (low == word) return false;
  // Numbers stay strings only in quotes for other YAML tools.
  if (std::all_of(s.begin(), s.end(), [](char c) { return std::string("0123456789.+-_eE").find(c) != std::string::npos; }))
    return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || is_alnum(c)) continue;
    if (std::string(" _-.'/()+").find(static_cast<char>(c)) != std::string::npos) continue;
    // "day 3 14:00" is plain; "06:00" is quoted (YAML 1.1 tools would read a number).
    if (c == ':' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9' && !(first >= '0' && first <= '9')) continue;
    return false;
  }
  return true;
}

std::string scalar(const std::string& s) {
  if (plain_ok(s)) return s;
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string clock_value(int clock_minute) { return fmt::format("\"{}\"", clock_label(clock_minute)); }

std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + scalar(items[i]);
  return out + "]";
}

const char* bool_text(bool b) { return b ? "true" : "false"; }

std::string languages_flow(const UnitSetup& unit, const UnitPersonInfo& info) {
  std::string langs;
  for (const SpokenLanguage& l : info.languages) {
    const std::string code = l.language >= 0 && static_cast<std::size_t>(l.language) < unit.languages.size()
                                 ? unit.languages[static_cast<std::size_t>(l.language)]
                                 : "?";
    langs += fmt::format("{}{}: {}", langs.empty() ? "" : ", ", scalar(code), language_level_name(l.level));
  }
  return "{" + langs + "}";
}

std::vector<std::string> skill_names(const UnitSetup& unit, const UnitPersonInfo& info) {
  std::vector<std::string> skills;
  for (std::size_t s = 0; s < unit.skills.size(); ++s)
    if (info.has_skill(static_cast<int>(s))) skills.push_back(unit.skills[s]);
  return skills;
}

// ", opens: day 11, closes: day 20, beds-changes: [{from: day 14, beds: 6}]",
// each only when it says something (model/problem.h Place).
std::string place_dates(const Place& pl) {
  std::string out;
  if (pl.open_day > 0) out += fmt::format(", opens: day {}", pl.open_day);
  if (pl.close_day != Place::kNeverCloses) out += fmt::format(", closes: day {}", pl.close_day);
  if (pl.beds_changes.empty()) return out;
  out += ", beds-changes: [";
  for (std::size_t i = 0; i < pl.beds_changes.size(); ++i)
    out += fmt::format("{}{{from: day {}, beds: {}}}", i ? ", " : "", pl.beds_changes[i].day, pl.beds_changes[i].beds);
  return out + "]";
}

}  // namespace

std::string yaml_scalar(const std::string& text) { return scalar(text); }

std::string person_flow(const UnitSetup& unit, const Person& person) {
  const UnitPersonInfo& info = person.unit;
  std::string out = "{name: " + scalar(person.name);
  if (!info.nationality.empty()) out += ", nationality: " + scalar(info.nationality);
  out += ", languages: " + languages_flow(unit, info);
  out += fmt::format(", experience: {}", experience_name(info.experience));
  const std::vector<std::string> skills = skill_names(unit, info);
  if (!skills.empty()) out += ", skills: " + flow_list(skills);
  return out + "}";
}

std::string scenario_to_yaml(const Problem& problem) {
  const UnitSetup unit = problem.unit.value_or(UnitSetup{});
  const int changeover = problem.horizon.day_start_minute;
  std::string out;
  const auto line = [&](const std::string& text) { out += text + "\n"; };

  line("# vigil scenario (docs/scenario.md)");
  line("unit: " + scalar(problem.name));
  line("horizon:");
  line(fmt::format("  days: {}", problem.horizon.days));
  line(fmt::format("  first-weekday: {}", weekday_lower(problem.horizon.first_weekday)));
  line("  changeover: " + clock_value(changeover));
  if (problem.start_date) line(fmt::format("  start-date: \"{}\"", problem.start_date->iso()));
  line("languages: " + flow_list(unit.languages));
  line("skills: " + flow_list(unit.skills));
  line("rotation:");
  line(fmt::format("  post-days: {}", unit.rotation.post_days));
  line(fmt::format("  rest-days: {}", unit.rotation.rest_days));
  line(fmt::format("  max-rest-days: {}", unit.rotation.max_rest_days));
  line("watch-length: " + scenario_duration(unit.watch_minutes));
  line("showers:");
  line("  from: " + clock_value(unit.shower_from_clock));
  line("  until: " + clock_value(unit.shower_until_clock));
  line("  slot: " + scenario_duration(unit.shower_minutes));

  line("places:");
  for (PlaceKind kind : {PlaceKind::kPost, PlaceKind::kRestCenter}) {
    std::vector<std::string> rows;
    for (const Place& pl : problem.places) {
      if (pl.kind != kind) continue;
      if (kind == PlaceKind::kPost)
        rows.push_back(fmt::format("{{name: {}, beds: {}, watchers: {}{}}}", scalar(pl.name), pl.capacity, pl.watchers,
                                   place_dates(pl)));
      else
        rows.push_back(fmt::format("{{name: {}, beds: {}, guards: {}, showers: {}{}}}", scalar(pl.name), pl.capacity,
                                   pl.watchers, pl.showers, place_dates(pl)));
    }
    const char* key = kind == PlaceKind::kPost ? "posts" : "rest-centers";
    if (rows.empty()) {
      line(fmt::format("  {}: []", key));
      continue;
    }
    line(fmt::format("  {}:", key));
    for (const auto& r : rows) line("    - " + r);
  }

  line("people:");
  for (const Person& person : problem.people) {
    const UnitPersonInfo& info = person.unit;
    line("  - name: " + scalar(person.name));
    if (!info.nationality.empty()) line("    nationality: " + scalar(info.nationality));
    line("    languages: " + languages_flow(unit, info));
    line(fmt::format("    experience: {}", experience_name(info.experience)));
    const std::vector<std::string> skills = skill_names(unit, info);
    if (!skills.empty()) line("    skills: " + flow_list(skills));
    if (!info.absences.empty()) {
      line("    unavailable:");
      for (const Absence& a : info.absences) {
        std::string row = "{from: " + scalar(scenario_time_point(changeover, a.from_minute));
        if (a.until_minute != Absence::kForever) row += ", until: " + scalar(scenario_time_point(changeover, a.until_minute));
        if (!a.reason.empty()) row += ", reason: " + scalar(a.reason);
        line("      - " + row + "}");
      }
    }
  }

  line("rules:");
  const UnitRuleParameters& par = unit.parameters;
  for (RuleKind kind : scenario_rules()) {
    const RuleSetting& s = problem.rule(kind);
    std::string row = fmt::format("enabled: {}, hard: {}, weight: {}", bool_text(s.enabled), bool_text(s.hard), s.weight);
    switch (kind) {
      case RuleKind::kDailyRest: row += ", min-rest: " + scenario_duration(par.min_rest_minutes); break;
      case RuleKind::kDailyWatchHours: row += ", max: " + scenario_duration(par.max_watch_minutes); break;
      case RuleKind::kWatchesInRow: row += fmt::format(", max: {}", par.max_watches_in_row); break;
      case RuleKind::kShowers: row += fmt::format(", per-rest-stint: {}", par.showers_per_rest_stint); break;
      case RuleKind::kTravel: row += ", time: " + scenario_duration(par.travel_minutes); break;
      case RuleKind::kNightSpread:
        row += ", night-from: " + clock_value(par.night_from_clock) + ", night-until: " + clock_value(par.night_until_clock);
        break;
      default: break;
    }
    if (kind != RuleKind::kTeam) {
      line(fmt::format("  {}: {{{}}}", rule_name(kind), row));
      continue;
    }
    line(fmt::format("  {}:", rule_name(kind)));
    line(fmt::format("    enabled: {}", bool_text(s.enabled)));
    line(fmt::format("    hard: {}", bool_text(s.hard)));
    line(fmt::format("    weight: {}", s.weight));
    if (par.team_needs.empty()) {
      line("    needs: []");
      continue;
    }
    line("    needs:");
    for (const TeamNeed& n : par.team_needs) {
      std::string need;
      const auto name_at = [](const std::vector<std::string>& names, int i) {
        return i >= 0 && static_cast<std::size_t>(i) < names.size() ? names[static_cast<std::size_t>(i)] : "?";
      };
      switch (n.kind) {
        case TeamNeed::Kind::kExperience:
          need = fmt::format("experience: {}", experience_name(static_cast<Experience>(n.value)));
          break;
        case TeamNeed::Kind::kSkill: need = "skill: " + scalar(name_at(unit.skills, n.value)); break;
        case TeamNeed::Kind::kLanguage: need = "language: " + scalar(name_at(unit.languages, n.value)); break;
      }
      if (n.count != 1) need += fmt::format(", count: {}", n.count);
      if (n.label != default_team_need_label(unit, n)) need += ", label: " + scalar(n.label);
      line("      - {" + need + "}");
    }
  }

  if (unit.requests.empty()) {
    line("requests: []");
    return out;
  }
  line("requests:");
  const auto person_name = [&](PersonId id) {
    return id.valid() && id.index() < problem.people.size() ? problem.people[id.index()].name : std::string("?");
  };
  for (const PersonalRequest& r : unit.requests) {
    std::string row = "{person: " + scalar(person_name(r.person));
    switch (r.kind) {
      case PersonalRequest::Kind::kDayOff: row += fmt::format(", day-off: {}", r.day); break;
      case PersonalRequest::Kind::kPost: {
        const std::string place = r.place.valid() && r.place.index() < problem.places.size()
                                      ? problem.places[r.place.index()].name
                                      : std::string("?");
        row += ", post: " + scalar(place);
        row += fmt::format(", from-day: {}", r.first_day);
        if (r.last_day != INT_MAX) row += fmt::format(", to-day: {}", r.last_day);
        break;
      }
      case PersonalRequest::Kind::kPartner: row += ", partner: " + scalar(person_name(r.partner)); break;
    }
    row += fmt::format(", weight: {}}}", r.weight);
    line("  - " + row);
  }
  return out;
}

}  // namespace vigil
