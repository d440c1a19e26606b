// The workspace: imports, reads and the files of a version (see
// workspace.h). Jobs, edits and publishing are in workspace_jobs.cc.
#include "server/workspace.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "base/calendar_date.h"
#include "base/name_suggestion.h"
#include "eval/evaluation.h"
#include "io/scenario_reader.h"
#include "io/unit_roster_json.h"
#include "io/unit_time.h"
#include "model/events.h"
#include "model/unit.h"
#include "model/wording.h"
#include "report/change_report.h"
#include "report/catalogs.h"
#include "report/person_schedule.h"
#include "report/rotation_chart.h"
#include "report/unit_summary.h"
#include "report/watch_bill.h"

namespace vigil::server {
namespace {

using nlohmann::json;

ApiError input_error(int status, const std::string& field, const InputError& e) {
  return {status, field, e.format()};
}

// What a person is at `now`, from their absences: the status the duty
// officer's registry shows, and until when.
std::pair<std::string, int> status_at(const Person& person, int now) {
  for (const Absence& a : person.unit.absences) {
    if (a.from_minute > now || now >= a.until_minute) continue;
    const std::string& r = a.reason;
    const auto has = [&](const char* word) { return r.find(word) != std::string::npos; };
    if (has("wound")) return {"wounded", a.until_minute};
    if (has("leave")) return {"on leave", a.until_minute};
    if (has("train")) return {"in training", a.until_minute};
    if (has("join")) return {"joining", a.until_minute};
    if (a.until_minute == Absence::kForever) return {"gone", a.until_minute};
    return {"away", a.until_minute};
  }
  return {"active", -1};
}

// {"uk": "native", "en": "basic"}: the languages `person` speaks, or with
// `other`, those both speak, at the lower of the two levels.
json languages_json(const Problem& problem, const Person& person, const Person* other) {
  json out = json::object();
  for (const SpokenLanguage& l : person.unit.languages) {
    LanguageLevel level = l.level;
    if (other) {
      const auto theirs = std::find_if(other->unit.languages.begin(), other->unit.languages.end(),
                                       [&](const SpokenLanguage& o) { return o.language == l.language; });
      if (theirs == other->unit.languages.end()) continue;
      level = std::min(level, theirs->level);
    }
    out[problem.unit->languages[static_cast<std::size_t>(l.language)]] = language_level_name(level);
  }
  return out;
}

// The days of `own` (a person of the plan JSON) with, on each watch, who
// stands it with them ("with": names), and in `partners` each of those by
// name with the languages the two share: what the person's page shows
// beside each watch (a viewer may not read the registry).
json days_with_partners(const Problem& problem, const json& plan, const json& own, json& partners) {
  const std::string me = own["name"].get<std::string>();
  using Watch = std::tuple<int, std::string, int>;  // day, place, slot
  const auto watch_of = [](const json& day, const json& w) {
    return Watch{day["day"].get<int>(), w["place"].get<std::string>(), w["slot"].get<int>()};
  };
  std::map<Watch, std::vector<std::string>> standing;  // the person's watches -> who stands them
  for (const json& day : own["days"])
    for (const json& w : day["watches"]) standing[watch_of(day, w)];
  for (const json& entry : plan["people"])
    for (const json& day : entry["days"])
      for (const json& w : day["watches"])
        if (auto it = standing.find(watch_of(day, w)); it != standing.end()) it->second.push_back(entry["name"]);
  const Person& person = problem.people[problem.find_person(me)->index()];
  partners = json::object();
  json days = own["days"];
  for (json& day : days)
    for (json& w : day["watches"]) {
      json with = json::array();
      for (const std::string& name : standing[watch_of(day, w)]) {
        if (name == me) continue;
        with.push_back(name);
        if (!partners.contains(name))
          partners[name] = languages_json(problem, person, &problem.people[problem.find_person(name)->index()]);
      }
      w["with"] = std::move(with);
    }
  return days;
}

json time_json(const Problem& problem, int minute) {
  if (minute < 0 || minute == Absence::kForever) return nullptr;
  return moment_label(problem, minute);
}

}  // namespace

Outcome<int> now_minute(const Problem& problem, const std::string& text, const std::string& field) {
  const bool wall_clock = text.empty() || text == "now";
  ParsedUnitTime t;
  if (wall_clock && problem.start_date) t.minute = wall_clock_minute(problem);
  else t = wall_clock ? parse_now_option(problem, "now") : parse_unit_time(problem, text, "");
  if (!t.minute) {
    // parse_now_option speaks of the command line's --now; here the field is named instead.
    std::string message = t.error;
    if (message.rfind("--now '", 0) == 0) message = message.substr(message.find("': ") + 3);
    return bad_request(field, message);
  }
  const long long end = static_cast<long long>(problem.days()) * kMinutesPerDay;
  // The wall clock may lie before the plan's first day or after its last: then now is its start or its end.
  if (wall_clock) return static_cast<int>(std::clamp(*t.minute, 0LL, end));
  if (*t.minute < 0 || *t.minute > end)
    return bad_request(field, fmt::format("expected a moment within the plan's {} days, got '{}'", problem.days(), text));
  return static_cast<int>(*t.minute);
}

Outcome<std::shared_ptr<const Problem>> Workspace::problem_of(std::int64_t scenario_id) {
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = problems_.find(scenario_id); it != problems_.end()) return it->second;
  }
  const auto stored = store_.scenario(scenario_id);
  if (!stored) return not_found("scenario", fmt::format("no scenario version {}", scenario_id));
  auto parsed = parse_scenario(stored->yaml, stored->file_name);
  if (!parsed) return input_error(500, "scenario", parsed.error());
  auto problem = std::make_shared<const Problem>(std::move(*parsed));
  std::lock_guard lock(cache_mutex_);
  problems_[scenario_id] = problem;
  return problem;
}

