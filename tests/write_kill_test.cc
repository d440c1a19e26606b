// Nothing half-written: the built `vigil` is killed with SIGKILL at 100
// moments while it plans into one folder (a solve with --out, a repair, a
// hand swap, a solve of the unit with one person fewer, in turn), and 30
// times while `vigil solve` writes a benchmark roster (--out FILE). The
// moments are random from a fixed seed: half anywhere in the run, half
// within its writing, counted from when the run's staging folder appears.
// After every kill the folder is, byte for byte, the plan before or the new
// one (every sheet, calendar and roster of one plan, and no file of the
// other), `vigil check` reads its roster as it read that plan's, the --out
// file is the old or the new one whole, and what a killed run left beside
// them (a staging folder, a temporary file) is gone once a later run has
// written there. The test prints where the kills landed.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "base/files.h"
#include "process_support.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Files = std::map<std::string, std::string>;  // path within a folder -> bytes

const std::string kUnit = std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml";
const std::string kWard = std::string(VIGIL_SOURCE_DIR) + "/examples/ward-14.txt";

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

Clock::time_point after(Clock::time_point start, double seconds) {
  return start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

Files files_of(const fs::path& folder) {
  Files out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file())
      out[fs::relative(it->path(), folder).string()] = read_text_file(it->path().string()).value_or("<unreadable>");
  return out;
}

// What tells a folder from a plan, for a failure message: a few of the files
// only one has or that differ.
std::string difference(const Files& got, const Files& want) {
  std::string out;
  int shown = 0;
  for (const auto& [name, text] : got)
    if (shown < 4 && (!want.count(name) || want.at(name) != text))
      out += (want.count(name) ? " differs: " : " extra: ") + name, ++shown;
  for (const auto& [name, text] : want)
    if (shown < 8 && !got.count(name)) out += " missing: " + name, ++shown;
  return out.empty() ? " nothing" : out;
}

// What killed runs leave beside a target: "<name>.new-<pid>" and
// "<name>.old-<pid>" (a plan folder's) and "<name>.tmp-<pid>" (a file's).
std::set<std::string> leftovers(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    for (const char* mark : {".new-", ".old-", ".tmp-"})
      if (name.find(mark) != std::string::npos) out.insert(name);
  }
  return out;
}

std::string status_text(int status) {
  return WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : "signal " + std::to_string(WTERMSIG(status));
}

// `vigil check SCENARIO ROSTER` run in `dir`: its exit and what it prints.
std::string check_output(const std::string& scenario, const std::string& roster, const fs::path& dir) {
  const std::string out = (dir.parent_path() / "check.out").string();
  const int status = test::reap(test::start_vigil({"check", scenario, roster}, dir.string(), {}, out));
  return status_text(status) + "\n" + read_text_file(out).value_or("");
}

// How a run that wrote its plan ends: exit 0, or 1 when so short a search
// leaves hard rules broken (whether it does depends on the first plan the
// search builds), never 2 or a signal.
bool wrote_plan(const std::string& status) { return status == "exit 0" || status == "exit 1"; }

// Whether `vigil check` read the roster: exit 0, or 1 for one that breaks
// hard rules (so short a search leaves some), never 2 (unreadable), with
// its count.
bool read_whole(const std::string& checked) {
  return (checked.rfind("exit 0\n", 0) == 0 || checked.rfind("exit 1\n", 0) == 0) &&
         checked.find("\nhard violations: ") != std::string::npos;
}

// One way to write the target, and what it writes when let finish.
struct Variant {
  std::string name;
  std::vector<std::string> args;
  std::string epoch;           // SOURCE_DATE_EPOCH: when its plan is made, so each plan's stamp is its own
  std::string check_scenario;  // what `vigil check` reads its roster with
  bool writes_out = false;     // whether it writes --out roster-out.json besides the folder
  Files plan = {};             // the folder it writes
  std::string out = {};        // the --out file it writes
  std::string checked = {};    // what `vigil check` says of its roster
  double seconds = 0;          // a whole run
  double writing = 0;          // from the appearance of its staging folder to its end
};

