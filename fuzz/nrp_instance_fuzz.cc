// Fuzz target: the benchmark instance reader (io/nrp_reader.h). A read
// problem then goes through the checks after reading (fuzz_support.h):
// validate(), and the full and incremental evaluations of an empty roster.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigil;
  auto problem = parse_nrp_instance(fuzz::text_of(data, size), "fuzz.txt");
  if (!problem) {
    fuzz::check_error(problem.error());
    return 0;
  }
  fuzz::check_problem(*problem);
  return 0;
}
