// Repairs chain: the command line, run three times in a row, each repair
// starting from the folder the one before wrote (its scenario.yaml and
// roster.json). Someone lost for good stays away without repeating the event,
// the plan versions count up with what each replaces, the event log holds
// every event in order, and a reused folder keeps nothing of its former plan.
// `vigil check --base` scores a repair's plan as the repair did, frozen past
// included.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "base/files.h"
#include "io/events_reader.h"
#include "io/scenario_reader.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

const std::string kScenario = std::string(VIGIL_TEST_DATA) + "/scenarios/example.yaml";

int run(const std::string& arguments, const fs::path& dir) {
  const std::string command = "cd '" + dir.string() + "' && SOURCE_DATE_EPOCH=1797200000 '" VIGIL_BINARY "' " +
                              arguments + " > /dev/null 2>&1";
  return WEXITSTATUS(std::system(command.c_str()));
}

// The command's standard output (its standard error too when `with_errors`) and exit code.
std::pair<std::string, int> run_output(const std::string& arguments, const fs::path& dir, bool with_errors = false) {
  const fs::path out = dir / "out.txt";
  const std::string command = "cd '" + dir.string() + "' && SOURCE_DATE_EPOCH=1797200000 '" VIGIL_BINARY "' " +
                              arguments + " > out.txt" + (with_errors ? " 2>&1" : " 2>/dev/null");
  const int code = WEXITSTATUS(std::system(command.c_str()));
  return {read_text_file(out.string()).value_or(""), code};
}

nlohmann::json plan_of(const fs::path& folder) {
  return nlohmann::json::parse(*read_text_file((folder / "roster.json").string()));
}

// The person's absences in a folder's scenario.yaml, as (from, until) minutes.
std::vector<std::pair<int, int>> absences(const fs::path& folder, const std::string& name) {
  auto p = read_scenario((folder / "scenario.yaml").string());
  EXPECT_TRUE(p.ok()) << p.error().format();
  std::vector<std::pair<int, int>> out;
  for (const Absence& a : p->people[p->find_person(name)->index()].unit.absences)
    out.emplace_back(a.from_minute, a.until_minute);
  return out;
}

TEST(RepairChain, ThreeRepairsCarryOverFromOneFolderToTheNext) {
  const fs::path dir = fs::temp_directory_path() / ("vigil-repair-chain-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string budget = " --work 20000 --seed 1";
  // Exit 1: this small unit cannot keep every hard rule; the plan is written all the same.
  ASSERT_LE(run("solve '" + kScenario + "' --out-dir p0 --start-date 2026-12-07" + budget, dir), 1);
  // 1: Olena lost for good on Tuesday.
  ASSERT_LE(run("repair '" + kScenario + "' --roster p0/roster.json --now '2026-12-08 10:00' "
                "--event 'unavailable:Olena Kovalenko@2026-12-08 11:00' --out-dir r1" + budget, dir), 1);
  // 2: from repair 1's folder, Taras lost in the night after Thursday (day 3).
  ASSERT_LE(run("repair r1/scenario.yaml --roster r1/roster.json --now '2026-12-11 01:00' "
                "--event 'unavailable:Taras Melnyk@2026-12-11 02:00' --out-dir r2" + budget, dir), 1);
  // 3: into repair 2's own folder, with stale files planted: Taras is back on day 5.
  fs::create_directories(dir / "r2" / "changes" / "people");
  ASSERT_EQ(write_file((dir / "r2" / "people" / "ghost.ics").string(), "stale"), "");
  ASSERT_EQ(write_file((dir / "r2" / "changes" / "people" / "ghost.ics").string(), "stale"), "");
  ASSERT_LE(run("repair r2/scenario.yaml --roster r2/roster.json --now 'day 4 12:00' "
                "--event 'available:Taras Melnyk@day 5' --out-dir r2" + budget, dir), 1);

  const int day = 24 * 60;
  const int forever = Absence::kForever;
  // Olena stays away in every later plan, without the event being repeated.
  for (const char* folder : {"r1", "r2"}) {
    SCOPED_TRACE(folder);
    EXPECT_EQ(absences(dir / folder, "Olena Kovalenko"), (std::vector<std::pair<int, int>>{{day + 5 * 60, forever}}));
  }
  const nlohmann::json last = plan_of(dir / "r2");
  for (const auto& person : last["people"]) {
    if (person["name"] != "Olena Kovalenko") continue;
    for (int d = 2; d < 8; ++d) EXPECT_TRUE(person["days"][d]["place"].is_null()) << "day " << d;
  }
  // Taras: away from day 3 20:00 (Friday 02:00), back at day 5.
  EXPECT_EQ(absences(dir / "r2", "Taras Melnyk"), (std::vector<std::pair<int, int>>{{3 * day + 20 * 60, 5 * day}}));

  // Versions 1 -> 2 -> 3 -> 4, each replacing the one before; the start date carried along.
  EXPECT_EQ(plan_of(dir / "p0")["plan_version"], 1);
  EXPECT_FALSE(plan_of(dir / "p0").contains("replaces"));
  EXPECT_EQ(plan_of(dir / "r1")["plan_version"], 2);
  EXPECT_EQ(plan_of(dir / "r1")["replaces"], 1);
  EXPECT_EQ(last["plan_version"], 4);
  EXPECT_EQ(last["replaces"], 3);
  EXPECT_EQ(last["start_date"], "2026-12-07");
  EXPECT_EQ(last["made"], "2026-12-13T22:13:20Z");
  EXPECT_NE(read_text_file((dir / "r2" / "watch-bill.html").string())
                ->find("Plan version 4, made 2026-12-13 22:13 UTC, replacing version 3."),
            std::string::npos);
  EXPECT_EQ(read_text_file((dir / "r2" / "summary.txt").string())->rfind("Plan version 4, made", 0), 0u);

  // The log: every event in order, with the --now it was reported at, readable for the first scenario.
  const std::string log = *read_text_file((dir / "r2" / "events.yaml").string());
  EXPECT_NE(log.find("events:\n"
                     "  - {unavailable: Olena Kovalenko, from: day 1 11:00, reported: day 1 10:00}  # from Tue 2026-12-08 11:00\n"
                     "  - {unavailable: Taras Melnyk, from: day 3 02:00, reported: day 3 01:00}  # from Fri 2026-12-11 02:00\n"
                     "  - {available: Taras Melnyk, from: day 5, reported: day 4 12:00}  # from Sat 2026-12-12 06:00\n"),
            std::string::npos)
      << log;
  auto first = read_scenario(kScenario);
  ASSERT_TRUE(first.ok());
  auto events = parse_events(log, "events.yaml", *first);
  ASSERT_TRUE(events.ok()) << events.error().format();
  EXPECT_EQ(events->size(), 3u);

  // Nothing stale in the reused folder, and nothing left beside it.
  EXPECT_FALSE(fs::exists(dir / "r2" / "people" / "ghost.ics"));
  EXPECT_FALSE(fs::exists(dir / "r2" / "changes" / "people" / "ghost.ics"));
  std::vector<std::string> entries;
  for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e.path().filename().string());
  std::sort(entries.begin(), entries.end());
  EXPECT_EQ(entries, (std::vector<std::string>{"p0", "r1", "r2"}));
  fs::remove_all(dir);
}

