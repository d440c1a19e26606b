// `vigil repair SCENARIO --roster CURRENT.json --now TIME --events EVENTS.yaml`:
// applies what happened, keeps everything before now, and re-plans the rest
// with as few changes as possible (fewest within the next 12 hours). Writes
// the new plan's files and the change report.
#include <cstdio>
#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/search_flags.h"
#include "eval/evaluation.h"
#include "eval/unkept_rules.h"
#include "io/events_reader.h"
#include "report/change_report.h"
#include "report/unit_outputs.h"
#include "io/unit_roster_json.h"
#include "report/unit_summary.h"
#include "solve/repair.h"

namespace vigil::app {
namespace {

// "day N" (the changeover that starts day N) or "day N HH:MM"; a clock time
// before the changeover is the night at the end of day N, as in scenario files.
std::optional<int> parse_now(const Problem& problem, const std::string& text) {
  static const std::regex form(R"(\s*day\s+(\d{1,4})(?:\s+(\d{1,2}):(\d{2}))?\s*)");
  std::smatch m;
  if (!std::regex_match(text, m, form)) return std::nullopt;
  const int day = std::stoi(m[1].str());
  if (day < 0 || day >= problem.days()) return std::nullopt;
  int offset = 0;
  if (m[2].matched) {
    const int clock = std::stoi(m[2].str()) * 60 + std::stoi(m[3].str());
    if (clock >= kMinutesPerDay || std::stoi(m[3].str()) >= 60) return std::nullopt;
    offset = (clock - problem.horizon.day_start_minute + kMinutesPerDay) % kMinutesPerDay;
  }
  return day * kMinutesPerDay + offset;
}

}  // namespace

Handler setup_repair(CLI::App& sub) {
  struct Args {
    std::string scenario, roster, now, events_file, out_dir, start_date;
    std::vector<std::string> events;
    SearchFlags search;
  };
  auto args = std::make_shared<Args>();
  sub.add_option("scenario", args->scenario, "Scenario file (.yaml)")->required();
  sub.add_option("--roster", args->roster, "The plan in force (.json, as written by vigil solve)")->required();
  sub.add_option("--now", args->now, "The moment of the repair: \"day 3 14:00\"; nothing before it changes")->required();
  sub.add_option("--events", args->events_file, "Events file (.yaml): who is lost, who arrives, posts and beds");
  sub.add_option("--event", args->events,
                 "One event: unavailable:NAME@day 3 14:00[..day 10] or available:NAME@day 8 (repeatable)");
  add_time_flag(sub, args->search, "", fmt::format("{:g}", kRepairDefaultSeconds));
  add_work_flag(sub, args->search.work, "");
  add_seed_flag(sub, args->search.seed);
  sub.add_option("--out-dir", args->out_dir, "Folder for the new plan and the change report (default <scenario>-repair)");
  sub.add_option("--start-date", args->start_date, "Calendar date of day 0 (YYYY-MM-DD) for the calendars");
  return [args]() -> int {
    auto before = load_instance(args->scenario);
    if (!before) return kExitInputError;
    if (!before->is_unit()) {
      fmt::print(stderr, "{}: expected a scenario file (.yaml) for a repair\n", args->scenario);
      return kExitInputError;
    }
    auto plan = read_unit_roster(*before, args->roster);
    if (!plan) {
      fmt::print(stderr, "{}\n", plan.error().format());
      return kExitInputError;
    }
    const auto now = parse_now(*before, args->now);
    if (!now) {
      fmt::print(stderr, "--now '{}': expected a time point like \"day 3\" or \"day 3 14:00\" within days 0-{}\n",
                 args->now, before->days() - 1);
      return kExitInputError;
    }
    std::vector<UnitEvent> events;
    if (!args->events_file.empty()) {
      auto read = read_events(args->events_file, *before);
      if (!read) {
        fmt::print(stderr, "{}\n", read.error().format());
        return kExitInputError;
      }
      events = *read;
    }
    for (const std::string& text : args->events) {
      auto e = parse_event_option(text, *before);
      if (!e) {
        fmt::print(stderr, "{}\n", e.error().format());
        return kExitInputError;
      }
      events.push_back(*e);
    }
    auto prepared = prepare_repair(*before, *plan, events, *now,
                                   args->events_file.empty() ? "--event" : args->events_file);
    if (!prepared) {
      fmt::print(stderr, "{}\n", prepared.error().format());
      return kExitInputError;
    }

    fmt::print("vigil repair {}: {} event(s), now {}; seed {}, {}\n", args->scenario, events.size(), args->now,
               args->search.seed, args->search.work > 0
                                      ? fmt::format("work limit {} moves", args->search.work)
                                      : fmt::format("time limit {} s", args->search.seconds(kRepairDefaultSeconds)));
    RepairOptions options;
    options.time_limit_seconds = args->search.seconds(kRepairDefaultSeconds);
    options.work_limit = args->search.work;
    options.seed = args->search.seed;
    const RepairOutcome repaired = run_repair(std::move(*prepared), options);
    const Problem& problem = repaired.problem;
    const Roster& in_force = repaired.plan_in_force;
    const SolveResult& r = repaired.search;
    const Evaluation& ev = repaired.evaluation;
    const ChangeReport changes = compare_plans(problem, in_force, r.roster, *now);

    std::string out_dir = args->out_dir;
    if (out_dir.empty()) out_dir = std::filesystem::path(args->scenario).stem().string() + "-repair";
    OutputOptions out_options;
    out_options.start_date = args->start_date;
    out_options.calendar_sequence = 1;  // a repaired plan is the plan's version 1 until plans carry their version
    if (auto err = write_unit_outputs(problem, r.roster, ev, out_dir, out_options); !err.empty()) {
      fmt::print(stderr, "{}\n", err);
      return kExitInputError;
    }
    if (auto err = write_change_report(problem, in_force, r.roster, *now, out_dir + "/changes", out_options);
        !err.empty()) {
      fmt::print(stderr, "{}\n", err);
      return kExitInputError;
    }
    const UnitSummary summary = summarize_unit(problem, r.roster, ev, *start_date_of(problem, out_options, nullptr));
    fmt::print("\n{}", unit_summary_text(summary, 12));
    if (!ev.score.feasible())
      fmt::print("\nThe best plan found cannot keep these hard rules (by rule and place, with how long):\n{}",
                 unkept_rules_text(problem, repaired.unkept));
    fmt::print("result: {} hard {} | {} people affected, {} watches changed, {} changes within 12 h | {:.2f} s, "
               "all hard rules kept at {} | seed {}\n",
               ev.score.feasible() ? "all hard rules kept" : "SOME HARD RULES CANNOT BE KEPT", ev.score.hard,
               changes.people.size(), changes.changed_watches, changes.changed_within_12h, r.seconds,
               r.time_to_feasible >= 0 ? fmt::format("{:.2f} s", r.time_to_feasible) : std::string("-"), args->search.seed);
    fmt::print("new plan in {}/, change report in {}/changes/ (changes.txt, changes.html, changes.json, people/*.ics)\n",
               out_dir, out_dir);
    return ev.score.feasible() ? kExitOk : kExitInfeasible;
  };
}

}  // namespace vigil::app
