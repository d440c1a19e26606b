// The integer programme over column generation's pool of lines
// (solve/master_ip.h): after the dive it finds a cheaper roster where the
// pool holds one (Instance5 from no seed: the dive stops at 1150, the pool
// holds 1146),
// its objective is the evaluator's, it never returns worse than its start,
// and under a node limit it is the same every run. Skips where ../shared is
// absent.
#include <gtest/gtest.h>

#include <string>

#include "eval/problem_index.h"
#include "io/nrp_reader.h"
#include "solve/column_generation.h"
#include "solve/solver.h"
#include "test_support.h"

namespace vigil {
namespace {

#define SKIP_WITHOUT_BENCHMARK() VIGIL_SKIP_WITHOUT_BENCHMARK("the integer programme tests")

Problem read_instance(int n) { return test::read_benchmark_instance(n); }

// Column generation to convergence (a fixed number of LP solves, no clock),
// with the integer programme after the dive when `nodes` > 0.
ColumnGenerationResult generate(const Problem& problem, const ProblemIndex& index, int nodes) {
  ColumnGenerationOptions options = test::unclocked_column_generation(3000);
  options.ip.max_nodes = nodes;
  return column_generation(problem, index, options);
}

TEST(MasterIp, FindsACheaperRosterThanTheDiveInThePoolAndTheEvaluatorAgrees) {
  SKIP_WITHOUT_BENCHMARK();
  const Problem problem = read_instance(5);
  const ProblemIndex index(problem);
  const ColumnGenerationResult dive = generate(problem, index, 0);
  const ColumnGenerationResult ip = generate(problem, index, 500);
  ASSERT_TRUE(dive.roster && ip.roster && ip.bound_valid);
  EXPECT_FALSE(dive.ip_improved);
  EXPECT_TRUE(ip.ip_improved);
  EXPECT_GT(ip.ip_nodes, 0);
  const Score from_dive = evaluate(problem, index, *dive.roster).score;
  const Score from_ip = evaluate(problem, index, *ip.roster).score;
  EXPECT_EQ(from_dive.hard, 0);
  EXPECT_EQ(from_ip.hard, 0);
  // At a2b233c: the dive 1150, the programme 1146 (optimum 1143).
  EXPECT_LT(from_ip.soft, from_dive.soft);
  EXPECT_LE(from_ip.soft, 1146);
  EXPECT_GE(static_cast<double>(from_ip.soft), ip.lower_bound - 1e-6);
  // A node limit and no clock: the same roster every run.
  const ColumnGenerationResult again = generate(problem, index, 500);
  ASSERT_TRUE(again.roster);
  for (int p = 0; p < index.people; ++p)
    for (int d = 0; d < index.days; ++d) ASSERT_EQ(again.roster->at(p, d), ip.roster->at(p, d)) << p << " " << d;
}

// Restarting with the pool (no dive): the seed's roster is the start; with
// no nodes it comes back line for line, with nodes never worse.
TEST(MasterIp, RestartFromASeedAndThePoolNeverReturnsWorse) {
  SKIP_WITHOUT_BENCHMARK();
  const Problem problem = read_instance(6);
  const ProblemIndex index(problem);
  const Roster start = test::walk_roster(problem, 300'000);
  const ColumnGenerationResult first = generate(problem, index, 0);

  ColumnGenerationOptions options = test::unclocked_column_generation(40);
  options.seed = &start;
  options.pool = &first.lines_by_person;
  options.dive = false;
  const ColumnGenerationResult kept = column_generation(problem, index, options);
  ASSERT_TRUE(kept.roster);
  EXPECT_FALSE(kept.ip_improved);
  for (int p = 0; p < index.people; ++p)
    for (int d = 0; d < index.days; ++d) ASSERT_EQ(kept.roster->at(p, d), start.at(p, d)) << p << " " << d;

  options.ip.max_nodes = 500;
  const ColumnGenerationResult improved = column_generation(problem, index, options);
  ASSERT_TRUE(improved.roster);
  const Score before = evaluate(problem, index, start).score;
  const Score after = evaluate(problem, index, *improved.roster).score;
  EXPECT_EQ(after.hard, 0);
  EXPECT_LE(after.soft, before.soft);
  EXPECT_EQ(improved.ip_improved, after.soft < before.soft);
  EXPECT_TRUE(improved.ip_improved) << "a 300,000-move walk (" << before.soft
                                    << ") leaves room the pool can fill";
}

}  // namespace
}  // namespace vigil
