// Fuzz target: one `--event` text (io/events_reader.h parse_event_option)
// against examples/unit-64.yaml, with a start date when the text holds a
// calendar time. A read event goes through the checks after reading
// (fuzz_support.h check_events).
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigil;
  const std::string text = fuzz::text_of(data, size);
  const Problem* problem = &fuzz::unit64();
  auto event = parse_event_option(text, *problem);
  if (!event && event.error().message.find("the calendar date of day 0 is not known") != std::string::npos) {
    problem = &fuzz::dated_unit64();
    event = parse_event_option(text, *problem);
  }
  if (!event) {
    fuzz::check_error(event.error());
    return 0;
  }
  fuzz::check_events(*problem, fuzz::unit64_plan(), {*event});
  return 0;
}
