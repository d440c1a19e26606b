// Sharded runs (issue 16): the slicing from the index alone, the shard files
// and their merge (every refusal names the file), the resilience check and a
// sweep split N ways giving, once merged, the bytes of the whole run; the
// sacct reader, and the sbatch script.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "base/shard.h"
#include "io/sacct_status.h"
#include "io/shard_file.h"
#include "io/sweep_spec.h"
#include "report/cluster_jobs.h"
#include "report/resilience_report.h"
#include "report/sweep_report.h"
#include "solve/resilience.h"
#include "solve/solver.h"
#include "solve/sweep.h"
#include "solve/unit_generator.h"

namespace vigil {
namespace {

TEST(Shard, SlicesFromTheIndexAloneAndCoverEveryCaseOnce) {
  for (int n : {1, 3, 8}) {
    std::vector<int> owner(100, -1);
    std::size_t total = 0;
    for (int i = 0; i < n; ++i) {
      const Shard s{i, n};
      std::size_t mine = 0;
      for (std::size_t k = 0; k < owner.size(); ++k)
        if (s.contains(k)) {
          EXPECT_EQ(owner[k], -1) << "case " << k << " in two shards";
          owner[k] = i;
          ++mine;
        }
      EXPECT_EQ(mine, s.size_of(owner.size()));
      total += mine;
    }
    EXPECT_EQ(total, owner.size());
  }
  Shard s;
  std::string error;
  EXPECT_TRUE(parse_shard("3/8", s, error));
  EXPECT_EQ(s.index, 3);
  EXPECT_EQ(s.count, 8);
  for (const char* bad : {"8/8", "-1/8", "3", "3/0", "a/8", "3/8x", "/8", "3/100001"}) {
    EXPECT_FALSE(parse_shard(bad, s, error)) << bad;
    EXPECT_NE(error.find(bad), std::string::npos) << error;
  }
}

TEST(Shard, CaseSeedsDependOnTheCaseNotTheShard) {
  EXPECT_EQ(case_seed(1, {4, 2, 7}), case_seed(1, {4, 2, 7}));
  EXPECT_NE(case_seed(1, {4, 2, 7}), case_seed(1, {4, 7, 2}));
  EXPECT_NE(case_seed(1, {4, 2, 7}), case_seed(2, {4, 2, 7}));
}

ShardHeader header(int index, int count, std::size_t total) {
  ShardHeader h;
  h.kind = "resilience";
  h.inputs = {{"scenario", {{"file", "u.yaml"}, {"sha256", "aa"}}}};
  h.parameters = {{"work", 100}};
  h.shard = {index, count};
  h.total = total;
  return h;
}

ShardFile shard_of(int index, int count, std::size_t total, const std::string& path) {
  std::vector<ShardCase> cases;
  for (std::size_t k = static_cast<std::size_t>(index); k < total; k += static_cast<std::size_t>(count))
    cases.push_back({k, {{"n", k}}});
  auto f = parse_shard_text(shard_text(header(index, count, total), cases, 1.5), path);
  EXPECT_TRUE(f.ok()) << f.error().format();
  return *f;
}

TEST(ShardFile, MergesInIndexOrderAndRefusesWhatIsNotTheWholeRun) {
  std::vector<ShardFile> files = {shard_of(2, 3, 10, "c"), shard_of(0, 3, 10, "a"), shard_of(1, 3, 10, "b")};
  auto merged = merge_shards(files);
  ASSERT_TRUE(merged.ok()) << merged.error().format();
  ASSERT_EQ(merged->cases.size(), 10u);
  for (std::size_t k = 0; k < 10; ++k) EXPECT_EQ(merged->cases[k].result["n"], k);
  EXPECT_DOUBLE_EQ(merged->seconds, 4.5);
  // The merge of one unsharded file gives the same bytes.
  auto whole = merge_shards({shard_of(0, 1, 10, "all")});
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(shard_text(merged->header, merged->cases, -1), shard_text(whole->header, whole->cases, -1));

  auto refused = [&](std::vector<ShardFile> given, const std::string& words) {
    auto r = merge_shards(given);
    ASSERT_FALSE(r.ok()) << words;
    EXPECT_NE(r.error().headline().find(words), std::string::npos) << r.error().headline();
  };
  refused({files[0], files[1]}, "missing shard 1/3");
  refused({files[0], files[1], files[1]}, "a: shard 0/3 given twice (also a)");
  ShardFile other = files[2];
  other.header.inputs["scenario"]["sha256"] = "bb";
  refused({files[0], files[1], other}, "b: shard of other inputs than c");
  ShardFile moved = files[2];
  moved.header.inputs["scenario"]["file"] = "elsewhere/u.yaml";  // the same bytes under another path: fine
  EXPECT_TRUE(merge_shards({files[0], files[1], moved}).ok());
  ShardFile cut = files[2];
  cut.complete = false;
  cut.cases.pop_back();
  refused({files[0], files[1], cut}, "b: incomplete shard 1/3");
}

TEST(ShardFile, TellsACutFileFromAWholeOne) {
  const std::string text = shard_text(header(0, 1, 3), {{0, {{"n", 0}}}, {1, {{"n", 1}}}, {2, {{"n", 2}}}}, 2.0);
  auto whole = parse_shard_text(text, "s.jsonl");
  ASSERT_TRUE(whole.ok());
  EXPECT_TRUE(whole->complete);
  // Cut after a whole line: read, but not complete (merge refuses it by name).
  const std::size_t third = text.find('\n', text.find('\n', text.find('\n') + 1) + 1) + 1;
  auto lines = parse_shard_text(text.substr(0, third), "s.jsonl");
  ASSERT_TRUE(lines.ok());
  EXPECT_FALSE(lines->complete);
  EXPECT_EQ(lines->cases.size(), 2u);
  // Cut mid-line: an error at that line.
  auto mid = parse_shard_text(text.substr(0, third + 5), "s.jsonl");
  ASSERT_FALSE(mid.ok());
  EXPECT_EQ(mid.error().line, 4);
  EXPECT_NE(mid.error().message.find("cut short"), std::string::npos);
  auto wrong_count = parse_shard_text(text.substr(0, third) + "{\"end\":true,\"cases\":3}\n", "s.jsonl");
  ASSERT_FALSE(wrong_count.ok());
  EXPECT_EQ(wrong_count.error().headline(), "s.jsonl:4: the end line counts 3 cases, the file holds 2");
  EXPECT_FALSE(parse_shard_text("{\"vigil\":\"plan\"}\n", "x").ok());
}

struct SmallUnit {
  Problem unit;
  Roster plan;
};

const SmallUnit& small_unit() {
  static const SmallUnit u = [] {
    GeneratorOptions g;
    g.people = 24;
    g.posts = 2;
    g.days = 14;
    SmallUnit s{*generate_unit(g), {}};
    SolveOptions o;
    o.work_limit = 200'000;
    o.time_limit_seconds = 1e9;
    s.plan = solve(s.unit, o).roster;
    return s;
  }();
  return u;
}

TEST(ShardedResilience, ThreeShardsOfPairsMergeToTheWholeRunByteForByte) {
  const SmallUnit& u = small_unit();
  ResilienceOptions o;
  o.pairs = true;
  o.first_day = 10;
  o.last_day = 12;
  o.work_per_case = 1'000;
  const std::size_t total = loss_cases(u.unit, o).size();
  ASSERT_GT(total, 100u);
  const ResilienceReport whole = check_resilience(u.unit, u.plan, o);
  ASSERT_EQ(whole.cases.size(), total);
  std::vector<ShardFile> files;
  for (int i = 0; i < 3; ++i) {
    ResilienceOptions part = o;
    part.shard = {i, 3};
    const ResilienceReport r = check_resilience(u.unit, u.plan, part);
    EXPECT_EQ(r.cases.size(), part.shard.size_of(total));
    std::vector<ShardCase> cases;
    for (const LossCase& c : r.cases) {
      EXPECT_EQ(static_cast<int>(c.index % 3), i);
      cases.push_back({c.index, loss_row_json(LossRow{c.day, c.person, c.second, "", "", c.repaired, c.hard_left,
                                                      c.first_problem, c.consequences})});
    }
    auto f = parse_shard_text(shard_text(header(i, 3, total), cases, r.seconds), fmt::format("s{}", i));
    ASSERT_TRUE(f.ok());
    files.push_back(*f);
  }
  auto merged = merge_shards(files);
  ASSERT_TRUE(merged.ok()) << merged.error().format();
  std::vector<ShardCase> expected;
  for (const LossCase& c : whole.cases)
    expected.push_back({c.index, loss_row_json(LossRow{c.day, c.person, c.second, "", "", c.repaired, c.hard_left,
                                                       c.first_problem, c.consequences})});
  EXPECT_EQ(shard_text(merged->header, merged->cases, -1), shard_text(header(0, 1, total), expected, -1));
  // And the report in words from the merged lines is the one of the whole run.
  ResilienceSummary a{"u.yaml", true, 1000, 1, {}}, b = a;
  for (const ShardCase& c : merged->cases) a.rows.push_back(*loss_row_from_json(c.result, "merged"));
  for (const ShardCase& c : expected) b.rows.push_back(*loss_row_from_json(c.result, "whole"));
  EXPECT_EQ(resilience_report_text(a, 20), resilience_report_text(b, 20));
  EXPECT_EQ(repaired_count(a), whole.repaired);
}

TEST(Sweep, CasesAreTheProductOfValuesTimesSeedsAndShardsMergeToTheWhole) {
  auto spec = parse_sweep_spec("generate: {people: 24, posts: 2, days: 14}\nvary:\n  people: [24, 28]\n  beds: [20, 30]\n"
                               "seeds: [1, 2]\nwork: 5000\n",
                               "s.yaml");
  ASSERT_TRUE(spec.ok()) << spec.error().format();
  const std::vector<SweepCase> cases = sweep_cases(*spec);
  ASSERT_EQ(cases.size(), 8u);
  EXPECT_EQ(cases[0].values, (std::vector<std::int64_t>{24, 20}));
  EXPECT_EQ(cases[1].seed, 2u);
  EXPECT_EQ(cases[2].values, (std::vector<std::int64_t>{24, 30}));
  EXPECT_EQ(cases[7].values, (std::vector<std::int64_t>{28, 30}));
  EXPECT_FALSE(check_sweep_axes(*spec, nullptr).has_value());
  auto unit = sweep_problem(*spec, nullptr, cases[7]);
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->person_count(), 28);
  for (const Place& p : unit->places)
    if (p.kind == PlaceKind::kRestCenter) {
      EXPECT_EQ(p.capacity, 30);
    }
  // Each case alone, in any order or shard, answers as in the whole run.
  std::vector<ShardCase> whole, odd, even;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const Problem p = *sweep_problem(*spec, nullptr, cases[k]);
    const SweepOutcome o = run_sweep_case(p, *spec, cases[k]);
    whole.push_back({k, sweep_row_json(SweepRow{cases[k].values, cases[k].seed, o.feasible, o.hard, o.cost})});
  }
  for (std::size_t k = cases.size(); k-- > 0;) {
    const Problem p = *sweep_problem(*spec, nullptr, cases[k]);
    const SweepOutcome o = run_sweep_case(p, *spec, cases[k]);
    (k % 2 ? odd : even).insert((k % 2 ? odd : even).begin(),
                                {k, sweep_row_json(SweepRow{cases[k].values, cases[k].seed, o.feasible, o.hard, o.cost})});
  }
  ShardHeader h = header(0, 2, cases.size());
  h.kind = "sweep";
  h.parameters = spec->parameters();
  ShardHeader h1 = h;
  h1.shard = {1, 2};
  auto merged = merge_shards({*parse_shard_text(shard_text(h1, odd, 1), "odd"), *parse_shard_text(shard_text(h, even, 1), "even")});
  ASSERT_TRUE(merged.ok()) << merged.error().format();
  ShardHeader h0 = h;
  h0.shard = {0, 1};
  const ShardFile one{"one", h0, whole, true, 0};
  auto t1 = sweep_table_from_shards(*merged), t2 = sweep_table_from_shards(one);
  ASSERT_TRUE(t1.ok() && t2.ok());
  EXPECT_EQ(sweep_report_text(*t1), sweep_report_text(*t2));
  EXPECT_EQ(sweep_plot_svg(*t1), sweep_plot_svg(*t2));
  EXPECT_NE(sweep_report_text(*t1).find("By beds"), std::string::npos);
  EXPECT_NE(sweep_plot_svg(*t1).find("<polyline"), std::string::npos);
}

