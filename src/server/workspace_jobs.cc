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

ApiError busy_error(std::int64_t running) {
  return conflict("", fmt::format("job {} is running: one job at a time (cancel it or wait for it)", running));
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
                                            const std::vector<std::string>& events, const std::string& user) {
  std::lock_guard lock(write_mutex_);
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
    if (job.cancelled()) return JobOutcome{false, "cancelled: nothing saved", 0, ""};
    PlanVersion draft;
    const auto in_force = store_.plan_in_force();
    draft.parent = in_force ? in_force->version : 0;
    draft.scenario = scenario_id;
    draft.reason = "planned";
    draft.hard = r.score.hard;
    draft.soft = r.score.soft;
    auto saved = save_draft(draft, *problem, r.roster, {}, user);
    if (!saved) return JobOutcome{false, saved.error().message, 0, ""};
    return JobOutcome{true,
                      fmt::format("draft version {}: {} (hard {}, wishes cost {}), {:.1f} s, seed {}", *saved,
                                  r.score.feasible() ? "every hard rule kept" : "SOME HARD RULES CANNOT BE KEPT",
                                  r.score.hard, r.score.soft, r.seconds, request.seed),
                      *saved, ""};
  }, &busy);
  if (!id) return busy_error(busy);
  return *id;
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
  if (!events) return bad_request("events", events.error().format());
  for (UnitEvent& e : *events)
    if (e.reported_minute < 0) e.reported_minute = *now;
  const Roster plan = remap_roster(*in_force->problem, in_force->roster, problem);
  auto prepared = prepare_repair(problem, plan, *events, *now, "request");
  if (!prepared) return bad_request("events", prepared.error().format());
  const std::int64_t parent = in_force->version.version;
  std::vector<std::string> lines;
  for (const UnitEvent& e : *events) {
    const std::string yaml = events_to_yaml(problem, {e}, "");
    const auto start = yaml.find("- ");
    lines.push_back(yaml.substr(start + 2, yaml.find('\n', start) - start - 2));
  }
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
    if (job.cancelled()) return JobOutcome{false, "cancelled: nothing saved", 0, ""};
    // The unit after the events is the newest scenario: what happened stays, whether or not the draft is published.
    Problem after = r.problem;
    after.unit->repair.reset();
    ScenarioVersion s{0, scenario_to_yaml(after), "scenario.yaml", user, utc_iso_time(wall_clock_seconds()),
                      fmt::format("{} event(s) at {}", lines.size(), moment_label(after, r.now_minute))};
    const std::int64_t scenario_id = store_.add_scenario(s, user);
    if (scenario_id == 0) return JobOutcome{false, "the store could not save the unit after the events", 0, ""};
    PlanVersion draft;
    draft.parent = parent;
    draft.scenario = scenario_id;
    draft.reason = "repair at " + moment_label(after, r.now_minute) + ": " + lines.front() +
                   (lines.size() > 1 ? fmt::format(" and {} more", lines.size() - 1) : "");
    draft.hard = r.evaluation.score.hard;
    draft.soft = r.evaluation.score.soft;
    draft.now_minute = r.now_minute;
    auto saved = save_draft(draft, after, r.roster(), lines, user);
    if (!saved) return JobOutcome{false, saved.error().message, 0, ""};
    return JobOutcome{true,
                      fmt::format("draft version {}: {} (hard {}), {:.2f} s, seed {}", *saved,
                                  r.all_hard_kept ? "every hard rule kept" : "SOME HARD RULES CANNOT BE KEPT",
                                  r.evaluation.score.hard, r.search.seconds, seed),
                      *saved, json{{"unkept", broken_json(r.problem, r.unkept)}}.dump()};
  }, &busy);
  if (!id) return busy_error(busy);
  return *id;
}

Outcome<std::int64_t> Workspace::start_resilience(const json& body, const std::string& user) {
  const Fields f(body);
  if (auto e = f.only({"work_per_case", "seed"})) return *e;
  std::int64_t work = 40'000, seed = 1;
  if (auto e = f.whole("work_per_case", work, 1000, 100'000'000, false)) return *e;
  if (auto e = f.whole("seed", seed, 0, 1'000'000'000, false)) return *e;
  auto in_force = plan_in_force();
  if (!in_force) return in_force.error();
  std::int64_t busy = 0;
  auto id = jobs_.start("resilience", user, [plan = std::make_shared<LoadedPlan>(std::move(*in_force)), work,
                                             seed](JobContext& job) {
    ResilienceOptions options;
    options.work_per_case = work;
    options.seed = static_cast<std::uint64_t>(seed);
    const ResilienceReport report = check_resilience(*plan->problem, plan->roster, options);
    json cases = json::array();
    for (const LossCase& c : report.cases)
      if (!c.repaired)
        cases.push_back({{"person", plan->problem->people[static_cast<std::size_t>(c.person)].name},
                         {"day", c.day}, {"consequences", c.consequences}});
    (void)job;
    return JobOutcome{true,
                      fmt::format("plan version {} survives {} of {} single losses ({:.0f} %)", plan->version.version,
                                  report.repaired, report.cases.size(), report.score()),
                      0, json{{"repaired", report.repaired}, {"cases", report.cases.size()}, {"not_repaired", cases}}.dump()};
  }, &busy);
  if (!id) return busy_error(busy);
  return *id;
}

}  // namespace vigil::server
