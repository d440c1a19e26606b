// The benchmark's reference rosters (shared/benchmarks/nrp/solutions): for
// every row of claimed_objectives.csv the evaluator must find the roster
// feasible and reproduce the stated total, cover part and request part. Also:
// all 24 instance files parse, with the sizes the benchmark publishes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "eval/incremental_evaluator.h"
#include "eval/problem_index.h"
#include "io/roster_io.h"
#include "test_support.h"

namespace vigil {
namespace {

using test::read_or_throw;
using test::shared_nrp;
using test::tally;

bool shared_folder_present() { return std::filesystem::exists(shared_nrp("solutions/claimed_objectives.csv")); }

std::vector<std::string> split_commas(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  return out;
}

struct Claim {
  std::string instance, file;
  std::int64_t total = 0, cover = 0, requests = 0;
};

std::vector<Claim> read_claims() {
  std::ifstream in(shared_nrp("solutions/claimed_objectives.csv"));
  std::vector<Claim> out;
  std::string line;
  std::getline(in, line);  // header
  EXPECT_EQ(line.substr(0, line.find_last_not_of("\r") + 1),
            "instance,file,raw_output,solution_block,claimed_objective,claimed_cover_penalty,claimed_request_penalty");
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto f = split_commas(line);
    if (f.size() != 7) {
      ADD_FAILURE() << "malformed row: " << line;
      continue;
    }
    out.push_back(Claim{f[0], f[1], std::stoll(f[4]), std::stoll(f[5]), std::stoll(f[6])});
  }
  return out;
}

TEST(ClaimedObjectives, EvaluatorReproducesEveryClaim) {
  if (!shared_folder_present())
    GTEST_SKIP() << "shared benchmark folder not found at " << VIGIL_SHARED_NRP
                 << " (expected solutions/claimed_objectives.csv)";
  const auto claims = read_claims();
  // 20 rosters: two solution blocks for each of Instances 1-10.
  ASSERT_EQ(claims.size(), 20u);
  for (const Claim& c : claims) {
    SCOPED_TRACE(c.file);
    ASSERT_EQ(c.total, c.cover + c.requests);
    const Problem p = read_or_throw(shared_nrp(c.instance + ".txt"));
    auto roster = read_roster(p, shared_nrp("solutions/" + c.file));
    ASSERT_TRUE(roster.ok()) << roster.error().format();
    const Evaluation ev = evaluate(p, *roster, true);
    EXPECT_EQ(ev.score.hard, 0);
    for (const Violation& v : ev.violations)
      EXPECT_FALSE(p.rule(v.rule).hard) << "hard violation: " << v.text;
    EXPECT_EQ(ev.score.soft, c.total);
    EXPECT_EQ(tally(ev, RuleKind::kCover).cost, c.cover);
    EXPECT_EQ(tally(ev, RuleKind::kShiftOnRequest).cost + tally(ev, RuleKind::kShiftOffRequest).cost, c.requests);

    // The incremental evaluator starts from the same numbers.
    const ProblemIndex ix(p);
    const IncrementalEvaluator inc(p, ix, *roster);
    EXPECT_EQ(inc.score(), ev.score);
  }
}

TEST(ClaimedObjectives, ReferenceRostersSurviveACsvAndJsonRoundTrip) {
  if (!shared_folder_present()) GTEST_SKIP() << "shared benchmark folder not found at " << VIGIL_SHARED_NRP;
  for (const Claim& c : read_claims()) {
    SCOPED_TRACE(c.file);
    const Problem p = read_or_throw(shared_nrp(c.instance + ".txt"));
    auto roster = read_roster(p, shared_nrp("solutions/" + c.file));
    ASSERT_TRUE(roster.ok()) << roster.error().format();
    auto from_csv = parse_roster_csv(p, roster_to_csv(p, *roster), "again.csv");
    ASSERT_TRUE(from_csv.ok()) << from_csv.error().format();
    EXPECT_TRUE(*from_csv == *roster);
    auto from_json = parse_roster_json(p, roster_to_json(p, *roster), "again.json");
    ASSERT_TRUE(from_json.ok()) << from_json.error().format();
    EXPECT_TRUE(*from_json == *roster);
  }
}

// The benchmark's published sizes (shared/benchmarks/nrp/README.md): days,
// staff, shift types, required days off, on-requests, off-requests.
struct Sizes {
  int days, staff, shifts, days_off, on, off;
};
const Sizes kPublished[24] = {
    {14, 8, 1, 8, 21, 5},           {14, 14, 2, 14, 50, 12},          {14, 20, 3, 20, 39, 25},
    {28, 10, 2, 20, 52, 19},        {28, 16, 2, 32, 79, 27},          {28, 18, 3, 36, 87, 48},
    {28, 20, 3, 40, 104, 64},       {28, 30, 4, 60, 139, 86},         {28, 36, 4, 72, 144, 88},
    {28, 40, 5, 80, 210, 74},       {28, 50, 6, 100, 197, 139},       {28, 60, 10, 120, 294, 128},
    {28, 120, 18, 240, 589, 252},   {42, 32, 4, 128, 266, 93},        {42, 45, 6, 180, 350, 140},
    {56, 20, 3, 120, 177, 103},     {56, 32, 4, 160, 351, 129},       {84, 22, 3, 176, 322, 92},
    {84, 40, 5, 320, 587, 247},     {182, 50, 6, 900, 1665, 653},     {182, 100, 8, 1800, 3210, 1492},
    {364, 50, 10, 1800, 3253, 1385}, {364, 100, 16, 3600, 6549, 2861}, {364, 150, 32, 5400, 9540, 4269},
};

TEST(BenchmarkFiles, AllInstancesParseWithThePublishedSizes) {
  if (!std::filesystem::exists(shared_nrp("Instance1.txt")))
    GTEST_SKIP() << "shared benchmark folder not found at " << VIGIL_SHARED_NRP;
  for (int i = 0; i < 24; ++i) {
    const std::string name = "Instance" + std::to_string(i + 1) + ".txt";
    SCOPED_TRACE(name);
    auto r = read_nrp_instance(shared_nrp(name));
    ASSERT_TRUE(r.ok()) << r.error().format();
    const Problem& p = r.value();
    const Sizes& want = kPublished[i];
    EXPECT_EQ(p.days(), want.days);
    EXPECT_EQ(p.person_count(), want.staff);
    EXPECT_EQ(p.shift_count(), want.shifts);
    std::size_t days_off = 0;
    for (const auto& person : p.people) days_off += person.required_days_off.size();
    EXPECT_EQ(days_off, static_cast<std::size_t>(want.days_off));
    int on = 0, off = 0;
    for (const auto& req : p.requests) (req.wants_shift ? on : off) += 1;
    EXPECT_EQ(on, want.on);
    EXPECT_EQ(off, want.off);
    // One cover line per day and shift type.
    EXPECT_EQ(p.cover.size(), static_cast<std::size_t>(want.days) * static_cast<std::size_t>(want.shifts));
    EXPECT_EQ(p.horizon.first_weekday, 0);
  }
}

}  // namespace
}  // namespace vigil
