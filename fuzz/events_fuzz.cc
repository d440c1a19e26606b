// Fuzz target: the events reader (io/events_reader.h parse_events) against
// examples/unit-64.yaml; against unit-64 with a start date when the input
// holds calendar times, which need one. Read events go through the checks
// after reading (fuzz_support.h check_events): written back and read again,
// applied to unit-64's plan, the changed unit checked and evaluated.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigil;
  const std::string text = fuzz::text_of(data, size);
  const Problem* problem = &fuzz::unit64();
  auto events = parse_events(text, "fuzz.yaml", *problem);
  if (!events && events.error().message.find("the calendar date of day 0 is not known") != std::string::npos) {
    problem = &fuzz::dated_unit64();
    events = parse_events(text, "fuzz.yaml", *problem);
  }
  if (!events) {
    fuzz::check_error(events.error());
    return 0;
  }
  fuzz::check_events(*problem, fuzz::unit64_plan(), *events);
  return 0;
}