std::int64_t Workspace::in_force_version() {
  {
    std::lock_guard lock(cache_mutex_);
    if (in_force_ >= 0) return in_force_;
  }
  const std::int64_t v = store_.in_force_version();
  std::lock_guard lock(cache_mutex_);
  in_force_ = v;
  return v;
}

std::optional<PlanState> Workspace::plan_state(std::int64_t version) {
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = states_.find(version); it != states_.end()) return it->second;
  }
  const auto record = store_.plan_record(version);
  if (!record) return std::nullopt;
  std::lock_guard lock(cache_mutex_);
  states_[version] = record->state;
  return record->state;
}

void Workspace::forget_states() {
  std::lock_guard lock(cache_mutex_);
  in_force_ = -1;
  states_.clear();
}

Outcome<std::shared_ptr<const Problem>> Workspace::current_problem() {
  const auto current = store_.current_scenario();
  if (!current) return not_found("unit", "no unit yet: import a scenario first (vigil serve --init SCENARIO.yaml)");
  return problem_of(current->id);
}

Outcome<std::int64_t> Workspace::import_scenario(const std::string& yaml, const std::string& file_name,
                                                 const std::string& user) {
  auto parsed = parse_scenario(yaml, file_name);
  if (!parsed) return input_error(400, "scenario", parsed.error());
  if (!parsed->is_unit()) return bad_request("scenario", file_name + ": expected a unit scenario (.yaml)");
  // One unit per store: a new version of it, never another unit in its place.
  if (const auto current = store_.current_scenario()) {
    auto now = problem_of(current->id);
    if (now && (*now)->name != parsed->name)
      return conflict("scenario", fmt::format("{}: expected unit '{}' (this store's unit), got '{}'", file_name,
                                              (*now)->name, parsed->name));
  }
  ScenarioVersion s;
  s.yaml = yaml;
  s.file_name = file_name;
  s.author = user;
  s.made = utc_iso_time(wall_clock_seconds());
  s.reason = "imported from " + file_name;
  const std::int64_t id = store_.add_scenario(s, user);
  if (id == 0) return ApiError{500, "", "the store could not save the scenario"};
  return id;
}

