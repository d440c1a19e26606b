// Fuzz target: the scenario reader (io/scenario_reader.h parse_scenario). A
// read scenario goes through the checks after reading (fuzz_support.h:
// validate(), the precheck, both evaluations of an empty plan), and written
// back by the scenario writer it must read again to the same file, as the
// workspace stores the unit after a repair.
#include "fuzz_support.h"
#include "io/scenario_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigil;
  auto problem = parse_scenario(fuzz::text_of(data, size), "fuzz.yaml");
  if (!problem) {
    fuzz::check_error(problem.error());
    return 0;
  }
  fuzz::check_problem(*problem);
  const std::string yaml = scenario_to_yaml(*problem);
  auto again = parse_scenario(yaml, "written.yaml");
  if (!again)
    fuzz::broken("scenario_to_yaml wrote a file parse_scenario refuses: " + again.error().format() + "\n" + yaml);
  if (scenario_to_yaml(*again) != yaml) fuzz::broken("a scenario read back differs:\n" + yaml);
  return 0;
}