TEST(Sweep, MistakesAreSaidWhereTheyAre) {
  auto no_seeds = parse_sweep_spec("generate: {people: 24}\nwork: 10\n", "s.yaml");
  ASSERT_FALSE(no_seeds.ok());
  EXPECT_NE(no_seeds.error().message.find("seeds"), std::string::npos);
  auto unknown = parse_sweep_spec("generate: {people: 24}\nvary:\n  medics: [1]\nseeds: [1]\nwork: 10\n", "s.yaml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().line, 3);
  EXPECT_EQ(unknown.error().column, 3);
  auto on_file = parse_sweep_spec("scenario: u.yaml\nvary:\n  people: [1]\nseeds: [1]\nwork: 10\n", "d/s.yaml");
  ASSERT_FALSE(on_file.ok());
  EXPECT_NE(on_file.error().message.find("only on a generated unit"), std::string::npos);
  auto need = parse_sweep_spec("generate: {people: 24, posts: 2}\nvary:\n  need.surgeon: [1, 2]\nseeds: [1]\nwork: 10\n", "s.yaml");
  ASSERT_TRUE(need.ok());
  auto error = check_sweep_axes(*need, nullptr);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->line, 3);
  EXPECT_NE(error->message.find("no need 'surgeon'"), std::string::npos) << error->message;
  auto medic = parse_sweep_spec("generate: {people: 24, posts: 2}\nvary:\n  need.medic: [1, 2]\nseeds: [1]\nwork: 10\n", "s.yaml");
  ASSERT_TRUE(medic.ok());
  EXPECT_FALSE(check_sweep_axes(*medic, nullptr).has_value());
}

