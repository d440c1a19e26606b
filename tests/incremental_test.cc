// The incremental evaluator against the from-scratch evaluation: long random
// walks of every move kind (change, one-day swap, block swap, whole-line and
// window rewrites), comparing the score, every rule's amount and the
// evaluator's counters after each move, and each returned delta against the
// score difference the move really made. Then the solver: check mode finds no
// disagreement, and a work limit makes runs reproducible.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "eval/evaluation.h"
#include "eval/incremental_evaluator.h"
#include "eval/problem_index.h"
#include "solve/solver.h"
#include "test_support.h"

namespace vigil {
namespace {

using test::InstanceSpec;
using test::read_or_throw;
using test::rule_amount;
using test::shared_nrp;
using test::test_data;

// ---- helpers -------------------------------------------------------------------

ShiftCode random_value(std::mt19937_64& rng, int shifts) {
  // About 40% days off, the rest spread over the kinds.
  if (std::uniform_int_distribution<int>(0, 9)(rng) < 4) return kOff;
  return static_cast<ShiftCode>(std::uniform_int_distribution<int>(0, shifts - 1)(rng));
}

Roster random_roster(const Problem& p, std::mt19937_64& rng) {
  Roster r(p);
  for (int person = 0; person < p.person_count(); ++person)
    for (int d = 0; d < p.days(); ++d) r.set(person, d, random_value(rng, p.shift_count()));
  return r;
}

// A line made of runs (1-4 days worked, 1-4 off), closer to a real roster than
// independent cells, so that short runs at the edges and in the middle occur.
std::vector<ShiftCode> run_line(std::mt19937_64& rng, int days, int shifts) {
  std::vector<ShiftCode> line;
  bool work = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
  while (static_cast<int>(line.size()) < days) {
    const int len = std::uniform_int_distribution<int>(1, 4)(rng);
    const auto kind = static_cast<ShiftCode>(std::uniform_int_distribution<int>(0, shifts - 1)(rng));
    for (int i = 0; i < len && static_cast<int>(line.size()) < days; ++i) {
      ShiftCode v = kOff;
      if (work) v = std::uniform_int_distribution<int>(0, 3)(rng) == 0 ? random_value(rng, shifts) : kind;
      if (work && v == kOff) v = kind;
      line.push_back(v);
    }
    work = !work;
  }
  return line;
}

// Score, per-rule amounts and counters of `inc` against a full evaluation of
// its roster.
::testing::AssertionResult agrees_with_full(const IncrementalEvaluator& inc, const Problem& p,
                                            const ProblemIndex& ix) {
  const Roster& r = inc.roster();
  const Evaluation ev = evaluate(p, ix, r);
  if (!(inc.score() == ev.score))
    return ::testing::AssertionFailure() << "score: incremental hard=" << inc.score().hard
                                         << " soft=" << inc.score().soft << ", full hard=" << ev.score.hard
                                         << " soft=" << ev.score.soft;
  for (int k = 0; k < kRuleCount; ++k)
    if (inc.rule_amounts()[static_cast<std::size_t>(k)] != rule_amount(ev, k))
      return ::testing::AssertionFailure() << "rule " << rule_name(static_cast<RuleKind>(k)) << ": incremental "
                                           << inc.rule_amounts()[static_cast<std::size_t>(k)] << ", full "
                                           << rule_amount(ev, k);
  for (int person = 0; person < p.person_count(); ++person) {
    std::int64_t minutes = 0;
    std::vector<int> kinds(static_cast<std::size_t>(p.shift_count()), 0);
    for (int d = 0; d < p.days(); ++d)
      if (const ShiftCode s = r.at(person, d); s >= 0) {
        minutes += p.shifts[static_cast<std::size_t>(s)].length_minutes;
        ++kinds[static_cast<std::size_t>(s)];
      }
    if (inc.minutes(person) != minutes)
      return ::testing::AssertionFailure() << "minutes of person " << person << ": " << inc.minutes(person)
                                           << " kept, " << minutes << " in the roster";
    for (int s = 0; s < p.shift_count(); ++s)
      if (inc.kind_count(person, s) != kinds[static_cast<std::size_t>(s)])
        return ::testing::AssertionFailure() << "kind count of person " << person << " shift " << s;
    int weekends = 0;
    for (int d = 0; d < p.days(); ++d) {
      // A weekend is worked if its Saturday or its Sunday is; count it once,
      // on its Saturday, or on a Sunday whose Saturday is off or outside.
      const bool worked = r.at(person, d) >= 0;
      if (p.horizon.is_saturday(d) && worked) ++weekends;
      if (p.horizon.is_sunday(d) && worked && (d == 0 || r.at(person, d - 1) < 0)) ++weekends;
    }
    if (inc.weekends(person) != weekends)
      return ::testing::AssertionFailure() << "weekends of person " << person << ": " << inc.weekends(person)
                                           << " kept, " << weekends << " in the roster";
  }
  for (int d = 0; d < p.days(); ++d)
    for (int s = 0; s < p.shift_count(); ++s) {
      int n = 0;
      for (int person = 0; person < p.person_count(); ++person) n += r.at(person, d) == s;
      if (inc.cover_count(d, s) != n)
        return ::testing::AssertionFailure() << "cover count of day " << d << " shift " << s;
    }
  return ::testing::AssertionSuccess();
}

std::string line_text(const ShiftCode* v, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += v[i] < 0 ? std::string(".") : std::to_string(v[i]);
  return out;
}

// `steps` random moves from `start` (blocks of 2 to `max_block` days); after each, the applied delta must equal
// the score difference and the evaluator must agree with a full evaluation.
void random_walk(const Problem& p, const Roster& start, std::uint64_t seed, int steps, int max_block = 7) {
  const ProblemIndex ix(p);
  IncrementalEvaluator inc(p, ix, start);
  ASSERT_TRUE(agrees_with_full(inc, p, ix)) << "at the start";
  std::mt19937_64 rng(seed);
  const int P = p.person_count(), D = p.days(), S = p.shift_count();
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int counts[5] = {0, 0, 0, 0, 0};

  for (int step = 0; step < steps; ++step) {
    const Score before = inc.score();
    Score delta;
    std::string what;
    const int kind = pick(0, 9);
    if (kind < 3) {  // change one cell
      const int a = pick(0, P - 1), d = pick(0, D - 1);
      const ShiftCode v = random_value(rng, S);
      what = fmt::format("change person {} day {} from {} to {}", a, d, inc.roster().at(a, d), v);
      delta = inc.change_delta(a, d, v);
      inc.apply_change(a, d, v);
      ++counts[0];
    } else if (kind < 7) {  // swap one day (kind 3-4) or a block of 2-7 days (kind 5-6)
      if (P < 2) continue;
      const int a = pick(0, P - 1);
      int b = pick(0, P - 2);
      if (b >= a) ++b;
      const int n = kind < 5 ? 1 : std::min(D, pick(2, std::max(2, max_block)));
      const int first = pick(0, D - n);
      what = fmt::format("swap persons {} and {} on days {}..{}: {} <-> {}", a, b, first, first + n - 1,
                         line_text(inc.roster().line(a) + first, n), line_text(inc.roster().line(b) + first, n));
      delta = inc.swap_delta(a, b, first, n);
      inc.apply_swap(a, b, first, n);
      ++counts[n == 1 ? 1 : 2];
    } else if (kind < 9) {  // a whole new line
      const int a = pick(0, P - 1);
      std::vector<ShiftCode> line = pick(0, 1) ? run_line(rng, D, S) : std::vector<ShiftCode>{};
      if (line.empty())
        for (int d = 0; d < D; ++d) line.push_back(random_value(rng, S));
      what = fmt::format("line of person {}: {} -> {}", a, line_text(inc.roster().line(a), D),
                         line_text(line.data(), D));
      delta = inc.line_delta(a, 0, D, line.data(), true);
      inc.apply_line(a, 0, D, line.data(), true);
      ++counts[3];
    } else {  // rewrite a window of a line
      const int a = pick(0, P - 1), first = pick(0, D - 1), n = pick(1, D - first);
      std::vector<ShiftCode> values;
      for (int i = 0; i < n; ++i) values.push_back(random_value(rng, S));
      what = fmt::format("window of person {} days {}..{}: {} -> {}", a, first, first + n - 1,
                         line_text(inc.roster().line(a) + first, n), line_text(values.data(), n));
      delta = inc.line_delta(a, first, n, values.data(), true);
      inc.apply_line(a, first, n, values.data(), true);
      ++counts[4];
    }
    const Score after = inc.score();
    ASSERT_EQ(after.hard - before.hard, delta.hard) << "step " << step << ": " << what;
    ASSERT_EQ(after.soft - before.soft, delta.soft) << "step " << step << ": " << what;
    ASSERT_TRUE(agrees_with_full(inc, p, ix)) << "step " << step << ": " << what;
  }
  // Every move kind was exercised many times.
  for (int c : counts) EXPECT_GT(c, steps / 20);
}

// ---- random walks on the hand-written instances -----------------------------------

struct WalkCase {
  const char* file;
  bool random_start;
  std::uint64_t seed;
};

void PrintTo(const WalkCase& c, std::ostream* os) {
  *os << c.file << (c.random_start ? " from a random roster" : " from an empty roster") << ", seed " << c.seed;
}

class IncrementalWalk : public ::testing::TestWithParam<WalkCase> {};

TEST_P(IncrementalWalk, AgreesWithFullEvaluationAfterEveryMove) {
  const WalkCase c = GetParam();
  const Problem p = read_or_throw(test_data(c.file));
  std::mt19937_64 rng(c.seed * 7919);
  const Roster start = c.random_start ? random_roster(p, rng) : Roster(p);
  random_walk(p, start, c.seed, 20000);
}

INSTANTIATE_TEST_SUITE_P(TinyInstances, IncrementalWalk,
                         ::testing::Values(WalkCase{"tiny_inc_a.txt", false, 1}, WalkCase{"tiny_inc_a.txt", true, 2},
                                           WalkCase{"tiny_inc_b.txt", false, 3}, WalkCase{"tiny_inc_b.txt", true, 4},
                                           WalkCase{"tiny_inc_c.txt", false, 5}, WalkCase{"tiny_inc_c.txt", true, 6}),
                         [](const ::testing::TestParamInfo<WalkCase>& param_info) {
                           std::string name = param_info.param.file;
                           name = name.substr(0, name.find('.'));
                           return name + (param_info.param.random_start ? "_random_start" : "_empty_start");
                         });

TEST(Incremental, WalkWithRulesMadeSoftOrSwitchedOff) {
  // The multipliers of a hard rule made soft (weighted) and of a switched-off
  // rule are the incremental evaluator's own; walk with both.
  Problem p = read_or_throw(test_data("tiny_inc_a.txt"));
  p.rule(RuleKind::kSuccession).hard = false;
  p.rule(RuleKind::kSuccession).weight = 7;
  p.rule(RuleKind::kMinConsecutiveShifts).enabled = false;
  p.rule(RuleKind::kShiftOffRequest).weight = 3;
  p.rule(RuleKind::kCover).weight = 2;
  std::mt19937_64 rng(99);
  random_walk(p, random_roster(p, rng), 99, 10000);
}

TEST(Incremental, CoverAndRequestsCannotBeMadeHard) {
  // Cover and requests are priced by their own weights; as hard rules their
  // units would mean nothing, so the problem's validation refuses them.
  InstanceSpec s;
  s.shifts = {"D,480,"};
  s.staff = {"A,D=7,100000,0,7,1,1,7"};
  s.on_requests = {"A,1,D,3"};
  s.cover = {"0,D,2,100,1"};
  Problem p = test::parse_spec(s);
  ASSERT_FALSE(p.validate().has_value());
  p.rule(RuleKind::kCover).hard = true;
  EXPECT_EQ(p.validate().value_or(""), "rule 'cover' can only be soft (it is priced by its own weights)");
  p.rule(RuleKind::kCover).hard = false;
  p.rule(RuleKind::kShiftOnRequest).hard = true;
  EXPECT_EQ(p.validate().value_or(""), "rule 'shift-on-request' can only be soft (it is priced by its own weights)");
}

TEST(Incremental, LongBlockSwapsOnALongHorizon) {
  // apply_swap copies blocks of more than 64 days through a heap buffer;
  // walk a 98-day instance with blocks of any length.
  InstanceSpec s;
  s.days = 98;
  s.shifts = {"D,480,", "E,480,", "N,600,D|E"};
  for (const char* name : {"A", "B", "C", "F", "G"})
    s.staff.push_back(std::string(name) + ",D=60|E=40|N=20,40000,20000,6,2,2,8");
  s.days_off = {"A,5,6,50", "C,97"};
  s.on_requests = {"B,70,N,2", "C,0,D,1"};
  s.off_requests = {"F,90,E,3"};
  for (int d = 0; d < 98; ++d)
    for (const char* sh : {"D", "E", "N"}) s.cover.push_back(std::to_string(d) + "," + sh + ",1,100,1");
  const Problem p = test::parse_spec(s);
  std::mt19937_64 rng(41);
  random_walk(p, random_roster(p, rng), 41, 3000, /*max_block=*/98);
}

TEST(Incremental, WalkOnBenchmarkInstances) {
  // Instance1 (one kind), Instance7 (three kinds) and Instance15 (zero-requirement
  // cover lines) from the shared benchmark folder, from random rosters.
  if (!std::filesystem::exists(shared_nrp("Instance1.txt")))
    GTEST_SKIP() << "shared benchmark folder not found at " << VIGIL_SHARED_NRP;
  std::uint64_t seed = 20;
  for (const char* name : {"Instance1.txt", "Instance7.txt", "Instance15.txt"}) {
    SCOPED_TRACE(name);
    const Problem p = read_or_throw(shared_nrp(name));
    std::mt19937_64 rng(seed);
    random_walk(p, random_roster(p, rng), seed, 4000);
    if (HasFatalFailure()) return;
    ++seed;
  }
}

TEST(Incremental, NoOpMovesHaveZeroDelta) {
  const Problem p = read_or_throw(test_data("tiny_inc_c.txt"));
  const ProblemIndex ix(p);
  std::mt19937_64 rng(3);
  const IncrementalEvaluator inc(p, ix, random_roster(p, rng));
  const Score zero{};
  for (int a = 0; a < p.person_count(); ++a)
    for (int d = 0; d < p.days(); ++d) EXPECT_EQ(inc.change_delta(a, d, inc.roster().at(a, d)), zero);
  EXPECT_EQ(inc.line_delta(0, 0, p.days(), inc.roster().line(0)), zero);
  EXPECT_EQ(inc.swap_delta(1, 1, 3, 5), zero);
}

TEST(Incremental, ResetRebuildsEveryCounter) {
  const Problem p = read_or_throw(test_data("tiny_inc_b.txt"));
  const ProblemIndex ix(p);
  std::mt19937_64 rng(8);
  IncrementalEvaluator inc(p, ix, Roster(p));
  for (int i = 0; i < 5; ++i) {
    inc.reset(random_roster(p, rng));
    ASSERT_TRUE(agrees_with_full(inc, p, ix)) << "after reset " << i;
  }
}

// ---- the solver ----------------------------------------------------------------------

TEST(Solver, CheckModeFindsNoDisagreement) {
  for (const char* name : {"tiny_inc_a.txt", "tiny_inc_b.txt", "tiny_inc_c.txt"}) {
    SCOPED_TRACE(name);
    const Problem p = read_or_throw(test_data(name));
    SolveOptions o;
    o.work_limit = 30000;
    o.seed = 5;
    o.check_mode = true;
    // Without the LP, which could prove optimality before the walk starts,
    // every move kind of the walk runs under the check.
    o.column_generation = false;
    const SolveResult r = solve(p, o);
    EXPECT_EQ(r.check_failure, "");
    EXPECT_EQ(r.reason, StopReason::kWorkLimit);
    EXPECT_GE(r.moves, o.work_limit);
    // The reported score is the score of the returned roster.
    EXPECT_EQ(evaluate(p, r.roster).score, r.score);
    if (r.found_feasible) {
      EXPECT_EQ(r.score.hard, 0);
    }
  }
}

TEST(Solver, ColumnGenerationBoundIsValidAndStopsAtOptimum) {
  // With column generation on, a run that meets its own LP bound stops with
  // the proof; the bound never exceeds what any roster the run found costs,
  // and check mode finds no disagreement in the walk that may follow.
  for (const char* name : {"tiny_inc_a.txt", "tiny_inc_b.txt", "tiny_inc_c.txt"}) {
    SCOPED_TRACE(name);
    const Problem p = read_or_throw(test_data(name));
    SolveOptions o;
    o.work_limit = 30000;
    o.seed = 5;
    o.check_mode = true;
    const SolveResult r = solve(p, o);
    EXPECT_EQ(r.check_failure, "");
    ASSERT_TRUE(r.found_feasible);
    EXPECT_EQ(evaluate(p, r.roster).score, r.score);
    if (r.proven_lower_bound) {
      EXPECT_LE(*r.proven_lower_bound, r.score.soft);
      if (r.reason == StopReason::kProvenOptimal) {
        EXPECT_EQ(*r.proven_lower_bound, r.score.soft);
      }
    }
    // The bound must also hold against the annealing-only result.
    o.column_generation = false;
    o.check_mode = false;
    o.work_limit = 300000;
    const SolveResult walk = solve(p, o);
    if (r.proven_lower_bound && walk.found_feasible) {
      EXPECT_LE(*r.proven_lower_bound, walk.score.soft);
    }
  }
}

TEST(Solver, CheckModeFromAStartRoster) {
  // With a start roster the construction is skipped and the walk begins at once.
  const Problem p = read_or_throw(test_data("tiny_inc_c.txt"));
  std::mt19937_64 rng(17);
  SolveOptions o;
  o.work_limit = 20000;
  o.seed = 9;
  o.check_mode = true;
  o.start = random_roster(p, rng);
  const SolveResult r = solve(p, o);
  EXPECT_EQ(r.check_failure, "");
  EXPECT_EQ(evaluate(p, r.roster).score, r.score);
}

TEST(Solver, FindsAFeasibleRosterForInstance1InCheckMode) {
  if (!std::filesystem::exists(shared_nrp("Instance1.txt")))
    GTEST_SKIP() << "shared benchmark folder not found at " << VIGIL_SHARED_NRP;
  const Problem p = read_or_throw(shared_nrp("Instance1.txt"));
  SolveOptions o;
  o.work_limit = 50000;
  o.seed = 1;
  o.check_mode = true;
  const SolveResult r = solve(p, o);
  EXPECT_EQ(r.check_failure, "");
  ASSERT_TRUE(r.found_feasible);
  const Evaluation ev = evaluate(p, r.roster);
  EXPECT_EQ(ev.score.hard, 0);
  EXPECT_EQ(ev.score, r.score);
  // 607 is the proven optimum of Instance1 (best_known.csv: lower bound 607).
  EXPECT_GE(r.score.soft, 607);
}

TEST(Solver, OneDayHorizon) {
  // A 1-day horizon leaves no room for block swaps; the search must not
  // draw a block length from an empty range (it once divided by zero here).

  InstanceSpec s;
  s.days = 1;
  s.shifts = {"D,480,"};
  s.staff = {"A,D=1,480,0,1,1,1,1", "B,D=1,480,0,1,1,1,1"};
  s.cover = {"0,D,1,100,1"};
  const Problem p = test::parse_spec(s);
  SolveOptions o;
  o.work_limit = 5000;
  o.check_mode = true;
  const SolveResult r = solve(p, o);
  EXPECT_EQ(r.check_failure, "");
  ASSERT_TRUE(r.found_feasible);
  // One of the two works D: cover met, nothing else priced.
  EXPECT_EQ(r.score, (Score{0, 0}));
}

TEST(Solver, TargetAndLowerBoundStopTheSearch) {
  const Problem p = read_or_throw(test_data("tiny_inc_b.txt"));
  SolveOptions o;
  o.work_limit = 200000;
  o.seed = 4;
  o.target = 1000000;  // any feasible roster reaches it
  SolveResult r = solve(p, o);
  ASSERT_TRUE(r.found_feasible);
  EXPECT_EQ(r.reason, StopReason::kTarget);
  EXPECT_LT(r.moves, o.work_limit);
  o.target.reset();
  o.lower_bound = 1000000;
  r = solve(p, o);
  ASSERT_TRUE(r.found_feasible);
  EXPECT_EQ(r.reason, StopReason::kProvenOptimal);
  EXPECT_LT(r.moves, o.work_limit);
}

TEST(Solver, SameSeedAndWorkLimitGiveTheSameRoster) {
  const Problem p = read_or_throw(test_data("tiny_inc_a.txt"));
  SolveOptions o;
  o.work_limit = 40000;
  o.seed = 12345;
  const SolveResult first = solve(p, o);
  const SolveResult second = solve(p, o);
  EXPECT_TRUE(first.roster == second.roster);
  EXPECT_EQ(first.score, second.score);
  EXPECT_EQ(first.moves, second.moves);
  EXPECT_EQ(first.found_feasible, second.found_feasible);
}

TEST(Solver, SameSeedAndWorkLimitGiveTheSameRosterWithTwoThreads) {
  // The merge of several workers is documented as deterministic under a work limit.
  const Problem p = read_or_throw(test_data("tiny_inc_c.txt"));
  SolveOptions o;
  o.work_limit = 20000;
  o.seed = 77;
  o.threads = 2;
  const SolveResult first = solve(p, o);
  const SolveResult second = solve(p, o);
  EXPECT_TRUE(first.roster == second.roster);
  EXPECT_EQ(first.score, second.score);
  EXPECT_EQ(first.moves, second.moves);
}

}  // namespace
}  // namespace vigil
