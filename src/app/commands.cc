// `vigil check` (also of a repair against the plan it replaced) and `vigil solve`.
#include "app/commands.h"

#include <cstdio>
#include <memory>
#include <sys/resource.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/event_options.h"
#include "app/search_flags.h"
#include "eval/evaluation.h"
#include "io/nrp_reader.h"
#include "io/roster_io.h"
#include "io/scenario_reader.h"
#include "io/unit_roster_json.h"
#include "io/unit_time.h"
#include "model/wording.h"
#include "report/catalogs.h"
#include "solve/memory_estimate.h"
#include "solve/repair.h"
#include "solve/solver.h"

namespace vigil::app {
namespace {

void print_breakdown(const Problem& problem, const Evaluation& ev) {
  fmt::print("{:<26} {:<5} {:>8} {:>8} {:>10}\n", "rule", "kind", "matches", "units", "cost");
  for (RuleKind kind : rules_of(problem.kind())) {
    const RuleSetting& s = problem.rule(kind);
    if (!s.enabled) continue;
    const RuleTally& t = ev.rules[static_cast<std::size_t>(kind)];
    fmt::print("{:<26} {:<5} {:>8} {:>8} {:>10}\n", rule_name(kind), s.hard ? "hard" : "soft",
               t.matches, t.units, s.hard ? std::string("-") : std::to_string(t.cost));
  }
}

struct CheckArgs {
  std::string instance, roster;
  bool all = false, json = false;
  // A repair's check: the plan it replaced, the moment it was made at and its events.
  std::string base, now, events_file, start_date;
  std::vector<std::string> events;
};

// For `check --base`: the problem a repair from the plan in `args.base` at
// `args.now` with the given events planned on, its repair base set, so the
// checked plan is scored as that repair's result (frozen past included).
// nullopt after printing the first error.
std::optional<Problem> repair_problem_for_check(Problem before, const CheckArgs& args) {
  if (args.now.empty()) {
    fmt::print(stderr, "--base: expected --now too: the moment of the repair\n");
    return std::nullopt;
  }
  if (!before.is_unit()) {
    fmt::print(stderr, "{}: expected a scenario file (.yaml) to check a repair against its base plan\n", args.instance);
    return std::nullopt;
  }
  PlanFileInfo base_info;
  auto base = read_unit_roster(before, args.base, &base_info);
  if (!base) {
    fmt::print(stderr, "{}\n", base.error().format());
    return std::nullopt;
  }
  if (auto err = settle_start_date(before, args.start_date, base_info.start_date, args.base); !err.empty()) {
    fmt::print(stderr, "{}\n", err);
    return std::nullopt;
  }
  const ParsedUnitTime now = parse_now_option(before, args.now);
  if (!now.minute) {
    fmt::print(stderr, "{}\n", now.error);
    return std::nullopt;
  }
  const int now_minute = static_cast<int>(*now.minute);
  const auto events = gather_events(args.events_file, args.events, before, now_minute);
  if (!events) return std::nullopt;
  auto prepared = prepare_repair(before, *base, *events, now_minute,
                                 args.events_file.empty() ? "--event" : args.events_file);
  if (!prepared) {
    fmt::print(stderr, "{}\n", prepared.error().format());
    return std::nullopt;
  }
  if (!args.json)
    fmt::print("repair of: {} (the plan in force), now {}, {} event(s)\n", args.base,
               moment_label(before, now_minute), events->size());
  return std::move(prepared->problem);
}

}  // namespace

bool is_scenario_path(const std::string& path) {
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

Result<Roster> load_roster(const Problem& problem, const std::string& path) {
  return problem.is_unit() ? read_unit_roster(problem, path) : read_roster(problem, path);
}

void add_sheet_language_flag(CLI::App& sub, std::string& code) {
  const CLI::Validator has_catalog([](std::string& text) { return catalog_code_error(text); }, "CODE");
  sub.add_option("--sheet-language", code,
                 "Write every person's sheet and calendar in this language (en, uk, pl, es, ka...); default: each "
                 "person's native language when there is a catalog for it, else English")
      ->check(has_catalog);
}

std::optional<Problem> load_instance(const std::string& path) {
  auto problem = is_scenario_path(path) ? read_scenario(path) : read_nrp_instance(path);
  if (!problem) {
    fmt::print(stderr, "{}\n", problem.error().format());
    return std::nullopt;
  }
  return std::move(problem.value());
}

Handler setup_check(CLI::App& sub) {
  auto args = std::make_shared<CheckArgs>();
  sub.add_option("instance", args->instance, "Scenario (.yaml) or benchmark instance (.txt)")->required();
  sub.add_option("roster", args->roster, "Roster file (.json for a scenario; .csv or .json for the benchmark)")
      ->required();
  sub.add_flag("--all", args->all, "List every soft match too, not only hard violations");
  sub.add_flag("--json", args->json, "Print the result as JSON");
  auto* base = sub.add_option("--base", args->base,
                              "Check a repair: the plan in force it replaced (.json); the scenario is the one that "
                              "plan was made on, before the events");
  sub.add_option("--now", args->now, "With --base: the moment of the repair (as vigil repair's --now)")
      ->needs(base);
  sub.add_option("--events", args->events_file, "With --base: the repair's events file (.yaml)")->needs(base);
  sub.add_option("--event", args->events, "With --base: one of the repair's events (repeatable)")->needs(base);
  sub.add_option("--start-date", args->start_date, "With --base: calendar date of day 0 (default: the base plan's)")
      ->needs(base);
  return [args]() -> int {
    auto problem = load_instance(args->instance);
    if (!problem) return kExitInputError;
    if (!args->base.empty()) {
      problem = repair_problem_for_check(std::move(*problem), *args);
      if (!problem) return kExitInputError;
    }
    auto roster = load_roster(*problem, args->roster);
    if (!roster) {
      fmt::print(stderr, "{}\n", roster.error().format());
      return kExitInputError;
    }
    const Evaluation ev = evaluate(*problem, *roster, true);
    if (args->json) {
      nlohmann::json out;
      out["instance"] = args->instance;
      out["roster"] = args->roster;
      out["objective"] = ev.score.soft;
      out["hard_violations"] = ev.score.hard;
      out["feasible"] = ev.score.feasible();
      for (RuleKind kind : rules_of(problem->kind())) {
        if (!problem->rule(kind).enabled) continue;
        const RuleTally& t = ev.rules[static_cast<std::size_t>(kind)];
        out["rules"][rule_name(kind)] = {
            {"hard", problem->rule(kind).hard}, {"matches", t.matches}, {"units", t.units}, {"cost", t.cost}};
      }
      auto& list = out["violations"] = nlohmann::json::array();
      for (const Violation& v : ev.violations)
        if (args->all || problem->rule(v.rule).hard)
          list.push_back({{"rule", rule_name(v.rule)}, {"units", v.units}, {"cost", v.cost}, {"text", v.text}});
      fmt::print("{}\n", out.dump(2));
    } else {
      if (problem->is_unit())
        fmt::print("scenario: {} ({}: {} days, {} people, {} places)\n", args->instance, problem->name, problem->days(),
                   problem->person_count(), problem->places.size());
      else
        fmt::print("instance: {} ({} days, {} people, {} shift kinds)\n", args->instance, problem->days(),
                   problem->person_count(), problem->shift_count());
      fmt::print("roster:   {}\n", args->roster);
      fmt::print("{}{}\n", problem->is_unit() ? "wishes cost: " : "total:    ", ev.score.soft);
      fmt::print("hard violations: {} ({})\n", ev.score.hard, ev.score.feasible() ? "feasible" : "INFEASIBLE");
      fmt::print("\n");
      print_breakdown(*problem, ev);
      bool header = false;
      for (const Violation& v : ev.violations) {
        if (!args->all && !problem->rule(v.rule).hard) continue;
        if (!header) fmt::print("\n{}:\n", args->all ? "what the rules matched" : "hard violations");
        header = true;
        fmt::print("  [{}] {}{}\n", rule_name(v.rule), v.text,
                   problem->rule(v.rule).hard ? "" : fmt::format(" (cost {})", v.cost));
      }
    }
    return ev.score.feasible() ? kExitOk : kExitInfeasible;
  };
}

Handler setup_solve(CLI::App& sub) {
  struct Args {
    std::string instance, out, start, out_dir, start_date, sheet_language;
    SearchFlags search;
    std::optional<std::int64_t> target, lower_bound;
    bool check = false, quiet = false, json = false, no_lp = false, no_ip = false;
    double max_memory = 0;  // MiB; 0: no bound
  };
  auto args = std::make_shared<Args>();
  sub.add_option("instance", args->instance, "Scenario (.yaml) or benchmark instance (.txt)")->required();
  sub.add_option("--out-dir", args->out_dir,
                 "Scenario: folder for the plan's files (default: <scenario name>-plan next to where you run)");
  sub.add_option("--start-date", args->start_date, "Scenario: calendar date of day 0 (YYYY-MM-DD) for the calendars");
  add_sheet_language_flag(sub, args->sheet_language);
  sub.add_flag("--no-lp", args->no_lp, "Skip column generation (LP lower bound and dive); annealing only");
  sub.add_flag("--no-ip", args->no_ip,
               "Skip the integer programme over column generation's pool of lines (after the dive and after the walk; "
               "it runs on the clock only, never under --work)");
  add_time_flag(sub, args->search, "",
                fmt::format("{:g} for a benchmark instance, {:g} for a scenario", kBenchmarkDefaultSeconds,
                            kUnitDefaultSeconds));
  add_work_flag(sub, args->search.work, "");
  add_seed_flag(sub, args->search.seed);
  add_threads_flag(sub, args->search.threads, "");
  add_max_memory_flag(sub, args->max_memory);
  sub.add_option("--out", args->out, "Write the best roster here (.csv or .json)");
  sub.add_option("--start", args->start, "Start from this roster (.csv or .json)");
  sub.add_option("--target", args->target, "Stop once a feasible roster costs at most this");
  sub.add_option("--lower-bound", args->lower_bound, "A proven lower bound: reaching it proves optimality and stops");
  sub.add_flag("--check", args->check, "Check mode: re-score from scratch after every move, stop at a disagreement");
  sub.add_flag("--quiet", args->quiet, "Print only the result line");
  sub.add_flag("--json", args->json, "Print the result as one JSON object");
  return [args]() -> int {
    auto problem = load_instance(args->instance);
    if (!problem) return kExitInputError;
    SolveOptions options;
    args->search.apply(options, problem->is_unit() ? kUnitDefaultSeconds : kBenchmarkDefaultSeconds);
    options.target = args->target;
    options.lower_bound = args->lower_bound;
    options.check_mode = args->check;
    options.column_generation = !args->no_lp;
    options.master_ip = !args->no_ip;
    if (!args->start.empty()) {
      auto start = load_roster(*problem, args->start);
      if (!start) {
        fmt::print(stderr, "{}\n", start.error().format());
        return kExitInputError;
      }
      options.start = *start;
    }
    const bool chatty = !args->quiet && !args->json;
    // Before the search: a run that cannot keep its memory bound says so now.
    const MemoryEstimate memory = estimate_solve_memory(*problem, args->search.threads);
    if (args->max_memory > 0 && memory.mib > args->max_memory) {
      fmt::print(stderr,
                 "{}: the run would need about {:.0f} MiB by its estimate ({} cells: {}), more than --max-memory "
                 "{:.0f} MiB; give a larger --max-memory, fewer --threads or a smaller problem\n",
                 args->instance, memory.mib, memory.cells, memory.basis, args->max_memory);
      return kExitInputError;
    }
    const std::string memory_line =
        fmt::format("memory: about {:.0f} MiB by estimate ({} cells: {}); bound {}\n", memory.mib, memory.cells,
                    memory.basis, args->max_memory > 0 ? fmt::format("{:.0f} MiB", args->max_memory) : "none");
    if (problem->is_unit()) {
      UnitSolveArgs unit_args{args->instance,     args->out,         args->out_dir,       args->start_date,
                              args->sheet_language, args->search.seed, args->search.threads, args->search.work,
                              args->quiet,          args->json,        memory_line};
      return run_unit_solve(*problem, options, unit_args);
    }
    if (chatty) {
      fmt::print("vigil solve {}: {} days, {} people, {} shift kinds; seed {}, {} thread(s), {}\n", args->instance,
                 problem->days(), problem->person_count(), problem->shift_count(), args->search.seed, args->search.threads,
                 args->search.work > 0 ? fmt::format("work limit {} moves", args->search.work)
                                : fmt::format("time limit {} s", options.time_limit_seconds));
      fmt::print("{}", memory_line);
    }
    const SolveResult r = solve(*problem, options, [&](const Progress& p) {
      if (chatty) {
        fmt::print("  {:>9.3f} s  best {:>8}  moves {:>12}\n", p.seconds, p.best.soft, p.moves);
        std::fflush(stdout);
      }
    });
    if (!r.check_failure.empty()) {
      fmt::print(stderr, "{}\n", r.check_failure);
      return kExitInfeasible;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
    if (!args->out.empty()) {
      if (auto err = write_roster(*problem, r.roster, args->out); !err.empty()) {
        fmt::print(stderr, "{}\n", err);
        return kExitInputError;
      }
    }
    if (args->json) {
      nlohmann::json j = {{"instance", args->instance}, {"seed", args->search.seed}, {"threads", args->search.threads},
                          {"feasible", r.found_feasible}, {"objective", r.score.soft}, {"hard", r.score.hard},
                          {"seconds", r.seconds}, {"time_to_best", r.time_to_best}, {"moves", r.moves},
                          {"moves_per_second", r.moves_per_second()}, {"line_rebuilds", r.line_rebuilds},
                          {"peak_mib", peak_mib}, {"stop", stop_reason_name(r.reason)}, {"lp_solves", r.lp_solves}};
      // Our own bound and the gap to it; null when none was proven (bound_note says why).
      j["lower_bound"] = nullptr;
      j["gap_percent"] = nullptr;
      if (r.proven_lower_bound) {
        j["lower_bound"] = *r.proven_lower_bound;
        if (r.found_feasible) j["gap_percent"] = gap_percent(r.score.soft, *r.proven_lower_bound);
      } else {
        j["bound_note"] = r.bound_note;
      }
      fmt::print("{}\n", j.dump());
    } else {
      fmt::print("result: {} objective {} hard {} | {:.2f} s, best at {:.2f} s | {} moves ({:.2f} M/s), {} line "
                 "rebuilds | peak {:.0f} MiB | stop: {} | seed {}\n",
                 r.found_feasible ? "feasible" : "NO FEASIBLE ROSTER", r.score.soft, r.score.hard, r.seconds,
                 r.time_to_best, r.moves, r.moves_per_second() / 1e6, r.line_rebuilds, peak_mib,
                 stop_reason_name(r.reason), args->search.seed);
      if (r.proven_lower_bound) {
        const bool optimal = r.found_feasible && r.score.soft <= *r.proven_lower_bound;
        fmt::print("lower bound: {} (column generation, {} LP solves){}{}\n", *r.proven_lower_bound, r.lp_solves,
                   r.found_feasible ? fmt::format(", gap {:.2f} %", gap_percent(r.score.soft, *r.proven_lower_bound))
                                    : std::string(),
                   optimal ? ": the roster is optimal" : "");
      } else {
        fmt::print("lower bound: none proven: {}\n", r.bound_note);
      }
      if (!args->out.empty()) fmt::print("roster written to {}\n", args->out);
    }
    return r.found_feasible ? kExitOk : kExitInfeasible;
  };
}

}  // namespace vigil::app