TEST(Sacct, SaysWhichTasksAreDoneRunningPendingOrFailed) {
  // In the form of `sacct -j 12 --array --noheader --parsable2 --format=JobID,State,ExitCode`
  // (steps included; task 3 killed, then requeued; a pending range). Written by
  // hand: the test cluster has no accounting database, so no real sacct output.
  const std::string text =
      "12_0|COMPLETED|0:0\n12_0.batch|COMPLETED|0:0\n12_1|COMPLETED|0:0\n12_1.batch|COMPLETED|0:0\n"
      "12_2|RUNNING|0:0\n12_2.batch|RUNNING|0:0\n12_3|CANCELLED by 0|0:15\n12_3|PENDING|0:0\n"
      "12_4|TIMEOUT|0:0\n12_[5-7%2]|PENDING|0:0\n";
  auto status = parse_sacct(text, "sacct");
  ASSERT_TRUE(status.ok()) << status.error().format();
  ASSERT_EQ(status->size(), 8u);
  EXPECT_EQ(status->at(0).state, TaskState::kDone);
  EXPECT_EQ(status->at(2).state, TaskState::kRunning);
  EXPECT_EQ(status->at(3).state, TaskState::kPending);  // its last line: requeued
  EXPECT_EQ(status->at(4).state, TaskState::kFailed);
  EXPECT_EQ(status->at(6).state, TaskState::kPending);
  EXPECT_EQ(sacct_summary(*status, 10),
            "10 tasks: 2 done, 1 running, 6 pending, 1 failed (task 4: TIMEOUT 0:0); 2 not listed by sacct yet (counted pending)");
  EXPECT_FALSE(parse_sacct("12_0 COMPLETED\n", "sacct").ok());
}

