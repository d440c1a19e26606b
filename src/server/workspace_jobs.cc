// The workspace's writes that make plan versions: the plan, repair and
// resilience jobs, hand edits, publishing (see workspace.h).
#include <fmt/format.h>

#include "base/calendar_date.h"
#include "eval/edit_scoring.h"
#include "eval/evaluation.h"
#include "eval/unkept_rules.h"
#include "io/events_reader.h"
#include "io/scenario_writer.h"
#include "io/unit_roster_json.h"
#include "model/plan_edit.h"
#include "model/wording.h"
#include "server/json_fields.h"
#include "server/workspace.h"
#include "solve/repair.h"
#include "solve/resilience.h"
#include "solve/solver.h"

namespace vigil::server {
namespace {

using nlohmann::json;

// An error of the events reader or of applying events: the field is the
// path the message starts with ("events[0].unavailable"), the message the
// rest, without the request's line and caret (the request was re-written).
ApiError reader_error(const InputError& e) {
  const std::string& m = e.message;
  const auto colon = m.find(": ");
  if (m.rfind("events[", 0) == 0 && colon != std::string::npos) return bad_request(m.substr(0, colon), m.substr(colon + 2));
  return bad_request("events", m);
}

std::int64_t wishes_cost(const Evaluation& ev) {
  return ev.score.soft - ev.rules[static_cast<int>(RuleKind::kChanges)].cost;
}

ApiError busy_error(std::int64_t running) {
  return conflict("", fmt::format("job {} is running: one job at a time (cancel it or wait for it)", running));
}

JobOutcome failed(std::string message) {
  JobOutcome o;
  o.message = std::move(message);
  return o;
}

JobOutcome saved_draft(std::int64_t version, std::string message, const Evaluation& ev, std::int64_t moves,
                       std::string result = "") {
  JobOutcome o;
  o.ok = true;
  o.version = version;
  o.message = std::move(message);
  o.result = std::move(result);
  o.scored = true;
  o.hard = ev.score.hard;
  o.soft = wishes_cost(ev);
  o.moves = moves;
  return o;
}

// "{unavailable: Ana, from: day 6 10:00, reported: day 6 10:00}": one event as the log writes it, without
// the calendar comment.
std::string event_line(const Problem& problem, const UnitEvent& e) {
  const std::string yaml = events_to_yaml(problem, {e}, "");
  const auto start = yaml.find("- ") + 2;
  std::string line = yaml.substr(start, yaml.find('\n', start) - start);
  if (const auto comment = line.find("}  #"); comment != std::string::npos) line.resize(comment + 1);
  return line;
}

json broken_json(const Problem& problem, const std::vector<UnkeptRule>& broken) {
  json out = json::array();
  for (const UnkeptRule& u : broken)
    out.push_back({{"rule", rule_name(u.rule)}, {"where", u.where}, {"units", u.units},
                   {"text", unkept_rules_text(problem, {u}, 3)}});
  return out;
}

}  // namespace

Outcome<std::int64_t> Workspace::save_draft(PlanVersion draft, const Problem& problem, const Roster& roster,
                                            const std::vector<std::string>& events, const std::string& user,
                                            bool base_must_be_newest) {
  std::lock_guard lock(write_mutex_);
  if (base_must_be_newest) {
    const std::int64_t newest = newest_kept_version();
    if (newest != draft.parent)
      return conflict("version", fmt::format("version {} is not the newest: the newest is {}; edit that one",
                                             draft.parent, newest));
  }
  draft.version = store_.newest_version() + 1;
  draft.state = PlanState::kDraft;
  draft.author = user;
  draft.made = utc_iso_time(wall_clock_seconds());
  draft.plan_json = unit_roster_to_json(problem, roster, PlanStamp{static_cast<int>(draft.version),
                                                                   static_cast<int>(draft.parent), draft.made,
                                                                   draft.reason});
  auto saved = events.empty() ? store_.save_plan(draft, user) : store_.save_repair(draft, events, user);
  forget_states();
  if (!saved) return conflict("", saved.error().message);
  return *saved;
}

Outcome<std::int64_t> Workspace::job_started(std::optional<std::int64_t> id, std::int64_t busy, const char* kind,
                                             const std::string& user) {
  if (!id) return busy_error(busy);
  store_.audit(user, "start", fmt::format("job {}", *id), "", kind);
  return *id;
}

Outcome<std::int64_t> Workspace::start_plan(const PlanJobRequest& request, const std::string& user) {
  const auto current = store_.current_scenario();
  if (!current) return not_found("unit", "no unit yet: import a scenario first");
  auto problem = problem_of(current->id);
  if (!problem) return problem.error();
  const std::int64_t scenario_id = current->id;
  std::int64_t busy = 0;
  auto id = jobs_.start("plan", user, [this, problem = *problem, request, scenario_id, user](JobContext& job) {
    SolveOptions options;
    options.time_limit_seconds = request.seconds;
    options.work_limit = request.work;
    options.seed = request.seed;
    options.cancel = job.cancel_flag();
    const SolveResult r =
        solve(*problem, options, [&job](const Progress& p) { job.report(p.best.hard, p.best.soft, p.moves); });
    if (job.cancelled()) return failed("cancelled: nothing saved");
    PlanVersion draft;
    draft.parent = in_force_version();
    draft.scenario = scenario_id;
    draft.reason = "planned";
    const Evaluation ev = evaluate(*problem, r.roster);
    draft.hard = ev.score.hard;
    draft.soft = wishes_cost(ev);
    auto saved = save_draft(draft, *problem, r.roster, {}, user);
    if (!saved) return failed(saved.error().message);
    return saved_draft(*saved,
                       fmt::format("draft version {}: {} (hard {}, wishes cost {}), {:.1f} s, seed {}", *saved,
                                   ev.score.feasible() ? "every hard rule kept" : "SOME HARD RULES CANNOT BE KEPT",
                                   ev.score.hard, draft.soft, r.seconds, request.seed),
                       ev, r.moves);
  }, &busy);
  return job_started(id, busy, "plan", user);
}

Outcome<std::int64_t> Workspace::start_repair(const json& body, const std::string& user) {
  const Fields f(body);
  if (auto e = f.only({"now", "events", "seconds", "work", "seed"})) return *e;
  std::string now_text;
  if (auto e = f.text("now", now_text, false)) return *e;
  // A draft within 2 s of the report (the first plan keeping every rule comes
  // within 0.1 s on unit-64; the rest of the time goes to fewer changes).
  double seconds = 1.5;
  std::int64_t work = 0, seed = 1;
  if (auto e = f.number("seconds", seconds, 0.01, 600, false)) return *e;
  if (auto e = f.whole("work", work, 0, 1'000'000'000'000, false)) return *e;
  if (auto e = f.whole("seed", seed, 0, 1'000'000'000, false)) return *e;
  if (!body.contains("events") || !body["events"].is_array() || body["events"].empty())
    return bad_request("events", "expected a list of one or more events, got " +
                                     (body.contains("events") ? describe_json(body["events"]) : std::string("nothing")));
  auto in_force = plan_in_force();
  if (!in_force) return in_force.error();
  auto current = current_problem();
  if (!current) return current.error();
  Problem problem = **current;
  if (!problem.start_date) problem.start_date = in_force->problem->start_date;
  auto now = now_minute(problem, now_text, "now");
  if (!now) return now.error();
  // The request's events are an events file in JSON (JSON is YAML): one reader, one set of errors.
  auto events = parse_events(json{{"events", body["events"]}}.dump(), "request", problem);
  if (!events) return reader_error(events.error());
  for (UnitEvent& e : *events)
    if (e.reported_minute < 0) e.reported_minute = *now;
  const Roster plan = remap_roster(*in_force->problem, in_force->roster, problem);
  auto prepared = prepare_repair(problem, plan, *events, *now, "request");
  if (!prepared) return reader_error(prepared.error());
  const std::int64_t parent = in_force->version.version;
  std::vector<std::string> lines;
  for (const UnitEvent& e : *events) lines.push_back(event_line(problem, e));
  std::int64_t busy = 0;
  auto id = jobs_.start("repair", user, [this, prepared = std::make_shared<RepairCase>(std::move(*prepared)), seconds,
                                         work, seed, parent, lines, user](JobContext& job) {
    RepairOptions options;
    options.time_limit_seconds = seconds;
    options.work_limit = work;
    options.seed = static_cast<std::uint64_t>(seed);
    options.cancel = job.cancel_flag();
    options.on_progress = [&job](const Progress& p) { job.report(p.best.hard, p.best.soft, p.moves); };
    const RepairOutcome r = run_repair(std::move(*prepared), options);
    if (job.cancelled()) return failed("cancelled: nothing saved");
    // The unit after the events is the newest scenario: what happened stays, whether or not the draft is published.
    Problem after = r.problem;
    after.unit->repair.reset();
    ScenarioVersion s{0, scenario_to_yaml(after), "scenario.yaml", user, utc_iso_time(wall_clock_seconds()),
                      fmt::format("{} event(s) at {}", lines.size(), moment_label(after, r.now_minute))};
    const std::int64_t scenario_id = store_.add_scenario(s, user);
    if (scenario_id == 0) return failed("the store could not save the unit after the events");
    PlanVersion draft;
    draft.parent = parent;
    draft.scenario = scenario_id;
    draft.reason = "repair at " + moment_label(after, r.now_minute) + ": " + lines.front() +
                   (lines.size() > 1 ? fmt::format(" and {} more", lines.size() - 1) : "");
    draft.hard = r.evaluation.score.hard;
    draft.soft = wishes_cost(r.evaluation);
    draft.now_minute = r.now_minute;
    auto saved = save_draft(draft, after, r.roster(), lines, user);
    if (!saved) return failed(saved.error().message);
    return saved_draft(*saved,
                       fmt::format("draft version {}: {} (hard {}), {:.2f} s, seed {}", *saved,
                                   r.all_hard_kept ? "every hard rule kept" : "SOME HARD RULES CANNOT BE KEPT",
                                   r.evaluation.score.hard, r.search.seconds, seed),
                       r.evaluation, r.search.moves, json{{"unkept", broken_json(r.problem, r.unkept)}}.dump());
  }, &busy);
  return job_started(id, busy, "repair", user);
}

Outcome<std::int64_t> Workspace::start_resilience(const json& body, const std::string& user) {
  const Fields f(body);
  if (auto e = f.only({"work_per_case", "seed", "now"})) return *e;
  std::int64_t work = 40'000, seed = 1;
  std::string now_text;
  if (auto e = f.text("now", now_text, false)) return *e;
  if (auto e = f.whole("work_per_case", work, 1000, 100'000'000, false)) return *e;
  if (auto e = f.whole("seed", seed, 0, 1'000'000'000, false)) return *e;
  auto in_force = plan_in_force();
  if (!in_force) return in_force.error();
  // Losses from the next changeover after now on: the past cannot be lost.
  int first_day = 1;
  if (!now_text.empty() || in_force->problem->start_date) {
    auto now = now_minute(*in_force->problem, now_text, "now");
    if (!now) return now.error();
    first_day = std::max(1, *now / kMinutesPerDay + 1);
  }
  std::int64_t busy = 0;
  auto id = jobs_.start("resilience", user, [plan = std::make_shared<LoadedPlan>(std::move(*in_force)), work, seed,
                                             first_day](JobContext& job) {
    ResilienceOptions options;
    options.work_per_case = work;
    options.seed = static_cast<std::uint64_t>(seed);
    options.first_day = first_day;
    options.cancel = job.cancel_flag();
    options.on_case = [&job](const ResilienceReport& r) {
      job.report(static_cast<std::int64_t>(r.cases.size()) - r.repaired, 0, static_cast<std::int64_t>(r.cases.size()));
    };
    const ResilienceReport report = check_resilience(*plan->problem, plan->roster, options);
    if (job.cancelled()) return failed(fmt::format("cancelled after {} cases", report.cases.size()));
    json cases = json::array();
    for (const LossCase& c : report.cases)
      if (!c.repaired)
        cases.push_back({{"person", plan->problem->people[static_cast<std::size_t>(c.person)].name},
                         {"day", c.day}, {"consequences", c.consequences}});
    JobOutcome o;
    o.ok = true;
    o.message = fmt::format("plan version {} survives {} of {} single losses from day {} on ({:.0f} %)",
                            plan->version.version, report.repaired, report.cases.size(), first_day, report.score());
    o.result = json{{"repaired", report.repaired}, {"cases", report.cases.size()}, {"first_day", first_day},
                    {"not_repaired", cases}}.dump();
    return o;
  }, &busy);
  return job_started(id, busy, "resilience", user);
}

}  // namespace vigil::server
