// Fuzz target: the benchmark roster reader for CSV (io/roster_io.h
// parse_roster_csv) against examples/ward-14.txt. A read roster is evaluated
// (fully and incrementally, which must agree) and, written back as CSV, must
// read again to the same roster.
#include "fuzz_support.h"
#include "io/roster_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigil;
  const Problem& problem = fuzz::ward14();
  auto roster = parse_roster_csv(problem, fuzz::text_of(data, size), "fuzz.csv");
  if (!roster) {
    fuzz::check_error(roster.error());
    return 0;
  }
  fuzz::check_roster(problem, *roster);
  auto again = parse_roster_csv(problem, roster_to_csv(problem, *roster), "written.csv");
  if (!again) fuzz::broken("roster_to_csv wrote a file parse_roster_csv refuses: " + again.error().format());
  if (!(*again == *roster)) fuzz::broken("a CSV roster read back differs");
  return 0;
}
