// `vigil swap` and `vigil assign` through the command line, on unit-64: an
// edit that breaks a hard rule is refused with the rule named and nothing
// written; forced, it is written with its reason stamped; swapped back it
// keeps every rule; a repair starts from an edit's folder, and an edit of a
// repaired plan is noted in the event log. Bad names and times are refused
// in words.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "base/files.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

const std::string kUnit = std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml";

struct CliRun {
  int status = 0;
  std::string out;  // stdout and stderr
};

CliRun run(const std::string& arguments, const fs::path& dir) {
  const std::string command = "cd '" + dir.string() + "' && SOURCE_DATE_EPOCH=1797200000 '" VIGIL_BINARY "' " +
                              arguments + " > out.txt 2>&1";
  const int status = std::system(command.c_str());
  return {WEXITSTATUS(status), read_text_file((dir / "out.txt").string()).value_or("")};
}

nlohmann::json plan_of(const fs::path& folder) {
  return nlohmann::json::parse(*read_text_file((folder / "roster.json").string()));
}

// Someone at a post and someone at a rest center on `day` of a plan.
std::pair<std::string, std::string> post_and_rest(const nlohmann::json& plan, int day) {
  std::string at_post, at_rest;
  for (const auto& person : plan["people"]) {
    const auto& place = person["days"][static_cast<std::size_t>(day)]["place"];
    if (!place.is_string()) continue;
    const std::string p = place.get<std::string>();
    if (at_post.empty() && p.rfind("post-", 0) == 0) at_post = person["name"];
    if (at_rest.empty() && p.rfind("rest-", 0) == 0) at_rest = person["name"];
  }
  return {at_post, at_rest};
}

class EditCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("vigil-edit-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ASSERT_EQ(run("solve '" + kUnit + "' --out-dir p1 --start-date 2026-12-07 --work 300000 --seed 1", dir_).status, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(EditCommand, RefusedForcedSwappedBackRepairedAndAssigned) {
  const auto [a, b] = post_and_rest(plan_of(dir_ / "p1"), 2);
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  const std::string swap = "swap '" + kUnit + "' '" + a + "' '" + b + "' --day 'day 2' ";

  // Mid-stint, a post and a rest day swapped break rotation: refused, nothing written.
  CliRun refused = run(swap + "--roster p1/roster.json --out-dir e1", dir_);
  EXPECT_EQ(refused.status, 1) << refused.out;
  EXPECT_NE(refused.out.find("swap day 2 (Wed)\n"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("Refused: this edit breaks hard rules the plan in force keeps:\n  - rotation at "),
            std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("  - rotation at " + a + ": "), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("Nothing written. Give --force"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "e1"));

  // Forced: written, version 2, the reason on the plan and every sheet, exit 1 (a hard rule broken).
  CliRun forced = run(swap + "--roster p1/roster.json --out-dir e1 --force --reason 'test'", dir_);
  EXPECT_EQ(forced.status, 1) << forced.out;
  const std::string reason = "hand edit: " + a + " and " + b + " swap day 2 (Wed) (test)";
  EXPECT_EQ(plan_of(dir_ / "e1")["plan_version"], 2);
  EXPECT_EQ(plan_of(dir_ / "e1")["reason"], reason);
  EXPECT_NE(read_text_file((dir_ / "e1/summary.txt").string())->find("replacing version 1; " + reason + "."),
            std::string::npos);
  EXPECT_TRUE(fs::exists(dir_ / "e1/changes/changes.txt"));
  EXPECT_TRUE(fs::exists(dir_ / "e1/scenario.yaml"));
  EXPECT_FALSE(fs::exists(dir_ / "e1/events.yaml"));  // no event so far

  // Swapped back from the edit's own folder: every rule kept again, version 3.
  CliRun back = run("swap e1/scenario.yaml '" + a + "' '" + b + "' --day 2026-12-09 --roster e1/roster.json --out-dir e2",
                 dir_);
  EXPECT_EQ(back.status, 0) << back.out;
  EXPECT_EQ(plan_of(dir_ / "e2")["plan_version"], 3);
  EXPECT_EQ(plan_of(dir_ / "e2")["people"], plan_of(dir_ / "p1")["people"]);

  // A repair starts from the edit's folder; an assignment from the repair's
  // folder is noted in its event log (forced: it may break a rule).
  ASSERT_LE(run("repair e2/scenario.yaml --roster e2/roster.json --now 'day 4 10:00' "
                "--event 'unavailable:" + a + "@day 4 10:00' --out-dir r1 --work 100000",
                dir_).status,
            1);
  EXPECT_EQ(plan_of(dir_ / "r1")["plan_version"], 4);
  CliRun assigned = run("assign r1/scenario.yaml '" + b + "' --to post-1 --from 'day 6 12:00' --roster r1/roster.json "
                     "--out-dir e3 --force",
                     dir_);
  EXPECT_LE(assigned.status, 1) << assigned.out;
  EXPECT_EQ(plan_of(dir_ / "e3")["plan_version"], 5);
  const std::string log = *read_text_file((dir_ / "e3/events.yaml").string());
  EXPECT_NE(log.find("{unavailable: " + a + ", from: day 4 10:00"), std::string::npos) << log;
  EXPECT_NE(log.find("  # 2026-12-13T22:13:20Z hand edit: " + b + " to post-1 from day 6 12:00\n"), std::string::npos)
      << log;
}

TEST_F(EditCommand, BadNamesAndTimesAreRefusedInWords) {
  const std::string base = "'" + kUnit + "' --roster p1/roster.json ";
  CliRun unknown = run("swap " + base + "'Taras Kozk' 'Kateryna Hnatyuk' --day 'day 2'", dir_);
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.out,
            "person 'Taras Kozk': expected a person of the unit, got 'Taras Kozk'; did you mean 'Taras Kozak'?\n");
  CliRun inside = run("swap " + base + "'Taras Kozak' 'Kateryna Hnatyuk' --day 'day 2 10:00'", dir_);
  EXPECT_EQ(inside.out, "--day 'day 2 10:00': expected a whole roster day ('day 6' or a date), got a time within day 2 (Wed)\n");
  CliRun neither = run("swap " + base + "'Taras Kozak' 'Kateryna Hnatyuk'", dir_);
  EXPECT_EQ(neither.out, "vigil swap: expected either --day or --watch (one or two), got neither\n");
  CliRun place = run("assign " + base + "'Taras Kozak' --to post-9 --from 'day 2'", dir_);
  EXPECT_EQ(place.out, "--to 'post-9': expected a post or rest center of the unit; did you mean 'post-1'?\n");
  CliRun when = run("assign " + base + "'Taras Kozak' --to post-1 --from 'tomorrow'", dir_);
  EXPECT_EQ(when.status, 2);
  EXPECT_EQ(when.out.rfind("--from 'tomorrow': expected a time like 'day 3 14:00'", 0), 0u) << when.out;
  EXPECT_FALSE(fs::exists(dir_ / "unit-64-edit"));
}

}  // namespace
}  // namespace vigil