Outcome<std::int64_t> Workspace::import_plan(const std::string& json_text, const std::string& file_name, bool publish,
                                             const std::string& user) {
  const auto current = store_.current_scenario();
  if (!current) return not_found("unit", "no unit yet: import a scenario first");
  auto problem = problem_of(current->id);
  if (!problem) return problem.error();
  PlanFileInfo info;
  auto roster = parse_unit_roster_json(**problem, json_text, file_name, &info);
  if (!roster) return input_error(400, "plan", roster.error());
  Problem dated = **problem;
  if (info.start_date) dated.start_date = info.start_date;
  std::lock_guard lock(write_mutex_);
  PlanVersion v;
  v.version = store_.newest_version() + 1;
  const auto in_force = store_.plan_in_force();
  v.parent = in_force ? in_force->version : 0;
  v.scenario = current->id;
  v.author = user;
  v.made = utc_iso_time(wall_clock_seconds());
  v.reason = "imported from " + file_name;
  if (info.stamp.version == v.version && (info.stamp.replaces == v.parent)) {
    v.plan_json = json_text;  // kept byte for byte: an export gives the same file back
    if (!info.stamp.made.empty()) v.made = info.stamp.made;
    if (!info.stamp.reason.empty()) v.reason = info.stamp.reason;
  } else {
    v.plan_json = unit_roster_to_json(dated, *roster, PlanStamp{static_cast<int>(v.version),
                                                                static_cast<int>(v.parent), v.made, v.reason});
  }
  const Evaluation ev = evaluate(dated, *roster);
  v.hard = ev.score.hard;
  v.soft = ev.score.soft;
  auto saved = store_.save_plan(v, user);
  forget_states();
  if (!saved) return conflict("", saved.error().message);
  if (publish)
    if (auto err = store_.publish(*saved, user)) return conflict("", *err);
  forget_states();
  return *saved;
}

Outcome<LoadedPlan> Workspace::load_plan(std::int64_t version) {
  auto stored = store_.plan(version);
  if (!stored) return not_found("version", fmt::format("no plan version {}", version));
  auto problem = problem_of(stored->scenario);
  if (!problem) return problem.error();
  PlanFileInfo info;
  auto roster = parse_unit_roster_json(**problem, stored->plan_json, fmt::format("plan version {}", version), &info);
  if (!roster) return input_error(500, "plan", roster.error());
  std::shared_ptr<const Problem> dated = *problem;
  if (info.start_date && !(*problem)->start_date) {
    auto copy = std::make_shared<Problem>(**problem);
    copy->start_date = info.start_date;
    dated = copy;
  }
  return LoadedPlan{std::move(*stored), dated, std::move(*roster)};
}

Outcome<LoadedPlan> Workspace::plan_in_force() {
  const auto in_force = store_.plan_in_force();
  if (!in_force) return not_found("plan", "no plan is in force yet: plan the unit and publish a draft");
  return load_plan(in_force->version);
}

Outcome<json> Workspace::unit_json() {
  const auto current = store_.current_scenario();
  auto problem = current_problem();
  if (!problem) return problem.error();
  const Problem& p = **problem;
  const UnitSetup& u = *p.unit;
  json places = json::array();
  for (const Place& pl : p.places)
    places.push_back({{"name", pl.name}, {"kind", place_kind_name(pl.kind)}, {"beds", pl.capacity},
                      {"watchers", pl.watchers}, {"showers", pl.showers}});
  json rules = json::array();
  for (int r = 0; r < kRuleCount; ++r) {
    const RuleKind kind = static_cast<RuleKind>(r);
    const RuleInfo& info = rule_info(kind);
    if (info.owner != ProblemKind::kUnit || info.role == RuleRole::kRepairRule || info.role == RuleRole::kRepairWish)
      continue;
    const RuleSetting& s = p.rule(kind);
    rules.push_back({{"rule", info.name}, {"enabled", s.enabled}, {"hard", s.hard}, {"weight", s.weight}});
  }
  return json{{"name", p.name},
              {"scenario_version", current->id},
              {"days", p.days()},
              {"changeover", clock_label(p.horizon.day_start_minute)},
              {"start_date", p.start_date ? json(p.start_date->iso()) : json(nullptr)},
              {"watch_minutes", u.watch_minutes},
              {"rotation", {{"post_days", u.rotation.post_days}, {"rest_days", u.rotation.rest_days}}},
              {"languages", u.languages},
              {"skills", u.skills},
              {"places", places},
              {"people", p.person_count()},
              {"rules", rules}};
}