TEST(RepairChain, CheckWithBaseScoresARepairAsTheRepairDidWithTheFrozenPast) {
  const fs::path dir = fs::temp_directory_path() / ("vigil-check-base-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string budget = " --work 20000 --seed 1";
  const std::string repair = " --now '2026-12-08 10:00' --event 'unavailable:Olena Kovalenko@2026-12-08 11:00'";
  ASSERT_LE(run("solve '" + kScenario + "' --out-dir p0 --start-date 2026-12-07" + budget, dir), 1);
  ASSERT_LE(run("repair '" + kScenario + "' --roster p0/roster.json --out-dir r1" + repair + budget, dir), 1);
  const auto rules_of = [&](const std::string& plan, const std::string& options) {
    const auto [out, code] = run_output("check '" + kScenario + "' " + plan + " --json" + options, dir);
    const nlohmann::json doc = nlohmann::json::parse(out);
    EXPECT_EQ(code, doc["feasible"].get<bool>() ? 0 : 1);
    return doc;
  };

  // The repaired plan: nothing before now changed, and the hard units the repair printed.
  const std::string repaired_summary = *read_text_file((dir / "r1" / "summary.txt").string());
  const nlohmann::json checked = rules_of("r1/roster.json", " --base p0/roster.json" + repair);
  EXPECT_EQ(checked["rules"]["frozen-past"]["units"], 0);
  EXPECT_GT(checked["rules"]["changes"]["units"].get<int>(), 0);
  EXPECT_NE(repaired_summary.find(fmt::format("{} hard units", checked["hard_violations"].get<int>())), std::string::npos)
      << repaired_summary;
  // Without --base there is no plan to compare with: no changes counted.
  EXPECT_EQ(rules_of("r1/roster.json", "")["rules"]["changes"]["units"], 0);

  // Day 0 (before now) changed by hand: each changed cell breaks the frozen past.
  nlohmann::json plan = plan_of(dir / "r1");
  nlohmann::json* day0 = nullptr;
  for (auto& person : plan["people"])
    if (!person["days"][0]["watches"].empty()) day0 = &person["days"][0];
  ASSERT_NE(day0, nullptr);
  (*day0)["watches"].erase(0);  // one watch on day 0 not stood
  ASSERT_EQ(write_file((dir / "edited.json").string(), plan.dump()), "");
  EXPECT_EQ(rules_of("edited.json", " --base p0/roster.json" + repair)["rules"]["frozen-past"]["units"], 1);
  EXPECT_EQ(rules_of("edited.json", "")["rules"]["frozen-past"]["units"], 0);  // only a base shows it

  // --base needs the moment of the repair.
  const auto [words, code] = run_output("check '" + kScenario + "' r1/roster.json --base p0/roster.json", dir, true);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(words, "--base: expected --now too: the moment of the repair\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vigil
