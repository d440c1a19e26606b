// The window search (issue 9 part 3, solve/window_search.h): a window's
// column generation leaves everything outside it as it was and keeps every
// hard rule across its borders; the search only ever improves a roster, its
// scores agree with the full evaluator; and a deterministic --work solve
// ends better with it than without it. Skips where ../shared is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>

#include "eval/problem_index.h"
#include "io/nrp_reader.h"
#include "solve/column_generation.h"
#include "solve/solver.h"
#include "solve/window_search.h"
#include "test_support.h"

namespace vigil {
namespace {

#define SKIP_WITHOUT_BENCHMARK() VIGIL_SKIP_WITHOUT_BENCHMARK("the window search tests")

Problem read_instance(int n) { return test::read_benchmark_instance(n); }

// A feasible roster from a short annealing walk (no column generation, so no
// window search either).
Roster walk_roster(const Problem& problem) { return test::walk_roster(problem, 200'000); }

TEST(WindowSearch, AWindowChangesOnlyItsPeopleInsideItsDaysAndKeepsEveryHardRule) {
  SKIP_WITHOUT_BENCHMARK();
  const Problem problem = read_instance(5);
  const ProblemIndex index(problem);
  const Roster start = walk_roster(problem);
  ColumnGenerationOptions cg;
  cg.seed = &start;
  cg.people = {1, 4, 7, 10, 13};
  cg.first_day = 9;
  cg.last_day = 23;
  cg.max_iterations = 500;
  cg.deadline = cg.lp_deadline = std::chrono::steady_clock::now() + std::chrono::hours(1);
  const ColumnGenerationResult r = column_generation(problem, index, cg);
  ASSERT_TRUE(r.roster.has_value());
  EXPECT_FALSE(r.bound_valid);  // a window's LP bounds only the window
  EXPECT_GT(r.pricing_work, 0);
  int changed = 0;
  for (int p = 0; p < index.people; ++p) {
    const bool freed = std::find(cg.people.begin(), cg.people.end(), p) != cg.people.end();
    for (int d = 0; d < index.days; ++d) {
      if (freed && d >= cg.first_day && d < cg.last_day) {
        changed += r.roster->at(p, d) != start.at(p, d);
        continue;
      }
      EXPECT_EQ(r.roster->at(p, d), start.at(p, d)) << "person " << p << " day " << d;
    }
  }
  // Run, rest and succession rules straddle both borders; they hold.
  EXPECT_EQ(evaluate(problem, index, *r.roster).score.hard, 0) << changed << " cells changed";
}

TEST(WindowSearch, OnlyImprovesAndAgreesWithTheFullEvaluator) {
  SKIP_WITHOUT_BENCHMARK();
  const Problem problem = read_instance(5);
  const ProblemIndex index(problem);
  Roster roster = walk_roster(problem);
  Score score = evaluate(problem, index, roster).score;
  const Score before = score;
  std::mt19937_64 rng(7);
  WindowSearchOptions o;
  o.work_limit = 300'000;
  int improvements = 0;
  Score last = before;
  const WindowSearchStats stats = window_search(problem, index, roster, score, rng, o, [&](const Roster& r, const Score& s) {
    EXPECT_LT(s.soft, last.soft);
    EXPECT_EQ(evaluate(problem, index, r).score, s);
    last = s;
    ++improvements;
  });
  EXPECT_GT(stats.windows, 0);
  EXPECT_GE(stats.work, o.work_limit);
  EXPECT_EQ(stats.improved, improvements);
  EXPECT_GT(improvements, 0);
  EXPECT_LT(score.soft, before.soft);
  EXPECT_EQ(score.hard, 0);
  EXPECT_EQ(evaluate(problem, index, roster).score, score);
}

SolveResult work_solve(const Problem& problem, bool windows) {
  SolveOptions o;
  o.work_limit = 2'000'000;
  o.seed = 1;
  o.threads = 1;
  o.time_limit_seconds = 1e6;  // the work budget alone stops it
  o.window_search = windows;
  return solve(problem, o);
}

// Instance5 (optimum 1143, LP bound 1141): at this budget the run with
// windows ends at 1146 (58e3c09), the walk alone higher (1148 on main at
// 6533809); the test asks only that windows end strictly better, and that
// the run is reproducible.
TEST(WindowSearch, ADeterministicWorkSolveEndsBetterWithWindows) {
  SKIP_WITHOUT_BENCHMARK();
  const Problem problem = read_instance(5);
  const SolveResult with = work_solve(problem, true), without = work_solve(problem, false);
  ASSERT_TRUE(with.found_feasible);
  ASSERT_TRUE(without.found_feasible);
  EXPECT_LT(with.score.soft, without.score.soft);
  EXPECT_GE(with.score.soft, 1143);  // never below the proven optimum
  const SolveResult again = work_solve(problem, true);
  EXPECT_EQ(again.score, with.score);
  EXPECT_EQ(again.roster.cells(), with.roster.cells());
}

}  // namespace
}  // namespace vigil
