// The search flags the commands share (--time, --work, --seed, --threads),
// each defined once: one help text, one check, one default per kind of job.
// A command states what its budget is for ("per run", "per repaired loss")
// and its default time; nothing else about these flags is said twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "solve/solve_options.h"

namespace vigil::app {

// Default time limits, in seconds, by job.
inline constexpr double kBenchmarkDefaultSeconds = 60;  // vigil solve INSTANCE.txt, vigil bench
inline constexpr double kUnitDefaultSeconds = 10;       // vigil solve SCENARIO.yaml
inline constexpr double kRepairDefaultSeconds = 5;      // vigil repair

struct SearchFlags {
  std::optional<double> time;  // --time; unset: the job's default
  std::int64_t work = 0;       // --work; 0: no work limit
  std::uint64_t seed = 1;      // --seed
  int threads = 1;             // --threads

  double seconds(double default_seconds) const { return time.value_or(default_seconds); }
  // Time (or the default), work, seed and threads into `options`.
  void apply(SolveOptions& options, double default_seconds) const;
};

// Registers --time with its default said in `default_help` ("60", "60 for a
// benchmark instance, 10 for a scenario"); finite, from 0.001 to 1e7 seconds.
void add_time_flag(CLI::App& sub, SearchFlags& flags, const std::string& scope, const std::string& default_help);
// Registers --work: move evaluations per thread (`scope`: "per run", ...).
void add_work_flag(CLI::App& sub, std::int64_t& work, const std::string& scope);
void add_seed_flag(CLI::App& sub, std::uint64_t& seed);
void add_threads_flag(CLI::App& sub, int& threads, const std::string& scope);

// The default --max-memory: three quarters of the machine's physical memory,
// in MiB (sysconf), leaving the rest to the system and other programs; 0
// when the system does not say.
double default_max_memory_mib();
// Registers --max-memory MIB (1 to 1e9; default default_max_memory_mib()).
void add_max_memory_flag(CLI::App& sub, double& mib);

}  // namespace vigil::app