// Runs `v` to its end in `dir`, timing the run and its writing; its wait status.
int run_timed(Variant& v, const fs::path& dir) {
  const auto start = Clock::now();
  const pid_t pid = test::start_vigil(v.args, dir.string(), {"SOURCE_DATE_EPOCH=" + v.epoch});
  const fs::path staging = dir / ("plan.new-" + std::to_string(pid));
  double staged_at = -1;
  while (!test::has_ended(pid)) {
    if (staged_at < 0 && fs::exists(staging)) staged_at = since(start);
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  v.seconds = since(start);
  v.writing = staged_at < 0 ? 0 : v.seconds - staged_at;
  return test::reap(pid);
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Where in the run a kill landed, told by what it left.
enum Landed { kBeforeWriting, kWritingFolder, kRemovingOld, kAfterFolder, kAfterEnd, kPlaces };
const char* const kLandedWords[kPlaces] = {
    "before writing (reading, searching)", "while writing the new folder, the old one in place",
    "after the swap, while removing the old folder", "with the new folder in place (writing --out, printing)",
    "after the run had ended"};

// The folder being written, the plans that may be in it, and where the kills landed.
struct Target {
  fs::path root, dir;  // dir holds only the plan folder and the --out roster
  std::vector<Variant> variants;
  const Variant* in_place = nullptr;
  std::string out_in_place;
  int landed[kPlaces] = {};
  int out_cut_short = 0, out_behind = 0;
};

// The first good plan in t.dir, and the four ways to write over it.
void make_variants(Target& t) {
  // The unit with one person fewer: her sheet and calendar must go with her.
  std::string text = *read_text_file(kUnit);
  const auto from = text.find("  - name: Mariam Mchedlishvili\n");
  ASSERT_NE(from, std::string::npos);
  text.erase(from, text.find("  - name: ", from + 1) - from);
  const std::string unit63 = (t.root / "unit-63.yaml").string();
  ASSERT_EQ(write_file(unit63, text), "");
  // A tiny budget: the search takes milliseconds and writing ~130 files is most of a run.
  const std::vector<std::string> solve = {"--work", "1000",     "--start-date", "2026-12-07",
                                          "--out-dir", "plan", "--out",        "roster-out.json"};
  Variant first{"solve seed 1", std::vector<std::string>{"solve", kUnit, "--seed", "1"} + solve, "1797200000", kUnit, true};
  // So short a search may leave hard rules broken; the plan is written all the same.
  ASSERT_TRUE(wrote_plan(status_text(run_timed(first, t.dir))));
  t.out_in_place = *read_text_file((t.dir / "roster-out.json").string());
  // The repair and the swap start from a copy of it.
  fs::copy(t.dir / "plan", t.root / "base", fs::copy_options::recursive);
  const std::string base = (t.root / "base" / "roster.json").string();
  const std::string own_scenario = (t.dir / "plan" / "scenario.yaml").string();  // a repair's or an edit's
  t.variants = {
      {"solve seed 2", std::vector<std::string>{"solve", kUnit, "--seed", "2"} + solve, "1797210000", kUnit, true},
      {"repair",
       {"repair", kUnit, "--roster", base, "--now", "day 3 08:00", "--event", "unavailable:Jake Hayes@day 3 10:00",
        "--work", "1000", "--seed", "1", "--out-dir", "plan"},
       "1797220000",
       own_scenario},
      {"solve without Mariam", std::vector<std::string>{"solve", unit63, "--seed", "3"} + solve, "1797230000", unit63,
       true},
      {"swap",
       {"swap", kUnit, "Kateryna Hnatyuk", "Olena Kravets", "--day", "day 6", "--roster", base, "--force", "--reason",
        "kill test", "--out-dir", "plan"},
       "1797240000",
       own_scenario},
  };
}

// Each variant let finish twice: the plan it writes (the same both times,
// to the byte), what check says of it, how long it takes (the quicker run's
// times: on a busy machine one run can take several times another).
void let_each_finish(Target& t) {
  for (Variant& v : t.variants) {
    const std::string ended = status_text(run_timed(v, t.dir));
    ASSERT_TRUE(wrote_plan(ended)) << v.name << ": " << ended;
    v.plan = files_of(t.dir / "plan");
    Variant again = v;
    ASSERT_EQ(status_text(run_timed(again, t.dir)), ended) << v.name;
    const Files twice = files_of(t.dir / "plan");
    ASSERT_TRUE(twice == v.plan) << v.name << " wrote another plan the second time:" << difference(twice, v.plan);
    v.seconds = std::min(v.seconds, again.seconds);
    v.writing = std::min(v.writing, again.writing);
    if (v.writes_out) v.out = t.out_in_place = *read_text_file((t.dir / "roster-out.json").string());
    v.checked = check_output(v.check_scenario, "plan/roster.json", t.dir);
    ASSERT_TRUE(read_whole(v.checked)) << v.name << ": " << v.checked;
    ASSERT_GT(v.writing, 0) << v.name << ": its staging folder was never seen";
    std::printf("[ timing   ] %s: %.3f s a run, %.3f s of it writing, %zu files\n", v.name.c_str(), v.seconds,
                v.writing, v.plan.size());
    t.in_place = &v;
  }
  // Every plan its own, to the last file; Mariam's sheet in all but one.
  for (std::size_t a = 0; a < t.variants.size(); ++a)
    for (std::size_t b = a + 1; b < t.variants.size(); ++b) ASSERT_NE(t.variants[a].plan, t.variants[b].plan);
  for (const Variant& v : t.variants)
    EXPECT_EQ(v.plan.count("people/mariam-mchedlishvili.ics"), v.name == "solve without Mariam" ? 0u : 1u) << v.name;
  EXPECT_EQ(t.variants[1].plan.count("changes/changes.txt"), 1u);  // the repair's report, in no solve's folder
  EXPECT_EQ(t.variants[0].plan.count("changes/changes.txt"), 0u);
}

// Starts `v` and kills it `delay` s after its start (`anywhere`) or after its
// staging folder appears; then checks what it left.
void kill_once(Target& t, const Variant& v, bool anywhere, double delay) {
  const std::set<std::string> stale = leftovers(t.dir);
  const auto start = Clock::now();
  const pid_t pid = test::start_vigil(v.args, t.dir.string(), {"SOURCE_DATE_EPOCH=" + v.epoch});
  const fs::path staging = t.dir / ("plan.new-" + std::to_string(pid));
  auto from_here = start;
  if (!anywhere) {
    while (!fs::exists(staging) && !test::has_ended(pid) && since(start) < 30)
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    from_here = Clock::now();
  }
  std::this_thread::sleep_until(after(from_here, delay));
  const bool ended = test::has_ended(pid);
  test::kill_and_reap(pid);

  const Files now = files_of(t.dir / "plan");
  const bool is_new = now == v.plan;
  ASSERT_TRUE(is_new || now == t.in_place->plan)
      << "the folder is neither the plan before (" << difference(now, t.in_place->plan) << ") nor the new one ("
      << difference(now, v.plan) << ")";
  const bool staged = fs::exists(staging);
  ++t.landed[ended    ? kAfterEnd
             : staged ? (is_new ? kRemovingOld : kWritingFolder)
                      : (is_new ? kAfterFolder : kBeforeWriting)];
  if (is_new) t.in_place = &v;
  EXPECT_EQ(check_output(t.in_place->check_scenario, "plan/roster.json", t.dir), t.in_place->checked);
  if (v.writes_out) {
    const std::string out = read_text_file((t.dir / "roster-out.json").string()).value_or("<missing>");
    ASSERT_TRUE(out == t.out_in_place || out == v.out) << "the --out roster is cut or mixed: " << out.size() << " bytes";
    if (fs::exists(t.dir / ("roster-out.json.tmp-" + std::to_string(pid)))) ++t.out_cut_short;
    if (is_new && out != v.out) ++t.out_behind;
    t.out_in_place = out;
  }
  // What earlier kills left beside the folder is gone once this run has written its own.
  if (!staged && !is_new) return;
  for (const std::string& name : stale) {
    if (name.rfind("plan.", 0) != 0) continue;
    EXPECT_FALSE(fs::exists(t.dir / name)) << name << ", left by an earlier kill";
  }
}

TEST(WriteKill, APlanFolderIsTheOldPlanOrTheNewOneAfterEveryKill) {
  const auto test_start = Clock::now();
  Target t;
  t.root = fs::temp_directory_path() / ("vigil-write-kill-" + std::to_string(::getpid()));
  t.dir = t.root / "w";
  fs::remove_all(t.root);
  fs::create_directories(t.dir);
  ASSERT_NO_FATAL_FAILURE(make_variants(t));
  ASSERT_NO_FATAL_FAILURE(let_each_finish(t));

  std::mt19937 random(15);
  const int kills = 100;
  for (int i = 0; i < kills; ++i) {
    const Variant* v = &t.variants[static_cast<std::size_t>(i) % t.variants.size()];
    if (v == t.in_place) v = &t.variants[static_cast<std::size_t>(i + 1) % t.variants.size()];
    // Even kills anywhere in the run, odd ones within its writing.
    const bool anywhere = i % 2 == 0;
    const double delay = std::uniform_real_distribution<double>(0, anywhere ? v->seconds : v->writing)(random);
    SCOPED_TRACE("kill " + std::to_string(i) + " of " + v->name + " after " + std::to_string(delay) + " s" +
                 (anywhere ? "" : " of its writing") + ", over " + t.in_place->name);
    ASSERT_NO_FATAL_FAILURE(kill_once(t, *v, anywhere, delay));
  }

  // The next run ends well over all that, and nothing is left beside its plan.
  const Variant& last = t.in_place == &t.variants[0] ? t.variants[1] : t.variants[0];
  const std::string ended =
      status_text(test::reap(test::start_vigil(last.args, t.dir.string(), {"SOURCE_DATE_EPOCH=" + last.epoch})));
  ASSERT_TRUE(wrote_plan(ended)) << ended;
  const Files now = files_of(t.dir / "plan");
  EXPECT_TRUE(now == last.plan) << difference(now, last.plan);
  EXPECT_EQ(leftovers(t.dir), std::set<std::string>{});

  const int writing = t.landed[kWritingFolder] + t.landed[kRemovingOld];
  std::printf("[ figures  ] %d kills, every one leaving the plan before or the new one whole and checked:\n", kills);
  for (int p = 0; p < kPlaces; ++p) std::printf("[ figures  ]   %3d %s\n", t.landed[p], kLandedWords[p]);
  std::printf("[ figures  ] %d during the folder's writing; %d cut the --out roster short (left whole); "
              "%d left it a plan behind the folder; %.1f s in all\n",
              writing, t.out_cut_short, t.out_behind, since(test_start));
  // Enough of them land where it matters for the figure to mean something.
  EXPECT_GE(writing, kills / 4);
  fs::remove_all(t.root);
}

TEST(WriteKill, AnOutFileIsTheOldRosterOrTheNewOneAfterEveryKill) {
  const auto test_start = Clock::now();
  const fs::path dir = fs::temp_directory_path() / ("vigil-out-kill-" + std::to_string(::getpid())) / "w";
  fs::remove_all(dir.parent_path());
  fs::create_directories(dir);
  struct Written {
    std::vector<std::string> args;
    std::string text = {}, checked = {};
    double seconds = 0;
  };
  std::vector<Written> rosters;
  for (const char* seed : {"1", "2", "3"}) {
    Written r{{"solve", kWard, "--work", "1000", "--no-lp", "--seed", seed, "--out", "roster.csv"}};
    const auto start = Clock::now();
    const std::string ended = status_text(test::reap(test::start_vigil(r.args, dir.string())));
    ASSERT_TRUE(ended == "exit 0" || ended == "exit 1") << seed << ": " << ended;
    r.seconds = since(start);
    r.text = *read_text_file((dir / "roster.csv").string());
    r.checked = check_output(kWard, "roster.csv", dir);
    ASSERT_TRUE(read_whole(r.checked)) << r.checked;
    rosters.push_back(r);
  }
  ASSERT_NE(rosters[0].text, rosters[1].text);
  ASSERT_NE(rosters[1].text, rosters[2].text);

  std::mt19937 random(15);
  const Written* in_place = &rosters.back();
  int kills = 0, cut_short = 0, replaced = 0;
  for (; kills < 30; ++kills) {
    const Written* r = &rosters[static_cast<std::size_t>(kills) % rosters.size()];
    if (r == in_place) r = &rosters[static_cast<std::size_t>(kills + 1) % rosters.size()];
    const std::set<std::string> stale = leftovers(dir);
    const double delay = std::uniform_real_distribution<double>(0, r->seconds)(random);
    const auto start = Clock::now();
    const pid_t pid = test::start_vigil(r->args, dir.string());
    std::this_thread::sleep_until(after(start, delay));
    test::kill_and_reap(pid);
    SCOPED_TRACE("kill " + std::to_string(kills) + " after " + std::to_string(delay) + " s");
    const std::string now = read_text_file((dir / "roster.csv").string()).value_or("<missing>");
    ASSERT_TRUE(now == in_place->text || now == r->text) << "the roster is cut or mixed: " << now.size() << " bytes";
    if (fs::exists(dir / ("roster.csv.tmp-" + std::to_string(pid)))) ++cut_short;
    if (now == r->text) {
      ++replaced;
      in_place = r;
      for (const std::string& name : stale) {
        EXPECT_FALSE(fs::exists(dir / name)) << name << ", left by an earlier kill";
      }
    }
    EXPECT_EQ(check_output(kWard, "roster.csv", dir), in_place->checked);
  }
  std::printf("[ figures  ] %d kills of `vigil solve --out roster.csv`, every one leaving the roster before or the "
              "new one whole and checked: %d before writing, %d while writing it, %d after; %.1f s in all\n",
              kills, kills - cut_short - replaced, cut_short, replaced, since(test_start));
  fs::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace vigil
