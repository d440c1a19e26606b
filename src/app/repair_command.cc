// `vigil repair SCENARIO --roster CURRENT.json --now TIME --events EVENTS.yaml`:
// applies what happened, keeps everything before now, and re-plans the rest
// with as few changes as possible (fewest within the next 12 hours). Writes
// the new plan's files, the change report, the updated scenario and the
// event log into a folder written anew, so the next repair starts from there.
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/event_options.h"
#include "app/search_flags.h"
#include "eval/evaluation.h"
#include "eval/unkept_rules.h"
#include "base/files.h"
#include "io/events_reader.h"
#include "io/unit_time.h"
#include "model/wording.h"
#include "report/change_report.h"
#include "report/unit_outputs.h"
#include "io/unit_roster_json.h"
#include "report/unit_summary.h"
#include "solve/repair.h"

namespace vigil::app {
namespace {

struct RepairArgs {
  std::string scenario, roster, now, events_file, out_dir, start_date, sheet_language;
  std::vector<std::string> events;
  SearchFlags search;
};

// The summary, the result line and where the files are.
void print_repair_outcome(const RepairOutcome& repaired, const ChangeReport& changes, const PlanStamp& stamp,
                          const std::string& out_dir, std::uint64_t seed) {
  const Problem& problem = repaired.problem;
  const SolveResult& r = repaired.search;
  const Evaluation& ev = repaired.evaluation;
  fmt::print("\n{}", unit_summary_text(summarize_unit(problem, r.roster, ev), 12));
  if (!ev.score.feasible())
    fmt::print("\nThe best plan found cannot keep these hard rules (by rule and place, with how long):\n{}",
               unkept_rules_text(problem, repaired.unkept));
  fmt::print("result: {} hard {} | {} people affected, {} watches changed, {} changes within 12 h | {:.2f} s, "
             "all hard rules kept at {} | seed {}\n",
             ev.score.feasible() ? "all hard rules kept" : "SOME HARD RULES CANNOT BE KEPT", ev.score.hard,
             changes.people.size(), changes.changed_watches, changes.changed_within_12h, r.seconds,
             r.time_to_feasible >= 0 ? fmt::format("{:.2f} s", r.time_to_feasible) : std::string("-"), seed);
  fmt::print("{} New plan in {}/, with scenario.yaml and events.yaml for the next repair; change report in "
             "{}/changes/ (changes.txt, changes.html, changes.json{})\n",
             plan_stamp_text(stamp), out_dir, out_dir, problem.start_date ? ", people/*.ics" : "");
  if (!problem.start_date) fmt::print("{}\n", no_start_date_note());
}

}  // namespace

Handler setup_repair(CLI::App& sub) {
  auto args = std::make_shared<RepairArgs>();
  sub.add_option("scenario", args->scenario, "Scenario file (.yaml)")->required();
  sub.add_option("--roster", args->roster, "The plan in force (.json, as written by vigil solve)")->required();
  sub.add_option("--now", args->now, "The moment of the repair: \"day 3 14:00\", \"2026-12-10 14:00\" or \"now\" (with a start date); nothing before it changes")->required();
  sub.add_option("--events", args->events_file, "Events file (.yaml): who is lost, who arrives, posts and beds");
  sub.add_option("--event", args->events,
                 "One event: unavailable:NAME@day 3 14:00[..day 10] or available:NAME@day 8 (repeatable)");
  add_time_flag(sub, args->search, "", fmt::format("{:g}", kRepairDefaultSeconds));
  add_work_flag(sub, args->search.work, "");
  add_seed_flag(sub, args->search.seed);
  sub.add_option("--out-dir", args->out_dir, "Folder for the new plan and the change report (default <scenario>-repair)");
  sub.add_option("--start-date", args->start_date, "Calendar date of day 0 (YYYY-MM-DD); default: the plan's, else the scenario's start-date");
  add_sheet_language_flag(sub, args->sheet_language);
  return [args]() -> int {
    auto before = load_instance(args->scenario);
    if (!before) return kExitInputError;
    if (!before->is_unit()) {
      fmt::print(stderr, "{}: expected a scenario file (.yaml) for a repair\n", args->scenario);
      return kExitInputError;
    }
    PlanFileInfo plan_info;
    auto plan = read_unit_roster(*before, args->roster, &plan_info);
    if (!plan) {
      fmt::print(stderr, "{}\n", plan.error().format());
      return kExitInputError;
    }
    if (auto err = settle_start_date(*before, args->start_date, plan_info.start_date, args->roster); !err.empty()) {
      fmt::print(stderr, "{}\n", err);
      return kExitInputError;
    }
    std::string out_dir = args->out_dir;
    if (out_dir.empty()) out_dir = std::filesystem::path(args->scenario).stem().string() + "-repair";
    if (auto err = check_replaceable_folder(out_dir, "roster.json"); !err.empty()) {
      fmt::print(stderr, "--out-dir {}\n", err);
      return kExitInputError;
    }
    const ParsedUnitTime now = parse_now_option(*before, args->now);
    if (!now.minute) {
      fmt::print(stderr, "{}\n", now.error);
      return kExitInputError;
    }
    const int now_minute = static_cast<int>(*now.minute);
    const auto gathered = gather_events(args->events_file, args->events, *before, now_minute);
    if (!gathered) return kExitInputError;
    const std::vector<UnitEvent>& events = *gathered;
    // The log of the repairs before this one lies beside the plan they made.
    const std::string log_path = (std::filesystem::path(args->roster).parent_path() / "events.yaml").string();
    const std::string previous_log = plan_info.stamp.version > 1 ? read_text_file(log_path).value_or("") : "";
    auto prepared = prepare_repair(*before, *plan, events, now_minute,
                                   args->events_file.empty() ? "--event" : args->events_file);
    if (!prepared) {
      fmt::print(stderr, "{}\n", prepared.error().format());
      return kExitInputError;
    }

    fmt::print("vigil repair {}: {} event(s), now {}; seed {}, {}\n", args->scenario, events.size(),
               moment_label(*before, now_minute),
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

    OutputOptions out_options;
    out_options.stamp = new_plan_stamp(&plan_info.stamp);
    out_options.calendar_sequence = out_options.stamp.version - 1;  // a repair's version is 2 or more
    out_options.sheet_language = args->sheet_language;
    const RepairRecord record{&in_force, now_minute, append_event_log(previous_log, problem, events)};
    if (auto err = write_plan_folder(problem, r.roster, ev, out_dir, out_options, &record); !err.empty()) {
      fmt::print(stderr, "{}\n", err);
      return kExitInputError;
    }
    print_repair_outcome(repaired, compare_plans(problem, in_force, r.roster, now_minute), out_options.stamp, out_dir,
                         args->search.seed);
    return ev.score.feasible() ? kExitOk : kExitInfeasible;
  };
}

}  // namespace vigil::app