Outcome<json> Workspace::people_json(const std::string& now_text) {
  auto problem = current_problem();
  if (!problem) return problem.error();
  const Problem& p = **problem;
  auto now = now_minute(p, now_text, "now");
  if (!now) return now.error();
  json people = json::array();
  for (const Person& person : p.people) {
    const json languages = languages_json(p, person, nullptr);
    json skills = json::array();
    for (std::size_t s = 0; s < p.unit->skills.size(); ++s)
      if (person.unit.has_skill(static_cast<int>(s))) skills.push_back(p.unit->skills[s]);
    json absences = json::array();
    for (const Absence& a : person.unit.absences)
      absences.push_back({{"from", time_json(p, a.from_minute)}, {"until", time_json(p, a.until_minute)},
                          {"reason", a.reason}});
    const auto [status, until] = status_at(person, *now);
    people.push_back({{"name", person.name}, {"nationality", person.unit.nationality}, {"status", status},
                      {"until", time_json(p, until)}, {"languages", languages},
                      {"experience", experience_name(person.unit.experience)}, {"skills", skills},
                      {"absences", absences}});
  }
  return json{{"now", moment_label(p, *now)}, {"people", people}};
}

json Workspace::plans_json() {
  json out = json::array();
  for (const PlanVersion& v : store_.plans())
    out.push_back({{"version", v.version}, {"parent", v.parent ? json(v.parent) : json(nullptr)},
                   {"scenario_version", v.scenario}, {"state", plan_state_name(v.state)}, {"in_force", v.in_force},
                   {"author", v.author}, {"made", v.made}, {"reason", v.reason}, {"hard", v.hard}, {"soft", v.soft}});
  return json{{"plans", out}};
}

Outcome<std::shared_ptr<const SharedBody>> Workspace::plan_json(std::int64_t version) {
  std::shared_ptr<const std::string> view;
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = plan_views_.find(version); it != plan_views_.end()) view = it->second;
  }
  if (!view) {
    auto loaded = load_plan(version);
    if (!loaded) return loaded.error();
    const Problem& p = *loaded->problem;
    const Evaluation ev = evaluate(p, loaded->roster, true);
    const UnitSummary summary = summarize_unit(p, loaded->roster, ev, p.start_date);
    const PlanVersion& v = loaded->version;
    const json doc{{"version", v.version},
                   {"parent", v.parent ? json(v.parent) : json(nullptr)},
                   {"author", v.author},
                   {"made", v.made},
                   {"reason", v.reason},
                   {"hard", v.hard},
                   {"soft", v.soft},
                   {"all_hard_rules_kept", ev.score.feasible()},
                   {"summary", unit_summary_text(summary, 50)},
                   {"plan", json::parse(v.plan_json)}};
    std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
    text.pop_back();  // the closing brace
    view = std::make_shared<const std::string>(std::move(text));
    std::lock_guard lock(cache_mutex_);
    plan_views_[version] = view;
  }
  // State and being in force change on publish: read them fresh.
  const auto stored = plan_state(version);
  if (!stored) return not_found("version", fmt::format("no plan version {}", version));
  const std::string state = fmt::format(",\"state\":\"{}\",\"in_force\":{}}}", plan_state_name(*stored),
                                        in_force_version() == version ? "true" : "false");
  std::lock_guard lock(cache_mutex_);
  auto& [cached_state, body] = plan_bodies_[version];
  if (!body || cached_state != state) {
    cached_state = state;
    body = std::make_shared<const SharedBody>(*view + state);
  }
  return body;
}

Outcome<std::string> Workspace::changes_json(std::int64_t from, std::int64_t to) {
  auto before = load_plan(from);
  if (!before) return ApiError{before.error().status, "from", before.error().message};
  auto after = load_plan(to);
  if (!after) return ApiError{after.error().status, "to", after.error().message};
  const Problem& p = *after->problem;
  const Roster moved = remap_roster(*before->problem, before->roster, p);
  const int now = std::max(after->version.now_minute, 0);
  const ChangeReport report = compare_plans(p, moved, after->roster, now);
  PlanStamp stamp{static_cast<int>(to), static_cast<int>(from), after->version.made, after->version.reason};
  return change_report_json(p, report, p.start_date, stamp);
}

