// Fuzz target: the benchmark roster reader for JSON (io/roster_io.h
// parse_roster_json) against examples/ward-14.txt. A read roster is
// evaluated (fully and incrementally, which must agree) and, written back as
// JSON, must read again to the same roster.
#include "fuzz_support.h"
#include "io/roster_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigil;
  const Problem& problem = fuzz::ward14();
  auto roster = parse_roster_json(problem, fuzz::text_of(data, size), "fuzz.json");
  if (!roster) {
    fuzz::check_error(roster.error());
    return 0;
  }
  fuzz::check_roster(problem, *roster);
  auto again = parse_roster_json(problem, roster_to_json(problem, *roster), "written.json");
  if (!again) fuzz::broken("roster_to_json wrote a file parse_roster_json refuses: " + again.error().format());
  if (!(*again == *roster)) fuzz::broken("a JSON roster read back differs");
  return 0;
}
