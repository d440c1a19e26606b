// The `vigil` subcommands. Each registers its options on a CLI11 subcommand
// and returns the handler to run when it is chosen; main.cc holds the table.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "model/problem.h"
#include "solve/solver.h"

namespace vigil::app {

using Handler = std::function<int()>;

struct Command {
  const char* name;
  const char* help;
  Handler (*setup)(CLI::App& sub);
};

Handler setup_check(CLI::App& sub);
Handler setup_solve(CLI::App& sub);
Handler setup_bench(CLI::App& sub);
Handler setup_speed(CLI::App& sub);
Handler setup_generate(CLI::App& sub);
Handler setup_repair(CLI::App& sub);
Handler setup_resilience(CLI::App& sub);
Handler setup_swap(CLI::App& sub);
Handler setup_assign(CLI::App& sub);
Handler setup_serve(CLI::App& sub);
Handler setup_user(CLI::App& sub);
Handler setup_export(CLI::App& sub);
Handler setup_sweep(CLI::App& sub);
Handler setup_merge(CLI::App& sub);
Handler setup_slurm(CLI::App& sub);
Handler setup_k8s(CLI::App& sub);
Handler setup_sweep_status(CLI::App& sub);

struct UnitSolveArgs {
  std::string scenario, out, out_dir, start_date;
  std::string sheet_language;  // --sheet-language: "" each person's own
  std::uint64_t seed = 1;
  int threads = 1;
  std::int64_t work = 0;
  bool quiet = false, json = false;
  std::string memory_line;  // the header's memory estimate and bound, with its newline
};
// `vigil solve SCENARIO.yaml`: say what cannot be kept, solve, summarise and
// write the plan's files.
int run_unit_solve(const Problem& scenario, const SolveOptions& options, const UnitSolveArgs& args);

bool is_scenario_path(const std::string& path);

// `vigil bench --unit`: the unit cases (the reference unit, a generated battalion).
struct UnitBenchArgs {
  std::string seeds = "1,2,3,4,5";
  double unit_time = 10, battalion_time = 120;
  int threads = 1;
  std::string csv;
  std::string cases = "unit-64,battalion,repair,resilience";
  int repair_losses = 12;              // single losses repaired per seed (repair case)
  double repair_time = 1;              // seconds per repair
  std::int64_t repair_work = 0;        // moves per repair instead of the clock (0: repair_time applies)
  std::int64_t resilience_work = 40'000;  // moves per loss (at most) in the resilience case
  std::int64_t plan_work = 1'000'000;     // moves spent planning unit-64 before repairs
};
int run_unit_bench(const UnitBenchArgs& args);

// `vigil bench --serve`: the workspace server's readers, repair round trip and store.
struct ServeBenchArgs {
  int clients = 100;
  double seconds = 30;
  int repairs = 5;
  double repair_seconds = 1.5;
  int versions = 50;
};
int run_serve_bench(const ServeBenchArgs& args);

// Registers --sheet-language CODE on a command that writes a plan's files:
// every person's sheet and calendar in that language (a code with a catalog
// in web/i18n) instead of each one's own native language; an unknown code is
// refused before anything runs.
void add_sheet_language_flag(CLI::App& sub, std::string& code);

// Reads an instance; on failure prints the reader's error (file:line:col
// and a caret) to stderr and returns nullopt.
std::optional<Problem> load_instance(const std::string& path);

// Seconds since the command started (main()'s first line): a --time limit
// covers the whole command, reading and writing included.
double command_seconds();

// Exit codes shared by the commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInfeasible = 1;  // a roster or result that breaks a hard rule
inline constexpr int kExitInputError = 2;  // unreadable or malformed input

}  // namespace vigil::app
