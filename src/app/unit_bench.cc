// `vigil bench --unit`: the unit cases of the benchmark. Each (case, seed)
// runs in its own child (run_forked) so peak memory is per run. Prints a
// table of medians: time until every hard rule is kept, the plan's hard units
// and wishes cost, the fairness spreads and the search speed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>

#include "app/bench_support.h"
#include "app/commands.h"
#include "base/files.h"
#include "base/stats.h"
#include "base/text.h"
#include "eval/evaluation.h"
#include "eval/unit_measures.h"
#include "eval/unkept_rules.h"
#include "io/scenario_reader.h"
#include "solve/unit_generator.h"
#include "report/change_report.h"
#include "report/unit_summary.h"
#include "solve/repair.h"
#include "solve/resilience.h"

namespace vigil::app {
namespace {

namespace fs = std::filesystem;

struct UnitCase {
  std::string name;
  double time = 0;
  std::function<Result<Problem>()> load;
  bool stop_when_kept = false;  // stop at the first plan keeping every hard rule (the tight units)
};

// The tight units (tests/data/tight/, each file says what it is tight in):
// just enough people, Polish speakers, veterans or experienced watchers for
// the two halves of the rotation, each with a plan keeping every hard rule.
constexpr const char* kTightUnits[] = {"polish-64", "veterans-64", "experienced-64", "people-48-seed-2",
                                       "people-48-seed-3"};

nlohmann::json solve_case(const UnitCase& c, const SolveOptions& options) {
  auto problem = c.load();
  if (!problem) return {{"error", problem.error().headline()}};
  const SolveResult r = solve(*problem, options);
  const Evaluation ev = evaluate(*problem, r.roster);
  const UnitFairness fair = unit_fairness(*problem, r.roster);
  const UnitMeasures m = unit_measures(*problem, r.roster);
  return {{"teams", m.teams},                   {"teams_whole", m.teams_whole},
          {"longest_watch_run_minutes", m.longest_watch_run_minutes},
          {"shortest_daily_rest_minutes", m.shortest_daily_rest_minutes},
          {"feasible", ev.score.feasible()},    {"hard", ev.score.hard},
          {"soft", ev.score.soft},              {"time_to_feasible", r.time_to_feasible},
          {"moves_to_feasible", r.moves_to_feasible},
          {"seconds", r.seconds},               {"moves_per_second", r.moves_per_second()},
          {"night_spread", fair.night_spread},  {"hours_spread", fair.hours_spread},
          {"always_night_spread", fair.always_night_spread}, {"always_hours_spread", fair.always_hours_spread},
          {"people", problem->person_count()},  {"days", problem->days()}};
}

// The plan repairs and resilience checks start from: unit-64 planned with a
// fixed amount of work, so every seed repairs its own reproducible plan.
std::optional<std::pair<Problem, Roster>> planned_unit(const std::string& file, std::uint64_t seed, std::int64_t work) {
  auto problem = read_scenario(file);
  if (!problem) return std::nullopt;
  SolveOptions options;
  options.work_limit = work;
  options.time_limit_seconds = 1e9;
  options.seed = seed;
  SolveResult r = solve(*problem, options);
  return std::make_pair(std::move(*problem), std::move(r.roster));
}

// Single losses at a random time of day (10-minute steps, so most fall in
// the middle of a day, at a post or a rest center), drawn from the seed: a
// person with the unit at that moment, on day 1 to the last day, away for
// good (away_days 0) or for away_days days (wounded, then back at the same
// time of day). The same draws for either kind.
nlohmann::json repair_case(const std::string& file, std::uint64_t seed, const UnitBenchArgs& args, int away_days) {
  auto planned = planned_unit(file, seed, args.plan_work);
  if (!planned) return {{"error", "cannot plan " + file}};
  const auto& [problem, plan] = *planned;
  if (!evaluate(problem, plan).score.feasible()) return {{"error", "the plan to repair breaks a hard rule"}};
  std::mt19937_64 draw(seed * 7919 + 17);
  const UnitLayout L = make_unit_layout(problem);
  nlohmann::json losses = nlohmann::json::array();
  for (int k = 0; k < args.repair_losses; ++k) {
    int person = 0, day = 0, now = 0;
    do {
      person = static_cast<int>(draw() % static_cast<std::uint64_t>(problem.person_count()));
      day = 1 + static_cast<int>(draw() % static_cast<std::uint64_t>(problem.days() - 1));
      now = day * kMinutesPerDay + 10 * static_cast<int>(draw() % 144);
    } while (!available_at(problem.people[person], now));
    const int end = problem.days() * kMinutesPerDay;
    const int back = away_days > 0 ? std::min(end, now + away_days * kMinutesPerDay) : end;
    const auto loss = loss_events(problem, {person}, now, away_days > 0 && back < end ? back : Absence::kForever,
                                  away_days > 0 ? "wounded" : "lost");
    RepairOptions options;
    options.time_limit_seconds = args.repair_work > 0 ? 1e9 : args.repair_time;
    options.work_limit = args.repair_work;
    options.seed = seed;
    auto repaired = repair_plan(problem, plan, loss, now, options, "loss");
    if (!repaired) return {{"error", repaired.error().headline()}};
    const Evaluation& ev = repaired->evaluation;
    const ChangeReport changes = compare_plans(repaired->problem, repaired->plan_in_force, repaired->roster(), now);
    std::string unkept;
    for (const UnkeptRule& u : repaired->unkept)
      unkept += (unkept.empty() ? "" : "; ") + unkept_consequence(repaired->problem, u);
    // The lost person's own watches while away must all move: each is two
    // changed watch cells (theirs and the taker's) in any repair.
    int forced = 0;
    for (int d = day; d < problem.days(); ++d)
      for (int s = 0; s < L.watch_slots; ++s) {
        const int start = d * kMinutesPerDay + L.slot_start[static_cast<std::size_t>(s)];
        if (start >= now && start < back) forced += plan.at(person, d, L.watch_lane(s)) >= 0 ? 2 : 0;
      }
    // What a broken repair leaves: never the lost person on duty (rule
    // unavailable), only watches nobody can take (UNCOVERED) if it can.
    const std::int64_t away_on_duty = ev.rules[static_cast<int>(RuleKind::kUnavailable)].units;
    const std::int64_t other_hard = ev.score.hard - ev.rules[static_cast<int>(RuleKind::kWatchCover)].units;
    int act_now_late = 0;  // act-now lines starting 12 h or more after now: none, by construction
    for (const ActNowLine& line : changes.act_now) act_now_late += line.minute >= now + 720 ? 1 : 0;
    losses.push_back({{"person", problem.people[person].name}, {"day", day},
                      {"now", unit_time_label(problem, now)}, {"feasible", ev.score.feasible()},
                      {"hard", ev.score.hard}, {"time_to_feasible", repaired->search.time_to_feasible},
                      {"seconds", repaired->search.seconds}, {"changed_watches", changes.changed_watches},
                      {"forced_watches", forced}, {"within_12h", changes.changed_within_12h},
                      {"people_affected", changes.people.size()}, {"away_on_duty", away_on_duty},
                      {"uncovered", changes.uncovered.size()}, {"other_hard", other_hard},
                      {"act_now", changes.act_now.size()}, {"act_now_late", act_now_late}, {"unkept", unkept}});
  }
  return {{"losses", losses}, {"people", problem.person_count()}};
}

nlohmann::json resilience_case(const std::string& file, std::uint64_t seed, const UnitBenchArgs& args) {
  auto planned = planned_unit(file, seed, args.plan_work);
  if (!planned) return {{"error", "cannot plan " + file}};
  ResilienceOptions options;
  options.work_per_case = args.resilience_work;
  options.seed = seed;
  const ResilienceReport report = check_resilience(planned->first, planned->second, options);
  return {{"cases", report.cases.size()}, {"repaired", report.repaired}, {"seconds", report.seconds},
          {"score", report.score()}, {"people", planned->first.person_count()}};
}

// The second table: repairs of single losses and the resilience check, on
// unit-64 plans of each seed. Returns whether every repair kept every hard rule.
bool run_repair_cases(const UnitBenchArgs& args, const std::vector<std::uint64_t>& seeds, const std::string& unit_file,
                      std::string& csv, std::string& resilience_csv) {
  const bool repairs = args.cases.find("repair") != std::string::npos;
  const bool resilience = args.cases.find("resilience") != std::string::npos;
  if (!repairs && !resilience) return true;
  bool all_kept = true;
  fmt::print("\nrepairs on unit-64 plans ({} moves each, one per seed)\n", args.plan_work);
  if (repairs) {
    fmt::print("{:<12} {:>6} {:>8} {:>9} {:>9} {:>9} {:>8} {:>7} {:>7} {:>7} {:>7} {:>8} {:>6} {:>6}\n", "case",
               "losses", "limit", "kept", "t kept s", "max t s", "changed", "forced", "beyond", "12 h", "act now",
               "on duty", "uncov", "other");
  }
  const std::vector<std::pair<std::string, int>> kinds = {{"lost-64", 0}, {"wounded-64", 2}};
  // A repair under --repair-work is allowed 20 000 moves a second, far
  // below a loaded machine's pace, before its fork is given up.
  const double repair_seconds =
      args.repair_work > 0 ? static_cast<double>(args.repair_work) / 20'000 : args.repair_time;
  const std::string limit = args.repair_work > 0 ? fmt::format("{}k mv", args.repair_work / 1000)
                                                 : fmt::format("{:.1f}", args.repair_time);
  for (const auto& kind : kinds) {
    // Named copies, not a structured binding: clang before 16 cannot capture one in a lambda.
    const std::string& name = kind.first;
    const int away_days = kind.second;
    if (!repairs) break;
    std::vector<double> t_kept, changed, forced, beyond, soon, act_now;
    int kept = 0, runs = 0;
    std::int64_t on_duty = 0, uncovered = 0, other = 0;
    for (std::uint64_t seed : seeds) {
      const ForkedRun run = run_forked([&] { return repair_case(unit_file, seed, args, away_days); },
                                       args.repair_losses * (repair_seconds + 5) + 120);
      if (!run.error.empty()) {
        fmt::print(stderr, "  {} seed {}: {}\n", name, seed, run.error);
        all_kept = false;
        continue;
      }
      for (const auto& loss : run.reply["losses"]) {
        ++runs;
        const bool feasible = loss["feasible"].get<bool>();
        kept += feasible ? 1 : 0;
        all_kept = all_kept && feasible;
        const double tf = loss["time_to_feasible"].get<double>();
        if (feasible) t_kept.push_back(tf);
        const int c = loss["changed_watches"].get<int>(), f = loss["forced_watches"].get<int>();
        changed.push_back(c);
        forced.push_back(f);
        beyond.push_back(c - f);
        soon.push_back(loss["within_12h"].get<int>());
        act_now.push_back(loss["act_now"].get<int>());
        on_duty += loss["away_on_duty"].get<std::int64_t>();
        uncovered += loss["uncovered"].get<std::int64_t>();
        other += loss["other_hard"].get<std::int64_t>();
        // An act-now line past 12 h, or a lost person left on duty, is a defect.
        all_kept = all_kept && loss["act_now_late"].get<int>() == 0 && loss["away_on_duty"].get<std::int64_t>() == 0;
        csv += fmt::format("{},{},{},{},{},{},{},{},{:.3f},{:.3f},{},{},{},{},{},{},{},{},\"{}\"\n", name, seed,
                           loss["person"].get<std::string>(), loss["day"].get<int>(), loss["now"].get<std::string>(),
                           limit, feasible ? 1 : 0, loss["hard"].get<std::int64_t>(), tf,
                           loss["seconds"].get<double>(), c, f, loss["within_12h"].get<int>(),
                           loss["act_now"].get<int>(), loss["people_affected"].get<int>(),
                           loss["away_on_duty"].get<std::int64_t>(), loss["uncovered"].get<std::int64_t>(),
                           loss["other_hard"].get<std::int64_t>(), loss["unkept"].get<std::string>());
      }
    }
    std::vector<double> sorted_t = t_kept;
    std::sort(sorted_t.begin(), sorted_t.end());
    fmt::print("{:<12} {:>6} {:>8} {:>9} {:>9.2f} {:>9.2f} {:>8.0f} {:>7.0f} {:>7.0f} {:>7.0f} {:>7.0f} {:>8} {:>6} "
               "{:>6}\n",
               name, runs, limit, fmt::format("{}/{}", kept, runs), median(t_kept),
               sorted_t.empty() ? 0.0 : sorted_t.back(), median(changed), median(forced), median(beyond), median(soon),
               median(act_now), on_duty, uncovered, other);
    std::fflush(stdout);
  }
  if (repairs)
    fmt::print("columns: medians over every loss; lost = away for good from a random time of day (10-minute steps), "
               "wounded = away for the 2 days after it (the same draws); changed = watch cells that differ from the "
               "plan in force; forced = the person's own watches while away, counted twice (theirs and the taker's), "
               "which any repair changes; beyond = changed - forced; 12 h = changes starting within 12 hours; act now "
               "= lines of the change report's act-now block; totals over every loss: on duty = watches, showers or "
               "places the lost person keeps while away (must be 0), uncov = UNCOVERED watches left, other = other "
               "hard units left\n");
  if (resilience) {
    std::vector<double> seconds, score, per_64;
    int cases = 0;
    for (std::uint64_t seed : seeds) {
      const ForkedRun run = run_forked([&] { return resilience_case(unit_file, seed, args); }, 900);
      if (!run.error.empty()) {
        fmt::print(stderr, "  resilience seed {}: {}\n", seed, run.error);
        continue;
      }
      cases = run.reply["cases"].get<int>();
      const double s = run.reply["seconds"].get<double>();
      seconds.push_back(s);
      score.push_back(run.reply["score"].get<double>());
      per_64.push_back(cases > 0 ? s * 64 / cases : 0);
      resilience_csv += fmt::format("resilience,{},{},{},{},{:.3f},{:.2f}\n", seed, cases,
                                    run.reply["repaired"].get<int>(), args.resilience_work, s,
                                    run.reply["score"].get<double>());
    }
    fmt::print("{:<12} {:>6} {:>8} {:>9} {:>9} {:>9}\n", "case", "losses", "work", "seconds", "s per 64", "score %");
    fmt::print("{:<12} {:>6} {:>8} {:>9.1f} {:>9.2f} {:>9.1f}\n", "resilience", cases, args.resilience_work,
               median(seconds), median(per_64), median(score));
    fmt::print("columns: medians over seeds; losses = every person lost for good at every changeover of the rotation "
               "(days 2, 4, ... 26) they are present; work = most moves per loss (a repair stops at its first plan "
               "keeping every hard rule); s per 64 = seconds per 64 losses; score = share repaired with every hard "
               "rule kept\n");
  }
  return all_kept;
}

}  // namespace

int run_unit_bench(const UnitBenchArgs& args) {
  std::string error;
  const auto parsed = parse_number_list(args.seeds, error);
  const std::vector<std::uint64_t> seeds = parsed.value_or(std::vector<std::uint64_t>{});
  if (seeds.empty()) {
    fmt::print(stderr, "vigil bench --unit: --seeds '{}': expected numbers like 1,2,3 or 1-5\n", args.seeds);
    return kExitInputError;
  }
  std::string unit_file = "examples/unit-64.yaml";
  if (!fs::exists(unit_file)) unit_file = std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml";
  std::vector<UnitCase> cases;
  if (args.cases.find("unit-64") != std::string::npos)
    cases.push_back({"unit-64", args.unit_time, [unit_file] { return read_scenario(unit_file); }});
  if (args.cases.find("tight") != std::string::npos)
    for (const char* name : kTightUnits) {
      std::string file = std::string("tests/data/tight/") + name + ".yaml";
      if (!fs::exists(file)) file = std::string(VIGIL_SOURCE_DIR) + "/" + file;
      cases.push_back({std::string("tight-") + name, args.unit_time, [file] { return read_scenario(file); }, true});
    }
  if (args.cases.find("battalion") != std::string::npos)
    cases.push_back({"battalion-600", args.battalion_time, [] {
                       GeneratorOptions g;
                       g.people = 600;
                       g.posts = 30;
                       g.rest_centers = 3;
                       g.days = 84;
                       g.seed = 1;
                       return generate_unit(g);
                     }});
  const bool repair_cases =
      args.cases.find("repair") != std::string::npos || args.cases.find("resilience") != std::string::npos;
  if (cases.empty() && !repair_cases) {
    fmt::print(stderr,
               "vigil bench --unit: --cases '{}': expected unit-64, tight, battalion, repair and/or resilience\n",
               args.cases);
    return kExitInputError;
  }
  fmt::print("vigil bench --unit: cases {} x {} seed(s), {} thread(s) per plan run (repairs and resilience: 1)\n",
             args.cases, seeds.size(), args.threads);
  if (!cases.empty())
    fmt::print("{:<24} {:>6} {:>7} {:>9} {:>9} {:>9} {:>5} {:>7} {:>6} {:>6} {:>7} {:>7} {:>7} {:>6} {:>6} {:>9} {:>8}\n",
               "case", "people", "limit s", "kept/runs", "t kept s", "k mv kept", "hard", "wishes", "night", "hours",
               "night*", "hours*", "whole %", "run h", "rest h", "M moves/s", "peak MiB");
  std::string csv = "case,seed,people,days,limit_s,feasible,time_to_feasible_s,moves_to_feasible,hard,wishes_cost,"
                    "night_spread,hours_spread,always_night_spread,always_hours_spread,teams,teams_whole,"
                    "longest_watch_run_minutes,shortest_daily_rest_minutes,moves_per_second,peak_mib\n";
  bool all_kept = true;
  for (const UnitCase& c : cases) {
    std::vector<double> t_kept, moves_kept, hard, soft, night, hours, night_always, hours_always, whole, run_h, rest_h,
        mps, peak;
    int kept = 0, people = 0;
    for (std::uint64_t seed : seeds) {
      SolveOptions options;
      options.time_limit_seconds = c.time;
      options.seed = seed;
      options.threads = args.threads;
      options.first_feasible = c.stop_when_kept;
      const ForkedRun run = run_forked([&] { return solve_case(c, options); }, c.time * 3 + 60);
      if (!run.error.empty()) {
        fmt::print(stderr, "  {} seed {}: {}\n", c.name, seed, run.error);
        all_kept = false;
        continue;
      }
      const auto& j = run.reply;
      const bool feasible = j["feasible"].get<bool>();
      kept += feasible ? 1 : 0;
      all_kept = all_kept && feasible;
      people = j["people"].get<int>();
      const double tf = j["time_to_feasible"].get<double>();
      if (feasible) t_kept.push_back(tf);
      if (feasible) moves_kept.push_back(j["moves_to_feasible"].get<double>() / 1e3);
      hard.push_back(j["hard"].get<double>());
      soft.push_back(j["soft"].get<double>());
      night.push_back(j["night_spread"].get<double>());
      hours.push_back(j["hours_spread"].get<double>());
      night_always.push_back(j["always_night_spread"].get<double>());
      hours_always.push_back(j["always_hours_spread"].get<double>());
      const int teams = j["teams"].get<int>(), teams_whole = j["teams_whole"].get<int>();
      const int run_min = j["longest_watch_run_minutes"].get<int>(), rest_min = j["shortest_daily_rest_minutes"].get<int>();
      whole.push_back(teams > 0 ? 100.0 * teams_whole / teams : 100.0);
      run_h.push_back(run_min / 60.0);
      rest_h.push_back(rest_min / 60.0);
      mps.push_back(j["moves_per_second"].get<double>() / 1e6);
      peak.push_back(run.peak_mib);
      csv += fmt::format("{},{},{},{},{},{},{:.3f},{},{},{},{},{},{},{},{},{},{},{},{:.0f},{:.1f}\n", c.name, seed,
                         people, j["days"].get<int>(), c.time, feasible ? 1 : 0, tf,
                         j["moves_to_feasible"].get<std::int64_t>(), j["hard"].get<std::int64_t>(),
                         j["soft"].get<std::int64_t>(), j["night_spread"].get<int>(), j["hours_spread"].get<double>(),
                         j["always_night_spread"].get<int>(), j["always_hours_spread"].get<double>(), teams,
                         teams_whole, run_min, rest_min, j["moves_per_second"].get<double>(), run.peak_mib);
    }
    const bool all_seeds = t_kept.size() == seeds.size();
    fmt::print("{:<24} {:>6} {:>7.0f} {:>9} {:>9} {:>9} {:>5.0f} {:>7.0f} {:>6.0f} {:>6.0f} {:>7.0f} {:>7.0f} {:>7.0f} "
               "{:>6.0f} {:>6.0f} {:>9.2f} {:>8.1f}\n",
               c.name, people, c.time, fmt::format("{}/{}", kept, seeds.size()),
               all_seeds ? fmt::format("{:.2f}", median(t_kept)) : std::string("-"),
               all_seeds ? fmt::format("{:.0f}", median(moves_kept)) : std::string("-"), median(hard), median(soft),
               median(night), median(hours), median(night_always), median(hours_always), median(whole),
               run_h.empty() ? 0.0 : *std::max_element(run_h.begin(), run_h.end()),
               rest_h.empty() ? 0.0 : *std::min_element(rest_h.begin(), rest_h.end()), median(mps), median(peak));
    std::fflush(stdout);
  }
  if (!cases.empty())
    fmt::print("columns: medians over seeds; 't kept s' = seconds until every hard rule was kept, 'k mv kept' = "
               "thousands of moves by then (both shown when every seed got there; the tight-* runs stop there, so "
               "their wishes are those of that first plan); night/hours = max - min night watches / watch hours per "
               "person present; night*/hours* = the same among the people present every day; whole % = post teams "
               "going on whole to their next stint; run h = the longest run of watches anyone stood, across days (the "
               "most over seeds); rest h = the shortest unbroken rest anyone got in any 24 h present (the least over "
               "seeds)\n");
  std::string repair_csv =
      "case,seed,person,day,now,limit,feasible,hard,time_to_feasible_s,seconds,changed_watches,forced_watches,"
      "within_12h,act_now,people_affected,away_on_duty,uncovered,other_hard,unkept\n";
  std::string resilience_csv = "case,seed,losses,repaired,work_per_loss,seconds,score\n";
  if (!run_repair_cases(args, seeds, unit_file, repair_csv, resilience_csv)) all_kept = false;
  if (!args.csv.empty()) {
    // One file per table: the plans (as named), the repairs and the
    // resilience checks (-repairs and -resilience before the extension).
    const fs::path plans_path = args.csv;
    auto sibling = [&](const char* suffix) {
      fs::path p = plans_path;
      return p.replace_filename(plans_path.stem().string() + suffix + plans_path.extension().string());
    };
    const std::vector<std::pair<fs::path, const std::string*>> files = {
        {plans_path, cases.empty() ? nullptr : &csv},
        {sibling("-repairs"), args.cases.find("repair") != std::string::npos ? &repair_csv : nullptr},
        {sibling("-resilience"), args.cases.find("resilience") != std::string::npos ? &resilience_csv : nullptr}};
    for (const auto& [path, text] : files) {
      if (!text) continue;
      if (const std::string failed = write_file(path.string(), *text); !failed.empty()) {
        fmt::print(stderr, "vigil bench --unit: {}\n", failed);
        return kExitInputError;
      }
    }
  }
  return all_kept ? kExitOk : kExitInfeasible;
}

}  // namespace vigil::app
