// What both benchmark commands (`vigil bench` on the benchmark instances,
// `vigil bench --unit` on the unit cases) run with: each run in its own
// fork()ed child, its result sent back as one JSON object through a pipe and
// its peak memory read from wait4(), so one run cannot disturb the next; and
// the command line echoed at the top of a results table.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace vigil::app {

// One run in a fork()ed child: `job` runs there and its JSON reply comes back
// through a pipe; peak memory is the child's own (wait4).
struct ForkedRun {
  nlohmann::json reply;
  double peak_mib = 0;
  std::string error;  // set when the child failed, was killed or replied with "error"
};
// Runs `job` in a child, killing it after `watchdog_seconds` (0: never).
ForkedRun run_forked(const std::function<nlohmann::json()>& job, double watchdog_seconds);

// This process's command line, quoted for a shell where needed.
std::string command_line();

}  // namespace vigil::app
