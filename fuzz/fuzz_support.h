// What the fuzz targets share: the examples they read inputs against (read
// once), a broken invariant as an abort that libFuzzer records with its
// input, and the checks that follow a successful read, so an input that
// reads but breaks an invariant further in is found too.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "eval/evaluation.h"
#include "eval/incremental_evaluator.h"
#include "eval/problem_index.h"
#include "eval/unit_check.h"
#include "eval/unit_evaluator.h"
#include "eval/unit_precheck.h"
#include "io/events_reader.h"
#include "io/nrp_reader.h"
#include "io/scenario_reader.h"
#include "io/unit_roster_json.h"
#include "model/events.h"
#include "model/problem.h"
#include "model/roster.h"
#include "solve/repair.h"

namespace vigil::fuzz {

[[noreturn]] inline void broken(const std::string& what) {
  std::fprintf(stderr, "fuzz: invariant broken: %s\n", what.c_str());
  std::abort();
}

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Every refusal is a located message; formatting it (the caret line, the
// column in characters) runs on hostile text too.
inline void check_error(const InputError& e) {
  if (e.message.empty()) broken("an input error without a message");
  (void)e.format();
}

template <class T>
T must_read(Result<T> r, const char* what) {
  if (!r) broken(std::string(what) + " does not read: " + r.error().format());
  return std::move(*r);
}

// examples/unit-64.yaml, the problem the event, plan and request targets read against.
inline const Problem& unit64() {
  static const Problem p = must_read(read_scenario(VIGIL_SOURCE_DIR "/examples/unit-64.yaml"), "unit-64.yaml");
  return p;
}

// unit-64 with day 0 on Monday 2026-12-07, so calendar times ("2026-12-14 02:00") read too.
inline const Problem& dated_unit64() {
  static const Problem p = [] {
    Problem dated = unit64();
    dated.start_date = parse_date("2026-12-07");
    return dated;
  }();
  return p;
}

// A plan of unit-64 made by `vigil solve` (the plan target's first seed), the
// plan in force that read events are applied to.
inline const Roster& unit64_plan() {
  static const Roster r = must_read(read_unit_roster(unit64(), VIGIL_SOURCE_DIR "/fuzz/corpus/unit_plan/solved.json"),
                                    "fuzz/corpus/unit_plan/solved.json");
  return r;
}

// examples/ward-14.txt, the benchmark problem the roster targets read against.
inline const Problem& ward14() {
  static const Problem p = must_read(read_nrp_instance(VIGIL_SOURCE_DIR "/examples/ward-14.txt"), "ward-14.txt");
  return p;
}

// Rosters up to this many cells are evaluated after a read. The readers
// accept far larger ones (a scenario up to kScenarioMaxRosterCells), which
// would only make single inputs slow: the fuzzer's time goes to more inputs.
inline constexpr long long kMaxEvaluatedCells = 1'000'000;

inline bool small_enough(const Problem& p) {
  return static_cast<long long>(p.person_count()) * p.days() * p.lanes_per_day() <= kMaxEvaluatedCells;
}

// A roster of the problem: the full evaluation (explained, so every rule's
// wording runs) and the incremental evaluator the search uses, which must
// agree with it.
inline void check_roster(const Problem& p, const Roster& roster) {
  if (roster.people() != p.person_count() || roster.days() != p.days() || roster.lanes() != p.lanes_per_day())
    broken("a roster not shaped for its problem");
  const Evaluation full = evaluate(p, roster, true);
  if (!p.is_unit()) {
    const ProblemIndex index(p);
    const IncrementalEvaluator incremental(p, index, roster);
    if (!(incremental.score() == full.score))
      broken("the incremental evaluator disagrees with evaluate()");
    return;
  }
  const UnitEvaluator incremental(p, roster);
  if (const std::string gap = unit_disagreement(incremental); !gap.empty())
    broken("the unit evaluator disagrees with evaluate(): " + gap);
}

// A problem the reader accepted: validate() agrees, the unit precheck runs,
// and an empty roster of it is evaluated when small enough.
inline void check_problem(const Problem& p) {
  if (auto err = p.validate()) broken("a read problem that validate() refuses: " + *err);
  if (p.is_unit()) (void)precheck_unit(p);
  if (small_enough(p)) check_roster(p, Roster(p));
}

// Read events, as `vigil repair` takes them: written back as an events file
// they read again to the same file; applied at day 0 to `problem` and its
// plan, the changed problem and the plan moved onto it pass the checks above.
inline void check_events(const Problem& problem, const Roster& plan, const std::vector<UnitEvent>& events) {
  const std::string yaml = events_to_yaml(problem, events, "fuzz");
  auto again = parse_events(yaml, "events.yaml", problem);
  if (!again) broken("events_to_yaml wrote a file parse_events refuses: " + again.error().format() + "\n" + yaml);
  if (events_to_yaml(problem, *again, "fuzz") != yaml) broken("events read back differ:\n" + yaml);
  (void)append_event_log("", problem, events);
  auto prepared = prepare_repair(problem, plan, events, 0, "fuzz");
  if (!prepared) return check_error(prepared.error());
  check_problem(prepared->problem);
  if (small_enough(prepared->problem)) check_roster(prepared->problem, prepared->plan_in_force);
}

// The plan reader's checks, shared by the unit_plan targets: a plan that
// reads is scored by both evaluators (which must agree) and, written back
// with its stamp, must read again to the same plan and stamp.
inline void check_unit_plan_input(const Problem& problem, const std::uint8_t* data, std::size_t size) {
  PlanFileInfo info;
  auto plan = parse_unit_roster_json(problem, text_of(data, size), "fuzz.json", &info);
  if (!plan) {
    check_error(plan.error());
    return;
  }
  check_roster(problem, *plan);
  PlanFileInfo info_again;
  auto again = parse_unit_roster_json(problem, unit_roster_to_json(problem, *plan, info.stamp), "written.json",
                                      &info_again);
  if (!again) broken("unit_roster_to_json wrote a plan parse_unit_roster_json refuses: " + again.error().format());
  if (!(*again == *plan)) broken("a plan read back differs");
  if (info.stamp.version != 0 &&
      (info_again.stamp.version != info.stamp.version || info_again.stamp.replaces != info.stamp.replaces ||
       info_again.stamp.made != info.stamp.made || info_again.stamp.reason != info.stamp.reason))
    broken("a plan's stamp read back differs");
}

}  // namespace vigil::fuzz