TEST(ClusterJobs, TheSbatchScriptIsAnArrayOfTheSameTaskWithItsShard) {
  ClusterJob job;
  job.name = "pairs";
  job.tasks = 8;
  job.program = "/opt/vigil";
  job.command = {"resilience", "my unit.yaml", "--pairs"};
  job.workdir = "/scratch/run";
  job.seconds_per_task = 3725;
  job.memory_mib = 300;
  const std::string s = sbatch_script(job);
  for (const char* line : {"#SBATCH --array=0-7\n", "#SBATCH --time=01:02:05\n", "#SBATCH --mem=300M\n", "#SBATCH --requeue\n",
                           "#SBATCH --chdir=/scratch/run\n",
                           "exec /opt/vigil resilience 'my unit.yaml' --pairs --shard \"${SLURM_ARRAY_TASK_ID}/8\" --out "
                           "shards/shard-\"${SLURM_ARRAY_TASK_ID}\".jsonl\n"})
    EXPECT_NE(s.find(line), std::string::npos) << line << "\n" << s;
  EXPECT_EQ(slurm_time(10), "00:01:00");
  EXPECT_EQ(slurm_time(90061), "1-01:01:01");
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
  const std::string m = indexed_job_manifest(job);
  EXPECT_NE(m.find("completionMode: Indexed"), std::string::npos) << m;
  EXPECT_NE(m.find("completions: 8"), std::string::npos);
}

}  // namespace
}  // namespace vigil