Outcome<std::string> Workspace::export_file(std::int64_t version, const std::string& name, std::string& type,
                                            const std::string& language) {
  auto loaded = load_plan(version);
  if (!loaded) return loaded.error();
  const Problem& p = *loaded->problem;
  const Roster& r = loaded->roster;
  const PlanVersion& v = loaded->version;
  const PlanStamp stamp{static_cast<int>(v.version), static_cast<int>(v.parent), v.made, v.reason};
  type = "text/plain; charset=utf-8";
  if (name == "roster.json") {
    type = "application/json; charset=utf-8";
    return v.plan_json;
  }
  if (name == "watch-bill.html") {
    type = "text/html; charset=utf-8";
    return watch_bill_html(p, r, p.start_date, stamp);
  }
  if (name == "watch-bill.csv") {
    type = "text/csv; charset=utf-8";
    return watch_bill_csv(p, r);
  }
  if (name == "rotation.svg") {
    type = "image/svg+xml";
    return rotation_chart_svg(p, r);
  }
  if (name == "summary.txt") {
    const Evaluation ev = evaluate(p, r, true);
    return plan_stamp_text(stamp) + "\n" + unit_summary_text(summarize_unit(p, r, ev, p.start_date));
  }
  const std::vector<std::string> slugs = person_slugs(p);
  for (std::size_t i = 0; i < slugs.size(); ++i) {
    const int person = static_cast<int>(i);
    const Catalog& words = sheet_catalog(p, person, language);
    if (name == "people/" + slugs[i] + ".txt") return person_schedule_text(p, r, person, p.start_date, stamp, words);
    if (name == "people/" + slugs[i] + ".ics") {
      if (!p.start_date) return not_found("file", "no calendar: the start date of day 0 is not known");
      type = "text/calendar; charset=utf-8";
      // DTSTAMP: when the version was made, so every read of it is the same file.
      return person_schedule_ics(p, r, person, *p.start_date, calendar_stamp_of_made(v.made),
                                 std::max(0, static_cast<int>(v.version) - 1), words);
    }
  }
  return not_found("file", "expected roster.json, watch-bill.html, watch-bill.csv, rotation.svg, summary.txt or "
                           "people/<slug>.txt|ics (the name in lower-case ASCII, e.g. people/" +
                               (slugs.empty() ? std::string("ana-lima") : slugs.front()) + ".ics), got '" + name + "'");
}

std::string Workspace::slug_of(std::int64_t version, const std::string& person) {
  auto loaded = load_plan(version);
  if (!loaded) return {};
  const auto id = loaded->problem->find_person(person);
  return id ? person_slugs(*loaded->problem)[id->index()] : std::string();
}

Outcome<json> Workspace::schedule_json(std::int64_t version, const std::string& person, const std::string& language) {
  auto loaded = load_plan(version);
  if (!loaded) return loaded.error();
  const Problem& p = *loaded->problem;
  const auto id = p.find_person(person);
  if (!id) {
    std::vector<std::string> names;
    for (const Person& q : p.people) names.push_back(q.name);
    return not_found("person", fmt::format("expected a person of the unit, got '{}'{}", person, did_you_mean(person, names)));
  }
  const json plan = json::parse(loaded->version.plan_json);
  json partners;
  for (const json& entry : plan["people"])
    if (entry["name"] == person)
      return json{{"version", version},
                  {"name", person},
                  {"slug", person_slugs(p)[id->index()]},
                  {"start_date", p.start_date ? json(p.start_date->iso()) : json(nullptr)},
                  {"text", person_schedule_text(p, loaded->roster, static_cast<int>(id->index()), p.start_date, {},
                                                sheet_catalog(p, static_cast<int>(id->index()), language))},
                  {"languages", languages_json(p, p.people[id->index()], nullptr)},
                  {"days", days_with_partners(p, plan, entry, partners)},
                  {"partners", partners}};
  return not_found("person", fmt::format("{} is not in plan version {}", person, version));
}

}  // namespace vigil::server
