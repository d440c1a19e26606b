// The `vigil` command: a thin front end over the engine library. Subcommands
// come from one table; each has its own --help.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "base/name_suggestion.h"

namespace {
const std::chrono::steady_clock::time_point kCommandStart = std::chrono::steady_clock::now();
}  // namespace

double vigil::app::command_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - kCommandStart).count();
}

int main(int argc, char** argv) {
  using vigil::app::Command;
  static const Command kCommands[] = {
      {"solve", "Plan a unit scenario (.yaml) or solve a benchmark instance within a time or work budget", vigil::app::setup_solve},
      {"check", "Re-score a plan or roster from the files alone: hard violations, breakdown by rule", vigil::app::setup_check},
      {"bench", "Solve benchmark instances over several seeds and print a results table", vigil::app::setup_bench},
      {"repair", "Re-plan a unit after losses or arrivals: the past stays, as little as possible changes", vigil::app::setup_repair},
      {"swap", "Swap two people's day or watches in the plan in force: scored at once, refused if it breaks a hard rule", vigil::app::setup_swap},
      {"assign", "Send one person to a post or rest center from a moment on: scored at once, written like a repair", vigil::app::setup_assign},
      {"resilience", "For each single loss at each changeover: can the plan be repaired keeping every rule?", vigil::app::setup_resilience},
      {"sweep", "Search every combination of a sweep's varied parameters and seeds (one shard of them with --shard I/N)", vigil::app::setup_sweep},
      {"merge", "Check the shard files of a sharded run (all there, whole, same inputs) and write its report", vigil::app::setup_merge},
      {"slurm", "Write the sbatch job-array script of a sharded run, its time and memory from a calibration run", vigil::app::setup_slurm},
      {"k8s", "Write the Kubernetes Indexed Job manifest of a sharded run", vigil::app::setup_k8s},
      {"sweep-status", "Say which tasks of a job array are done, running, pending or failed (from sacct)", vigil::app::setup_sweep_status},
      {"serve", "The duty officer's workspace: a store of the unit and its plans, and its JSON API, on loopback", vigil::app::setup_serve},
      {"user", "Sign-in tokens of the workspace: add, list, revoke", vigil::app::setup_user},
      {"export", "The unit (scenario) or a plan version from the workspace's store, as imported", vigil::app::setup_export},
      {"generate", "Write a valid unit scenario of any size with the reference unit's mix", vigil::app::setup_generate},
      {"speed", "Measure how many moves per second the incremental evaluator prices", vigil::app::setup_speed},
  };
  // An unknown command is named, with the nearest one (CLI11 says only "A subcommand is required").
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const Command& c : kCommands) names.emplace_back(c.name);
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::string all;
      for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
      std::cerr << "vigil: unknown command '" << argv[1] << "'" << vigil::did_you_mean(argv[1], names)
                << "\nexpected one of: " << all << " (vigil --help)\n";
      return vigil::app::kExitInputError;
    }
  }
  CLI::App app{"vigil: rostering engine and planning tool for round-the-clock teams"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vigil 0.1.0");
  vigil::app::Handler chosen;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    auto handler = c.setup(*sub);
    sub->callback([handler, &chosen] { chosen = handler; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : vigil::app::kExitInputError;
  }
  return chosen ? chosen() : vigil::app::kExitInputError;
}
