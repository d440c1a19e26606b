// `vigil generate`: writes a valid scenario of any size with the reference
// unit's mix, for tests, benchmarks and trying vigil on a larger unit.
#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/search_flags.h"
#include "io/scenario_writer.h"
#include "solve/unit_generator.h"

namespace vigil::app {

Handler setup_generate(CLI::App& sub) {
  struct Args {
    GeneratorOptions options;
    std::string out;
    bool no_events = false;
  };
  auto args = std::make_shared<Args>();
  sub.add_option("--people", args->options.people, "People in the unit")->capture_default_str();
  sub.add_option("--posts", args->options.posts, "Forward posts")->capture_default_str();
  sub.add_option("--rest-centers", args->options.rest_centers, "Rest centers")->capture_default_str();
  sub.add_option("--days", args->options.days, "Days in the horizon (day 0 is a Monday)")->capture_default_str();
  add_seed_flag(sub, args->options.seed);
  sub.add_flag("--no-events", args->no_events, "Leave out arrivals from training and leave");
  sub.add_option("--out", args->out, "Write the scenario here (default: print it)");
  return [args]() -> int {
    GeneratorOptions options = args->options;
    options.reference_events = !args->no_events;
    auto problem = generate_unit(options);
    if (!problem) {
      fmt::print(stderr, "vigil generate: {}\n", problem.error().message);
      return kExitInputError;
    }
    const std::string text = scenario_to_yaml(*problem);
    if (args->out.empty()) {
      fmt::print("{}", text);
      return kExitOk;
    }
    std::ofstream out(args->out);
    if (!(out << text)) {
      fmt::print(stderr, "vigil generate: cannot write {}\n", args->out);
      return kExitInputError;
    }
    fmt::print(stderr, "vigil generate: {} people, {} posts, {} rest center(s), {} days, seed {} -> {}\n",
               options.people, options.posts, options.rest_centers, options.days, options.seed, args->out);
    return kExitOk;
  };
}

}  // namespace vigil::app
