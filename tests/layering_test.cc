// The folders under src/ are layers, and includes run one way only:
//   base <- model <- io, eval <- solve, report <- app, server
// (io and eval are siblings and do not include each other; nor do solve and
// report). This test reads every source file and fails on an include that runs
// against that order, or on a folder the order does not know, so the layering
// cannot erode unseen.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace vigil {
namespace {

// Which folders each folder may include (itself included).
const std::map<std::string, std::set<std::string>>& allowed_includes() {
  static const std::map<std::string, std::set<std::string>> allowed = {
      {"base", {"base"}},
      {"model", {"base", "model"}},
      {"io", {"base", "model", "io"}},
      {"eval", {"base", "model", "eval"}},
      {"solve", {"base", "model", "io", "eval", "solve"}},
      {"report", {"base", "model", "io", "eval", "report"}},
      {"server", {"base", "model", "io", "eval", "solve", "report", "server"}},
      {"app", {"base", "model", "io", "eval", "solve", "report", "server", "app"}},
  };
  return allowed;
}

struct SourceInclude {
  std::string file;    // "model/events.cc"
  int line = 0;
  std::string target;  // "base/input_error.h"
};

// "file:line: folder may not include target" for each include against the order.
std::vector<std::string> layering_violations(const std::vector<SourceInclude>& includes) {
  std::vector<std::string> out;
  const auto& allowed = allowed_includes();
  for (const SourceInclude& inc : includes) {
    const std::string from = inc.file.substr(0, inc.file.find('/'));
    const std::string to = inc.target.substr(0, inc.target.find('/'));
    const auto rule = allowed.find(from);
    const std::string where = inc.file + ":" + std::to_string(inc.line) + ": ";
    if (rule == allowed.end())
      out.push_back(where + "folder '" + from + "' has no place in the layering (tests/layering_test.cc)");
    else if (inc.target.find('/') == std::string::npos || !rule->second.count(to))
      out.push_back(where + from + "/ may not include " + inc.target);
  }
  return out;
}

// The project includes (`#include "..."`) of every file under src/.
std::vector<SourceInclude> read_includes(const std::filesystem::path& src) {
  std::vector<SourceInclude> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".h" && ext != ".cc")) continue;
    std::ifstream in(entry.path());
    const std::string file = std::filesystem::relative(entry.path(), src).generic_string();
    int n = 0;
    for (std::string line; std::getline(in, line);) {
      ++n;
      const std::string key = "#include \"";
      if (line.rfind(key, 0) != 0) continue;
      const auto end = line.find('"', key.size());
      out.push_back(SourceInclude{file, n, line.substr(key.size(), end - key.size())});
    }
  }
  return out;
}

TEST(Layering, EveryIncludeUnderSrcRunsDownTheLayers) {
  const auto includes = read_includes(std::filesystem::path(VIGIL_SOURCE_DIR) / "src");
  ASSERT_GT(includes.size(), 100u) << "src/ not found or nearly empty";
  const auto violations = layering_violations(includes);
  std::string listed;
  for (const auto& v : violations) listed += v + "\n";
  EXPECT_TRUE(violations.empty()) << listed;
}

TEST(Layering, TheCheckCatchesAnIncludeUpwardsOrSideways) {
  const auto v = layering_violations({{"model/events.cc", 10, "io/scenario_writer.h"},
                                      {"solve/resilience.cc", 3, "report/change_report.h"},
                                      {"io/roster_io.cc", 5, "eval/evaluation.h"},
                                      {"eval/unit_evaluator.cc", 7, "model/unit.h"},
                                      {"app/main.cc", 2, "solve/solver.h"},
                                      {"gui/window.cc", 1, "model/unit.h"},
                                      {"base/files.cc", 4, "files.h"}});
  EXPECT_EQ(v, (std::vector<std::string>{
                   "model/events.cc:10: model/ may not include io/scenario_writer.h",
                   "solve/resilience.cc:3: solve/ may not include report/change_report.h",
                   "io/roster_io.cc:5: io/ may not include eval/evaluation.h",
                   "gui/window.cc:1: folder 'gui' has no place in the layering (tests/layering_test.cc)",
                   "base/files.cc:4: base/ may not include files.h"}));
}

}  // namespace
}  // namespace vigil
