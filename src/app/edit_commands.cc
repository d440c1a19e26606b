// `vigil swap` and `vigil assign`: a hand change to the plan in force.
//
//   vigil swap SCENARIO A B --roster PLAN.json --day "day 6"
//   vigil swap SCENARIO A B --roster PLAN.json --watch "day 6 14:00" [--watch "day 6 18:00"]
//   vigil assign SCENARIO NAME --roster PLAN.json --to post-2 --from "2026-12-13 10:00"
//
// The edit is scored at once against every rule (eval/edit_scoring.h) and
// refused, with the hard rules it breaks named, unless --force. A kept edit
// is written like a repair: a folder written anew with the new plan (version
// + 1, its reason on every sheet), the change report, the calendars to send
// again, scenario.yaml and the event log with the edit noted.
#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "app/commands.h"
#include "base/files.h"
#include "base/name_suggestion.h"
#include "eval/edit_scoring.h"
#include "io/unit_roster_json.h"
#include "io/unit_time.h"
#include "model/wording.h"
#include "report/change_report.h"
#include "report/unit_outputs.h"

namespace vigil::app {
namespace {

struct EditArgs {
  std::string scenario, roster, out_dir, start_date, reason, sheet_language;
  std::vector<std::string> people;
  std::string day;                   // swap --day
  std::vector<std::string> watches;  // swap --watch
  std::string to, from;              // assign
  bool force = false;
};

// The scenario and the plan in force, read and checked, with the start date settled.
struct EditInputs {
  Problem problem;
  Roster plan;
  PlanFileInfo info;
};

std::optional<EditInputs> read_edit_inputs(const EditArgs& args) {
  auto problem = load_instance(args.scenario);
  if (!problem) return std::nullopt;
  if (!problem->is_unit()) {
    fmt::print(stderr, "{}: expected a scenario file (.yaml) for a hand edit\n", args.scenario);
    return std::nullopt;
  }
  PlanFileInfo info;
  auto plan = read_unit_roster(*problem, args.roster, &info);
  if (!plan) {
    fmt::print(stderr, "{}\n", plan.error().format());
    return std::nullopt;
  }
  if (auto err = settle_start_date(*problem, args.start_date, info.start_date, args.roster); !err.empty()) {
    fmt::print(stderr, "{}\n", err);
    return std::nullopt;
  }
  return EditInputs{std::move(*problem), std::move(*plan), info};
}

// A person by name, or -1 after printing "expected a person of the unit".
int person_named(const Problem& problem, const std::string& name) {
  if (auto id = problem.find_person(name)) return static_cast<int>(id->index());
  std::vector<std::string> names;
  for (const Person& p : problem.people) names.push_back(p.name);
  fmt::print(stderr, "person '{}': expected a person of the unit, got '{}'{}\n", name, name, did_you_mean(name, names));
  return -1;
}

// A unit time of option `option`, or nullopt after printing why not.
std::optional<int> time_option(const Problem& problem, const std::string& option, const std::string& text) {
  const ParsedUnitTime t = parse_unit_time(problem, text, "");
  if (!t.minute) {
    fmt::print(stderr, "{} '{}': {}\n", option, text, t.error);
    return std::nullopt;
  }
  return static_cast<int>(*t.minute);
}

std::optional<PlanEdit> swap_edit(const Problem& problem, const EditArgs& args) {
  if (args.day.empty() == args.watches.empty()) {
    fmt::print(stderr, "vigil swap: expected either --day or --watch (one or two), got {}\n",
               args.day.empty() ? "neither" : "both");
    return std::nullopt;
  }
  PlanEdit edit;
  edit.a = person_named(problem, args.people[0]);
  edit.b = person_named(problem, args.people[1]);
  if (edit.a < 0 || edit.b < 0) return std::nullopt;
  if (!args.day.empty()) {
    const auto minute = time_option(problem, "--day", args.day);
    if (!minute) return std::nullopt;
    if (*minute % kMinutesPerDay != 0) {
      fmt::print(stderr, "--day '{}': expected a whole roster day ('day 6'{}), got a time within {}\n", args.day,
                 problem.start_date ? " or a date" : "", day_label(problem, *minute / kMinutesPerDay));
      return std::nullopt;
    }
    edit.kind = PlanEdit::Kind::kSwapDay;
    edit.day = *minute / kMinutesPerDay;
    return edit;
  }
  edit.kind = PlanEdit::Kind::kSwapWatches;
  for (const std::string& w : args.watches) {
    const auto minute = time_option(problem, "--watch", w);
    if (!minute) return std::nullopt;
    edit.minutes.push_back(*minute);
  }
  return edit;
}

std::optional<PlanEdit> assign_edit(const Problem& problem, const EditArgs& args) {
  PlanEdit edit;
  edit.kind = PlanEdit::Kind::kAssign;
  edit.a = edit.b = person_named(problem, args.people[0]);
  if (edit.a < 0) return std::nullopt;
  std::vector<std::string> places;
  for (std::size_t i = 0; i < problem.places.size(); ++i) {
    places.push_back(problem.places[i].name);
    if (problem.places[i].name == args.to) edit.place = static_cast<int>(i);
  }
  if (std::find(places.begin(), places.end(), args.to) == places.end()) {
    fmt::print(stderr, "--to '{}': expected a post or rest center of the unit{}\n", args.to, did_you_mean(args.to, places));
    return std::nullopt;
  }
  const auto minute = time_option(problem, "--from", args.from);
  if (!minute) return std::nullopt;
  edit.minutes = {*minute};
  return edit;
}

// The event log of the plan edited, with the edit noted as a comment (an
// edit is not an event: the log stays an events file). None when the plan
// edited had none (a first plan).
std::string edit_event_log(const EditArgs& args, const PlanFileInfo& info, const std::string& what) {
  const std::string path = (std::filesystem::path(args.roster).parent_path() / "events.yaml").string();
  std::string log = info.stamp.version > 1 ? read_text_file(path).value_or("") : "";
  if (log.empty()) return log;
  if (log.back() != '\n') log += '\n';
  std::string line = what;
  for (char& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  return log + "  # " + line + "\n";
}

int run_edit(const EditArgs& args, const char* command,
             std::optional<PlanEdit> (*make_edit)(const Problem&, const EditArgs&)) {
  auto inputs = read_edit_inputs(args);
  if (!inputs) return kExitInputError;
  const std::string out_dir =
      args.out_dir.empty() ? std::filesystem::path(args.scenario).stem().string() + "-edit" : args.out_dir;
  if (auto err = check_replaceable_folder(out_dir, "roster.json"); !err.empty()) {
    fmt::print(stderr, "--out-dir {}\n", err);
    return kExitInputError;
  }
  const auto edit = make_edit(inputs->problem, args);
  if (!edit) return kExitInputError;
  auto scored = score_plan_edit(inputs->problem, inputs->plan, *edit, std::string("vigil ") + command);
  if (!scored) {
    fmt::print(stderr, "{}\n", scored.error().format());
    return kExitInputError;
  }
  const Problem& problem = scored->problem;
  const std::string what = plan_edit_text(problem, *edit);
  const ChangeReport changes = compare_plans(problem, inputs->plan, scored->edited, scored->minute);
  fmt::print("vigil {} {}: {}\n", command, args.scenario, what);
  // The repair base prices every changed cell (rule changes); the wishes are the rest.
  const auto wishes = [](const Evaluation& e) {
    return e.score.soft - e.rules[static_cast<int>(RuleKind::kChanges)].cost;
  };
  fmt::print("hard {} -> {}, wishes cost {} -> {} | {} affected, {} changed, {} within 12 h of {}\n",
             scored->before.score.hard, scored->after.score.hard, wishes(scored->before), wishes(scored->after),
             count_text(static_cast<long long>(changes.people.size()), "person", "people"),
             count_text(changes.changed_watches, "watch", "watches"),
             count_text(changes.changed_within_12h, "change", "changes"), moment_label(problem, scored->minute));
  if (!scored->breaks_no_hard_rule()) {
    fmt::print("{} this edit breaks hard rules the plan in force keeps:\n{}",
               args.force ? "Forced:" : "Refused:", unkept_rules_text(problem, scored->newly_broken));
    if (!args.force) {
      fmt::print("Nothing written. Give --force to make the edit all the same.\n");
      return kExitInfeasible;
    }
  }
  OutputOptions options;
  options.stamp = new_plan_stamp(&inputs->info.stamp);
  options.stamp.reason = "hand edit: " + what + (args.reason.empty() ? "" : " (" + args.reason + ")");
  options.calendar_sequence = options.stamp.version - 1;
  options.sheet_language = args.sheet_language;
  const RepairRecord record{&inputs->plan, scored->minute,
                            edit_event_log(args, inputs->info, options.stamp.made + " " + options.stamp.reason)};
  if (auto err = write_plan_folder(problem, scored->edited, scored->after, out_dir, options, &record); !err.empty()) {
    fmt::print(stderr, "{}\n", err);
    return kExitInputError;
  }
  fmt::print("{} New plan in {}/, with scenario.yaml for the next repair; change report in {}/changes/\n",
             plan_stamp_text(options.stamp), out_dir, out_dir);
  if (!problem.start_date) fmt::print("{}\n", no_start_date_note());
  return scored->after.score.feasible() ? kExitOk : kExitInfeasible;
}

void add_common_options(CLI::App& sub, EditArgs& args) {
  sub.add_option("--roster", args.roster, "The plan in force (.json, as written by vigil solve or repair)")->required();
  sub.add_option("--out-dir", args.out_dir, "Folder for the new plan and the change report (default <scenario>-edit)");
  sub.add_option("--start-date", args.start_date, "Calendar date of day 0 (YYYY-MM-DD); default: the plan's, else the scenario's start-date");
  sub.add_option("--reason", args.reason, "Why, in a few words: stamped on every sheet with the edit");
  add_sheet_language_flag(sub, args.sheet_language);
  sub.add_flag("--force", args.force, "Make the edit even if it breaks a hard rule the plan in force keeps");
}

}  // namespace

Handler setup_swap(CLI::App& sub) {
  auto args = std::make_shared<EditArgs>();
  sub.add_option("scenario", args->scenario, "Scenario file (.yaml)")->required();
  sub.add_option("people", args->people, "The two people who swap")->required()->expected(2);
  sub.add_option("--day", args->day, "Swap everything of this roster day: \"day 6\" or \"2026-12-13\"");
  sub.add_option("--watch", args->watches,
                 "Swap the watch starting at this time: \"day 6 14:00\" (give two to exchange two watches)");
  add_common_options(sub, *args);
  return [args]() { return run_edit(*args, "swap", swap_edit); };
}

Handler setup_assign(CLI::App& sub) {
  auto args = std::make_shared<EditArgs>();
  sub.add_option("scenario", args->scenario, "Scenario file (.yaml)")->required();
  sub.add_option("person", args->people, "The person to move")->required()->expected(1);
  sub.add_option("--to", args->to, "The post or rest center")->required();
  sub.add_option("--from", args->from,
                 "From when: \"day 6 10:00\" or \"2026-12-13 10:00\" (to the end of that stint block)")
      ->required();
  add_common_options(sub, *args);
  return [args]() { return run_edit(*args, "assign", assign_edit); };
}

}  // namespace vigil::app
