// The shared search flags (see search_flags.h).
#include "app/search_flags.h"

#include <cmath>

#include <unistd.h>

namespace vigil::app {

void SearchFlags::apply(SolveOptions& options, double default_seconds) const {
  options.time_limit_seconds = seconds(default_seconds);
  options.work_limit = work;
  options.seed = seed;
  options.threads = threads;
}

void add_time_flag(CLI::App& sub, SearchFlags& flags, const std::string& scope, const std::string& default_help) {
  // A NaN passes a range check (every comparison with it is false), so
  // finiteness is checked on its own.
  const CLI::Validator finite(
      [](std::string& text) {
        try {
          return std::isfinite(std::stod(text)) ? std::string() : std::string("expected a finite number of seconds");
        } catch (const std::exception&) {
          return std::string("expected a number of seconds");
        }
      },
      "FINITE");
  sub.add_option("--time", flags.time, "Time limit in seconds" + scope + " (default " + default_help + ")")
      ->check(finite)
      ->check(CLI::Range(0.001, 1e7));
}

void add_work_flag(CLI::App& sub, std::int64_t& work, const std::string& scope) {
  sub.add_option("--work", work,
                 "Move evaluations per thread" + scope +
                     " instead of the clock (0 = none): the run is then the same on any machine and load")
      ->check(CLI::NonNegativeNumber);
}

void add_seed_flag(CLI::App& sub, std::uint64_t& seed) {
  // CLI11 would read "-1" as 2^64-1: a sign is refused before the number is read.
  sub.add_option("--seed", seed, "Random seed (the run prints it)")
      ->check(CLI::Validator(
          [](std::string& text) {
            return text.find_first_not_of("0123456789") == std::string::npos && !text.empty()
                       ? std::string()
                       : "expected a whole number from 0 to 18446744073709551615, got '" + text + "'";
          },
          "UINT64", "seed"))
      ->capture_default_str();
}

double default_max_memory_mib() {
  const long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  return 0.75 * static_cast<double>(pages) * static_cast<double>(page_size) / (1024.0 * 1024.0);
}

void add_max_memory_flag(CLI::App& sub, double& mib) {
  mib = default_max_memory_mib();
  sub.add_option("--max-memory", mib,
                 "Refuse to start when the run's estimated peak memory (printed in its header) passes this many MiB "
                 "(default: 3/4 of physical memory)")
      ->check(CLI::Range(1.0, 1e9))
      ->capture_default_str();
}

void add_threads_flag(CLI::App& sub, int& threads, const std::string& scope) {
  sub.add_option("--threads", threads, "Independent search threads" + scope)
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
}

}  // namespace vigil::app
