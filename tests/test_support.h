// Helpers shared by the test files: building instance text, parsing it (a
// parse failure throws, which GoogleTest reports as a failed test), writing
// rosters as strings, and printing scores in assertion messages.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "io/nrp_reader.h"
#include "io/roster_io.h"
#include "model/problem.h"
#include "model/roster.h"
#include "solve/column_generation.h"
#include "solve/solver.h"

namespace vigil {

// Lets GoogleTest print a Score in a failed EXPECT_EQ.
inline void PrintTo(const Score& s, std::ostream* os) { *os << "{hard=" << s.hard << ", soft=" << s.soft << "}"; }

}  // namespace vigil

namespace vigil::test {

// The seven sections of a benchmark file, one string per data line.
struct InstanceSpec {
  int days = 7;
  std::vector<std::string> shifts;
  std::vector<std::string> staff;
  std::vector<std::string> days_off;
  std::vector<std::string> on_requests;
  std::vector<std::string> off_requests;
  std::vector<std::string> cover;
};

// The spec in the benchmark's layout: keyword, a legend comment, the lines,
// a blank line between sections (LF endings).
inline std::string instance_text(const InstanceSpec& s) {
  std::string out = "# test instance\nSECTION_HORIZON\n# days\n" + std::to_string(s.days) + "\n";
  auto section = [&out](const char* keyword, const std::vector<std::string>& lines) {
    out += "\n";
    out += keyword;
    out += "\n# legend\n";
    for (const auto& l : lines) out += l + "\n";
  };
  section("SECTION_SHIFTS", s.shifts);
  section("SECTION_STAFF", s.staff);
  section("SECTION_DAYS_OFF", s.days_off);
  section("SECTION_SHIFT_ON_REQUESTS", s.on_requests);
  section("SECTION_SHIFT_OFF_REQUESTS", s.off_requests);
  section("SECTION_COVER", s.cover);
  return out;
}

inline Problem parse_or_throw(const std::string& text, const std::string& name = "test.txt") {
  auto r = parse_nrp_instance(text, name);
  if (!r.ok()) throw std::runtime_error("instance did not parse: " + r.error().format());
  return std::move(r.value());
}

inline Problem parse_spec(const InstanceSpec& spec) { return parse_or_throw(instance_text(spec)); }

inline Problem read_or_throw(const std::string& path) {
  auto r = read_nrp_instance(path);
  if (!r.ok()) throw std::runtime_error("instance did not parse: " + r.error().format());
  return std::move(r.value());
}

inline std::string test_data(const std::string& file) { return std::string(VIGIL_TEST_DATA) + "/" + file; }
inline std::string shared_nrp(const std::string& file) { return std::string(VIGIL_SHARED_NRP) + "/" + file; }

// The benchmark's InstanceN.txt from ../shared, read (a failure throws).
inline std::string benchmark_instance_path(int n) { return shared_nrp("Instance" + std::to_string(n) + ".txt"); }
inline Problem read_benchmark_instance(int n) {
  auto r = read_nrp_instance(benchmark_instance_path(n));
  if (!r) throw std::runtime_error(r.error().format());
  return std::move(r.value());
}

// Column generation with no clock: only `max_iterations` LP solves stop it
// (the deadlines lie an hour away), so its result is the same every run.
inline ColumnGenerationOptions unclocked_column_generation(int max_iterations) {
  ColumnGenerationOptions options;
  options.deadline = options.lp_deadline = std::chrono::steady_clock::now() + std::chrono::hours(1);
  options.max_iterations = max_iterations;
  return options;
}

// A feasible roster from a short annealing walk (seed 1, `work` moves, no
// column generation): a start with room to improve.
inline Roster walk_roster(const Problem& problem, std::int64_t work) {
  SolveOptions o;
  o.work_limit = work;
  o.seed = 1;
  o.column_generation = false;
  o.time_limit_seconds = 1e6;
  const SolveResult r = solve(problem, o);
  EXPECT_TRUE(r.found_feasible);
  return r.roster;
}

}  // namespace vigil::test

// Skips a test where ../shared is absent, saying which tests did not run.
#define VIGIL_SKIP_WITHOUT_BENCHMARK(what)                                                    \
  if (!std::filesystem::exists(::vigil::test::benchmark_instance_path(1)))                    \
  GTEST_SKIP() << "benchmark instances not found at " << VIGIL_SHARED_NRP                     \
               << " (../shared beside the checkout): " << (what) << " did not run"

namespace vigil::test {

// One string per person, one character per day: '.' is a day off, any other
// character is the (one-letter) shift of that name.
inline Roster roster_from(const Problem& p, const std::vector<std::string>& rows) {
  if (static_cast<int>(rows.size()) != p.person_count()) throw std::runtime_error("roster_from: wrong number of rows");
  Roster r(p);
  for (int person = 0; person < p.person_count(); ++person) {
    const std::string& row = rows[static_cast<std::size_t>(person)];
    if (static_cast<int>(row.size()) != p.days()) throw std::runtime_error("roster_from: wrong row length: " + row);
    for (int d = 0; d < p.days(); ++d) {
      const char c = row[static_cast<std::size_t>(d)];
      if (c == '.') continue;
      auto s = p.find_shift(std::string(1, c));
      if (!s) throw std::runtime_error(std::string("roster_from: unknown shift ") + c);
      r.set(person, d, static_cast<ShiftCode>(s->value));
    }
  }
  return r;
}

inline const RuleTally& tally(const Evaluation& ev, RuleKind k) { return ev.rules[static_cast<std::size_t>(k)]; }

// The explanation texts of one rule, in report order.
inline std::vector<std::string> texts(const Evaluation& ev, RuleKind k) {
  std::vector<std::string> out;
  for (const auto& v : ev.violations)
    if (v.rule == k) out.push_back(v.text);
  return out;
}

// The amount the incremental evaluator keeps per rule: cost for the
// self-priced soft rules (requests, cover), units for the others.
inline std::int64_t rule_amount(const Evaluation& ev, int k) {
  const auto kind = static_cast<RuleKind>(k);
  const bool self_priced =
      kind == RuleKind::kShiftOnRequest || kind == RuleKind::kShiftOffRequest || kind == RuleKind::kCover;
  return self_priced ? ev.rules[static_cast<std::size_t>(k)].cost : ev.rules[static_cast<std::size_t>(k)].units;
}

}  // namespace vigil::test
