// Reading --events and --event (event_options.h).
#include "app/event_options.h"

#include <cstdio>

#include <fmt/format.h>

#include "io/events_reader.h"

namespace vigil::app {

std::optional<std::vector<UnitEvent>> gather_events(const std::string& events_file,
                                                    const std::vector<std::string>& event_texts,
                                                    const Problem& problem, int now_minute) {
  std::vector<UnitEvent> events;
  if (!events_file.empty()) {
    auto read = read_events(events_file, problem);
    if (!read) {
      fmt::print(stderr, "{}\n", read.error().format());
      return std::nullopt;
    }
    events = *read;
  }
  for (const std::string& text : event_texts) {
    auto e = parse_event_option(text, problem);
    if (!e) {
      fmt::print(stderr, "{}\n", e.error().format());
      return std::nullopt;
    }
    events.push_back(*e);
  }
  for (UnitEvent& e : events)
    if (e.reported_minute < 0) e.reported_minute = now_minute;
  return events;
}

}  // namespace vigil::app
